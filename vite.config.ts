import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { iconSprite } from './scripts/iconSprite';

export default defineConfig({
  plugins: [react(), iconSprite()],
  base: './',
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
