import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { iconSprite } from './scripts/iconSprite';

export default defineConfig({
  plugins: [react(), iconSprite()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
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
