// The CVAT plugin build: a library build of src/cvat/entry.ts into ES modules that CVAT's
// webpack takes in as plain JavaScript (see shared/CVAT-PLUGIN.md). React, antd, the icons
// and react-router stay bare imports so CVAT's own copies are used; everything else (the
// panel, TanStack Query, openapi-fetch) is bundled. Driven by scripts/build-cvat.mjs,
// which sets CLEARML_API_BASE and CVAT_VENDOR_DIR.
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { antdLibImports } from './src/cvat/build/antdLibImports';
import { isSharedWithCvat } from './src/cvat/build/sharedWithCvat';

const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react(), antdLibImports({ barrelPath: here('./node_modules/antd/lib/index.js') })],
  resolve: { conditions: ['source'] },
  define: {
    __CLEARML_API_BASE__: JSON.stringify(process.env.CLEARML_API_BASE ?? '/clearml-api'),
    // CVAT's webpack replaces this too; fixing it here lets the bundle drop dev-only code
    // before its size is measured.
    'process.env.NODE_ENV': JSON.stringify('production'),
  },
  build: {
    outDir: process.env.CVAT_VENDOR_DIR ?? here('./dist/cvat/vendor'),
    emptyOutDir: true,
    copyPublicDir: false,
    target: 'es2020',
    minify: true,
    sourcemap: false,
    lib: {
      entry: here('./src/cvat/entry.ts'),
      formats: ['es'],
      fileName: () => 'clearml-plugin.js',
    },
    rolldownOptions: {
      external: isSharedWithCvat,
      output: {
        // Stable, recognisable names: the panel chunk is what loads on first open.
        chunkFileNames: 'clearml-[name]-[hash].js',
      },
    },
  },
});
