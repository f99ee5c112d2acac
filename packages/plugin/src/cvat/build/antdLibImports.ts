import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';

/**
 * Reads antd's CommonJS barrel (`antd/lib/index.js`) and returns, for each export, the
 * folder under `antd/lib` whose default export it is (`QRCode` → `qr-code`). Reading the
 * barrel instead of kebab-casing names means every target is known to exist.
 */
export function readAntdLibExports(barrelSource: string): Map<string, string> {
  const folders = new Map<string, string>();
  for (const m of barrelSource.matchAll(
    /var (_\w+) = _interopRequire\w*\(require\("\.\/([\w-]+)"\)\)/g,
  )) {
    folders.set(m[1] as string, m[2] as string);
  }
  const exports = new Map<string, string>();
  const getter =
    /defineProperty\(exports, "(\w+)", \{\s*enumerable: true,\s*get: function \(\) \{\s*return (_\w+)\.default;/g;
  for (const m of barrelSource.matchAll(getter)) {
    const folder = folders.get(m[2] as string);
    if (folder) exports.set(m[1] as string, folder);
  }
  return exports;
}

interface ImportNode {
  type: string;
  start: number;
  end: number;
  source?: { value?: unknown } | null;
  specifiers?: { type: string; imported?: { name?: string }; local: { name: string } }[];
}

/**
 * Rewrites `import { Button, Table as T } from 'antd'` into
 * `import Button from 'antd/lib/button'; import T from 'antd/lib/table'`.
 *
 * Why: CVAT imports antd per component from `antd/lib/<component>`; inside CVAT's webpack
 * a bare `antd` resolves to the `antd/es` barrel and brings a second copy of ~70 antd
 * modules into the plugin's chunk. Runs after TypeScript is stripped, so type-only
 * imports are already gone. Anything it cannot rewrite safely fails the build.
 */
export function antdLibImports(options: { barrelPath: string }): Plugin {
  let exports: Map<string, string> | undefined;
  return {
    name: 'clearml:antd-lib-imports',
    transform(code, id) {
      if (id.includes('/node_modules/') || !/from\s*["']antd["']|["']antd["']\s*\)/.test(code)) {
        return null;
      }
      exports ??= readAntdLibExports(readFileSync(options.barrelPath, 'utf8'));
      const body = (this.parse(code) as unknown as { body: ImportNode[] }).body;
      const edits: { start: number; end: number; text: string }[] = [];
      for (const node of body) {
        if (node.source?.value !== 'antd') continue;
        if (node.type !== 'ImportDeclaration') {
          this.error(
            `${id}: re-exporting from 'antd' cannot be rewritten to antd/lib; import per name.`,
          );
        }
        const lines = (node.specifiers ?? []).map((spec) => {
          const name = spec.imported?.name;
          if (spec.type !== 'ImportSpecifier' || !name) {
            this.error(
              `${id}: only named imports from 'antd' can be rewritten (found ${spec.type}).`,
            );
          }
          const folder = exports?.get(name);
          if (!folder) this.error(`${id}: antd 5.17 has no export "${name}" in antd/lib.`);
          return `import ${spec.local.name} from 'antd/lib/${folder}';`;
        });
        edits.push({ start: node.start, end: node.end, text: lines.join('\n') });
      }
      if (edits.length === 0) return null;
      let out = code;
      for (const edit of edits.sort((a, b) => b.start - a.start)) {
        out = out.slice(0, edit.start) + edit.text + out.slice(edit.end);
      }
      return { code: out, map: null };
    },
  };
}
