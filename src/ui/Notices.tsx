import { X } from 'lucide-react';
import { useEffect } from 'react';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

const LIFETIME_MS = 6000;

/** Toasts for refusals and confirmations; errors are announced assertively. */
export function Notices() {
  const store = useDiagramStoreApi();
  const notices = useDiagramStore((s) => s.notices);
  useEffect(() => {
    if (!notices.length) return;
    const timers = notices.map((n) => setTimeout(() => store.getState().dismissNotice(n.id), LIFETIME_MS));
    return () => timers.forEach(clearTimeout);
  }, [notices, store]);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((n) => (
        <div key={n.id} className={`notice notice-${n.kind}`} role={n.kind === 'error' ? 'alert' : 'status'}>
          <span>{n.text}</span>
          <button type="button" className="icon-btn" aria-label="Dismiss" onClick={() => store.getState().dismissNotice(n.id)}>
            <X size={14} aria-hidden />
          </button>
        </div>
      ))}
    </div>
  );
}
