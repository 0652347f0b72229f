import { Copy, Download, FilePlus, FolderOpen, Pencil, Search, Trash2 } from 'lucide-react';
import { useCallback, useEffect, useId, useRef, useState } from 'react';
import { newDesign } from '../commands/fileActions';
import { pickDiagramFile } from '../commands/fileCommands';
import { PROBLEM_LABELS } from '../domain/diagram';
import { formatWhen } from '../io/designRecords';
import type { BackupSummary, DesignSummary } from '../store/filesSlice';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { Dialog } from './Dialog';
import type { DialogProps } from './Dialogs';

interface Deleted {
  title: string;
  undo(): Promise<void>;
}

/** My designs: every design kept in this browser, to open, rename, duplicate or delete (with undo). */
export function MyDesignsDialog({ onClose }: DialogProps) {
  const store = useDiagramStoreApi();
  const library = useDiagramStore((s) => s.library);
  const openId = useDiagramStore((s) => s.designId);
  const saveStatus = useDiagramStore((s) => s.saveStatus);
  const [designs, setDesigns] = useState<DesignSummary[] | null>(null);
  const [backups, setBackups] = useState<BackupSummary[]>([]);
  const [problem, setProblem] = useState<string | null>(null);
  const [filter, setFilter] = useState('');
  const [renaming, setRenaming] = useState<string | null>(null);
  const [deleted, setDeleted] = useState<Deleted | null>(null);
  const [now, setNow] = useState(() => Date.now());
  const filterId = useId();

  const refresh = useCallback(async () => {
    if (!library) return;
    try {
      const [d, b] = await Promise.all([library.list(), library.listBackups()]);
      setDesigns(d);
      setBackups(b);
      setNow(Date.now());
    } catch (e) {
      setProblem(`Could not read your designs: ${e instanceof Error ? e.message : String(e)}`);
    }
  }, [library]);

  useEffect(() => {
    if (!library) return;
    // Store pending edits first, so the open design's row is up to date.
    void library.flush().then(refresh);
    return library.subscribe(() => void refresh());
  }, [library, refresh]);

  /** Runs a library call; a refusal shows in the dialog. */
  const act = async (run: () => Promise<{ ok: true } | { ok: false; error: string }>) => {
    setProblem(null);
    const r = await run();
    if (!r.ok) setProblem(r.error);
    await refresh();
    return r.ok;
  };

  const open = async (id: string) => {
    if (!library) return;
    if (await act(() => library.open(id))) onClose();
  };
  const rename = async (id: string, title: string) => {
    setRenaming(null);
    if (library) await act(() => library.rename(id, title));
  };
  const duplicate = async (id: string) => {
    if (library) await act(() => library.duplicate(id));
  };
  const remove = async (d: DesignSummary) => {
    if (!library) return;
    setProblem(null);
    const r = await library.remove(d.id);
    if (r.ok) setDeleted({ title: d.title, undo: r.value });
    else setProblem(r.error);
    await refresh();
  };
  const undoDelete = async () => {
    if (!deleted) return;
    setDeleted(null);
    await deleted.undo();
    await refresh();
  };

  const undoButton = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    // The deleted row's button is gone: keep the keyboard in the dialog, on Undo.
    if (deleted) undoButton.current?.focus();
  }, [deleted]);

  const q = filter.trim().toLowerCase();
  const shown = designs?.filter((d) => !q || d.title.toLowerCase().includes(q) || PROBLEM_LABELS[d.problem].toLowerCase().includes(q));

  return (
    <Dialog
      title="My designs"
      onClose={onClose}
      wide
      footer={
        <>
          <button
            type="button"
            className="btn"
            onClick={() => {
              onClose();
              pickDiagramFile(store);
            }}
          >
            <FolderOpen size={15} aria-hidden /> Open file…
          </button>
          <button
            type="button"
            className="btn"
            onClick={() => {
              onClose();
              newDesign(store);
            }}
          >
            <FilePlus size={15} aria-hidden /> New design
          </button>
          <span className="dialog-foot-gap" />
          <button type="button" className="btn btn-primary" onClick={onClose}>
            Done
          </button>
        </>
      }
    >
      {!library ? (
        <p className="muted designs-empty">
          {saveStatus === 'off'
            ? 'Designs are not stored in benchmark mode.'
            : saveStatus === 'failed'
              ? 'Designs cannot be stored in this browser right now. Save your work as a file instead.'
              : 'Loading your designs…'}
        </p>
      ) : (
        <>
          <p className="designs-intro muted">Designs are kept in this browser and saved as you work. Save a file to keep a copy elsewhere.</p>
          {designs && designs.length > 5 && (
            <div className="search designs-search">
              <Search size={14} aria-hidden />
              <input id={filterId} aria-label="Filter designs" type="search" placeholder="Filter by title or problem" value={filter} onChange={(e) => setFilter(e.target.value)} />
            </div>
          )}
          {problem && (
            <p className="designs-problem" role="alert">
              {problem}
            </p>
          )}
          {deleted && (
            <div className="designs-undo" role="status">
              <span>Deleted “{deleted.title}”.</span>
              <button ref={undoButton} type="button" className="btn btn-small" onClick={() => void undoDelete()}>
                Undo
              </button>
            </div>
          )}
          {designs === null ? (
            <p className="muted designs-empty">Loading your designs…</p>
          ) : designs.length === 0 ? (
            <p className="muted designs-empty">No designs yet. Whatever you draw is kept here automatically.</p>
          ) : (
            <ul className="designs" aria-label="Designs">
              {shown!.map((d) => (
                <DesignRow
                  key={d.id}
                  design={d}
                  isOpen={d.id === openId}
                  now={now}
                  renaming={renaming === d.id}
                  onOpen={() => void open(d.id)}
                  onRenameStart={() => setRenaming(d.id)}
                  onRename={(title) => void rename(d.id, title)}
                  onRenameCancel={() => setRenaming(null)}
                  onDuplicate={() => void duplicate(d.id)}
                  onDelete={() => void remove(d)}
                />
              ))}
              {shown!.length === 0 && <li className="muted designs-empty">No design matches “{filter}”.</li>}
            </ul>
          )}
          {backups.length > 0 && (
            <section className="backups" aria-label="Kept aside">
              <h3>Kept aside</h3>
              <p className="muted">Stored data that could not be opened (damaged, or saved by a newer mlsd-canvas). It was never overwritten; download it to keep it.</p>
              <ul className="designs">
                {backups.map((b) => (
                  <li key={b.key} className="design-row">
                    <div className="design-main">
                      <span className="design-title">{b.title}</span>
                      <span className="design-meta" title={b.reason}>
                        {b.reason} · {formatWhen(b.at, now)}
                      </span>
                    </div>
                    <div className="design-actions">
                      <button type="button" className="icon-btn" aria-label={`Download “${b.title}”`} title="Download" onClick={() => void library.downloadBackup(b.key)}>
                        <Download size={15} aria-hidden />
                      </button>
                      <button
                        type="button"
                        className="icon-btn"
                        aria-label={`Delete kept-aside “${b.title}”`}
                        title="Delete for good"
                        onClick={() => void library.deleteBackup(b.key).then(refresh)}
                      >
                        <Trash2 size={15} aria-hidden />
                      </button>
                    </div>
                  </li>
                ))}
              </ul>
            </section>
          )}
        </>
      )}
    </Dialog>
  );
}

interface RowProps {
  design: DesignSummary;
  isOpen: boolean;
  now: number;
  renaming: boolean;
  onOpen(): void;
  onRenameStart(): void;
  onRename(title: string): void;
  onRenameCancel(): void;
  onDuplicate(): void;
  onDelete(): void;
}

function DesignRow({ design: d, isOpen, now, renaming, onOpen, onRenameStart, onRename, onRenameCancel, onDuplicate, onDelete }: RowProps) {
  const count = `${d.componentCount} component${d.componentCount === 1 ? '' : 's'}`;
  return (
    <li className={`design-row${isOpen ? ' design-row-open' : ''}`} aria-current={isOpen || undefined}>
      <div className="design-main">
        {renaming ? (
          <RenameField title={d.title} onDone={onRename} onCancel={onRenameCancel} />
        ) : (
          <span className="design-title">
            {d.title}
            {isOpen && <span className="design-badge">Open</span>}
          </span>
        )}
        <span className="design-meta">
          {PROBLEM_LABELS[d.problem]} · {count} ·{' '}
          <time dateTime={new Date(d.updatedAt).toISOString()} title={new Date(d.updatedAt).toLocaleString()}>
            {formatWhen(d.updatedAt, now)}
          </time>
        </span>
      </div>
      <div className="design-actions">
        {!isOpen && (
          <button type="button" className="btn btn-small" aria-label={`Open “${d.title}”`} onClick={onOpen}>
            Open
          </button>
        )}
        <button type="button" className="icon-btn" aria-label={`Rename “${d.title}”`} title="Rename" onClick={onRenameStart}>
          <Pencil size={15} aria-hidden />
        </button>
        <button type="button" className="icon-btn" aria-label={`Duplicate “${d.title}”`} title="Duplicate" onClick={onDuplicate}>
          <Copy size={15} aria-hidden />
        </button>
        <button
          type="button"
          className="icon-btn icon-btn-danger"
          aria-label={`Delete “${d.title}”`}
          title={isOpen ? 'This design is open: open another one to delete it' : 'Delete'}
          disabled={isOpen}
          onClick={onDelete}
        >
          <Trash2 size={15} aria-hidden />
        </button>
      </div>
    </li>
  );
}

function RenameField({ title, onDone, onCancel }: { title: string; onDone(title: string): void; onCancel(): void }) {
  const [text, setText] = useState(title);
  const cancelled = useRef(false);
  return (
    <input
      className="design-rename"
      aria-label="New title"
      value={text}
      maxLength={120}
      autoFocus
      onFocus={(e) => e.currentTarget.select()}
      onChange={(e) => setText(e.target.value)}
      onBlur={() => {
        if (cancelled.current) return;
        if (text.trim() && text !== title) onDone(text);
        else onCancel();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Enter') {
          e.preventDefault();
          e.currentTarget.blur();
        } else if (e.key === 'Escape') {
          // Cancels the rename only, not the dialog.
          e.stopPropagation();
          e.preventDefault();
          cancelled.current = true;
          onCancel();
        }
      }}
    />
  );
}
