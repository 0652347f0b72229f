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
  /** Pictures of both designs: standalone SVG documents (the SVG export of each). */
  pictures?: { yours: string; reference: string };
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 of a text's UTF-8 bytes. */
export function utf8Base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const a = bytes[i];
    const b = i + 1 < bytes.length ? bytes[i + 1] : 0;
    const c = i + 2 < bytes.length ? bytes[i + 2] : 0;
    out += BASE64[a >> 2] + BASE64[((a & 3) << 4) | (b >> 4)];
    out += i + 1 < bytes.length ? BASE64[((b & 15) << 2) | (c >> 6)] : '=';
    out += i + 2 < bytes.length ? BASE64[c & 63] : '=';
  }
  return out;
}

/** A Markdown image of an SVG document, inline as a data: URI (the notes stay one self-contained file). */
const svgImage = (alt: string, svg: string) => `![${escapeMarkdownInline(alt)}](data:image/svg+xml;base64,${utf8Base64(svg)})`;

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
    ...(extras.pictures
      ? [
          '## The two designs',
          '',
          '### Yours',
          '',
          svgImage(c.yourTitle || 'Your design', extras.pictures.yours),
          '',
          '### Reference',
          '',
          svgImage(`Reference: ${c.referenceTitle}`, extras.pictures.reference),
          '',
        ]
      : []),
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
