import { kindInfo } from '../catalogue';
import type { Finding, Severity, SuppressedFinding } from '../checker/types';
import {
  EDGE_KINDS,
  PROBLEM_LABELS,
  childrenOf,
  nodeLabel,
  nodeStage,
  type Diagram,
  type DiagramNode,
} from '../diagram';
import { sizeDiagram, type Figure } from '../sizing/sizing';
import { STAGES } from '../stages';
import { cleanText, formatNumber } from './text';

/** File extension of a Markdown export. */
export const MARKDOWN_EXTENSION = '.md';

/**
 * Characters that Markdown or HTML would read as syntax, as numeric character references. Entities,
 * not backslashes: a GFM autolink (`https://a.example/\\<img ...>`) takes a backslash into its URL
 * and leaves what it escaped raw, while `&lt;` is text to every CommonMark renderer, wherever it stands.
 */
const ENTITY: Record<string, string> = {
  '<': '&lt;',
  '>': '&gt;',
  '&': '&amp;',
  '\\': '&#92;',
  '`': '&#96;',
  '*': '&#42;',
  _: '&#95;',
  '[': '&#91;',
  ']': '&#93;',
  '|': '&#124;',
  $: '&#36;',
  '~': '&#126;',
  '#': '&#35;',
  '+': '&#43;',
  '-': '&#45;',
  '=': '&#61;',
  '.': '&#46;',
  ')': '&#41;',
};

/**
 * User text made safe inside a Markdown line: characters that would start emphasis, code, links,
 * HTML, math, a table cell, or (leading) a heading, list or rule become character references (`&lt;`,
 * `&#42;`); line breaks become `<br>`.
 * An `&` is written as `&amp;` only where it would begin a reference, so URLs keep their `&`.
 */
export function escapeMarkdownInline(text: string): string {
  // Safe at the start of a line or a list item too ("- ---" would be a rule, "- 1. x" a nested list).
  return lineStart(escapeMidLine(text));
}

/** User text made safe inside a Markdown line, after other text on that line (no line-start escapes). */
function escapeMidLine(text: string): string {
  return cleanText(text)
    .trim()
    .replace(/[<>\\`*[\]|$~]|&(?=#?[A-Za-z0-9]+;)/g, (c) => ENTITY[c])
    .replace(/(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])/g, ENTITY._)
    .replace(/[ \t]*\n[ \t]*/g, '<br>');
}

/** Inline-escaped text that may also open a line: a leading #, >, list marker or ordered-list number is escaped. */
function lineStart(text: string): string {
  return text.replace(/^(#|[-+=]|\d+[.)])/, (m) => (/^\d/.test(m) ? `${m.slice(0, -1)}${ENTITY[m.slice(-1)]}` : ENTITY[m]));
}

/** Text for an ATX heading: inline-escaped, every # as a reference (a trailing run would be eaten as a closing sequence). */
function headingText(text: string): string {
  return lineStart(escapeMarkdownInline(text.replace(/\s+/g, ' '))).replace(/(?<!&)#/g, ENTITY['#']);
}

function value(v: unknown): string | undefined {
  if (typeof v === 'string') return cleanText(v).trim() ? escapeMarkdownInline(v) : undefined;
  if (typeof v === 'number' && Number.isFinite(v)) return formatNumber(v);
  if (typeof v === 'boolean') return v ? 'yes' : 'no';
  return undefined;
}

function fields(rows: [string, string | undefined][]): string[] {
  return rows.filter(([, v]) => v !== undefined).map(([k, v]) => `- **${k}:** ${v}`);
}

function cardSection(
  out: string[],
  heading: string,
  cards: DiagramNode[],
  rowsOf: (n: DiagramNode) => [string, string | undefined][],
  missing: string,
): void {
  out.push(`## ${heading}`, '');
  if (cards.length === 0) {
    out.push(`_${missing}_`, '');
    return;
  }
  for (const card of cards) {
    if (cards.length > 1) out.push(`### ${headingText(nodeLabel(card))}`, '');
    const lines = fields(rowsOf(card));
    out.push(...(lines.length ? lines : ['_Empty card._']), '');
  }
}

const ms = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? `${formatNumber(v)} ms` : value(v));

function cell(text: string | undefined): string {
  return text ?? '';
}

const SEVERITIES: { id: Severity; heading: string; one: string; many: string }[] = [
  { id: 'error', heading: 'Errors', one: 'error', many: 'errors' },
  { id: 'warning', heading: 'Warnings', one: 'warning', many: 'warnings' },
  { id: 'info', heading: 'Info', one: 'note', many: 'notes' },
];

function figureLine(f: Figure): string {
  return `- **${f.label}:** ${escapeMidLine(f.text)} (${escapeMidLine(f.how)})`;
}

/** The back-of-envelope sizing: the design's load, then each sized component's figures and how they were computed. */
function capacitySection(out: string[], d: Diagram): void {
  const { scale, nodes } = sizeDiagram(d);
  if (scale.figures.length === 0 && nodes.length === 0) return;
  out.push('## Capacity', '');
  if (scale.figures.length) out.push(...scale.figures.map(figureLine), '');
  for (const s of nodes) {
    out.push(`### ${headingText(nodeLabel(s.node))}`, '');
    const lines = s.figures.map(figureLine);
    for (const c of s.checks) lines.push(`- ${c.over ? '**Short:**' : 'Fits:'} ${escapeMidLine(c.text)}`);
    if (s.missing.length) lines.push(`- _Still needed: ${escapeMidLine(s.missing.join(', '))}._`);
    out.push(...(lines.length ? lines : ['_No figures yet._']), '');
  }
}

function findingLine(f: Finding): string {
  return `- ${lineStart(escapeMarkdownInline(f.message))} (\`${f.rule}\`)`;
}

/**
 * A Markdown write-up of the design for interview notes: brief, requirements, ML objective,
 * components stage by stage, zones, notes, data flow and the checker's findings.
 */
/** A mock interview's scored rubric: a score (1-4) and the interviewer's note per step, by step index. */
export interface InterviewRubric {
  scores: Record<number, number>;
  notes: Record<number, string>;
  sharedAt: number;
}

const SCORE_NAMES = ['', 'missing', 'weak', 'solid', 'strong'];

/** The rubric as a Markdown section: one row per step with its score and note. */
export function rubricMarkdown(r: InterviewRubric): string[] {
  const out = ['## Interview rubric', '', '| Step | Score | Interviewer notes |', '| --- | --- | --- |'];
  let total = 0;
  let scored = 0;
  STAGES.forEach((s, i) => {
    const score = r.scores[i];
    if (score) {
      total += score;
      scored++;
    }
    const note = r.notes[i] ? escapeMarkdownInline(r.notes[i]) : '';
    out.push(`| ${s.step}. ${s.name} | ${score ? `${score} / 4 (${SCORE_NAMES[score]})` : '-'} | ${note} |`);
  });
  out.push('');
  if (scored) out.push(`**Overall:** ${(total / scored).toFixed(1)} / 4 over ${scored} scored step${scored === 1 ? '' : 's'}.`, '');
  return out;
}

export function toMarkdown(d: Diagram, findings: Finding[], opts: { suppressed?: SuppressedFinding[]; rubric?: InterviewRubric } = {}): string {
  const out: string[] = [];
  const title = cleanText(d.title ?? '').trim() || 'Untitled design';
  out.push(`# ${headingText(title)}`, '');

  if (d.brief && cleanText(d.brief).trim()) {
    for (const line of cleanText(d.brief).trim().split('\n')) {
      out.push(line.trim() ? `> ${lineStart(escapeMarkdownInline(line))}` : '>');
    }
    out.push('');
  }
  if (d.problem && d.problem !== 'generic' && PROBLEM_LABELS[d.problem]) out.push(`**Problem:** ${PROBLEM_LABELS[d.problem]}`, '');

  const nodes = d.nodes;
  const byId = new Map<string, DiagramNode>();
  for (const n of nodes) if (!byId.has(n.id)) byId.set(n.id, n);

  cardSection(
    out,
    'Requirements',
    nodes.filter((n) => n.kind === 'requirements'),
    (n) => [
      ['Goal', value(n.props.goal)],
      ['Scale', value(n.props.scale)],
      ['QPS', value(n.props.qps)],
      ['Daily active users', value(n.props.dau)],
      ['Requests per user per day', value(n.props.requestsPerUserPerDay)],
      ['Peak-to-average factor', value(n.props.peakFactor)],
      ['Items in the catalogue', value(n.props.items)],
      ['Events per day', value(n.props.eventsPerDay)],
      ['Bytes per event', value(n.props.bytesPerEvent)],
      ['Retention', typeof n.props.retentionDays === 'number' ? `${formatNumber(n.props.retentionDays)} days` : undefined],
      ['Latency budget', ms(n.props.latencyBudgetMs)],
      ['Real-time', value(n.props.realtime)],
    ],
    'No requirements card on the canvas.',
  );
  cardSection(
    out,
    'ML objective',
    nodes.filter((n) => n.kind === 'ml-objective'),
    (n) => [
      ['Task', value(n.props.task)],
      ['Label', value(n.props.label)],
      ['Loss', value(n.props.loss)],
      ['Offline metric', value(n.props.offlineMetric)],
      ['Online metric', value(n.props.onlineMetric)],
    ],
    'No ML objective card on the canvas.',
  );

  // Components, stage by stage, then the ones without a stage.
  out.push('## Components', '');
  const components = nodes.filter((n) => n.kind !== 'note' && n.kind !== 'group');
  const groups: { heading: string; members: DiagramNode[] }[] = STAGES.map((s) => ({
    heading: `${s.step}. ${s.name}`,
    members: components.filter((n) => nodeStage(n) === s.id),
  }));
  groups.push({ heading: 'Other', members: components.filter((n) => nodeStage(n) === null) });
  for (const g of groups) {
    if (g.heading === 'Other' && g.members.length === 0) continue;
    out.push(`### ${g.heading}`, '');
    if (g.members.length === 0) {
      out.push('_None._', '');
      continue;
    }
    out.push('| Component | Kind | Tool | Latency | Notes |', '| --- | --- | --- | --- | --- |');
    for (const n of g.members) {
      const row = [
        escapeMarkdownInline(nodeLabel(n)) || '(unnamed)',
        escapeMarkdownInline(kindLabel(n)),
        cell(value(n.props.tool)),
        cell(ms(n.props.latencyMs)),
        cell(value(n.props.notes)),
      ];
      out.push(`| ${row.join(' | ')} |`);
    }
    out.push('');
  }

  capacitySection(out, d);

  // Zones with their direct members.
  const zones = nodes.filter((n) => n.kind === 'group');
  if (zones.length) {
    out.push('## Zones', '');
    const inside = childrenOf(nodes);
    for (const z of zones) {
      const members = (inside.get(z.id) ?? []).filter((n) => n.kind !== 'note').map((n) => escapeMarkdownInline(nodeLabel(n)));
      const tag = z.props.zone === 'offline' || z.props.zone === 'online' ? ` (${z.props.zone})` : '';
      out.push(`- **${escapeMarkdownInline(nodeLabel(z))}**${tag}: ${members.length ? members.join(', ') : '_empty_'}`);
    }
    out.push('');
  }

  const notes = nodes
    .filter((n) => n.kind === 'note')
    .map((n) => (typeof n.props.text === 'string' ? n.props.text : n.label ?? ''))
    .filter((t) => cleanText(t).trim());
  if (notes.length) {
    out.push('## Notes and trade-offs', '');
    for (const t of notes) out.push(`- ${lineStart(escapeMarkdownInline(t))}`);
    out.push('');
  }

  out.push('## Data flow', '');
  const flows = d.edges.filter((e) => byId.has(e.source) && byId.has(e.target));
  if (flows.length === 0) out.push('_No connections yet._');
  for (const e of flows) {
    const kind = (EDGE_KINDS as readonly string[]).includes(e.kind) ? e.kind : 'data';
    const label = typeof e.label === 'string' && cleanText(e.label).trim() ? `: ${escapeMarkdownInline(e.label)}` : '';
    out.push(`- ${lineStart(escapeMarkdownInline(nodeLabel(byId.get(e.source)!)))} → ${escapeMarkdownInline(nodeLabel(byId.get(e.target)!))} (${kind}${label})`);
  }
  out.push('');

  out.push('## Findings', '');
  const suppressed = opts.suppressed ?? [];
  if (findings.length === 0) out.push('The checker found nothing to flag.', '');
  else {
    const counts = SEVERITIES.map((s) => [s, findings.filter((f) => f.severity === s.id).length] as const)
      .filter(([, n]) => n > 0)
      .map(([s, n]) => `${n} ${n === 1 ? s.one : s.many}`);
    out.push(`${counts.join(', ')}.`, '');
    for (const s of SEVERITIES) {
      const list = findings.filter((f) => f.severity === s.id);
      if (list.length === 0) continue;
      out.push(`### ${s.heading}`, '', ...list.map(findingLine), '');
    }
  }
  if (suppressed.length) {
    out.push('### Suppressed', '');
    for (const { finding, reason } of suppressed) out.push(`${findingLine(finding)} — suppressed: ${escapeMarkdownInline(reason)}`);
    out.push('');
  }
  if (opts.rubric) out.push(...rubricMarkdown(opts.rubric));
  return out.join('\n').replace(/\n+$/, '\n');
}

function kindLabel(n: DiagramNode): string {
  const info = kindInfo(n.kind);
  return info ? info.label : String(n.kind);
}
