import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';
import { iconSprite } from './scripts/iconSprite';
import { isolateMermaidD3 } from './scripts/isolateMermaidD3';
import { offlineChunks } from './scripts/pwaPrecache';

const offline = offlineChunks();

// `npm run dev` runs the sync server beside Vite (scripts/dev.mjs); the app talks to it through these paths.
const syncTarget = `http://127.0.0.1:${process.env.SYNC_PORT ?? 1234}`;
const syncProxy = { '/api': { target: syncTarget }, '/collab': { target: syncTarget, ws: true } };

export default defineConfig({
  plugins: [
    react(),
    iconSprite(),
    isolateMermaidD3(),
    offline.plugin,
    // An installable app that works offline after the first visit (src/io/pwa.ts registers the worker
    // after the first paint). 'prompt': a new version waits until the user chooses to reload.
    VitePWA({
      strategies: 'generateSW',
      registerType: 'prompt',
      injectRegister: false,
      includeAssets: ['icon.svg'],
      manifest: {
        name: 'mlsd-canvas',
        short_name: 'mlsd-canvas',
        description: 'A canvas for machine-learning system design interviews that checks the design as you draw it.',
        start_url: './',
        scope: './',
        display: 'standalone',
        background_color: '#ffffff',
        theme_color: '#2563eb',
        icons: [
          { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
          { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
          { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
          { src: 'icon.svg', sizes: 'any', type: 'image/svg+xml' },
        ],
      },
      workbox: {
        globPatterns: ['**/*.{js,css,html,svg,png,webmanifest,json}'],
        manifestTransforms: [offline.precacheFilter],
        // Mermaid's core chunk is over workbox's 2 MB default.
        maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
        navigateFallback: 'index.html',
        cleanupOutdatedCaches: true,
      },
    }),
  ],
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
  server: { host: '127.0.0.1', port: 5173, proxy: syncProxy },
  preview: { host: '127.0.0.1', port: 4173, proxy: syncProxy },
});
