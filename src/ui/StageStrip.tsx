import { CircleCheck, EyeOff, ListTodo } from 'lucide-react';
import type { CSSProperties } from 'react';
import { countBySeverity } from '../domain/checker/keys';
import { findingKey } from '../domain/checker/keys';
import { STAGES } from '../domain/stages';
import { retryChecker } from '../store/findings';
import { useChecks } from '../store/useFindings';
import { countLabel } from './severity';
import { SEVERITY_ICON } from './severityIcons';

/**
 * The always-visible summary of the design check: "N/7 stages", the seven stages as chips
 * (covered or missing, in the colours of the node bands; a missing one says why) and the error
 * and warning counts, which open the findings list. A design that is just starting counts its
 * uncovered stages as steps to go, not as errors.
 */
export function StageStrip({ onOpenFindings }: { onOpenFindings(): void }) {
  const { findings, stages, stageGaps, toDo: toDoKeys, pending, hidden, unavailable } = useChecks();
  const covered = STAGES.filter((s) => stages[s.id]).length;
  const toDoSet = toDoKeys ? new Set(toDoKeys) : null;
  const toDo = toDoSet ? findings.filter((f) => f.rule === 'missing-stage').length : 0;
  const counts = countBySeverity(toDoSet ? findings.filter((f) => !toDoSet.has(findingKey(f))) : findings);
  const clean = findings.length === 0;
  return (
    <section className="stage-strip" aria-label="Design check">
      <div className="stage-strip-head">
        <span className="stage-count" data-complete={covered === STAGES.length}>
          <strong>
            {covered}/{STAGES.length}
          </strong>{' '}
          stages
        </span>
        <button
          type="button"
          className={`check-counts${clean && !hidden && !pending ? ' check-counts-clean' : ''}`}
          onClick={unavailable ? retryChecker : onOpenFindings}
          title={unavailable ? `${unavailable} Click to try again.` : 'Show the findings'}
        >
          {hidden ? (
            <>
              <EyeOff size={14} aria-hidden /> Hidden in practice
            </>
          ) : unavailable ? (
            <span className="check-count check-count-warning">Check unavailable · Try again</span>
          ) : pending ? (
            <span className="muted">Checking…</span>
          ) : clean ? (
            <>
              <CircleCheck size={14} aria-hidden /> No issues
            </>
          ) : (
            <>
              {toDo > 0 && (
                <span className="check-count check-count-todo">
                  <ListTodo size={13} aria-hidden /> {toDo} {toDo === 1 ? 'step' : 'steps'} to go
                </span>
              )}
              {(['error', 'warning', 'info'] as const)
                .filter((s) => counts[s] > 0)
                .map((s) => {
                  const Icon = SEVERITY_ICON[s];
                  return (
                    <span key={s} className={`check-count check-count-${s}`}>
                      <Icon size={13} aria-hidden /> {countLabel(counts[s], s)}
                    </span>
                  );
                })}
            </>
          )}
        </button>
      </div>
      <ul className="stage-chips" aria-label="Stages">
        {STAGES.map((s) => (
          <li
            key={s.id}
            className={`stage-chip ${stages[s.id] ? 'is-covered' : 'is-missing'}`}
            style={{ '--stage': s.color } as CSSProperties}
            data-stage={s.id}
            title={`${s.step}. ${s.name}: ${stages[s.id] ? 'covered' : `not covered yet. ${stageGaps?.[s.id] ?? ''}`.trim()}`}
          >
            <span className="stage-chip-dot" aria-hidden />
            {s.short}
            <span className="sr-only">{stages[s.id] ? ' (covered)' : ' (not covered yet)'}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
