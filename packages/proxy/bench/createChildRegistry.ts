import { spawn, type ChildProcess } from 'node:child_process';
import { openSync } from 'node:fs';
import { createServer } from 'node:net';

export interface Child {
  name: string;
  pid: number;
  process: ChildProcess;
  /** Last lines of stderr, to explain an early exit. */
  stderrTail(): string;
}

export interface ChildRegistry {
  /** Starts `node <args>` (no shell, so the pid is the server itself, not a wrapper). */
  start(
    name: string,
    args: string[],
    opts: { cwd: string; env?: NodeJS.ProcessEnv; stdoutFile?: string },
  ): Child;
  /** SIGTERM to every child still running, SIGKILL to those still there after `graceMs`. */
  stopAll(graceMs?: number): Promise<void>;
}

/** Every child process of the benchmark, so none outlives it (normal end, error or SIGINT). */
export function createChildRegistry(): ChildRegistry {
  const children = new Set<Child>();

  return {
    start(name, args, opts) {
      const proc = spawn(process.execPath, args, {
        cwd: opts.cwd,
        env: opts.env ?? process.env,
        // The proxy logs a line per request: a file or /dev/null keeps that off our CPU.
        stdio: ['ignore', opts.stdoutFile ? openSync(opts.stdoutFile, 'w') : 'ignore', 'pipe'],
      });
      if (proc.pid === undefined) throw new Error(`${name}: could not start`);
      let tail = '';
      proc.stderr?.on('data', (chunk: Buffer) => {
        tail = (tail + chunk.toString('utf8')).slice(-2000);
      });
      const child: Child = { name, pid: proc.pid, process: proc, stderrTail: () => tail };
      children.add(child);
      proc.on('exit', () => children.delete(child));
      return child;
    },
    async stopAll(graceMs = 5000) {
      const running = [...children];
      await Promise.all(
        running.map(
          (c) =>
            new Promise<void>((resolve) => {
              if (c.process.exitCode !== null || c.process.signalCode !== null) return resolve();
              const timer = setTimeout(() => c.process.kill('SIGKILL'), graceMs);
              c.process.once('exit', () => {
                clearTimeout(timer);
                resolve();
              });
              c.process.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/** A port that was free a moment ago on 127.0.0.1 (the child binds it right after). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Polls `probe` until it answers true; fails after `timeoutMs` or when the child exits. */
export async function waitUntilReady(
  child: Child,
  probe: () => Promise<boolean>,
  timeoutMs: number,
): Promise<number> {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    if (child.process.exitCode !== null || child.process.signalCode !== null) {
      throw new Error(`${child.name} exited before it was ready:\n${child.stderrTail()}`);
    }
    if (await probe().catch(() => false)) return performance.now() - started;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`${child.name} was not ready within ${timeoutMs} ms:\n${child.stderrTail()}`);
}
