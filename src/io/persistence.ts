import type { Diagram } from '../domain/diagram';
import { limitProblem } from '../domain/format/serialize';
import { DEFAULT_TITLE } from '../domain/format/schema';
import { err, ok } from '../domain/result';
import { randomIds, type DiagramStore } from '../store/diagramStore';
import type { DesignLibrary, DesignSummary } from '../store/filesSlice';
import { openDesignDb, type DesignDb, type JournalEntry } from './designDb';
import {
  copyRecord,
  copyTitle,
  designMeta,
  designText,
  isBlankDiagram,
  isDesignMeta,
  onRemoteSave,
  readStoredDesign,
  saveFailureMessage,
  checkJournalEntry,
  type StoredDesign,
  sortDesigns,
} from './designRecords';
import { downloadText, fileNameFor } from './files';
import { createSaveScheduler } from './saveScheduler';

/**
 * Autosave and My designs. The model:
 * - The store names the open design (`designId`); its diagram is written to IndexedDB at most once
 *   per AUTOSAVE_MS after a change, and at once when the page is hidden or closed (a closing page
 *   also puts its unsaved changes in a journal, settled at the next start: see designDb.ts). Writes go by
 *   design id from the store's own (designId, diagram) pair, so content never lands under another
 *   design's id, also when undo steps back across an Open.
 * - Opening a file, a template, a share link or "New" makes a new design (one undo step); the
 *   previous design stays stored. A blank design is not stored until something is added.
 * - Every stored design has a revision. A write says which revision it expects; if another tab
 *   wrote in between, the write is refused, and this tab asks (reload theirs / keep mine as a
 *   copy), or, with no unsaved change, simply shows their version. BroadcastChannel tells the
 *   other tabs about each write at once.
 * - Stored data that cannot be read (corrupt, or from a newer app) is moved aside to a backup
 *   record, never overwritten, and the user is told; My designs offers it as a download.
 * - A failed write (a full quota) leaves the changes pending and shows "Not saved" in the
 *   header with what to do; the next successful write clears it.
 */

/** Autosave waits this long after a change and writes at most once per this window. */
export const AUTOSAVE_MS = 300;
const CHANNEL = 'mlsd-canvas-designs';
const SESSION_KEY = 'mlsd-canvas:design';

/** What a tab tells the others after writing. */
type Outgoing = { type: 'saved'; id: string; rev: number } | { type: 'deleted'; id: string };
type Message = Outgoing & { from: string };

export interface PersistenceOptions {
  /** The Save shortcut as this platform shows it ("Ctrl+S", "⌘S"), for messages. */
  saveKeys: string;
}

/** Starts autosave for the store, restores the last design and puts the design library in the store. */
export async function startPersistence(store: DiagramStore, options: PersistenceOptions): Promise<void> {
  const initialDesign = store.getState().designId;
  const tab = randomIds('tab');
  /** Revision of each design as this tab last read or wrote it (absent: not stored). */
  const knownRev = new Map<string, number>();
  /** The diagram object last read or written per design: a state equal to it needs no write. */
  const lastWritten = new Map<string, Diagram>();
  /** Changes not written yet, by design id (the newest diagram of each). */
  const pending = new Map<string, Diagram>();
  const listeners = new Set<() => void>();
  /** The write in progress: a page going away puts it in the journal too. */
  let inflight: { id: string; diagram: Diagram } | null = null;
  /** Designs put in the unload journal by this page (it may live on, e.g. in the back-forward cache). */
  const journaled = new Set<string>();
  let failure: unknown = null;
  let conflict: { id: string; notice: number } | null = null;
  let stopped = false;
  let channel: BroadcastChannel | null = null;
  const scheduler = createSaveScheduler(saveAll, AUTOSAVE_MS, {
    setTimeout: (fn, ms) => window.setTimeout(fn, ms),
    clearTimeout: (h) => window.clearTimeout(h as number),
    now: () => performance.now(),
  });

  let db: DesignDb;
  try {
    db = await openDesignDb(() => stop('mlsd-canvas was updated in another tab. Reload this page to keep saving; until then, save a file'));
  } catch (e) {
    const newer = e instanceof DOMException && e.name === 'VersionError';
    store.getState().setSaveStatus(
      'failed',
      newer
        ? `Your designs in this browser were stored by a newer mlsd-canvas. Reload to update; until then nothing is saved here, so save a file (${options.saveKeys}).`
        : `This browser does not allow saving designs here (${e instanceof Error ? e.message : String(e)}). Save a file (${options.saveKeys}) to keep your work.`,
    );
    return;
  }
  channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);

  const state = () => store.getState();
  const changed = () => listeners.forEach((fn) => fn());
  const post = (m: Outgoing) => channel?.postMessage({ ...m, from: tab });

  function updateStatus() {
    const s = state();
    if (stopped) return;
    if (conflict) {
      s.setSaveStatus('conflict', 'Another tab changed this design. Choose which version to keep.');
    } else if (failure) {
      const message = saveFailureMessage(failure, options.saveKeys);
      if (s.saveStatus !== 'failed') s.notify('error', `Not saved. ${message}`);
      s.setSaveStatus('failed', message);
    } else if (pending.size || inflight) {
      s.setSaveStatus('saving');
    } else {
      s.setSaveStatus(knownRev.has(s.designId) ? 'saved' : 'idle');
    }
  }

  function stop(reason: string) {
    stopped = true;
    scheduler.dispose();
    channel?.close();
    state().setSaveStatus('failed', `${reason} (${options.saveKeys}).`);
  }

  const journalKey = (id: string) => `${id}#${tab}`;

  function remember(id: string, diagram: Diagram, rev: number) {
    knownRev.set(id, rev);
    lastWritten.set(id, diagram);
  }

  /** Moves unreadable stored data aside and tells the user. */
  async function keepAside(id: string, reason: string): Promise<string> {
    const record = await db.keepAside(id, reason, Date.now()).catch(() => null);
    knownRev.delete(id);
    lastWritten.delete(id);
    state().forgetDesign(id);
    changed();
    const title = record?.title ?? 'A stored design';
    const text = `“${title}” could not be opened: ${reason}. It was kept aside, not overwritten; download it from My designs.`;
    state().notify('error', text, { sticky: true });
    return text;
  }

  // ---- writing ----

  async function writeOne(id: string, diagram: Diagram): Promise<void> {
    const expect = knownRev.get(id) ?? 0;
    if (expect === 0 && isBlankDiagram(diagram)) return; // nothing worth storing yet
    // Storage keeps only what opens again (the store holds every change to the limits; this is the last guard).
    const over = limitProblem(diagram);
    if (over) {
      failure = new Error(`the design is beyond the limits of a design file: ${over}`);
      if (!pending.has(id)) pending.set(id, diagram);
      return;
    }
    inflight = { id, diagram };
    try {
      const out = await db.write(designMeta(id, diagram, 0, Date.now()), designText(diagram), expect);
      if (out.ok) {
        remember(id, diagram, out.rev);
        if (journaled.delete(id)) void db.dropJournal(journalKey(id)).catch(() => {});
        post({ type: 'saved', id, rev: out.rev });
        changed();
        return;
      }
      if (out.rev === -1) {
        // The stored record is damaged: keep it aside, then store this version in its place.
        await keepAside(id, 'its stored data is damaged');
        knownRev.set(id, 0);
        if (!pending.has(id)) pending.set(id, diagram);
        return;
      }
      // Another tab wrote this design since this tab last read it.
      if (!pending.has(id)) pending.set(id, diagram);
      if (id === state().designId) enterConflict(id);
      else keepMineAsCopy(id);
    } catch (e) {
      failure = e;
      if (!pending.has(id)) pending.set(id, diagram);
    } finally {
      inflight = null;
    }
  }

  async function saveAll(): Promise<'retry' | void> {
    if (stopped) return;
    failure = null;
    const batch = [...pending];
    pending.clear();
    for (const [id, diagram] of batch) {
      if (conflict?.id === id) {
        if (!pending.has(id)) pending.set(id, diagram); // held until the user chooses
        continue;
      }
      await writeOne(id, diagram);
    }
    updateStatus();
    // A failed write (storage full, refused) is tried again by the scheduler, so that "Not saved"
    // turns into "Saved" once space returns, without waiting for the next edit.
    if (failure && pending.size) return 'retry';
  }

  /**
   * Stores what reading a design repaired (see readStoredDesign) and says so: a design stored beyond
   * the file limits is kept aside as it was and stored again repaired; a rebuilt listing record is
   * written beside the intact data. Returns the revision now stored.
   */
  async function storeRepairs(id: string, stored: StoredDesign): Promise<number> {
    if (!stored.repairs.length) return stored.meta.rev;
    let expect = stored.rev;
    if (stored.dataRepaired) {
      await db.keepAside(id, `it was stored beyond the limits of a design file (${stored.repairs.join('; ')})`, Date.now()).catch(() => null);
      expect = 0;
      changed();
    }
    const title = stored.diagram.title;
    try {
      const out = await db.write(designMeta(id, stored.diagram, 0, stored.meta.updatedAt), designText(stored.diagram), expect);
      if (!out.ok) return Math.max(0, out.rev);
      post({ type: 'saved', id, rev: out.rev });
      changed();
      state().notify(
        'info',
        `“${title}” was repaired: ${stored.repairs.join('; ')}.${stored.dataRepaired ? ' The design as it was stored is kept aside in My designs.' : ''}`,
        { sticky: stored.dataRepaired },
      );
      return out.rev;
    } catch (e) {
      failure = e;
      pending.set(id, stored.diagram);
      return 0;
    }
  }

  // ---- two tabs ----

  function enterConflict(id: string) {
    if (conflict?.id === id) return;
    if (conflict) state().dismissNotice(conflict.notice);
    const notice = state().notify('info', 'Another tab saved changes to this design while this tab had unsaved changes.', {
      sticky: true,
      dismissible: false,
      actions: [
        { label: 'Reload theirs', run: () => void takeTheirs(id) },
        { label: 'Keep mine as a copy', run: () => keepMineAsCopy(id) },
      ],
    });
    conflict = { id, notice };
    updateStatus();
  }

  function endConflict(id: string) {
    if (conflict?.id !== id) return;
    state().dismissNotice(conflict.notice);
    conflict = null;
  }

  /** Keeps this tab's version of design `id` as a new design; the other tab's version stays under `id`. */
  function keepMineAsCopy(id: string) {
    endConflict(id);
    const mine = pending.get(id);
    pending.delete(id);
    const s = state();
    if (s.designId === id) {
      const title = copyTitle(s.diagram.title, []);
      const copy = s.forkDesign(title);
      pending.set(copy, state().diagram);
      state().notify('success', `Your version is kept as “${title}”; the other tab's version stays as “${s.diagram.title}”.`);
    } else if (mine) {
      const copy = randomIds('d');
      const title = copyTitle(mine.title, []);
      pending.set(copy, { ...mine, title });
      s.forgetDesign(id);
      s.notify('info', `“${mine.title}” was changed in another tab; your last changes to it are kept as “${title}” in My designs.`, { sticky: true });
    }
    updateStatus();
    scheduler.request();
  }

  /** Shows the stored version of design `id` (another tab's), dropping this tab's unsaved changes to it. */
  async function takeTheirs(id: string, onlyIfClean = false): Promise<void> {
    const rec = await db.read(id).catch(() => null);
    if (onlyIfClean && (pending.has(id) || inflight?.id === id)) {
      enterConflict(id); // changed here while reading
      return;
    }
    endConflict(id);
    pending.delete(id);
    if (!rec) {
      knownRev.delete(id);
      updateStatus();
      return;
    }
    const r = readStoredDesign(id, rec.meta, rec.data);
    if (!r.ok) {
      await keepAside(id, r.error);
      updateStatus();
      return;
    }
    remember(id, r.value.diagram, await storeRepairs(id, r.value));
    if (state().designId === id) {
      state().loadDesign(id, r.value.diagram);
      if (onlyIfClean) state().notify('info', 'This design was changed in another tab; showing the latest version.');
    } else state().forgetDesign(id);
    updateStatus();
  }

  if (channel) {
    channel.onmessage = (ev: MessageEvent<Message>) => {
      const m = ev.data;
      if (stopped || !m || typeof m !== 'object' || m.from === tab || typeof m.id !== 'string') return;
      changed();
      const open = state().designId === m.id;
      if (m.type === 'deleted') {
        knownRev.delete(m.id);
        lastWritten.delete(m.id);
        if (open) {
          state().notify('info', 'This design was deleted in another tab. It stays open here and is stored again when you change it.');
          updateStatus();
        } else state().forgetDesign(m.id);
        return;
      }
      if (m.type !== 'saved' || typeof m.rev !== 'number') return;
      if (!open) {
        // Undo steps of it in this tab are stale now; a pending write of it is refused and kept as a copy.
        state().forgetDesign(m.id);
        return;
      }
      const action = onRemoteSave({
        isOpen: true,
        unsaved: pending.has(m.id) || inflight?.id === m.id,
        knownRev: knownRev.get(m.id) ?? 0,
        remoteRev: m.rev,
      });
      if (action === 'reload') void takeTheirs(m.id, true);
      else if (action === 'conflict') enterConflict(m.id);
    };
  }

  // ---- settle what closing tabs put aside ----

  for (const stored of await db.listJournal().catch(() => [] as JournalEntry[])) {
    // Read before it replaces anything: a damaged entry is kept aside, never written over a good design.
    const checked = checkJournalEntry(stored);
    if (!checked.ok) {
      const kept = await db.keepJournalAside(stored, checked.error, Date.now()).catch(() => null);
      if (kept) {
        changed();
        state().notify('error', `Unsaved changes to “${kept.title}” from a tab that closed could not be read (${checked.error}); the design was left as it was, and the changes are kept aside in My designs.`, { sticky: true });
      }
      continue;
    }
    const entry = checked.value;
    const copyId = randomIds('d');
    const how = await db.settle(entry, copyRecord(entry.text, copyId, Date.now())).catch(() => 'dropped' as const);
    if (how === 'applied') post({ type: 'saved', id: entry.id, rev: entry.base + 1 });
    if (how === 'copied') {
      post({ type: 'saved', id: copyId, rev: 1 });
      state().notify(
        'info',
        `Changes to “${entry.meta.title}” from a tab that closed were kept as a copy in My designs: the design had changed since.`,
        { sticky: true },
      );
    }
  }

  // ---- restore the last design ----

  let wanted: string | null = null;
  try {
    wanted = sessionStorage.getItem(SESSION_KEY);
  } catch {
    // storage blocked: fall back to the last design of any tab
  }
  const rec = await (async () => {
    wanted ??= await db.getLast().catch(() => null);
    return wanted ? db.read(wanted).catch(() => null) : null;
  })();
  if (wanted && rec) {
    const r = readStoredDesign(wanted, rec.meta, rec.data);
    if (!r.ok) await keepAside(wanted, r.error);
    else {
      const rev = await storeRepairs(wanted, r.value);
      const s = state();
      // Restore only over the untouched blank start, never over something the user began meanwhile.
      if (s.designId === initialDesign && !s.history.past.length && isBlankDiagram(s.diagram)) {
        remember(wanted, r.value.diagram, rev);
        s.loadDesign(wanted, r.value.diagram);
      }
    }
  }

  // ---- autosave ----

  const rememberOpen = (id: string) => {
    try {
      sessionStorage.setItem(SESSION_KEY, id);
    } catch {
      // not essential
    }
  };
  rememberOpen(state().designId);
  /**
   * A template or a share link looked at and left unchanged goes out of My designs again (it opens again from
   * where it came): looking at one template three times leaves one entry, not three. Its undo history stays, so
   * undo can bring it back (and autosave then stores it again).
   */
  async function dropLook(id: string) {
    if (state().designId === id) return;
    await scheduler.flush();
    if (state().designId === id || !knownRev.has(id)) return;
    pending.delete(id);
    const records = await db.remove(id).catch(() => null);
    knownRev.delete(id);
    lastWritten.delete(id);
    if (records) post({ type: 'deleted', id });
    changed();
  }
  store.subscribe((s, prev) => {
    if (stopped) return;
    if (s.designId !== prev.designId) {
      rememberOpen(s.designId);
      const look = prev.pristine;
      if (look && look.id === prev.designId && look.diagram === prev.diagram) void dropLook(look.id);
    }
    if (s.diagram === prev.diagram && s.designId === prev.designId) return;
    if (lastWritten.get(s.designId) === s.diagram || (!knownRev.has(s.designId) && isBlankDiagram(s.diagram))) {
      pending.delete(s.designId); // already stored, or blank and not worth storing yet
    } else {
      pending.set(s.designId, s.diagram);
      scheduler.request();
    }
    updateStatus();
  });
  const flushNow = () => {
    if (pending.size && !stopped) void scheduler.flush();
  };
  window.addEventListener('pagehide', () => {
    if (stopped) return;
    // Text typed but not committed yet (the title, a rename on the canvas) joins the changes first.
    state().commitDrafts();
    // Leaving before choosing between the two versions: keep this tab's as a copy rather than lose it.
    if (conflict && pending.has(conflict.id)) keepMineAsCopy(conflict.id);
    // A closing page runs no more callbacks, so a guarded write may never finish: put the changes
    // in the journal at once (settled at the next start), then try the normal write as well.
    const unsaved = new Map(pending);
    if (inflight && !unsaved.has(inflight.id)) unsaved.set(inflight.id, inflight.diagram);
    const entries: JournalEntry[] = [];
    for (const [id, diagram] of unsaved) {
      const base = knownRev.get(id) ?? 0;
      if (base === 0 && isBlankDiagram(diagram)) continue;
      entries.push({ key: journalKey(id), id, base, meta: designMeta(id, diagram, 0, Date.now()), text: designText(diagram) });
      journaled.add(id);
    }
    if (entries.length) void db.journal(entries).catch(() => {});
    flushNow();
  });
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState !== 'hidden') return;
    state().commitDrafts();
    flushNow();
  });
  // Something may have changed before storage was ready (not the design just restored: writing it
  // again under a new revision made other tabs reload it and lose their undo history).
  if ((state().designId !== initialDesign || state().history.past.length) && lastWritten.get(state().designId) !== state().diagram) {
    pending.set(state().designId, state().diagram);
    scheduler.request();
  }
  updateStatus();

  // ---- My designs ----

  const flush = async () => {
    if (pending.size && !stopped) await scheduler.flush();
  };

  const library: DesignLibrary = {
    async list() {
      const rows = await db.listMeta();
      const out: DesignSummary[] = [];
      const listed = new Set(rows.map((r) => r.id));
      // A design whose listing record is damaged, or missing beside intact data, is listed again from its data.
      const unlisted = (await db.listDataIds().catch(() => [] as string[])).filter((id) => !listed.has(id));
      for (const { id, meta } of [...rows, ...unlisted.map((id) => ({ id, meta: undefined as unknown }))]) {
        if (isDesignMeta(meta)) {
          out.push({ id, title: meta.title, problem: meta.problem, componentCount: meta.componentCount, updatedAt: meta.updatedAt });
          continue;
        }
        const rec = await db.read(id).catch(() => null);
        const r = rec ? readStoredDesign(id, rec.meta, rec.data) : null;
        if (!r?.ok) {
          await keepAside(id, r ? r.error : 'its listing record is damaged');
          continue;
        }
        const rev = await storeRepairs(id, r.value);
        if (rev > 0) out.push({ id, title: r.value.meta.title, problem: r.value.meta.problem, componentCount: r.value.meta.componentCount, updatedAt: r.value.meta.updatedAt });
      }
      return sortDesigns(out);
    },

    async listBackups() {
      const all = await db.listBackups();
      return all.map((b) => ({ key: b.key, title: b.title, reason: b.reason, at: b.at })).sort((a, b) => b.at - a.at);
    },

    subscribe(fn) {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },

    async open(id) {
      if (id === state().designId) return ok(undefined);
      await flush();
      const rec = await db.read(id);
      if (!rec) return err('This design is no longer stored (deleted in another tab?).');
      const r = readStoredDesign(id, rec.meta, rec.data);
      if (!r.ok) return err(await keepAside(id, r.error));
      remember(id, r.value.diagram, await storeRepairs(id, r.value));
      state().loadDesign(id, r.value.diagram);
      await db.setLast(id).catch(() => {});
      updateStatus();
      return ok(undefined);
    },

    async rename(id, title) {
      const name = title.trim() || DEFAULT_TITLE;
      if (id === state().designId) {
        state().setTitle(name); // an undoable edit of the open design; autosave stores it
        await flush();
        return failure ? err(saveFailureMessage(failure, options.saveKeys)) : ok(undefined);
      }
      await flush();
      const rec = await db.read(id);
      if (!rec) return err('This design is no longer stored (deleted in another tab?).');
      const r = readStoredDesign(id, rec.meta, rec.data);
      if (!r.ok) return err(await keepAside(id, r.error));
      const renamed = { ...r.value.diagram, title: name };
      const diagram = limitProblem(renamed) ? r.value.diagram : renamed;
      if (diagram !== renamed) return err('The new title would take the design over the 20 MB of a design file.');
      try {
        const out = await db.write(designMeta(id, diagram, 0, Date.now()), designText(diagram), await storeRepairs(id, r.value));
        if (!out.ok) return err('It was changed in another tab just now; try again.');
        state().forgetDesign(id);
        knownRev.delete(id);
        lastWritten.delete(id);
        post({ type: 'saved', id, rev: out.rev });
        changed();
        return ok(undefined);
      } catch (e) {
        return err(saveFailureMessage(e, options.saveKeys));
      }
    },

    async duplicate(id) {
      await flush();
      const rec = await db.read(id);
      if (!rec) return err('This design is no longer stored (deleted in another tab?).');
      const r = readStoredDesign(id, rec.meta, rec.data);
      if (!r.ok) return err(await keepAside(id, r.error));
      await storeRepairs(id, r.value);
      const titles = (await db.listMeta()).map(({ meta }) => (isDesignMeta(meta) ? meta.title : ''));
      const copy = { ...r.value.diagram, title: copyTitle(r.value.diagram.title, titles) };
      const newId = randomIds('d');
      try {
        const out = await db.write(designMeta(newId, copy, 0, Date.now()), designText(copy), 0);
        if (!out.ok) return err('Could not store the copy; try again.');
        post({ type: 'saved', id: newId, rev: out.rev });
        changed();
        return ok(newId);
      } catch (e) {
        return err(saveFailureMessage(e, options.saveKeys));
      }
    },

    async remove(id) {
      if (id === state().designId) return err('This design is open. Open another design first, then delete this one.');
      await flush();
      pending.delete(id);
      const records = await db.remove(id);
      if (!records) return err('This design is no longer stored.');
      state().forgetDesign(id);
      knownRev.delete(id);
      lastWritten.delete(id);
      post({ type: 'deleted', id });
      changed();
      if (failure && pending.size) scheduler.request(); // space was freed: try the failed save again
      return ok(async () => {
        await db.restore(id, records);
        if (isDesignMeta(records.meta)) post({ type: 'saved', id, rev: records.meta.rev });
        changed();
      });
    },

    async downloadBackup(key) {
      const b = await db.readBackup(key);
      if (!b) return;
      const data = b.data as { text?: unknown } | undefined;
      // The diagram text as it was stored; when even that is gone, everything that was found.
      const text = typeof data?.text === 'string' ? data.text : JSON.stringify({ meta: b.meta, data: b.data }, null, 2);
      downloadText(text, fileNameFor(`${b.title} (kept aside)`));
    },

    async deleteBackup(key) {
      await db.deleteBackup(key);
      changed();
    },

    flush,
  };
  state().setLibrary(library);
}
