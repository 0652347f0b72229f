import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { iconSprite } from './scripts/iconSprite';

export default defineConfig({
  plugins: [react(), iconSprite()],
  base: './',
  resolve: {
    alias: [
      // React Flow's zustand 4 reads useSyncExternalStore through the shim for React < 18; on React 19
      // the shim hands back React's own hook, so its fallback is dead code in the first load (0.2 KB
      // gzip). The package's non-shim build is the same selector code on React's hook.
      { find: /^use-sync-external-store\/shim\/with-selector(\.js)?$/, replacement: 'use-sync-external-store/with-selector.js' },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: false,
    // Vite's modulepreload polyfill (0.2 KB gzip of everyone's first load) only serves browsers without
    // <link rel="modulepreload"> (Safari before 17), and only for the links in index.html: here just the
    // small runtime chunk, which the entry imports at once anyway. Lazy chunks' imports are preloaded
    // by Vite's loader, which falls back to rel="preload" in those browsers.
    modulePreload: { polyfill: false },
    rolldownOptions: {
      output: {
        // Everything the first paint needs goes into the entry chunk itself. Left to itself, Rolldown
        // splits the modules the lazy chunks share with the page (React, the domain, the store) into a
        // dozen small preloaded chunks; each costs its own import/export lists, a line in the entry's
        // preload map and a gzip stream: about 2.4 KB gzip of the first load. The lazy chunks import
        // what they share from the entry instead.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
