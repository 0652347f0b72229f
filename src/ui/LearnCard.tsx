import { ChevronDown, ChevronRight, GraduationCap } from 'lucide-react';
import { useState } from 'react';
import type { KindId } from '../domain/catalogue';
import { preloadable } from './preloadable';

// Its code loads when a card is first shown; if that fails (offline, server gone) the card says so and
// offers a retry, instead of taking the page down with it.
const ComponentCardBody = preloadable(
  () => import('./ComponentCardBody').then((m) => m.default),
  <p className="learn-loading">Loading notes…</p>,
  {
    failed: (_e, retry) => (
      <p className="learn-loading">
        The notes could not be loaded.{' '}
        <button type="button" className="btn btn-small" onClick={retry}>
          Try again
        </button>
      </p>
    ),
  },
).Component;

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
        <ComponentCardBody kind={kind} />
      )}
    </section>
  );
}
