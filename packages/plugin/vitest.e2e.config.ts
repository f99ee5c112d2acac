import { defineConfig } from 'vitest/config';

// Browser tests: real processes (emulator, proxy) and a real Chromium, one file at a time.
export default defineConfig({
  resolve: { conditions: ['source'] },
  test: {
    environment: 'node',
    include: ['e2e/**/*.e2e.test.ts'],
    testTimeout: 120_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    maxWorkers: 1,
  },
});
