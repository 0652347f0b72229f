import type { DiagramNode } from '../diagram';

/**
 * Shared text helpers of the exporters: user text can hold any character, so every exporter
 * first normalises it here and then escapes it for its own target language.
 */

// C0 controls except tab and line breaks, DEL, C1 controls, lone surrogates, U+FFFE/U+FFFF.
// Everything removed here is either invalid in XML 1.0 or invisible garbage in Markdown and Mermaid.
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** User text with control characters, lone surrogates and non-characters removed, line breaks as `\n` and tabs as spaces. */
export function cleanText(text: string): string {
  return text
    .replace(/\r\n?|[\u2028\u2029\u0085]/g, '\n')
    .replace(/\t/g, ' ')
    .replace(INVALID, '');
}

/** User text on a single line: cleaned, line breaks folded to spaces, runs of spaces collapsed, trimmed. */
export function oneLine(text: string): string {
  return cleanText(text).replace(/\s+/g, ' ').trim();
}

/** A number as people read it in a write-up: integers with thousands separators, others as given. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  return Number.isInteger(value) ? value.toLocaleString('en-US') : String(value);
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string') {
    const t = oneLine(value);
    return t ? t : undefined;
  }
  if (typeof value === 'number' && Number.isFinite(value)) return formatNumber(value);
  return undefined;
}

/**
 * The second line a node shows in an exported picture: the key fields of a requirements or
 * ml-objective card ("QPS 5,000 · 100 ms"), otherwise the tool; undefined when there is nothing.
 */
export function nodeDetail(node: DiagramNode): string | undefined {
  const p = node.props ?? {};
  if (node.kind === 'requirements') {
    const parts: string[] = [];
    if (typeof p.qps === 'number' && Number.isFinite(p.qps)) parts.push(`QPS ${formatNumber(p.qps)}`);
    if (typeof p.latencyBudgetMs === 'number' && Number.isFinite(p.latencyBudgetMs)) parts.push(`${formatNumber(p.latencyBudgetMs)} ms`);
    if (p.realtime === true) parts.push('real-time');
    if (parts.length === 0) {
      const fallback = text(p.scale) ?? text(p.goal);
      if (fallback) parts.push(fallback);
    }
    return parts.length ? parts.join(' · ') : text(p.tool);
  }
  if (node.kind === 'ml-objective') {
    const parts = [text(p.task), text(p.offlineMetric) ?? text(p.loss)].filter((s): s is string => !!s);
    return parts.length ? parts.join(' · ') : text(p.tool);
  }
  return text(p.tool);
}
