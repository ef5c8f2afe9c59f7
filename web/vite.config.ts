/**
 * Vite build of the Parley dashboard: web/src → web/dist, served by `parley serve` at `/`.
 * Relative asset paths, no external requests; the network view (cytoscape) is its own chunk.
 */
import { defineConfig } from 'vite';

export default defineConfig({
  base: './',
  logLevel: 'warn',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    chunkSizeWarningLimit: 600,
    reportCompressedSize: false,
    rolldownOptions: { checks: { pluginTimings: false } },
  },
  server: {
    proxy: { '/api': 'http://127.0.0.1:8080' },
  },
});
