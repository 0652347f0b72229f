import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** A room as the server keeps it: the SHA-256 of each role's token, never the tokens themselves. */
export interface RoomRecord {
  id: string;
  candidate: string;
  interviewer: string;
  observer: string;
  createdAt: number;
}

/** The sync server's SQLite file: the rooms and their Yjs documents (one row per document, its whole state). */
export interface SyncDb {
  fetchDocument(name: string): Uint8Array | null;
  storeDocument(name: string, state: Uint8Array): void;
  createRoom(room: RoomRecord): void;
  room(id: string): RoomRecord | null;
  close(): void;
}

/** Opens (or creates) the SQLite file at `path` (':memory:' for none). */
export function openSyncDb(path: string): SyncDb {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.exec(`
    CREATE TABLE IF NOT EXISTS documents (name TEXT PRIMARY KEY, data BLOB NOT NULL, updated_at INTEGER NOT NULL);
    CREATE TABLE IF NOT EXISTS rooms (
      id TEXT PRIMARY KEY, candidate TEXT NOT NULL, interviewer TEXT NOT NULL, observer TEXT NOT NULL, created_at INTEGER NOT NULL
    );
  `);
  const getDoc = db.prepare<[string], { data: Buffer }>('SELECT data FROM documents WHERE name = ?');
  const putDoc = db.prepare(
    'INSERT INTO documents (name, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  );
  const putRoom = db.prepare('INSERT INTO rooms (id, candidate, interviewer, observer, created_at) VALUES (?, ?, ?, ?, ?)');
  const getRoom = db.prepare<[string], { id: string; candidate: string; interviewer: string; observer: string; created_at: number }>(
    'SELECT id, candidate, interviewer, observer, created_at FROM rooms WHERE id = ?',
  );
  return {
    fetchDocument(name) {
      const row = getDoc.get(name);
      return row ? new Uint8Array(row.data) : null;
    },
    storeDocument(name, state) {
      putDoc.run(name, Buffer.from(state), Date.now());
    },
    createRoom(r) {
      putRoom.run(r.id, r.candidate, r.interviewer, r.observer, r.createdAt);
    },
    room(id) {
      const row = getRoom.get(id);
      return row ? { id: row.id, candidate: row.candidate, interviewer: row.interviewer, observer: row.observer, createdAt: row.created_at } : null;
    },
    close() {
      db.close();
    },
  };
}
