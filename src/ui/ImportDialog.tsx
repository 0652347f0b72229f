import { useEffect, useId, useRef, useState } from 'react';
import { kindInfo } from '../domain/catalogue';
import { stageById } from '../domain/stages';
import { skippedCount } from '../domain/import/sketch';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { openAsNewDesign } from '../store/openAsNewDesign';
import { Dialog } from './Dialog';
import type { DialogProps } from './Dialogs';

const plural = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/**
 * What an import will make, before it opens: which page (a draw.io file with several), how many
 * components were recognised and which became custom, zones, notes and connections, and what was
 * skipped and why. Nothing changes until "Open as new design"; Cancel or Escape leaves all as it was.
 */
export function ImportDialog({ onClose }: DialogProps) {
  const store = useDiagramStoreApi();
  const preview = useDiagramStore((s) => s.importPreview);
  const [selected, setSelected] = useState(() => Math.max(0, preview?.pages.findIndex((p) => p.result.ok) ?? 0));
  const groupId = useId();
  const primary = useRef<HTMLButtonElement>(null);
  // The dialog focuses its first button (Cancel); Enter should open the import instead.
  useEffect(() => primary.current?.focus(), []);
  if (!preview) return null;
  const page = preview.pages[selected];
  const ok = page?.result.ok ? page.result.value : undefined;
  const s = ok?.summary;
  const from = preview.source === 'pasted text' ? 'the pasted Mermaid text' : `“${preview.source}”`;

  const open = () => {
    if (!ok) return;
    onClose();
    openAsNewDesign(store, ok.diagram, `Imported “${ok.diagram.title}” from ${preview.format}.`);
  };

  return (
    <Dialog
      title={`Import from ${preview.format}`}
      onClose={onClose}
      footer={
        <>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
          <button ref={primary} type="button" className="btn btn-primary" disabled={!ok} onClick={open}>
            Open as new design
          </button>
        </>
      }
    >
      <p className="import-source">
        {from}
        {preview.pages.length > 1 ? ` has ${preview.pages.length} pages. Which one?` : ''}
      </p>
      {preview.pages.length > 1 && (
        <fieldset className="import-pages" aria-labelledby={`${groupId}-legend`}>
          <legend id={`${groupId}-legend`} className="visually-hidden">
            Page
          </legend>
          {preview.pages.map((p, i) => (
            <label key={i} className={`import-page${p.result.ok ? '' : ' is-broken'}`}>
              <input type="radio" name={groupId} checked={i === selected} onChange={() => setSelected(i)} />
              <span className="import-page-name">{p.name}</span>
              <span className="muted">
                {p.result.ok
                  ? plural(p.result.value.summary.recognised.length + p.result.value.summary.custom.length, 'component')
                  : 'cannot be read'}
              </span>
            </label>
          ))}
        </fieldset>
      )}
      {page && !page.result.ok && (
        <p className="import-error" role="alert">
          This page cannot be read: {page.result.error}.
        </p>
      )}
      {s && (
        <div className="import-summary" aria-live="polite">
          <p className="import-headline">
            <strong>{plural(s.recognised.length, 'component')} recognised</strong>, {s.custom.length.toLocaleString('en-US')} custom,{' '}
            {skippedCount(s.skipped).toLocaleString('en-US')} skipped
          </p>
          <p className="muted import-counts">
            {[plural(s.connections, 'connection'), plural(s.zones, 'zone'), plural(s.notes, 'note')].join(' · ')}
          </p>
          {s.recognised.length > 0 && (
            <details className="import-list" open={s.recognised.length <= 8}>
              <summary>Recognised</summary>
              <ul>
                {s.recognised.map((r, i) => {
                  const stage = kindInfo(r.kind).stage;
                  return (
                    <li key={i}>
                      <span className="import-dot" style={{ background: stage ? stageById(stage).color : 'var(--muted)' }} aria-hidden />
                      <span className="import-label">{r.label}</span>
                      <span className="muted">
                        {kindInfo(r.kind).label}
                        {r.tool ? ` · ${r.tool}` : ''}
                      </span>
                    </li>
                  );
                })}
              </ul>
            </details>
          )}
          {s.custom.length > 0 && (
            <details className="import-list" open={s.custom.length <= 6}>
              <summary>Custom (not recognised: give them a stage in the inspector)</summary>
              <ul>
                {s.custom.map((label, i) => (
                  <li key={i}>
                    <span className="import-dot" aria-hidden />
                    <span className="import-label">{label}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
          {s.skipped.length > 0 && (
            <details className="import-list" open>
              <summary>Skipped</summary>
              <ul>
                {s.skipped.map((k, i) => (
                  <li key={i}>
                    <span className="import-label">{k.what}</span>
                    <span className="muted">{k.why}</span>
                  </li>
                ))}
              </ul>
            </details>
          )}
        </div>
      )}
    </Dialog>
  );
}
