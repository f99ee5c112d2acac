import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const packagesDir = fileURLToPath(new URL('../../../..', import.meta.url));

export interface RunningProcess {
  url: string;
  output: () => string;
  stop: () => Promise<void>;
}

/** Starts a process and waits (bounded) until its output shows the URL it listens on. */
function startProcess(
  name: string,
  cwd: string,
  args: string[],
  env: Record<string, string>,
  findUrl: (output: string) => string | undefined,
  timeoutMs = 60_000,
): Promise<RunningProcess> {
  const child: ChildProcess = spawn(`${cwd}/node_modules/.bin/tsx`, args, {
    cwd,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
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
      output += chunk.toString();
      const url = findUrl(output);
      if (url) {
        clearTimeout(timer);
        resolve({ url, output: () => output, stop });
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`${name} exited with ${code}:\n${output}`));
    });
  });
}

/** The ClearML emulator and the proxy, as separate processes, like `pnpm start` runs them. */
export async function startServices(proxyEnv: Record<string, string> = {}) {
  const emulator = await startProcess(
    'clearml-emulator',
    `${packagesDir}/clearml-emulator`,
    ['--conditions=source', 'src/cli.ts', '--port', '0', '--host', '127.0.0.1'],
    {},
    (out) => /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(out)?.[1],
  );
  try {
    const proxy = await startProcess(
      'proxy',
      `${packagesDir}/proxy`,
      ['--conditions=source', 'src/main.ts'],
      {
        CLEARML_API_HOST: emulator.url,
        CLEARML_API_ACCESS_KEY: 'FAKE_EMULATOR_ACCESS_KEY',
        CLEARML_API_SECRET_KEY: 'fake-emulator-secret-key',
        PORT: '0',
        HOST: '127.0.0.1',
        AUTH_MODE: 'none',
        ...proxyEnv,
      },
      (out) => /"url":"(http:\/\/127\.0\.0\.1:\d+)"/.exec(out)?.[1],
    );
    return {
      emulator,
      proxy,
      stop: async () => {
        await proxy.stop();
        await emulator.stop();
      },
    };
  } catch (error) {
    await emulator.stop();
    throw error;
  }
}
