/** Tasks that finish sooner than this show no progress at all (no flash of a spinner). */
export const PROGRESS_DELAY_MS = 300;

/** The handle of a tracked task: report steps while it runs, call done() once at the end. */
export interface ProgressTracker {
  step(text: string): void;
  done(): void;
}

/**
 * Shows a task's current step through `show` once it has run for `delayMs`, then every later step;
 * done() hides it (show(null)) if it was shown. Quick tasks never show anything.
 */
export function trackProgress(show: (text: string | null) => void, delayMs = PROGRESS_DELAY_MS, first = 'Working…'): ProgressTracker {
  let current = first;
  let shown = false;
  let finished = false;
  const timer = setTimeout(() => {
    if (finished) return;
    shown = true;
    show(current);
  }, delayMs);
  return {
    step(text) {
      if (finished) return;
      current = text;
      if (shown) show(text);
    },
    done() {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      if (shown) show(null);
    },
  };
}
