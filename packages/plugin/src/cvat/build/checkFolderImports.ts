import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { parseAst } from 'vite';
import { isSharedWithCvat } from './sharedWithCvat';

export interface FolderImport {
  file: string;
  specifier: string;
  dynamic: boolean;
}

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

/** Every static and dynamic import (and re-export) in the folder's JS/TS files, parsed. */
export function listFolderImports(folder: string): FolderImport[] {
  const found: FolderImport[] = [];
  for (const path of walk(folder).filter((p) => /\.(m?js|tsx?)$/.test(p))) {
    const file = relative(folder, path);
    const visit = (node: unknown): void => {
      if (typeof node !== 'object' || node === null) return;
      const n = node as { type?: string; source?: { type?: string; value?: unknown } };
      const isImportLike =
        n.type === 'ImportDeclaration' ||
        n.type === 'ExportAllDeclaration' ||
        n.type === 'ExportNamedDeclaration' ||
        n.type === 'ImportExpression';
      if (isImportLike && n.source) {
        const value = n.source.type === 'Literal' ? n.source.value : undefined;
        // A computed dynamic import cannot be checked: report it as such.
        found.push({
          file,
          specifier: typeof value === 'string' ? value : '<computed>',
          dynamic: n.type === 'ImportExpression',
        });
      }
      for (const child of Object.values(node)) {
        if (Array.isArray(child)) child.forEach(visit);
        else if (typeof child === 'object') visit(child);
      }
    };
    visit(parseAst(readFileSync(path, 'utf8'), { lang: path.endsWith('x') ? 'tsx' : 'js' }));
  }
  return found;
}

/**
 * What would stop the folder from building inside CVAT: an import that is neither a file
 * inside the folder nor one of the packages CVAT shares with plugins.
 */
export function checkFolderImports(folder: string): string[] {
  const root = resolve(folder);
  const problems: string[] = [];
  for (const { file, specifier } of listFolderImports(root)) {
    if (specifier.startsWith('.')) {
      const target = resolve(dirname(join(root, file)), specifier);
      if (!target.startsWith(root + sep))
        problems.push(`${file}: "${specifier}" leaves the folder`);
      else if (!existsSync(target)) problems.push(`${file}: "${specifier}" does not exist`);
    } else if (!isSharedWithCvat(specifier)) {
      problems.push(`${file}: "${specifier}" is not a package CVAT shares`);
    }
  }
  return problems;
}
