#!/usr/bin/env node
// `npm run dev`: the sync server (SQLite under ./data) and Vite together; Vite proxies /api and /collab to
// the sync server, so rooms work at http://127.0.0.1:5173. Ctrl+C stops both. Without the sync server
// (or if it fails to start) the app still works, except mock-interview rooms, which say so.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const bin = (name) => resolve(root, 'node_modules', '.bin', name);
const syncPort = process.env.SYNC_PORT ?? '1234';
const env = { ...process.env, SYNC_PORT: syncPort };
const children = [
  spawn(bin('tsx'), ['server/main.ts'], { cwd: root, stdio: 'inherit', env: { ...env, PORT: syncPort } }),
  spawn(bin('vite'), ['--host', '127.0.0.1', '--port', '5173', ...process.argv.slice(2)], { cwd: root, stdio: 'inherit', env }),
];
children[0].on('exit', (code) => {
  if (code) console.error(`\nThe sync server stopped (exit ${code}); the app keeps running without rooms.`);
});
children[1].on('exit', (code) => {
  for (const c of children) if (c.exitCode === null) c.kill('SIGTERM');
  process.exit(code ?? 0);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => children.forEach((c) => c.exitCode === null && c.kill('SIGTERM')));
