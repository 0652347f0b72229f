import { backupKey, backupTitle, isDesignMeta, type BackupRecord, type DesignData, type DesignMeta } from './designRecords';

/**
 * The IndexedDB of My designs. IndexedDB holds far more than localStorage's 5 MB, so the largest
 * file the parser accepts (20 MB) fits. Object stores, all with out-of-line keys so that a damaged
 * value can still be found by its key:
 * - designs: id -> DesignMeta (the small listing record)
 * - data: id -> DesignData (the diagram as file-format JSON text)
 * - backups: key -> BackupRecord (stored data that could not be read, kept aside)
 * - settings: 'last' -> id of the design opened or saved last
 */

export const DB_NAME = 'mlsd-canvas';
/** Schema version of the database; a newer app that changes the stores raises it. */
export const DB_VERSION = 1;

const DESIGNS = 'designs';
const DATA = 'data';
const BACKUPS = 'backups';
const SETTINGS = 'settings';

/** The outcome of a guarded write: stored with its new revision, or refused because the stored revision is not the expected one (-1: unreadable). */
export type WriteOutcome = { ok: true; rev: number } | { ok: false; rev: number };

export interface DesignDb {
  /** Every listing record with its key, as stored (possibly damaged). */
  listMeta(): Promise<{ id: string; meta: unknown }[]>;
  /** The two records of a design as stored, or null when there is none. */
  read(id: string): Promise<{ meta: unknown; data: unknown } | null>;
  /**
   * Writes a design if its stored revision is `expectRev` (0: not stored yet), in one transaction,
   * so two tabs can never both write on top of the same revision.
   */
  write(meta: Omit<DesignMeta, 'rev'>, text: string, expectRev: number): Promise<WriteOutcome>;
  /** Deletes a design and returns its records (to put back on undo). */
  remove(id: string): Promise<{ meta: unknown; data: unknown } | null>;
  /** Puts deleted records back, unless the id was taken meanwhile. */
  restore(id: string, records: { meta: unknown; data: unknown }): Promise<void>;
  /** Moves a design's records to the backups store (never overwritten, never shown as a design again). */
  keepAside(id: string, reason: string, at: number): Promise<BackupRecord | null>;
  listBackups(): Promise<BackupRecord[]>;
  readBackup(key: string): Promise<BackupRecord | null>;
  deleteBackup(key: string): Promise<void>;
  getLast(): Promise<string | null>;
  setLast(id: string): Promise<void>;
  close(): void;
}

/** Opens (creating on first use) the designs database; `onVersionChange` runs when a newer app in another tab needs it closed. */
export function openDesignDb(onVersionChange: () => void): Promise<DesignDb> {
  return new Promise((resolve, reject) => {
    let req: IDBOpenDBRequest;
    try {
      req = indexedDB.open(DB_NAME, DB_VERSION);
    } catch (e) {
      reject(e);
      return;
    }
    req.onupgradeneeded = () => {
      const db = req.result;
      for (const name of [DESIGNS, DATA, BACKUPS, SETTINGS]) {
        if (!db.objectStoreNames.contains(name)) db.createObjectStore(name);
      }
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB could not be opened'));
    req.onblocked = () => reject(new Error('the designs database is held by an older tab; close other mlsd-canvas tabs and reload'));
    req.onsuccess = () => {
      const db = req.result;
      db.onversionchange = () => {
        db.close();
        onVersionChange();
      };
      resolve(wrap(db));
    };
  });
}

/** Runs `body` in a transaction and resolves with what it set once the transaction commits. */
function transact<T>(
  db: IDBDatabase,
  stores: string[],
  mode: IDBTransactionMode,
  body: (tx: IDBTransaction, done: (value: T) => void, fail: (e: unknown) => void) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let tx: IDBTransaction;
    try {
      tx = db.transaction(stores, mode);
    } catch (e) {
      reject(e);
      return;
    }
    let result: T;
    let failure: unknown;
    const fail = (e: unknown) => {
      failure ??= e;
      try {
        tx.abort();
      } catch {
        // already finished
      }
    };
    tx.oncomplete = () => resolve(result);
    // A full quota shows up here: the transaction aborts with a QuotaExceededError.
    tx.onabort = () => reject(failure ?? tx.error ?? new DOMException('The transaction was aborted', 'AbortError'));
    try {
      body(
        tx,
        (value) => {
          result = value;
        },
        fail,
      );
    } catch (e) {
      fail(e);
      reject(e);
    }
  });
}

function wrap(db: IDBDatabase): DesignDb {
  const getBoth = (tx: IDBTransaction, id: string, then: (meta: unknown, data: unknown) => void) => {
    const m = tx.objectStore(DESIGNS).get(id);
    const d = tx.objectStore(DATA).get(id);
    d.onsuccess = () => then(m.result, d.result);
  };
  return {
    listMeta: () =>
      transact(db, [DESIGNS], 'readonly', (tx, done) => {
        const store = tx.objectStore(DESIGNS);
        const keys = store.getAllKeys();
        const values = store.getAll();
        values.onsuccess = () => done(keys.result.map((k, i) => ({ id: String(k), meta: values.result[i] })));
      }),

    read: (id) =>
      transact(db, [DESIGNS, DATA], 'readonly', (tx, done) => {
        getBoth(tx, id, (meta, data) => done(meta === undefined && data === undefined ? null : { meta, data }));
      }),

    write: (meta, text, expectRev) =>
      transact<WriteOutcome>(db, [DESIGNS, DATA, SETTINGS], 'readwrite', (tx, done, fail) => {
        const designs = tx.objectStore(DESIGNS);
        const cur = designs.get(meta.id);
        cur.onsuccess = () => {
          const stored = cur.result;
          const rev = stored === undefined ? 0 : isDesignMeta(stored) ? stored.rev : -1;
          if (rev !== expectRev) {
            done({ ok: false, rev });
            return;
          }
          const record: DesignMeta = { ...meta, rev: rev + 1 };
          const data: DesignData = { id: meta.id, text };
          try {
            designs.put(record, meta.id);
            tx.objectStore(DATA).put(data, meta.id);
            tx.objectStore(SETTINGS).put(meta.id, 'last');
          } catch (e) {
            fail(e);
            return;
          }
          done({ ok: true, rev: record.rev });
        };
      }),

    remove: (id) =>
      transact(db, [DESIGNS, DATA], 'readwrite', (tx, done) => {
        getBoth(tx, id, (meta, data) => {
          done(meta === undefined && data === undefined ? null : { meta, data });
          tx.objectStore(DESIGNS).delete(id);
          tx.objectStore(DATA).delete(id);
        });
      }),

    restore: (id, records) =>
      transact<void>(db, [DESIGNS, DATA], 'readwrite', (tx) => {
        const designs = tx.objectStore(DESIGNS);
        const probe = designs.getKey(id);
        probe.onsuccess = () => {
          if (probe.result !== undefined) return;
          if (records.meta !== undefined) designs.put(records.meta, id);
          if (records.data !== undefined) tx.objectStore(DATA).put(records.data, id);
        };
      }),

    keepAside: (id, reason, at) =>
      transact<BackupRecord | null>(db, [DESIGNS, DATA, BACKUPS], 'readwrite', (tx, done) => {
        getBoth(tx, id, (meta, data) => {
          if (meta === undefined && data === undefined) {
            done(null);
            return;
          }
          const record: BackupRecord = { key: backupKey(id, at), id, title: backupTitle(meta, id), reason, at, meta, data };
          tx.objectStore(BACKUPS).put(record, record.key);
          tx.objectStore(DESIGNS).delete(id);
          tx.objectStore(DATA).delete(id);
          done(record);
        });
      }),

    listBackups: () =>
      transact(db, [BACKUPS], 'readonly', (tx, done) => {
        const all = tx.objectStore(BACKUPS).getAll();
        all.onsuccess = () => done(all.result as BackupRecord[]);
      }),

    readBackup: (key) =>
      transact(db, [BACKUPS], 'readonly', (tx, done) => {
        const r = tx.objectStore(BACKUPS).get(key);
        r.onsuccess = () => done((r.result as BackupRecord | undefined) ?? null);
      }),

    deleteBackup: (key) =>
      transact<void>(db, [BACKUPS], 'readwrite', (tx) => {
        tx.objectStore(BACKUPS).delete(key);
      }),

    getLast: () =>
      transact(db, [SETTINGS], 'readonly', (tx, done) => {
        const r = tx.objectStore(SETTINGS).get('last');
        r.onsuccess = () => done(typeof r.result === 'string' ? r.result : null);
      }),

    setLast: (id) =>
      transact<void>(db, [SETTINGS], 'readwrite', (tx) => {
        tx.objectStore(SETTINGS).put(id, 'last');
      }),

    close: () => db.close(),
  };
}
