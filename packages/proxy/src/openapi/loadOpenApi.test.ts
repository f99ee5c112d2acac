import { readFileSync } from 'node:fs';
import { serialize } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { loadOpenApi, OPENAPI_PATH } from './loadOpenApi.js';

/** V8's own serializer tags a string by how V8 stores it: 0x22 one byte a character, 0x63 two. */
const storedAsOneByte = (s: string) => serialize(s)[2] === 0x22;

describe('loadOpenApi', () => {
  it('reads a contract written in Latin-1 only (see loadOpenApi)', () => {
    const wide = [...readFileSync(OPENAPI_PATH, 'utf8')].filter((c) => c.codePointAt(0)! > 0xff);
    expect(wide, 'characters beyond Latin-1 in openapi.yaml').toEqual([]);
  });

  it('leaves the property names it parses one byte a character, so answers serialize that way', () => {
    const doc = loadOpenApi();
    const task = doc.components.schemas.TaskSummary as { properties: Record<string, unknown> };
    const names = Object.keys(task.properties);
    expect(names).toContain('project_name');
    const answer = JSON.stringify(Object.fromEntries(names.map((n) => [n, null])));
    expect(storedAsOneByte(answer)).toBe(true);
    expect(storedAsOneByte('two\u2014byte')).toBe(false);
  });
});
