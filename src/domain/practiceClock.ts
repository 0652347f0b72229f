/**
 * The practice timer as data: which of the seven steps the user is on, and how long each step has
 * taken. The state changes only on start, pause, resume and step changes; what the clock shows at
 * a given moment is computed from it (`clockView`), so a ticking display re-renders itself alone.
 */
import { STAGES } from './stages';

/** A 45-minute interview: the sum of the suggested minutes of the seven steps. */
export const INTERVIEW_MS = STAGES.reduce((sum, s) => sum + s.minutes, 0) * 60_000;

export interface PracticeClock {
  /** Index of the current step in STAGES. */
  step: number;
  /** Milliseconds spent on each step, not counting the running span of the current one. */
  spent: readonly number[];
  /** When the current span started (ms), or null while paused. */
  runningSince: number | null;
}

/** What the timer shows at a moment. */
export interface ClockView {
  step: number;
  paused: boolean;
  /** Milliseconds spent on each step so far. */
  perStep: number[];
  elapsed: number;
  /** Milliseconds left of the 45 minutes (negative when over). */
  remaining: number;
  /** True when the current step has run past its suggested minutes. */
  stepOver: boolean;
}

/** A clock started at `now` on step 1. */
export function startClock(now: number): PracticeClock {
  return { step: 0, spent: STAGES.map(() => 0), runningSince: now };
}

function settle(c: PracticeClock, now: number): number[] {
  const spent = c.spent.slice();
  if (c.runningSince !== null) spent[c.step] += Math.max(0, now - c.runningSince);
  return spent;
}

/** Stops the clock; the time so far stays with the current step. */
export function pauseClock(c: PracticeClock, now: number): PracticeClock {
  if (c.runningSince === null) return c;
  return { ...c, spent: settle(c, now), runningSince: null };
}

/** Starts a paused clock again. */
export function resumeClock(c: PracticeClock, now: number): PracticeClock {
  return c.runningSince === null ? { ...c, runningSince: now } : c;
}

/** Moves to another step; time from now on counts for that step. A paused clock stays paused. */
export function goToStep(c: PracticeClock, step: number, now: number): PracticeClock {
  const next = Math.max(0, Math.min(STAGES.length - 1, Math.trunc(step)));
  if (next === c.step) return c;
  return { step: next, spent: settle(c, now), runningSince: c.runningSince === null ? null : now };
}

/** The suggested milliseconds of a step. */
export function stepBudget(step: number): number {
  return STAGES[step].minutes * 60_000;
}

/** What the clock shows at `now`. */
export function clockView(c: PracticeClock, now: number): ClockView {
  const perStep = settle(c, now);
  const elapsed = perStep.reduce((a, b) => a + b, 0);
  return {
    step: c.step,
    paused: c.runningSince === null,
    perStep,
    elapsed,
    remaining: INTERVIEW_MS - elapsed,
    stepOver: perStep[c.step] > stepBudget(c.step),
  };
}

/** Milliseconds as m:ss (or -m:ss when negative), e.g. 754000 -> "12:34". */
export function formatClock(ms: number): string {
  const sign = ms < 0 ? '-' : '';
  const total = Math.floor(Math.abs(ms) / 1000);
  return `${sign}${Math.floor(total / 60)}:${String(total % 60).padStart(2, '0')}`;
}
