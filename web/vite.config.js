import { defineConfig } from 'vite';

// Relative asset URLs so the dashboard works under any base path; everything is bundled, nothing loads from a CDN.
export default defineConfig({
  base: './',
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    assetsInlineLimit: 0,
    chunkSizeWarningLimit: 1024,
    reportCompressedSize: false,
  },
  server: {
    // `npm exec vite` during development: API calls go to a running `casus serve`.
    proxy: { '/api': 'http://127.0.0.1:5080' },
  },
});
