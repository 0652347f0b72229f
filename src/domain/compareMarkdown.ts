import { kindInfo, type KindId } from './catalogue';
import type { Finding } from './checker/types';
import type { CardField, Comparison } from './compare';
import { escapeMarkdownInline } from './export/markdown';
import { stageById } from './stages';

/** What a practice session adds to the notes: time per step and the questions to prepare. */
export interface ReviewExtras {
  /** Minutes and seconds used per step, e.g. "6:12", in stage order, with the suggested minutes. */
  time?: { total: string; steps: { stage: string; used: string; suggested: number; over: boolean }[] };
  /** Follow-up questions an interviewer would ask about the components placed. */
  questions?: readonly string[];
}

const cell = (text: string | undefined): string => (text === undefined || text === '' ? '-' : escapeMarkdownInline(text));
const kinds = (ks: readonly KindId[]): string => (ks.length ? ks.map((k) => escapeMarkdownInline(kindInfo(k).label)).join(', ') : '-');

function findingLine(f: Finding): string {
  return `- **${f.severity}** \`${f.rule}\`: ${escapeMarkdownInline(f.message)}`;
}

function cardTable(out: string[], heading: string, rows: readonly CardField[]): void {
  out.push(`## ${heading}`, '', '| Field | Yours | Reference |', '|---|---|---|');
  for (const r of rows) out.push(`| ${r.label} | ${cell(r.yours)} | ${cell(r.reference)} |`);
  out.push('');
}

/** The comparison as Markdown interview notes: score, stage table, cards side by side, findings, questions. */
export function comparisonToMarkdown(c: Comparison, extras: ReviewExtras = {}): string {
  const s = c.score;
  const out: string[] = [
    `# ${escapeMarkdownInline(c.yourTitle || 'Untitled design')} compared with the reference`,
    '',
    `Reference: ${escapeMarkdownInline(c.referenceTitle)}`,
    '',
    `**Score: ${s.total}/100 (${s.grade}).** Covers ${s.covered} of ${s.referenceCount} reference components` +
      ` and ${s.connectionsCovered} of ${s.connectionCount} of its connections (${s.coverage} points)` +
      `; ${s.extraCount} the reference does without (-${s.extraCost})` +
      `; checker: ${s.errors} error${s.errors === 1 ? '' : 's'}, ${s.warnings} warning${s.warnings === 1 ? '' : 's'} (-${s.findingsCost}).`,
    '',
    '## By stage',
    '',
    '| Stage | Verdict | Missing | Extra | Your findings |',
    '|---|---|---|---|---|',
  ];
  for (const st of c.stages) {
    const stage = stageById(st.stage);
    const errs = st.yourFindings.filter((f) => f.severity === 'error').length;
    const warns = st.yourFindings.filter((f) => f.severity === 'warning').length;
    const found = errs + warns ? `${errs} error${errs === 1 ? '' : 's'}, ${warns} warning${warns === 1 ? '' : 's'}` : 'none';
    out.push(`| ${stage.step}. ${stage.name} | ${escapeMarkdownInline(st.verdict)} | ${kinds(st.missing)} | ${kinds(st.extra)} | ${found} |`);
  }
  out.push('');
  if (c.missingConnections.length) {
    out.push('Connections the reference has and yours lacks:', '');
    for (const [a, b] of c.missingConnections) out.push(`- ${escapeMarkdownInline(kindInfo(a).label)} → ${escapeMarkdownInline(kindInfo(b).label)}`);
    out.push('');
  }
  cardTable(out, 'Requirements', c.requirements);
  cardTable(out, 'ML objective', c.objective);

  if (extras.time) {
    out.push('## Time', '', `Total: ${extras.time.total} of 45:00`, '', '| Step | Used | Suggested |', '|---|---|---|');
    for (const t of extras.time.steps) out.push(`| ${t.stage} | ${t.used}${t.over ? ' (over)' : ''} | ${t.suggested} min |`);
    out.push('');
  }

  out.push('## Findings', '', '### Yours', '');
  out.push(...(c.yourCheck.findings.length ? c.yourCheck.findings.map(findingLine) : ['- No errors or warnings.']));
  out.push('', '### Reference', '');
  out.push(...(c.referenceCheck.findings.length ? c.referenceCheck.findings.map(findingLine) : ['- No errors or warnings.']));
  out.push('');

  if (extras.questions?.length) {
    out.push('## Questions to prepare', '');
    for (const q of extras.questions) out.push(`- ${escapeMarkdownInline(q)}`);
    out.push('');
  }
  return out.join('\n');
}
