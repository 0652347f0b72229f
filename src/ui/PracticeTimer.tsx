import { Pause, Play, SkipForward } from 'lucide-react';
import { useEffect, useState, type CSSProperties } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { clockView, formatClock, INTERVIEW_MS, stepBudget, type PracticeClock } from '../domain/practiceClock';
import { STAGES } from '../domain/stages';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';

const TICK_MS = 1000;

/**
 * The 45-minute timer: a strip of the seven steps (width by suggested minutes, filled by time spent,
 * the current one highlighted), the clock, pause and next step. The only component that ticks: one
 * interval re-renders it alone, and only while the clock runs.
 */
export function PracticeTimer() {
  const store = useDiagramStoreApi();
  const { clock, ended } = useDiagramStore(useShallow((s) => ({ clock: s.practice!.clock, ended: s.practice!.ended })));
  const [now, setNow] = useState(() => Date.now());
  const running = clock.runningSince !== null;

  useEffect(() => {
    setNow(Date.now());
    if (!running) return;
    const t = setInterval(() => setNow(Date.now()), TICK_MS);
    return () => clearInterval(t);
  }, [running, clock]);

  const view = clockView(clock, Math.max(now, clock.runningSince ?? 0));

  // Gentle notices: once when a step runs past its minutes, once when the 45 minutes are up.
  useEffect(() => {
    const s = store.getState();
    const p = s.practice;
    if (!p || p.ended || view.paused) return;
    if (view.stepOver && !p.overrunNoticed.includes(view.step)) {
      s.markOverrunNoticed(view.step);
      const stage = STAGES[view.step];
      const next = STAGES[view.step + 1];
      s.notify(
        'info',
        `${stage.name} has had its ${stage.minutes} minutes.${next ? ` When you can, wrap up and move on to ${next.name}.` : ''}`,
      );
    }
    if (view.remaining <= 0 && !p.timeUpNoticed) {
      s.markTimeUpNoticed();
      s.notify('info', 'The 45 minutes are up. Finish your thought, then compare your design with the reference.');
    }
  }, [store, view.stepOver, view.step, view.remaining, view.paused]);

  const act = store.getState();
  return (
    <StepTimer
      clock={clock}
      ended={ended}
      now={now}
      onStep={(i) => act.setPracticeStep(i)}
      onPause={() => act.pausePractice()}
      onResume={() => act.resumePractice()}
    />
  );
}

export interface StepTimerProps {
  clock: PracticeClock;
  ended: boolean;
  /** The time to show the clock at. */
  now: number;
  /** Shows the clock without its buttons (a room's observer). */
  readOnly?: boolean;
  onStep(step: number): void;
  onPause(): void;
  onResume(): void;
}

/** The strip of the seven steps, the clock, pause and next step, for any clock (practice alone, or a room's shared one). */
export function StepTimer({ clock, ended, now, readOnly = false, onStep, onPause, onResume }: StepTimerProps) {
  const view = clockView(clock, Math.max(now, clock.runningSince ?? 0));
  const over = view.remaining < 0;
  return (
    <div className={`practice-timer${view.paused ? ' is-paused' : ''}`}>
      <ol className="practice-strip" aria-label="Interview steps">
        {STAGES.map((s, i) => {
          const spent = view.perStep[i];
          const budget = stepBudget(i);
          const current = i === view.step;
          const stepOver = spent > budget;
          return (
            <li key={s.id} style={{ flexGrow: s.minutes + 8 } as CSSProperties}>
              <button
                type="button"
                className={`strip-step${current ? ' is-current' : ''}${stepOver ? ' is-over' : ''}${spent > 0 && !current ? ' is-done' : ''}`}
                aria-current={current ? 'step' : undefined}
                aria-label={`Step ${s.step}, ${s.name}: ${formatClock(spent)} of ${s.minutes} minutes${current ? ', current step' : ''}`}
                title={`${s.step}. ${s.name}: ${formatClock(spent)} of ${s.minutes}:00`}
                disabled={ended || readOnly}
                onClick={() => onStep(i)}
                style={{ '--stage': s.color } as CSSProperties}
              >
                <span className="strip-fill" style={{ width: `${Math.min(100, (100 * spent) / budget)}%` }} aria-hidden />
                <span className="strip-label">
                  <span className="strip-num">{s.step}</span>
                  <span className="strip-name">{s.short}</span>
                  <span className="strip-min">{current ? formatClock(spent) : `${s.minutes}m`}</span>
                </span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className={`practice-clock${over ? ' is-over' : ''}`} role="timer" aria-label="Interview time">
        <span className="clock-now">{formatClock(view.elapsed)}</span>
        <span className="clock-total">/ {formatClock(INTERVIEW_MS)}</span>
        {view.paused && !ended && <span className="clock-state">Paused</span>}
        {ended && <span className="clock-state">Ended</span>}
      </div>
      {!ended && !readOnly && (
        <>
          <button
            type="button"
            className="icon-btn"
            aria-label={view.paused ? 'Resume timer' : 'Pause timer'}
            title={view.paused ? 'Resume timer' : 'Pause timer'}
            onClick={() => (view.paused ? onResume() : onPause())}
          >
            {view.paused ? <Play size={16} aria-hidden /> : <Pause size={16} aria-hidden />}
          </button>
          <button
            type="button"
            className="icon-btn"
            aria-label="Next step"
            title="Next step"
            disabled={view.step >= STAGES.length - 1}
            onClick={() => onStep(view.step + 1)}
          >
            <SkipForward size={16} aria-hidden />
          </button>
        </>
      )}
    </div>
  );
}
