import { X } from './uiIcons';
import { useEffect } from 'react';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

const LIFETIME_MS = 6000;

/** Toasts for refusals and confirmations (errors announced assertively; sticky ones stay until dismissed or acted on), and the step of a long task with a spinner. */
export function Notices() {
  const store = useDiagramStoreApi();
  const notices = useDiagramStore((s) => s.notices);
  const progress = useDiagramStore((s) => s.progress);
  useEffect(() => {
    if (!notices.length) return;
    const timers = notices.filter((n) => !n.sticky).map((n) => setTimeout(() => store.getState().dismissNotice(n.id), LIFETIME_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, store]);
  return (
    <div className="notices" aria-live="polite">
      {progress && (
        <div className="notice notice-progress" role="status" aria-busy="true">
          <span className="spinner" aria-hidden />
          <span>{progress}</span>
        </div>
      )}
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span className="notice-text">{n.text}</span>
          {n.actions?.map((a) => (
            <button
              key={a.label}
              type="button"
              className="notice-action"
              onClick={() => {
                store.getState().dismissNotice(n.id);
                a.run();
              }}
            >
              {a.label}
            </button>
          ))}
          {n.dismissible !== false && (
            <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.getState().dismissNotice(n.id)}>
              <X size={14} aria-hidden />
            </button>
          )}
        </div>
      ))}
    </div>
  );
}
