// The committed types (src/generated/openapi.d.ts) must be exactly what `pnpm generate` makes
// from openapi.yaml today: a contract edit without regenerating fails here.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROXY_DIR } from './helpers/spawnProcess.js';

const run = promisify(execFile);
const CLI = join(PROXY_DIR, 'node_modules/.bin/openapi-typescript');
let dir: string;

/** The same command as package.json's `generate`, into a temporary file. */
async function generate(spec: string): Promise<string> {
  const out = join(dir, `out-${Math.random().toString(36).slice(2)}.d.ts`);
  await run(CLI, [spec, '-o', out], { cwd: PROXY_DIR });
  return readFile(out, 'utf8');
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'proxy-gen-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('generated OpenAPI types', () => {
  it('src/generated/openapi.d.ts is up to date with openapi.yaml', async () => {
    const fresh = await generate(join(PROXY_DIR, 'openapi.yaml'));
    const committed = await readFile(join(PROXY_DIR, 'src/generated/openapi.d.ts'), 'utf8');
    expect(committed, 'run `pnpm --filter @cvat-clearml/proxy generate`').toBe(fresh);
  }, 60_000);

  it('a changed contract gives different types (so the check above can fail)', async () => {
    const spec = await readFile(join(PROXY_DIR, 'openapi.yaml'), 'utf8');
    const changed = join(dir, 'changed.yaml');
    await writeFile(
      changed,
      spec.replace('has_more: { type: boolean }', 'has_more: { type: string }'),
    );
    const committed = await readFile(join(PROXY_DIR, 'src/generated/openapi.d.ts'), 'utf8');
    expect(await generate(changed)).not.toBe(committed);
  }, 60_000);
});
