// Runs a package entry point as its own process (tsx with the `source` condition), keeps its
// output, and stops it on request: for tests that must not share a process with the server.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { pollUntil } from './pollUntil.js';

export const PROXY_DIR = fileURLToPath(new URL('../../..', import.meta.url));
const TSX = `${PROXY_DIR}node_modules/.bin/tsx`;

export interface RunningProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Waits (bounded) until the output matches, and returns the match. */
  waitFor(pattern: RegExp, timeoutMs?: number): Promise<RegExpMatchArray>;
  exited(): Promise<number | null>;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Only what a process needs from ours: no ClearML settings leak in from the machine. */
export function baseEnv(): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['PATH', 'HOME', 'TMPDIR', 'LANG']) {
    const value = process.env[name];
    if (value) env[name] = value;
  }
  return env;
}

export function spawnTs(
  entry: string,
  args: string[],
  options: { env: Record<string, string>; cwd: string },
): RunningProcess {
  const child = spawn(TSX, ['--conditions=source', entry, ...args], {
    env: options.env,
    cwd: options.cwd,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  let err = '';
  child.stdout!.on('data', (c: Buffer) => (out += c.toString('utf8')));
  child.stderr!.on('data', (c: Buffer) => (err += c.toString('utf8')));
  // 'close', not 'exit': only then has all of the output been read.
  const exit = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    stdout: () => out,
    stderr: () => err,
    waitFor: async (pattern, timeoutMs = 20_000) => {
      let match: RegExpMatchArray | null = null;
      await pollUntil(
        async () => {
          match = (out + err).match(pattern);
          if (!match && child.exitCode !== null) {
            throw new Error(
              `process exited (${child.exitCode}) before ${pattern}:\n${out}\n${err}`,
            );
          }
          return match !== null;
        },
        { timeoutMs, intervalMs: 25 },
      );
      return match!;
    },
    exited: () => exit,
    stop: async (signal = 'SIGTERM') => {
      if (child.exitCode === null) child.kill(signal);
      return exit;
    },
  };
}
