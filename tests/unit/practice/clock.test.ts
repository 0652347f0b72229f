import { describe, expect, it } from 'vitest';
import { clockView, formatClock, goToStep, INTERVIEW_MS, pauseClock, resumeClock, startClock } from '../../../src/domain/practiceClock';
import { STAGES } from '../../../src/domain/stages';

const MIN = 60_000;

describe('practice clock', () => {
  it('is a 45-minute interview split by the suggested minutes of the seven steps', () => {
    expect(INTERVIEW_MS).toBe(45 * MIN);
    expect(STAGES.map((s) => s.minutes)).toEqual([5, 5, 8, 8, 5, 9, 5]);
  });

  it('counts time for the current step, and for the next one after a step change', () => {
    let c = startClock(0);
    expect(clockView(c, 3 * MIN)).toMatchObject({ step: 0, elapsed: 3 * MIN, remaining: 42 * MIN, stepOver: false, paused: false });
    c = goToStep(c, 1, 4 * MIN);
    const v = clockView(c, 6 * MIN);
    expect(v.perStep.slice(0, 3)).toEqual([4 * MIN, 2 * MIN, 0]);
    expect(v.elapsed).toBe(6 * MIN);
  });

  it('says when the current step runs past its minutes', () => {
    const c = startClock(0);
    expect(clockView(c, 5 * MIN).stepOver).toBe(false);
    expect(clockView(c, 5 * MIN + 1000).stepOver).toBe(true);
    // Moving on clears it: step 2 has had no time yet.
    expect(clockView(goToStep(c, 1, 6 * MIN), 6 * MIN).stepOver).toBe(false);
  });

  it('stops while paused and goes on after resume, whatever the wall clock did', () => {
    let c = startClock(0);
    c = pauseClock(c, 2 * MIN);
    expect(clockView(c, 30 * MIN)).toMatchObject({ elapsed: 2 * MIN, paused: true });
    expect(pauseClock(c, 40 * MIN)).toBe(c); // pausing twice changes nothing
    c = goToStep(c, 2, 31 * MIN); // changing step while paused keeps it paused
    expect(clockView(c, 35 * MIN)).toMatchObject({ elapsed: 2 * MIN, step: 2, paused: true });
    c = resumeClock(c, 35 * MIN);
    expect(clockView(c, 36 * MIN).perStep[2]).toBe(MIN);
  });

  it('keeps step changes within the seven steps', () => {
    const c = startClock(0);
    expect(goToStep(c, 99, 0).step).toBe(6);
    expect(goToStep(c, -3, 0).step).toBe(0);
    expect(goToStep(c, 0, 1000)).toBe(c);
  });

  it('formats minutes and seconds, and time over as negative', () => {
    expect(formatClock(0)).toBe('0:00');
    expect(formatClock(754_000)).toBe('12:34');
    expect(formatClock(45 * MIN)).toBe('45:00');
    expect(formatClock(-61_000)).toBe('-1:01');
  });
});
