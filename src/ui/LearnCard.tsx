import { ChevronDown, ChevronRight, GraduationCap } from 'lucide-react';
import { lazy, Suspense, useState } from 'react';
import type { KindId } from '../domain/catalogue';

const ComponentCardBody = lazy(() => import('./ComponentCardBody'));

const KEY = 'mlsd-canvas:learn-card-open';

function readOpen(): boolean {
  try {
    return localStorage.getItem(KEY) !== '0';
  } catch {
    return true;
  }
}

/** The learning card of a component kind under the inspector's fields; collapsible, remembered across visits. */
export function LearnCard({ kind }: { kind: KindId }) {
  const [open, setOpen] = useState(readOpen);
  const toggle = () => {
    setOpen(!open);
    try {
      localStorage.setItem(KEY, open ? '0' : '1');
    } catch {
      /* storage refused: the choice lasts for this visit */
    }
  };
  return (
    <section className="learn-card" aria-label="About this component">
      <button type="button" className="learn-toggle" aria-expanded={open} onClick={toggle}>
        {open ? <ChevronDown size={14} aria-hidden /> : <ChevronRight size={14} aria-hidden />}
        <GraduationCap size={14} aria-hidden />
        About this component
      </button>
      {open && (
        <Suspense fallback={<p className="learn-loading">Loading notes…</p>}>
          <ComponentCardBody kind={kind} />
        </Suspense>
      )}
    </section>
  );
}
