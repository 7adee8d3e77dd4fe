import path from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import type { Plugin } from 'vite';

const demoDirectory = path.dirname(fileURLToPath(import.meta.url));
const sourceDirectory = path.resolve(demoDirectory, '../src');

/** Where `vite dev` forwards `/api`: a reference server already running (`npm run demo`). */
const devServerTarget = process.env.REACHOUT_SERVER_URL ?? 'http://127.0.0.1:4455';

/**
 * In `vite dev` only: adds the meta tags the reference server injects into the built page, so the
 * page under hot reload talks to a running server through the proxy below. Needs the server's
 * token in `REACHOUT_API_TOKEN`.
 */
function devServerMetaTags(): Plugin {
  return {
    name: 'reachout-demo-dev-meta-tags',
    apply: 'serve',
    transformIndexHtml() {
      const token = process.env.REACHOUT_API_TOKEN;
      if (token === undefined || token === '') return [];
      return [
        { tag: 'meta', attrs: { name: 'reachout-api-base', content: '/api/v1' }, injectTo: 'head' },
        { tag: 'meta', attrs: { name: 'reachout-api-token', content: token }, injectTo: 'head' },
      ];
    },
  };
}

// The demo imports the library by its package names, like any host; they map to the sources.
export default defineConfig({
  root: demoDirectory,
  plugins: [react(), devServerMetaTags()],
  resolve: {
    alias: [
      { find: /^reachout\/styles\.css$/, replacement: path.join(sourceDirectory, 'styles.css') },
      { find: /^reachout\/(core|rest)$/, replacement: path.join(sourceDirectory, '$1/index.ts') },
      { find: /^reachout$/, replacement: path.join(sourceDirectory, 'index.ts') },
    ],
  },
  build: {
    outDir: path.join(demoDirectory, 'dist'),
    emptyOutDir: true,
    // One page and one host: no need to split or to warn about the (unsplit) library chunk.
    chunkSizeWarningLimit: 1024,
  },
  server: {
    proxy: { '/api': { target: devServerTarget, changeOrigin: true } },
  },
});
