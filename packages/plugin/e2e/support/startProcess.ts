import { spawn } from 'node:child_process';

export interface RunningProcess {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/**
 * Starts `tsx --conditions=source <entry>` as its own process and waits (bounded) until its
 * output names the loopback URL it listens on.
 */
export function startProcess(options: {
  name: string;
  cwd: string;
  entry: string;
  args?: string[];
  env?: Record<string, string>;
  urlPattern: RegExp;
  timeoutMs?: number;
}): Promise<RunningProcess> {
  const { name, cwd, entry, args = [], env = {}, urlPattern, timeoutMs = 60_000 } = options;
  const child = spawn(`${cwd}/node_modules/.bin/tsx`, ['--conditions=source', entry, ...args], {
    cwd,
    // Only what the process needs: no ClearML settings leak in from this machine.
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '/tmp', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('close', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
    await exited;
  };
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      void stop();
      reject(new Error(`${name} did not start within ${timeoutMs} ms:\n${output}`));
    }, timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const url = urlPattern.exec(output)?.[1];
      if (url) {
        clearTimeout(timer);
        resolve({ url, output: () => output, stop });
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}
