import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { startProcess, type RunningProcess } from './startProcess';

const run = promisify(execFile);
const pluginDir = fileURLToPath(new URL('../..', import.meta.url));
const packagesDir = join(pluginDir, '..');

// The emulator's defaults: obviously fake keys, also what `pnpm start` uses in demo mode.
const ACCESS_KEY = 'FAKE_EMULATOR_ACCESS_KEY';
const SECRET_KEY = 'fake-emulator-secret-key';

export interface Stack {
  /** The proxy; the panel is at `${proxy}/ui/`. */
  proxyUrl: string;
  emulatorUrl: string;
  /** Makes ClearML (the emulator) unreachable for the proxy, or reachable again. */
  setUnreachable: (unreachable: boolean) => Promise<void>;
  stop: () => Promise<void>;
}

/** `vite build` of the standalone page into a fresh folder (not dist/, which others may be serving). */
export async function buildPanel(): Promise<{ dir: string; output: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'clearml-panel-ui-'));
  const { stdout } = await run(
    join(pluginDir, 'node_modules/.bin/vite'),
    ['build', '--outDir', dir, '--emptyOutDir'],
    { cwd: pluginDir, timeout: 180_000 },
  );
  return { dir, output: stdout };
}

/** The emulator and the proxy as separate processes, wired like `pnpm start`, on free ports. */
export async function startStack(uiDir?: string): Promise<Stack> {
  const emulator = await startProcess({
    name: 'clearml-emulator',
    cwd: join(packagesDir, 'clearml-emulator'),
    entry: 'src/cli.ts',
    args: ['--port', '0', '--host', '127.0.0.1'],
    urlPattern: /listening on (http:\/\/127\.0\.0\.1:\d+)/,
  });
  let proxy: RunningProcess;
  try {
    proxy = await startProcess({
      name: 'proxy',
      cwd: join(packagesDir, 'proxy'),
      entry: 'src/main.ts',
      env: {
        CLEARML_API_HOST: emulator.url,
        CLEARML_API_ACCESS_KEY: ACCESS_KEY,
        CLEARML_API_SECRET_KEY: SECRET_KEY,
        PORT: '0',
        HOST: '127.0.0.1',
        AUTH_MODE: 'none',
        ...(uiDir ? { UI_DIR: uiDir } : {}),
      },
      urlPattern: /"url":"(http:\/\/127\.0\.0\.1:\d+)"/,
    });
  } catch (error) {
    await emulator.stop();
    throw error;
  }
  return {
    proxyUrl: proxy.url,
    emulatorUrl: emulator.url,
    setUnreachable: async (unreachable) => {
      const faults = `${emulator.url}/_emulator/faults`;
      // Turning "unreachable" on drops every open socket, the control request's own included.
      await fetch(faults, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Connection: 'close' },
        body: JSON.stringify({ unreachable }),
      }).catch(() => undefined);
      const state = (await (await fetch(faults, { headers: { Connection: 'close' } })).json()) as {
        unreachable: boolean;
      };
      if (state.unreachable !== unreachable) throw new Error('the emulator did not take the fault');
    },
    stop: async () => {
      await Promise.all([proxy.stop(), emulator.stop()]);
    },
  };
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}
