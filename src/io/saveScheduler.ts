/**
 * When autosave writes. Leading edge: the first change after a quiet spell (no write started in the
 * last `delayMs`) is written at once, in a microtask after the change, so a browser killed right
 * after an edit loses at most what the storage commit itself takes. Later changes in the window join
 * one write at its end (a burst of edits is two writes, never one per change, and a save starts at
 * most once per window while the user keeps typing); a change during a write schedules one more write
 * after it. A save that reports it must be retried (storage full, refused) is tried again after 1 s,
 * then 2, 4 ... up to 16 s, until it works or a new change starts a fresh cycle. `flush()` writes at
 * once (page hidden or closing, switching designs). Timers are injected so the logic is tested
 * without a browser.
 */

export interface SchedulerTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
  /** Milliseconds on a monotonic clock. */
  now(): number;
}

export interface SaveScheduler {
  /** Something changed: save it soon (at once after a quiet spell). */
  request(): void;
  /** Saves now (after a write in progress) and resolves when everything requested so far is written. */
  flush(): Promise<void>;
  /** True while a save is scheduled or running. */
  busy(): boolean;
  /** Stops the timer; nothing more is written. */
  dispose(): void;
}

/** What a save tells the scheduler: nothing (done), or 'retry' when it failed and should be tried again. */
export type SaveOutcome = void | 'retry';

/** Shortest and longest wait before a failed save is tried again. */
export const RETRY_MS = { first: 1000, max: 16_000 } as const;

/** Autosave timing: the first change at once, then at most one write per `delayMs` window; failed saves retried. */
export function createSaveScheduler(save: () => Promise<SaveOutcome>, delayMs: number, timers: SchedulerTimers): SaveScheduler {
  let timer: unknown = null;
  /** A leading-edge write is queued for the end of the current task. */
  let soon = false;
  let running: Promise<void> | null = null;
  let wanted = false;
  let disposed = false;
  let lastStart = -Infinity;
  let retryIn: number = RETRY_MS.first;
  let retryTimer: unknown = null;

  const clearRetry = () => {
    if (retryTimer !== null) timers.clearTimeout(retryTimer);
    retryTimer = null;
  };

  const run = (): Promise<void> => {
    timer = null;
    soon = false;
    wanted = false;
    lastStart = timers.now();
    const p = save()
      .then(
        (outcome) => outcome,
        // The save reports its own failures; the scheduler only keeps time.
        () => undefined,
      )
      .then((outcome) => {
        running = null;
        if (disposed) return;
        if (outcome === 'retry' && !wanted) {
          clearRetry();
          retryTimer = timers.setTimeout(() => {
            retryTimer = null;
            request(true);
          }, retryIn);
          retryIn = Math.min(RETRY_MS.max, retryIn * 2);
        } else if (outcome !== 'retry') retryIn = RETRY_MS.first;
        if (wanted) arm();
      });
    running = p;
    return p;
  };

  const arm = () => {
    if (timer !== null || soon || disposed) return;
    const since = timers.now() - lastStart;
    if (since >= delayMs) {
      // Quiet until now: write at once, once the change that asked has finished (a microtask).
      soon = true;
      queueMicrotask(() => {
        if (soon && !running && !disposed) void run();
      });
    } else {
      timer = timers.setTimeout(run, delayMs - since);
    }
  };

  const request = (isRetry = false) => {
    if (disposed) return;
    if (!isRetry) {
      // A new change: a pending retry becomes this write, and the waits start short again.
      clearRetry();
      retryIn = RETRY_MS.first;
    }
    wanted = true;
    if (running) return; // armed again when the write ends
    arm();
  };

  return {
    request: () => request(),
    async flush() {
      if (disposed) return;
      if (timer !== null) {
        timers.clearTimeout(timer);
        timer = null;
      }
      soon = false;
      clearRetry();
      // Never two writes at once: wait for the one in progress (and any other flush that started first).
      while (running) {
        wanted = true;
        await running;
        if (timer !== null) {
          timers.clearTimeout(timer);
          timer = null;
        }
        soon = false;
      }
      if (disposed) return;
      await run();
    },
    busy: () => timer !== null || soon || running !== null,
    dispose() {
      disposed = true;
      if (timer !== null) timers.clearTimeout(timer);
      timer = null;
      soon = false;
      clearRetry();
    },
  };
}
