import type { StateCreator } from 'zustand/vanilla';
import type { Diagram, ProblemId } from '../domain/diagram';
import type { Imported } from '../domain/import/sketch';
import type { Result } from '../domain/result';
import type { DiagramState } from './diagramStore';

/**
 * Where the open design stands with the browser's storage:
 * - off: autosave is not running (benchmark mode);
 * - idle: nothing to save yet (a blank design is not stored);
 * - saving / saved: the usual;
 * - failed: the last save failed (`saveProblem` says why and what to do); the next change retries;
 * - conflict: another tab saved this design while this tab had unsaved changes; the user picks.
 */
export type SaveStatus = 'off' | 'idle' | 'saving' | 'saved' | 'failed' | 'conflict';

/** A design as My designs lists it. */
export interface DesignSummary {
  id: string;
  title: string;
  problem: ProblemId;
  /** Nodes other than zones and notes. */
  componentCount: number;
  /** Last change, in ms since the epoch. */
  updatedAt: number;
}

/** Stored data that could not be read, kept aside instead of being overwritten. */
export interface BackupSummary {
  key: string;
  title: string;
  reason: string;
  at: number;
}

/** The designs kept in this browser; implemented over IndexedDB by src/io/persistence.ts. */
export interface DesignLibrary {
  /** Every stored design, most recently changed first. */
  list(): Promise<DesignSummary[]>;
  /** Designs kept aside because they could not be read. */
  listBackups(): Promise<BackupSummary[]>;
  /** Calls back when the stored designs change, here or in another tab; returns an unsubscribe. */
  subscribe(onChange: () => void): () => void;
  /** Shows a stored design (the open one is saved first). */
  open(id: string): Promise<Result<void, string>>;
  rename(id: string, title: string): Promise<Result<void, string>>;
  /** Stores a copy and returns its id. */
  duplicate(id: string): Promise<Result<string, string>>;
  /** Deletes a design that is not open; the result puts it back (undo). */
  remove(id: string): Promise<Result<() => Promise<void>, string>>;
  /** Downloads a kept-aside backup as a file, exactly as it was stored. */
  downloadBackup(key: string): Promise<void>;
  deleteBackup(key: string): Promise<void>;
  /** Writes pending changes now. */
  flush(): Promise<void>;
}

/** A share link ready to show (when the clipboard refused it, or to warn that it is long). */
export interface ShareLinkState {
  url: string;
  copied: boolean;
}

/** An import waiting for the user to look at its summary (and pick a page) before it opens. */
export interface ImportPreview {
  /** Where it came from: a file name, or "pasted Mermaid text". */
  source: string;
  /** "Excalidraw", "draw.io", "Mermaid". */
  format: string;
  pages: { name: string; result: { ok: true; value: Imported } | { ok: false; error: string } }[];
}

export interface FilesSlice {
  /**
   * A design opened from a template or a share link, with the diagram it was opened with: until the user changes
   * it, it is only a look (leaving it unchanged takes it out of My designs again; reopening adds no copy).
   */
  pristine: { id: string; diagram: Diagram } | null;
  setPristine(p: { id: string; diagram: Diagram } | null): void;
  saveStatus: SaveStatus;
  /** What went wrong and what to do, when saveStatus is 'failed' or 'conflict'. */
  saveProblem: string | null;
  setSaveStatus(status: SaveStatus, problem?: string | null): void;
  /** The stored designs; null until storage is ready, or when it is off. */
  library: DesignLibrary | null;
  setLibrary(library: DesignLibrary | null): void;
  shareLink: ShareLinkState | null;
  /** Shows a share link in its dialog. */
  showShareLink(link: ShareLinkState): void;
  importPreview: ImportPreview | null;
  /** Shows an import's summary in its dialog; nothing changes until the user opens it. */
  showImportPreview(preview: ImportPreview): void;
}

/** Storage status, the design library handle and the share-link dialog's data. */
export const filesSlice: StateCreator<DiagramState, [], [], FilesSlice> = (set, get) => ({
  pristine: null,
  setPristine: (pristine) => set({ pristine }),
  saveStatus: 'idle',
  saveProblem: null,
  setSaveStatus(status, problem = null) {
    const s = get();
    if (s.saveStatus !== status || s.saveProblem !== problem) set({ saveStatus: status, saveProblem: problem });
  },
  library: null,
  setLibrary: (library) => set({ library }),
  shareLink: null,
  showShareLink: (link) => set({ shareLink: link, dialog: 'share-link' }),
  importPreview: null,
  showImportPreview: (preview) => set({ importPreview: preview, dialog: 'import' }),
});
