import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { preview, type PreviewServer } from 'vite';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
  }
}

let server: PreviewServer | undefined;

/** Serves the production build (dist/, built by `npm test` first) with `vite preview` on 127.0.0.1. */
export async function setup(project: TestProject) {
  const dist = resolve(import.meta.dirname, '../../dist/index.html');
  if (!existsSync(dist)) throw new Error('dist/ is missing: run `npm run build` first (npm test does it)');
  server = await preview({ logLevel: 'warn', preview: { host: '127.0.0.1', port: 0, strictPort: false, open: false } });
  const addr = server.httpServer.address();
  const port = typeof addr === 'object' && addr ? addr.port : 4173;
  project.provide('baseUrl', `http://127.0.0.1:${port}/`);
}

export async function teardown() {
  await server?.close();
}
