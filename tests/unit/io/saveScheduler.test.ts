import { describe, expect, it } from 'vitest';
import { createSaveScheduler } from '../../../src/io/saveScheduler';

/** Hand-driven timers and saves: time moves only when the test says so. */
function harness(delay = 300, outcomes: ('ok' | 'retry')[] = []) {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const starts: number[] = [];
  let finish: (() => void) | null = null;
  const save = () => {
    starts.push(now);
    const outcome = outcomes.shift() ?? 'ok';
    return new Promise<'retry' | void>((resolve) => {
      finish = () => {
        finish = null;
        resolve(outcome === 'retry' ? 'retry' : undefined);
      };
    });
  };
  const s = createSaveScheduler(save, delay, {
    setTimeout: (fn, ms) => {
      const id = nextId++;
      timers.set(id, { at: now + ms, fn });
      return id;
    },
    clearTimeout: (id) => void timers.delete(id as number),
    now: () => now,
  });
  /** Lets microtasks (the leading-edge write) run. */
  const settle = async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  /** Advances the clock, firing due timers in order. */
  const advance = async (ms: number) => {
    await settle();
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
      await settle();
    }
    now = end;
  };
  /** Ends the write in progress and lets its promise callbacks run. */
  const complete = async () => {
    finish?.();
    await settle();
  };
  return { s, advance, complete, settle, starts, pending: () => timers.size, writing: () => finish !== null };
}

describe('autosave scheduling', () => {
  it('writes the first change after a quiet spell at once, and the rest of the burst once, a window later', async () => {
    const h = harness();
    h.s.request();
    await h.settle();
    expect(h.starts).toEqual([0]); // the leading edge: no wait before the first write
    await h.complete();
    for (let t = 10; t < 290; t += 10) {
      await h.advance(10);
      h.s.request();
    }
    await h.advance(5);
    expect(h.starts).toEqual([0]); // the rest of the burst waits for the window
    await h.advance(20);
    expect(h.starts).toEqual([0, 300]);
    await h.complete();
    expect(h.s.busy()).toBe(false);
    // Quiet again: the next change is written at once.
    await h.advance(1000);
    h.s.request();
    await h.settle();
    expect(h.starts).toEqual([0, 300, 1305]);
  });

  it('starts writes at most once per window while the user keeps changing things', async () => {
    const h = harness();
    for (let t = 0; t < 2000; t += 16) {
      h.s.request();
      await h.advance(16);
      if (h.writing()) await h.complete();
    }
    await h.advance(400);
    await h.complete();
    const gaps = h.starts.slice(1).map((t, i) => t - h.starts[i]);
    expect(h.starts.length).toBeGreaterThan(3);
    expect(Math.min(...gaps)).toBeGreaterThanOrEqual(300);
  });

  it('never runs two writes at once: a change during a write is written after it', async () => {
    const h = harness();
    h.s.request();
    await h.settle();
    expect(h.starts).toEqual([0]);
    h.s.request(); // during the write
    await h.advance(1000);
    expect(h.starts).toEqual([0]); // still waiting for the first write
    await h.complete();
    await h.settle();
    expect(h.starts).toEqual([0, 1000]); // the window since the first write has passed: at once
  });

  it('tries a failed save again, waiting longer each time, until it works; a new change starts short again', async () => {
    const h = harness(300, ['retry', 'retry', 'retry', 'ok']);
    h.s.request();
    await h.settle();
    await h.complete(); // failed: no change follows, yet it is tried again
    await h.advance(1000);
    expect(h.starts).toEqual([0, 1000]);
    await h.complete();
    await h.advance(2000);
    expect(h.starts).toEqual([0, 1000, 3000]);
    await h.complete();
    await h.advance(3999);
    expect(h.starts).toHaveLength(3);
    await h.advance(1);
    expect(h.starts).toEqual([0, 1000, 3000, 7000]);
    await h.complete(); // worked: nothing more
    await h.advance(60_000);
    expect(h.starts).toHaveLength(4);
    expect(h.s.busy()).toBe(false);
  });

  it('flush writes at once, after a write in progress, and resolves when done', async () => {
    const h = harness();
    h.s.request();
    await h.settle();
    await h.complete();
    await h.advance(100);
    h.s.request(); // inside the window: scheduled for 300
    let flushed = false;
    const f = h.s.flush().then(() => (flushed = true));
    await Promise.resolve();
    expect(h.starts).toEqual([0, 100]);
    expect(h.pending()).toBe(0);
    await h.complete();
    await f;
    expect(flushed).toBe(true);

    await h.advance(300);
    h.s.request();
    await h.settle(); // a write is in progress
    const g = h.s.flush();
    await Promise.resolve();
    expect(h.starts).toEqual([0, 100, 400]);
    await h.complete(); // first write ends, the flush starts its own
    expect(h.starts).toEqual([0, 100, 400, 400]);
    await h.complete();
    await g;
    expect(h.s.busy()).toBe(false);
  });

  it('writes nothing more once disposed', async () => {
    const h = harness();
    h.s.request();
    h.s.dispose();
    await h.advance(1000);
    await h.s.flush();
    expect(h.starts).toEqual([]);
  });
});
