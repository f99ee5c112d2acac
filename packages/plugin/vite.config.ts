import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The proxy's API paths, forwarded by the dev server so the page and the API share an origin.
const API_PATHS = ['/session', '/projects', '/models', '/health', '/openapi.json', '/docs'];

// The libraries CVAT already ships: split into their own chunk so the budget measures our code.
const HOST_LIBRARIES =
  /node_modules\/(\.pnpm\/[^/]+\/node_modules\/)?(react|react-dom|scheduler|antd|@ant-design|rc-[^/]+|@rc-component|react-router|react-router-dom|history|@babel\/runtime|@ctrl|classnames|dayjs|stylis|@emotion|resize-observer-polyfill|throttle-debounce|compute-scroll-into-view|scroll-into-view-if-needed|copy-to-clipboard|toggle-selection|json2mq|string-convert|qrcode\.react|hoist-non-react-statics|path-to-regexp|isarray|tiny-invariant|tiny-warning|mini-create-react-context|value-equal|resolve-pathname|react-is|prop-types|object-assign|loose-envify|js-tokens)\//;

export default defineConfig({
  root: 'src/standalone',
  base: '/ui/',
  plugins: [react()],
  resolve: { conditions: ['source'] },
  server: {
    host: '127.0.0.1',
    proxy: Object.fromEntries(
      API_PATHS.map((path) => [
        path,
        { target: process.env.PROXY_URL ?? 'http://127.0.0.1:8500', changeOrigin: true },
      ]),
    ),
  },
  build: {
    outDir: '../../dist/ui',
    emptyOutDir: true,
    sourcemap: false,
    chunkSizeWarningLimit: 2000,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [{ name: 'host-libraries', test: HOST_LIBRARIES }],
        },
      },
    },
  },
});
