import { backupKey, backupTitle, isDesignMeta, type BackupRecord, type DesignData, type DesignMeta } from './designRecords';

/**
 * The IndexedDB of My designs. IndexedDB holds far more than localStorage's 5 MB, so the largest
 * file the parser accepts (20 MB) fits. Object stores, all with out-of-line keys so that a damaged
 * value can still be found by its key:
 * - designs: id -> DesignMeta (the small listing record)
 * - data: id -> DesignData (the diagram as file-format JSON text)
 * - backups: key -> BackupRecord (stored data that could not be read, kept aside)
 * - settings: 'last' -> id of the design opened or saved last
 * - unsaved: `<id>#<tab>` -> JournalEntry, changes a closing tab could not write in time
 *
 * A guarded write needs a read before it writes, and a page that is going away runs no more
 * callbacks; so on pagehide the pending changes are put, without a read, into `unsaved`, and the
 * next start settles them: applied when the design has not changed since, kept as a copy when it has.
 */

export const DB_NAME = 'mlsd-canvas';
/** Schema version of the database; a newer app that changes the stores raises it. */
export const DB_VERSION = 1;

const DESIGNS = 'designs';
const DATA = 'data';
const BACKUPS = 'backups';
const SETTINGS = 'settings';
const UNSAVED = 'unsaved';

/** Changes of one design that a closing tab put aside, to be settled at the next start. */
export interface JournalEntry {
  key: string;
  id: string;
  /** The revision the changes were made on. */
  base: number;
  meta: Omit<DesignMeta, 'rev'>;
  text: string;
}

/** How a journal entry was settled. */
export type Settled = 'applied' | 'same' | 'copied' | 'dropped';

/**
 * The outcome of a guarded write: stored with its new revision (or found already stored, same
 * text), or refused because the stored revision is not the expected one (-1: unreadable).
 */
export type WriteOutcome = { ok: true; rev: number } | { ok: false; rev: number };

export interface DesignDb {
  /** Every listing record with its key, as stored (possibly damaged). */
  listMeta(): Promise<{ id: string; meta: unknown }[]>;
  /** The ids of every stored diagram data record (one may lack its listing record). */
  listDataIds(): Promise<string[]>;
  /** The two records of a design as stored, or null when there is none. */
  read(id: string): Promise<{ meta: unknown; data: unknown } | null>;
  /**
   * Writes a design if its stored revision is `expectRev` (0: not stored yet), in one transaction,
   * so two tabs can never both write on top of the same revision.
   */
  write(meta: Omit<DesignMeta, 'rev'>, text: string, expectRev: number): Promise<WriteOutcome>;
  /** Puts changes aside at once, without reading first (for a page that is going away); see the top of this file. */
  journal(entries: JournalEntry[]): Promise<void>;
  listJournal(): Promise<JournalEntry[]>;
  /** Moves a journal entry that cannot be read to the backups store (the design it names is left alone). */
  keepJournalAside(entry: unknown, reason: string, at: number): Promise<BackupRecord | null>;
  dropJournal(key: string): Promise<void>;
  /** Settles a journal entry: applies it on its base revision, else stores `copy` (a new design), else drops it. */
  settle(entry: JournalEntry, copy: { meta: Omit<DesignMeta, 'rev'>; text: string } | null): Promise<Settled>;
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
      for (const name of [DESIGNS, DATA, BACKUPS, SETTINGS, UNSAVED]) {
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

/** The revision of a stored listing record: 0 when there is none, -1 when it is unreadable. */
function revOf(stored: unknown): number {
  return stored === undefined ? 0 : isDesignMeta(stored) ? stored.rev : -1;
}

/** Stores a design's two records and makes it the last one. */
function put(tx: IDBTransaction, meta: DesignMeta, text: string) {
  const data: DesignData = { id: meta.id, text };
  tx.objectStore(DESIGNS).put(meta, meta.id);
  tx.objectStore(DATA).put(data, meta.id);
  tx.objectStore(SETTINGS).put(meta.id, 'last');
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

    // Not in the same transaction as the journal, which must never wait behind a write.
    write: (meta, text, expectRev) =>
      transact<WriteOutcome>(db, [DESIGNS, DATA, SETTINGS], 'readwrite', (tx, done, fail) => {
        const cur = tx.objectStore(DESIGNS).get(meta.id);
        cur.onsuccess = () => {
          const rev = revOf(cur.result);
          if (rev === expectRev) {
            // (Expecting -1 rewrites a damaged listing record, rebuilt from intact data.)
            const next = Math.max(rev, 0) + 1;
            try {
              put(tx, { ...meta, rev: next }, text);
            } catch (e) {
              fail(e);
              return;
            }
            done({ ok: true, rev: next });
          } else if (rev <= 0) {
            done({ ok: false, rev });
          } else {
            // The same text already stored (e.g. settled from this tab's journal) is no conflict.
            const d = tx.objectStore(DATA).get(meta.id);
            d.onsuccess = () => done((d.result as DesignData | undefined)?.text === text ? { ok: true, rev } : { ok: false, rev });
          }
        };
      }),

    journal: (entries) =>
      transact<void>(db, [UNSAVED], 'readwrite', (tx) => {
        const store = tx.objectStore(UNSAVED);
        for (const e of entries) store.put(e, e.key);
        // Commit now: the page may run no more code.
        tx.commit?.();
      }),

    listDataIds: () =>
      transact(db, [DATA], 'readonly', (tx, done) => {
        const keys = tx.objectStore(DATA).getAllKeys();
        keys.onsuccess = () => done(keys.result.map(String));
      }),

    keepJournalAside: (entry, reason, at) =>
      transact<BackupRecord | null>(db, [UNSAVED, BACKUPS], 'readwrite', (tx, done) => {
        const e = (typeof entry === 'object' && entry !== null ? entry : {}) as Partial<JournalEntry>;
        if (typeof e.key !== 'string') {
          done(null);
          return;
        }
        const id = typeof e.id === 'string' ? e.id : e.key;
        const record: BackupRecord = { key: backupKey(`${e.key}`, at), id, title: backupTitle(e.meta, id), reason: `unsaved changes from a closed tab: ${reason}`, at, meta: e.meta, data: { text: e.text } };
        tx.objectStore(BACKUPS).put(record, record.key);
        tx.objectStore(UNSAVED).delete(e.key);
        done(record);
      }),

    listJournal: () =>
      transact(db, [UNSAVED], 'readonly', (tx, done) => {
        const all = tx.objectStore(UNSAVED).getAll();
        all.onsuccess = () => done(all.result as JournalEntry[]);
      }),

    dropJournal: (key) =>
      transact<void>(db, [UNSAVED], 'readwrite', (tx) => {
        tx.objectStore(UNSAVED).delete(key);
      }),

    settle: (entry, copy) =>
      transact<Settled>(db, [DESIGNS, DATA, SETTINGS, UNSAVED], 'readwrite', (tx, done, fail) => {
        getBoth(tx, entry.id, (stored, storedData) => {
          const rev = revOf(stored);
          tx.objectStore(UNSAVED).delete(entry.key);
          try {
            if (rev === entry.base) {
              put(tx, { ...entry.meta, rev: rev + 1 }, entry.text);
              done('applied');
            } else if ((storedData as DesignData | undefined)?.text === entry.text) {
              done('same');
            } else if (copy) {
              put(tx, { ...copy.meta, rev: 1 }, copy.text);
              done('copied');
            } else done('dropped');
          } catch (e) {
            fail(e);
          }
        });
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
