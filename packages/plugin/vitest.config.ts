import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  plugins: [react()],
  resolve: { conditions: ['source'] },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    testTimeout: 90_000,
    // antd's CSS-in-JS is heavy in jsdom; two workers are all this machine spares.
    maxWorkers: 2,
    // antd's ES build imports rc-* files without extensions, which Node's ESM loader rejects:
    // let Vite transform them instead.
    server: { deps: { inline: [/antd/, /rc-[a-z-]+/, /@rc-component/, /@ant-design/] } },
    deps: { optimizer: { client: { enabled: true, include: ['antd', '@ant-design/icons'] } } },
  },
});
