import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

/** A free TCP port on 127.0.0.1 (the OS picks it; the caller then listens on it). */
export function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => ok(port));
    });
  });
}

/** Waits until `proc` prints a line matching `ready`, or fails with its output. */
function waitFor(proc: ChildProcess, ready: RegExp, what: string, timeoutMs = 20_000): Promise<void> {
  return new Promise((ok, fail) => {
    let out = '';
    const timer = setTimeout(() => fail(new Error(`${what} did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (ready.test(out)) {
        clearTimeout(timer);
        ok();
      }
    };
    proc.stdout?.on('data', onData);
    proc.stderr?.on('data', (b: Buffer) => (out += b.toString()));
    proc.once('exit', (code) => {
      clearTimeout(timer);
      fail(new Error(`${what} exited (${code}) before it was ready:\n${out}`));
    });
  });
}

export interface SyncProcess {
  port: number;
  url: string;
  dbPath: string;
  proc: ChildProcess;
  /** Output so far (for failure messages). */
  output(): string;
  /** SIGTERM: stores open documents and exits. */
  stop(): Promise<void>;
  /** SIGKILL: the process dies at once, as in a crash. */
  kill(): Promise<void>;
}

/** Starts `tsx server/main.ts` serving dist/ on 127.0.0.1:port (a free one by default). */
export async function startSyncProcess(o: { port?: number; dbPath?: string; redisUrl?: string; name?: string; debounceMs?: number; serveApp?: boolean; env?: Record<string, string>; nodeArgs?: string[] } = {}): Promise<SyncProcess> {
  const port = o.port ?? (await freePort());
  const dbPath = o.dbPath ?? join(mkdtempSync(join(tmpdir(), 'mlsd-sync-')), 'rooms.sqlite');
  // One process (node with tsx's loader, not the tsx CLI, which runs a child): SIGKILL then really kills the server.
  const proc = spawn(process.execPath, [...(o.nodeArgs ?? []), '--import', 'tsx', 'server/main.ts', ...(o.serveApp === false ? [] : ['--static', 'dist'])], {
    cwd: root,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SYNC_DB: dbPath,
      SYNC_DEBOUNCE_MS: String(o.debounceMs ?? 200),
      ...(o.redisUrl ? { REDIS_URL: o.redisUrl } : {}),
      ...(o.name ? { SYNC_NAME: o.name } : {}),
      ...o.env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  proc.stdout!.on('data', (b: Buffer) => (out += b.toString()));
  proc.stderr!.on('data', (b: Buffer) => (out += b.toString()));
  await waitFor(proc, /sync server listening/, 'the sync server');
  const ended = new Promise<void>((ok) => proc.once('exit', () => ok()));
  return {
    port,
    url: `http://127.0.0.1:${port}/`,
    dbPath,
    proc,
    output: () => out,
    async stop() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
      await ended;
    },
    async kill() {
      if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGKILL');
      await ended;
    },
  };
}

export interface RedisProcess {
  url: string;
  stop(): Promise<void>;
}

/**
 * Starts Debian's redis-server on a free port, without persistence, in a temporary folder. When the CI script has
 * started one for the run (MLSD_TEST_REDIS_URL), that one is used and left for the script to stop.
 */
export async function startRedis(): Promise<RedisProcess> {
  const shared = process.env.MLSD_TEST_REDIS_URL;
  if (shared) return { url: shared, async stop() {} };
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'mlsd-redis-'));
  const bin = process.env.REDIS_SERVER ?? '/usr/bin/redis-server';
  const proc = spawn(bin, ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', dir], { stdio: ['ignore', 'pipe', 'pipe'] });
  await waitFor(proc, /Ready to accept connections/i, 'redis-server');
  const ended = new Promise<void>((ok) => proc.once('exit', () => ok()));
  return {
    url: `redis://127.0.0.1:${port}`,
    async stop() {
      if (proc.exitCode === null) proc.kill('SIGTERM');
      await ended;
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
