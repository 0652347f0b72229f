import type { NodeData } from './flowTypes';

/** The small second line of a node: its tool, or the key fields of a requirements / objective card. */
export function nodeSubtitle(data: NodeData): string | undefined {
  const p = data.props;
  if (data.kind === 'requirements') {
    const parts: string[] = [];
    if (typeof p.qps === 'number') parts.push(`${p.qps.toLocaleString('en-US')} QPS`);
    if (typeof p.latencyBudgetMs === 'number') parts.push(`${p.latencyBudgetMs} ms budget`);
    if (!parts.length && p.goal) parts.push(String(p.goal));
    return shown(parts.join(' · ')) || undefined;
  }
  if (data.kind === 'ml-objective') {
    const parts = [p.task, p.offlineMetric].filter((x): x is string => typeof x === 'string' && x.length > 0);
    return shown(parts.join(' · ')) || undefined;
  }
  return typeof p.tool === 'string' && p.tool ? shown(p.tool) : undefined;
}

/**
 * Text as a node on the canvas shows it: at most `max` characters, then an ellipsis. A node shows a
 * few lines; a label of millions of characters (valid in a file) took the browser seconds to lay
 * out. The whole text stays in the inspector and the exports.
 */
export function shown(text: string, max = 200): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}
