import { memo, useMemo } from 'react';
import { recognise, type TermCategory, type TermMatch } from '../domain/vocabulary';

/** What a recognised term's chip says: its label, or for a duration the duration as written. */
function chipText(m: TermMatch, text: string): string {
  if (m.term.id === 'duration') return `delay: ${text.slice(m.start, m.end)}`;
  return m.term.label;
}

/**
 * The terms the checker recognised in a text, as chips under its field ("PR-AUC", "time split",
 * "outcome label"), so the user sees what the checker read. Nothing when it read nothing.
 */
export const TermChips = memo(function TermChips({ text, categories, id }: { text: string; categories: readonly TermCategory[]; id?: string }) {
  const chips = useMemo(() => {
    const seen = new Set<string>();
    const out: { key: string; label: string; category: TermCategory }[] = [];
    for (const m of recognise(text, categories)) {
      const label = chipText(m, text);
      if (seen.has(label)) continue;
      seen.add(label);
      out.push({ key: `${m.term.id}:${label}`, label, category: m.term.category });
    }
    return out;
  }, [text, categories]);
  if (chips.length === 0) return null;
  return (
    <ul className="term-chips" id={id} aria-label="The check reads">
      {chips.map((c) => (
        <li key={c.key} className="term-chip" data-category={c.category}>
          {c.label}
        </li>
      ))}
    </ul>
  );
});
