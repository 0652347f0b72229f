import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { PROGRESS_DELAY_MS, trackProgress } from '../../../src/io/progress';

describe('trackProgress', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows nothing for a task that ends within 300 ms', () => {
    const show = vi.fn();
    const p = trackProgress(show);
    p.step('Drawing');
    vi.advanceTimersByTime(PROGRESS_DELAY_MS - 1);
    p.done();
    vi.advanceTimersByTime(1000);
    expect(show).not.toHaveBeenCalled();
  });

  it('shows the current step after 300 ms, then each step, and hides it at the end', () => {
    const show = vi.fn();
    const p = trackProgress(show, PROGRESS_DELAY_MS, 'Loading');
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    expect(show.mock.calls).toEqual([['Loading']]);
    p.step('Rendering 2,400 × 1,200 px…');
    p.step('Encoding');
    p.done();
    p.done();
    p.step('late');
    expect(show.mock.calls).toEqual([['Loading'], ['Rendering 2,400 × 1,200 px…'], ['Encoding'], [null]]);
  });

  it('shows the latest step reached when the delay ends', () => {
    const show = vi.fn();
    const p = trackProgress(show);
    p.step('one');
    p.step('two');
    vi.advanceTimersByTime(PROGRESS_DELAY_MS);
    p.done();
    expect(show.mock.calls).toEqual([['two'], [null]]);
  });
});
