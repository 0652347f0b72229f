/**
 * When autosave writes: a change schedules a save `delayMs` later; further changes in that window
 * join it (so a burst of edits is one write and a save starts at most once per window, even while
 * the user keeps typing); a change during a write schedules one more write after it. `flush()`
 * writes at once (page hidden or closing, switching designs). Timers are injected so the logic is
 * tested without a browser.
 */

export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface SaveScheduler {
  /** Something changed: save it soon. */
  request(): void;
  /** Saves now (after a write in progress) and resolves when everything requested so far is written. */
  flush(): Promise<void>;
  /** True while a save is scheduled or running. */
  busy(): boolean;
  /** Stops the timer; nothing more is written. */
  dispose(): void;
}

/** Autosave timing: at most one write per `delayMs` window, never one per change. */
export function createSaveScheduler(save: () => Promise<void>, delayMs: number, timers: SchedulerTimers): SaveScheduler {
  let timer: unknown = null;
  let running: Promise<void> | null = null;
  let wanted = false;
  let disposed = false;

  const run = (): Promise<void> => {
    timer = null;
    wanted = false;
    const p = save()
      .catch(() => {
        // The save reports its own failures; the scheduler only keeps time.
      })
      .finally(() => {
        running = null;
        if (wanted && !disposed) arm();
      });
    running = p;
    return p;
  };

  const arm = () => {
    if (timer !== null || disposed) return;
    // Every scheduled write waits a full window from the first change after the last write ended.
    timer = timers.setTimeout(run, delayMs);
  };

  return {
    request() {
      if (disposed) return;
      wanted = true;
      if (running) return; // armed again when the write ends
      arm();
    },
    async flush() {
      if (disposed) return;
      if (timer !== null) {
        timers.clearTimeout(timer);
        timer = null;
      }
      // Never two writes at once: wait for the one in progress (and any other flush that started first).
      while (running) {
        wanted = true;
        await running;
        if (timer !== null) {
          timers.clearTimeout(timer);
          timer = null;
        }
      }
      if (disposed) return;
      await run();
    },
    busy: () => timer !== null || running !== null,
    dispose() {
      disposed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
    },
  };
}
