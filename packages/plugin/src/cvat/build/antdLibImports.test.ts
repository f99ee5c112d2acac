import { existsSync, readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAst } from 'vite';
import { describe, expect, it } from 'vitest';
import { antdLibImports, readAntdLibExports } from './antdLibImports';

// Plain paths: under jsdom, `new URL(…, import.meta.url)` is jsdom's URL, which node:url rejects.
const antdLib = resolve(dirname(fileURLToPath(import.meta.url)), '../../../node_modules/antd/lib');
const barrelPath = resolve(antdLib, 'index.js');

function transform(code: string, id = '/src/panel/View.js'): string | null {
  const plugin = antdLibImports({ barrelPath });
  const context = {
    parse: (source: string) => parseAst(source),
    error: (message: string) => {
      throw new Error(message);
    },
  };
  const hook = plugin.transform as (
    this: typeof context,
    code: string,
    id: string,
  ) => { code: string } | null;
  return hook.call(context, code, id)?.code ?? null;
}

describe('readAntdLibExports', () => {
  const exports = readAntdLibExports(readFileSync(barrelPath, 'utf8'));

  it('maps every component of antd 5.17 to an existing antd/lib folder', () => {
    expect(exports.get('Button')).toBe('button');
    expect(exports.get('QRCode')).toBe('qr-code');
    expect(exports.get('ConfigProvider')).toBe('config-provider');
    expect(exports.get('theme')).toBe('theme');
    expect(exports.get('App')).toBe('app');
    expect(exports.size).toBeGreaterThan(60);
    for (const folder of exports.values()) {
      expect(existsSync(resolve(antdLib, folder, 'index.js'))).toBe(true);
    }
  });

  it('does not know components added after antd 5.17', () => {
    expect(exports.has('Splitter')).toBe(false);
  });
});

describe('antdLibImports', () => {
  it('rewrites named imports from antd into per-component default imports, keeping aliases', () => {
    const out = transform(
      "import { Button, Table as T, theme } from 'antd';\nimport { useState } from 'react';\nexport const x = [Button, T, theme, useState];",
    );
    expect(out).toContain("import Button from 'antd/lib/button';");
    expect(out).toContain("import T from 'antd/lib/table';");
    expect(out).toContain("import theme from 'antd/lib/theme';");
    expect(out).toContain("import { useState } from 'react';");
    expect(out).not.toMatch(/from 'antd'/);
  });

  it('leaves files without antd imports and files in node_modules alone', () => {
    expect(transform("import { useState } from 'react';")).toBeNull();
    expect(transform("import { Button } from 'antd';", '/x/node_modules/lib/a.js')).toBeNull();
  });

  it('when a component does not exist in antd 5.17, then the build fails naming it', () => {
    expect(() => transform("import { Splitter } from 'antd';")).toThrow(/no export "Splitter"/);
  });

  it('when antd is imported as a namespace or re-exported, then the build fails', () => {
    expect(() => transform("import * as antd from 'antd'; export const a = antd;")).toThrow(
      /only named imports/,
    );
    expect(() => transform("export { Button } from 'antd';")).toThrow(/re-exporting/);
  });
});
