// Acceptance 1 (issue 5): `build:cvat` produces a folder CVAT can build as a client plugin.
// Runs the real build script into temporary folders and inspects what it wrote.
import { execFile } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkFolderImports, listFolderImports } from '../../src/cvat/build/checkFolderImports';

const run = promisify(execFile);
const pluginDir = new URL('../..', import.meta.url).pathname;
const work = mkdtempSync(join(tmpdir(), 'clearml-cvat-build-'));

async function buildCvat(outDir: string, env: Record<string, string> = {}) {
  return run(process.execPath, ['scripts/build-cvat.mjs'], {
    cwd: pluginDir,
    env: { ...process.env, CVAT_OUT_DIR: outDir, ...env },
    timeout: 180_000,
  });
}

const readVendor = (folder: string) =>
  readdirSync(join(folder, 'vendor'))
    .map((name) => readFileSync(join(folder, 'vendor', name), 'utf8'))
    .join('\n');

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe('pnpm build:cvat', () => {
  const folder = join(work, 'default');
  let stdout = '';

  beforeAll(async () => {
    ({ stdout } = await buildCvat(folder));
  }, 200_000);

  it('lays the folder out as CVAT expects: src/ts/index.tsx, vendor/, README, no package.json', () => {
    expect(existsSync(join(folder, 'src/ts/index.tsx'))).toBe(true);
    expect(existsSync(join(folder, 'vendor/clearml-plugin.js'))).toBe(true);
    expect(readFileSync(join(folder, 'README.md'), 'utf8')).toContain(
      'CLIENT_PLUGINS=plugins/clearml',
    );
    expect(existsSync(join(folder, 'package.json'))).toBe(false);
    expect(existsSync(join(folder, 'node_modules'))).toBe(false);
  });

  it('imports nothing but files inside the folder and the packages CVAT shares', () => {
    expect(checkFolderImports(folder)).toEqual([]);
    const shim = listFolderImports(folder).filter((i) => i.file === join('src', 'ts', 'index.tsx'));
    expect(shim.map((i) => i.specifier)).toEqual(['../../vendor/clearml-plugin.js']);
  });

  it('uses antd only per component from antd/lib, never the antd barrel', () => {
    const antd = listFolderImports(folder).filter((i) => /^antd(\/|$)/.test(i.specifier));
    expect(antd.length).toBeGreaterThan(3);
    for (const { specifier } of antd) expect(specifier).toMatch(/^antd\/lib\/[a-z-]+$/);
  });

  it('keeps the panel out of the entry: it is reached only through a dynamic import', () => {
    const fromEntry = listFolderImports(folder).filter(
      (i) => i.file === join('vendor', 'clearml-plugin.js') && i.specifier.includes('panelChunk'),
    );
    expect(fromEntry).toHaveLength(1);
    expect(fromEntry[0]?.dynamic).toBe(true);
    // TanStack Query is bundled, and only into the lazy chunk.
    const entry = readFileSync(join(folder, 'vendor/clearml-plugin.js'), 'utf8');
    expect(entry).not.toMatch(/QueryClient/);
    expect(readVendor(folder)).toMatch(/QueryClient/);
  });

  it('prints each file with its gzip size and the panel total within the 60 KiB budget', () => {
    expect(stdout).toMatch(/vendor\/clearml-plugin\.js\s+[\d.]+ KiB\s+gzip\s+[\d.]+ KiB/);
    const total = Number(/own code \(loads on first open\): ([\d.]+) KiB gzip/.exec(stdout)?.[1]);
    console.log(`CVAT plugin own code: ${total} KiB gzip`);
    expect(total).toBeGreaterThan(1);
    expect(total).toBeLessThanOrEqual(60);
  });

  it('talks to /clearml-api by default, and to CLEARML_API_BASE when it is set', async () => {
    expect(readVendor(folder)).toContain('"/clearml-api"');
    const custom = join(work, 'custom');
    await buildCvat(custom, { CLEARML_API_BASE: '/ml/clearml-proxy' });
    expect(readVendor(custom)).toContain('"/ml/clearml-proxy"');
    expect(readVendor(custom)).not.toContain('"/clearml-api"');
  }, 200_000);

  it('refuses an API base that is not a same-origin path', async () => {
    await expect(
      buildCvat(join(work, 'bad'), { CLEARML_API_BASE: 'https://clearml.example.com' }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('CLEARML_API_BASE must be') });
  });
});

describe('the folder import check', () => {
  it('when a file imports an unshared package or leaves the folder, then it names each one', () => {
    const bad = join(work, 'bad-folder');
    mkdirSync(join(bad, 'vendor'), { recursive: true });
    writeFileSync(
      join(bad, 'vendor', 'x.js'),
      [
        'import { QueryClient } from "@tanstack/react-query";',
        'import "../../outside.js";',
        'import "./missing.js";',
        'import Button from "antd/lib/button";',
        'export const load = () => import("react-dom/server");',
      ].join('\n'),
    );
    expect(checkFolderImports(bad)).toEqual([
      'vendor/x.js: "@tanstack/react-query" is not a package CVAT shares',
      'vendor/x.js: "../../outside.js" leaves the folder',
      'vendor/x.js: "./missing.js" does not exist',
      'vendor/x.js: "react-dom/server" is not a package CVAT shares',
    ]);
  });
});
