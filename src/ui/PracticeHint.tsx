import { ChevronDown, ChevronRight, CircleCheck, Compass, MessageCircleQuestion, Puzzle, X } from 'lucide-react';
import { useState, type ComponentType } from 'react';
import type { Hint, HintKind } from '../domain/practiceHints';

const KIND: Record<HintKind, { label: string; icon: ComponentType<{ size?: number }> }> = {
  stage: { label: 'Where to look', icon: Compass },
  component: { label: 'What is missing', icon: Puzzle },
  question: { label: 'Interviewer asks', icon: MessageCircleQuestion },
  done: { label: 'All covered', icon: CircleCheck },
};

/** The latest practice hint, with the earlier ones one click away. */
export function PracticeHint({ hints, onDismiss }: { hints: readonly Hint[]; onDismiss(): void }) {
  const [showEarlier, setShowEarlier] = useState(false);
  const latest = hints.at(-1);
  if (!latest) return null;
  const { label, icon: Icon } = KIND[latest.kind];
  const earlier = hints.slice(0, -1).reverse();
  return (
    <div className={`practice-hint hint-${latest.kind}`} role="status" aria-live="polite">
      <span className="hint-icon" aria-hidden>
        <Icon size={16} />
      </span>
      <div className="hint-main">
        <p className="hint-kind">
          Hint {hints.length} · {label}
        </p>
        <p className="hint-text">{latest.text}</p>
        {earlier.length > 0 && (
          <>
            <button type="button" className="hint-earlier-toggle" aria-expanded={showEarlier} onClick={() => setShowEarlier(!showEarlier)}>
              {showEarlier ? <ChevronDown size={13} aria-hidden /> : <ChevronRight size={13} aria-hidden />}
              Earlier hints ({earlier.length})
            </button>
            {showEarlier && (
              <ol className="hint-earlier">
                {earlier.map((h) => (
                  <li key={h.key}>
                    <span className="hint-earlier-kind">{KIND[h.kind].label}</span> {h.text}
                  </li>
                ))}
              </ol>
            )}
          </>
        )}
      </div>
      <button type="button" className="icon-btn hint-close" aria-label="Hide hint" onClick={onDismiss}>
        <X size={14} aria-hidden />
      </button>
    </div>
  );
}
