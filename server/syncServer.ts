import { Database } from '@hocuspocus/extension-database';
import { Redis } from '@hocuspocus/extension-redis';
import { Server, type Extension } from '@hocuspocus/server';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { openSyncDb, type SyncDb } from './db';
import { newRoom, parseDocumentName, roleOf, type Role } from './rooms';
import { serveStatic } from './static';
import { MAX_AWARENESS_BYTES, readMessage, WriteGuard } from './validate';

export interface SyncServerOptions {
  /** 0 picks a free port. */
  port: number;
  host?: string;
  /** The SQLite file ('./data/mlsd-canvas.sqlite' by default in server/main.ts). */
  dbPath: string;
  /** `redis://host:port`: share rooms with the other server processes through Redis. */
  redisUrl?: string;
  /** A folder to serve over HTTP on the same port (the production build). */
  staticDir?: string;
  /** How long after a change a document is written to SQLite (ms; at the latest after 10x this). */
  debounceMs?: number;
  /** Instance name in logs. */
  name?: string;
  /** Rooms one address may create per minute (30). */
  roomsPerMinute?: number;
  log?: (line: string) => void;
}

export interface SyncServer {
  port: number;
  close(): Promise<void>;
}

/** Largest message a client may send: a 20 MB design's first sync and some room. */
export const MAX_MESSAGE_BYTES = 24 * 1024 * 1024;

class Refusal extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

function sendJson(res: ServerResponse, status: number, body: unknown) {
  res.writeHead(status, { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' });
  res.end(JSON.stringify(body));
}

/**
 * The sync server: Hocuspocus 3 with
 * - rooms whose tokens the server checks on every connection (role from the token, observers read-only,
 *   the private document for the interviewer only); rooms are created over `POST /api/rooms` and
 *   cannot be listed;
 * - every write checked against the file format before it is applied (WriteGuard);
 * - SQLite persistence (better-sqlite3 through Hocuspocus's database extension);
 * - optionally Redis, so several processes share rooms;
 * - optionally the production build on the same port.
 */
export async function startSyncServer(o: SyncServerOptions): Promise<SyncServer> {
  const log = o.log ?? ((line: string) => console.log(line));
  const db: SyncDb = openSyncDb(o.dbPath);
  const guards = new Map<string, WriteGuard>();
  const created = new Map<string, number[]>();

  const auth: Extension = {
    extensionName: 'mlsd-rooms',
    async onAuthenticate({ documentName, token, connectionConfig }) {
      const name = parseDocumentName(documentName);
      if (!name) throw new Refusal('room-not-found');
      const room = db.room(name.roomId);
      if (!room) throw new Refusal('room-not-found');
      const role: Role | null = roleOf(room, token ?? '');
      if (!role) throw new Refusal('invalid-token');
      if (name.private && role !== 'interviewer') throw new Refusal('forbidden');
      if (role === 'observer') connectionConfig.readOnly = true;
      return { role };
    },
    async afterLoadDocument({ documentName, document }) {
      guards.get(documentName)?.destroy();
      guards.set(documentName, new WriteGuard(document, !!parseDocumentName(documentName)?.private));
    },
    async afterUnloadDocument({ documentName }) {
      guards.get(documentName)?.destroy();
      guards.delete(documentName);
    },
    async beforeHandleMessage({ update, connection, documentName, document }) {
      const msg = readMessage(update);
      if (msg.kind === 'awareness' && msg.bytes > MAX_AWARENESS_BYTES) throw new Refusal('awareness-too-large');
      if (msg.kind !== 'update' || connection.readOnly) return;
      const problem = guards.get(documentName)?.check(msg.update) ?? null;
      if (!problem) return;
      log(`refused an update to ${documentName.slice(0, 6)}…: ${problem.slice(0, 200)}`);
      const notice = JSON.stringify({ type: 'refused', message: problem.slice(0, 300) });
      for (const c of document.getConnections()) if (c !== connection) c.sendStateless(notice);
      throw Object.assign(new Refusal('refused-update'), { code: 4400 });
    },
    async onRequest({ request, response }) {
      if (handleRequest(request, response)) throw null; // answered: no default reply
    },
  };

  function handleRequest(req: IncomingMessage, res: ServerResponse): boolean {
    const path = (req.url ?? '/').split('?')[0];
    if (path === '/api/health') {
      // How loaded this process is (counts only: rooms cannot be listed). Started with --expose-gc (as
      // npm run bench:collab starts it), it collects garbage first, so the heap figure is live data.
      (globalThis as { gc?: () => void }).gc?.();
      const h = server.hocuspocus;
      sendJson(res, 200, { ok: true, documents: h.getDocumentsCount(), connections: h.getConnectionsCount(), heapUsedMb: Math.round(process.memoryUsage().heapUsed / 1e5) / 10 });
      return true;
    }
    if (path === '/api/rooms') {
      if (req.method !== 'POST') {
        res.writeHead(405, { Allow: 'POST' });
        res.end();
        return true;
      }
      const who = req.socket.remoteAddress ?? '?';
      const now = Date.now();
      const recent = (created.get(who) ?? []).filter((t) => now - t < 60_000);
      if (recent.length >= (o.roomsPerMinute ?? 30)) {
        sendJson(res, 429, { error: 'Too many rooms created from here in the last minute; try again shortly.' });
        return true;
      }
      recent.push(now);
      created.set(who, recent);
      req.resume();
      const { record, tokens } = newRoom(now);
      db.createRoom(record);
      sendJson(res, 201, { id: record.id, tokens });
      return true;
    }
    if (o.staticDir && serveStatic(o.staticDir, req, res)) return true;
    if (o.staticDir || path.startsWith('/api/')) {
      sendJson(res, 404, { error: 'Not found' });
      return true;
    }
    return false;
  }

  const extensions: Extension[] = [
    auth,
    new Database({
      fetch: async ({ documentName }) => db.fetchDocument(documentName),
      store: async ({ documentName, state }) => db.storeDocument(documentName, state),
    }),
  ];
  let redis: Redis | undefined;
  if (o.redisUrl) {
    const u = new URL(o.redisUrl);
    redis = new Redis({ host: u.hostname, port: Number(u.port || 6379), ...(o.name ? { identifier: `${o.name}-${process.pid}` } : {}) });
    extensions.push(redis);
  }

  const debounce = o.debounceMs ?? 2000;
  const server = new Server(
    {
      name: o.name ?? 'mlsd-canvas',
      port: o.port,
      address: o.host ?? '127.0.0.1',
      quiet: true,
      stopOnSignals: false,
      debounce,
      maxDebounce: debounce * 10,
      extensions,
    },
    { maxPayload: MAX_MESSAGE_BYTES },
  );
  await server.listen();
  const port = server.address.port;
  return {
    port,
    async close() {
      await server.destroy();
      for (const g of guards.values()) g.destroy();
      guards.clear();
      db.close();
    },
  };
}
