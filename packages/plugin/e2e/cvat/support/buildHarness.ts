import { execFile } from 'node:child_process';
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import react from '@vitejs/plugin-react';
import { build } from 'vite';

const pluginDir = fileURLToPath(new URL('../../..', import.meta.url));

/**
 * Builds the plugin folder (`build:cvat` → dist/cvat), copies it into the harness the way it
 * is copied to cvat-ui/plugins/clearml (so its bare imports resolve to the host's packages,
 * and the nearest package.json is the harness's, like cvat-ui's), then builds the harness
 * page around it into `outDir`.
 */
export async function buildHarness(outDir: string): Promise<{ pluginFolder: string }> {
  const built = join(pluginDir, 'dist/cvat');
  await promisify(execFile)(process.execPath, ['scripts/build-cvat.mjs'], {
    cwd: pluginDir,
    env: { ...process.env, CVAT_OUT_DIR: built },
    timeout: 180_000,
  });
  const pluginFolder = join(pluginDir, 'e2e/cvat/harness/dist/plugins/clearml');
  rmSync(pluginFolder, { recursive: true, force: true });
  cpSync(built, pluginFolder, { recursive: true });
  // Vitest sets NODE_ENV=test; the page must be a production build like CVAT's.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await buildPage(outDir, pluginFolder);
  } finally {
    process.env.NODE_ENV = nodeEnv;
  }
  return { pluginFolder };
}

async function buildPage(outDir: string, pluginFolder: string) {
  await build({
    configFile: false,
    root: join(pluginDir, 'e2e/cvat/harness'),
    logLevel: 'warn',
    plugins: [react()],
    resolve: { alias: { 'clearml-cvat-plugin': join(pluginFolder, 'src/ts/index.tsx') } },
    build: {
      outDir,
      emptyOutDir: true,
      minify: false,
      rolldownOptions: { output: { chunkFileNames: 'assets/[name]-[hash].js' } },
    },
  });
}
