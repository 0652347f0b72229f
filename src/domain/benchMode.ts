/** `?bench=N`: the benchmark's mode, read at start-up (its diagram generator loads only then, from benchDiagram.ts). */

/** The N of a `?bench=N` query (capped at 20,000), or null when the page is not in bench mode. */
export function readBenchN(search: string): number | null {
  const raw = new URLSearchParams(search).get('bench');
  if (raw === null) return null;
  const n = Number(raw);
  return Number.isFinite(n) ? Math.max(0, Math.min(20000, Math.floor(n))) : 0;
}
