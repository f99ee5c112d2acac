// Reads the repository's deploy files (from the repository root, wherever vitest runs).
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'yaml';

export const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

export function readRepoFile(path: string): string {
  return readFileSync(join(repoRoot, path), 'utf8');
}

export function repoPathExists(path: string): boolean {
  return existsSync(join(repoRoot, path));
}

/** A compose file parsed as Compose reads it (YAML 1.2 core schema). */
export function loadCompose(path: string): Record<string, unknown> {
  return parse(readRepoFile(path)) as Record<string, unknown>;
}

/** KEY=value lines of a dotenv file, comments and blank lines skipped. */
export function parseDotenv(text: string): Record<string, string> {
  const entries = text
    .split(/\r?\n/)
    .map((l) => /^\s*([A-Za-z_][A-Za-z0-9_]*)=(.*)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1]!, m[2]!.trim()] as const);
  return Object.fromEntries(entries);
}

export const COMPOSE_FILES = [
  'docker-compose.yml',
  'docker-compose.cvat.yml',
  'deploy/docker-compose.secrets.yml',
  'deploy/docker-compose.cvat.https.yml',
];
