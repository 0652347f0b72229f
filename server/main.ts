/**
 * `tsx server/main.ts`: the sync server. Configured by the environment:
 * PORT (1234), HOST (127.0.0.1), SYNC_DB (./data/mlsd-canvas.sqlite), REDIS_URL (none: one process),
 * STATIC_DIR or --static DIR (none: rooms only; `npm run serve` passes dist), SYNC_DEBOUNCE_MS (2000), SYNC_NAME,
 * SYNC_ROOMS_PER_MINUTE (30: rooms one address may create per minute).
 * Prints "sync server listening on http://HOST:PORT" once it accepts connections; SIGINT/SIGTERM store
 * every open document and stop.
 */
import { resolve } from 'node:path';
import { startSyncServer } from './syncServer';

const env = process.env;
const arg = (name: string) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? process.argv[i + 1] : undefined;
};
const staticDir = arg('--static') ?? env.STATIC_DIR;
const server = await startSyncServer({
  port: Number(env.PORT ?? 1234),
  host: env.HOST ?? '127.0.0.1',
  dbPath: resolve(env.SYNC_DB ?? 'data/mlsd-canvas.sqlite'),
  ...(env.REDIS_URL ? { redisUrl: env.REDIS_URL } : {}),
  ...(staticDir ? { staticDir: resolve(staticDir) } : {}),
  ...(env.SYNC_DEBOUNCE_MS ? { debounceMs: Number(env.SYNC_DEBOUNCE_MS) } : {}),
  ...(env.SYNC_NAME ? { name: env.SYNC_NAME } : {}),
  ...(env.SYNC_ROOMS_PER_MINUTE ? { roomsPerMinute: Number(env.SYNC_ROOMS_PER_MINUTE) } : {}),
});
console.log(
  `sync server listening on http://${env.HOST ?? '127.0.0.1'}:${server.port}${staticDir ? ' (serving the app)' : ''}${env.REDIS_URL ? ` (Redis ${env.REDIS_URL})` : ''}`,
);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await server.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
