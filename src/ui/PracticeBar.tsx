import { Eye, EyeOff, Flag, GitCompareArrows, Lightbulb, Timer, Users, X } from 'lucide-react';
import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { AppCommands, AppContext } from '../commands/appCommands';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { PracticeHint } from './PracticeHint';
import { PracticeTimer } from './PracticeTimer';

/** Practice mode's bar under the header: the brief, the timer strip, hints, check, compare and end. */
export default function PracticeBar({ commands, ctx }: { commands: AppCommands; ctx: AppContext }) {
  const store = useDiagramStoreApi();
  const { title, brief, hints, ended, findingsHidden } = useDiagramStore(
    useShallow((s) => ({
      title: s.practice!.title,
      brief: s.practice!.brief,
      hints: s.practice!.hints,
      ended: s.practice!.ended,
      findingsHidden: s.findingsHidden,
    })),
  );
  // In a mock-interview room the timer is the room's shared one (on the room bar).
  const inRoom = useDiagramStore((s) => s.room !== null);
  const [briefOpen, setBriefOpen] = useState(false);
  const [hintHiddenAt, setHintHiddenAt] = useState(-1);
  const run = (id: string) => commands.run(id, ctx);

  return (
    <section className="practice-bar" aria-label="Practice session">
      <div className="practice-top">
        <span className="practice-badge">
          <Timer size={14} aria-hidden /> Practice
        </span>
        <h2 className="practice-title">{title}</h2>
        <button
          type="button"
          className={`practice-brief${briefOpen ? ' is-open' : ''}`}
          aria-expanded={briefOpen}
          title={briefOpen ? 'Show less' : 'Show the whole brief'}
          onClick={() => setBriefOpen(!briefOpen)}
        >
          {brief}
        </button>
        <div className="practice-actions">
          {!ended && (
            <button type="button" className="btn" onClick={() => run('practice-hint')}>
              <Lightbulb size={15} aria-hidden /> Hint
            </button>
          )}
          <button type="button" className="btn" aria-pressed={!findingsHidden} onClick={() => run('practice-check')}>
            {findingsHidden ? <Eye size={15} aria-hidden /> : <EyeOff size={15} aria-hidden />}
            {findingsHidden ? 'Check design' : 'Hide findings'}
          </button>
          {!inRoom && !ended && (
            <button type="button" className="btn" onClick={() => run('start-interview')}>
              <Users size={15} aria-hidden /> Start mock interview
            </button>
          )}
          <button type="button" className="btn" onClick={() => run('compare-with-reference')}>
            <GitCompareArrows size={15} aria-hidden /> Compare with reference
          </button>
          {ended ? (
            <button type="button" className="btn" onClick={() => store.getState().closePractice()}>
              <X size={15} aria-hidden /> Close practice
            </button>
          ) : (
            <button type="button" className="btn btn-primary" onClick={() => run('end-practice')}>
              <Flag size={15} aria-hidden /> End
            </button>
          )}
        </div>
      </div>
      {!inRoom && <PracticeTimer />}
      {/* A hint describes the design when it was asked for: after End it would be stale (the review takes over). */}
      {!ended && hints.length > 0 && hintHiddenAt !== hints.length && (
        <PracticeHint hints={hints} onDismiss={() => setHintHiddenAt(hints.length)} />
      )}
    </section>
  );
}
