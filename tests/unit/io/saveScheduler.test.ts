import { describe, expect, it } from 'vitest';
import { createSaveScheduler } from '../../../src/io/saveScheduler';

/** Hand-driven timers and saves: time moves only when the test says so. */
function harness(delay = 300) {
  let now = 0;
  let nextId = 1;
  const timers = new Map<number, { at: number; fn: () => void }>();
  const starts: number[] = [];
  let finish: (() => void) | null = null;
  const save = () => {
    starts.push(now);
    return new Promise<void>((resolve) => {
      finish = () => {
        finish = null;
        resolve();
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
  });
  /** Advances the clock, firing due timers in order. */
  const advance = async (ms: number) => {
    const end = now + ms;
    for (;;) {
      const due = [...timers.entries()].filter(([, t]) => t.at <= end).sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      timers.delete(due[0]);
      now = due[1].at;
      due[1].fn();
      await Promise.resolve();
    }
    now = end;
  };
  /** Ends the write in progress and lets its promise callbacks run. */
  const complete = async () => {
    finish?.();
    for (let i = 0; i < 5; i++) await Promise.resolve();
  };
  return { s, advance, complete, starts, pending: () => timers.size, writing: () => finish !== null };
}

describe('autosave scheduling', () => {
  it('writes once, a full window after the first change, however many changes come in that window', async () => {
    const h = harness();
    for (let t = 0; t < 290; t += 10) {
      h.s.request();
      await h.advance(10);
    }
    expect(h.starts).toEqual([]); // the last change came at 280: still inside the first window
    await h.advance(10);
    expect(h.starts).toEqual([300]);
    await h.complete();
    expect(h.s.busy()).toBe(false);
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
    await h.advance(300);
    expect(h.starts).toEqual([300]);
    h.s.request(); // during the write
    await h.advance(1000);
    expect(h.starts).toEqual([300]); // still waiting for the first write
    await h.complete();
    expect(h.pending()).toBe(1);
    await h.advance(300);
    expect(h.starts).toEqual([300, 1600]);
  });

  it('flush writes at once, after a write in progress, and resolves when done', async () => {
    const h = harness();
    h.s.request();
    await h.advance(100);
    let flushed = false;
    const f = h.s.flush().then(() => (flushed = true));
    await Promise.resolve();
    expect(h.starts).toEqual([100]);
    expect(h.pending()).toBe(0);
    await h.complete();
    await f;
    expect(flushed).toBe(true);

    h.s.request();
    await h.advance(300); // a write is in progress
    const g = h.s.flush();
    await Promise.resolve();
    expect(h.starts).toEqual([100, 400]);
    await h.complete(); // first write ends, the flush starts its own
    expect(h.starts).toEqual([100, 400, 400]);
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
