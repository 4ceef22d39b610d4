import preact from '@preact/preset-vite';
import { defineConfig } from 'vite';

/**
 * Extension pages (side panel, options) and the background module. The content script is built
 * separately as one classic script (see scripts/build.ts) so no loader hop delays it on a page.
 */
export default defineConfig({
  plugins: [preact()],
  publicDir: 'public',
  // The Stats export runs in a module worker (src/sidepanel/stats/export-worker.ts).
  worker: { format: 'es' },
  build: {
    target: 'es2022',
    modulePreload: { polyfill: false },
    sourcemap: false,
    rollupOptions: {
      input: {
        sidepanel: 'src/sidepanel/index.html',
        options: 'src/options/index.html',
        inpage: 'src/inpage/index.html',
        background: 'src/background/index.ts',
      },
      output: {
        entryFileNames: (chunk) => (chunk.name === 'background' ? 'background.js' : 'assets/[name]-[hash].js'),
      },
    },
  },
});
