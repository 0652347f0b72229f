import { EDGE_KINDS, nodeLabel, nodeStage, type Diagram, type DiagramNode, type EdgeKind } from '../diagram';
import { STAGES, type StageId } from '../stages';
import { cleanText, nodeDetail } from './text';

/** Deepest indent of a nested zone's lines in the export. */
const MAX_INDENT = 32;

/** File extension of a Mermaid export. */
export const MERMAID_EXTENSION = '.mmd';

/**
 * How each edge kind is drawn. Only arrows of Mermaid's flowchart grammar; kinds that share an
 * arrow (stream and feedback) differ by colour and dash pattern through `linkStyle`.
 */
export const MERMAID_EDGE_STYLE: Record<EdgeKind, { arrow: string; style: string }> = {
  data: { arrow: '-->', style: 'stroke:#64748b,stroke-width:1.5px' },
  stream: { arrow: '-.->', style: 'stroke:#2563eb,stroke-width:1.5px,stroke-dasharray:6 4' },
  request: { arrow: '==>', style: 'stroke:#0f172a,stroke-width:3px' },
  model: { arrow: '--o', style: 'stroke:#7c3aed,stroke-width:2px' },
  feedback: { arrow: '-.->', style: 'stroke:#ea580c,stroke-width:2px,stroke-dasharray:2 4' },
  control: { arrow: '--x', style: 'stroke:#64748b,stroke-width:1.5px,stroke-dasharray:10 5' },
};

/** Mermaid entity codes for the characters that must not appear raw inside a quoted label. */
const ENTITY: Record<string, string> = {
  '"': '#quot;',
  '#': '#35;',
  '&': '#amp;',
  '<': '#lt;',
  '>': '#gt;',
  '[': '#91;',
  ']': '#93;',
  '{': '#123;',
  '}': '#125;',
  '|': '#124;',
  '`': '#96;',
  ';': '#59;',
  ':': '#58;',
  '%': '#37;',
  '\\': '#92;',
  $: '#36;',
};

/**
 * Text for inside `"..."` in Mermaid: special characters as entity codes, line breaks as `<br/>`.
 * Dollar signs are encoded so `$$...$$` is never taken for KaTeX math.
 * Colons are encoded in a label that holds "style" or "classDef", because Mermaid's pre-parser rewrites any line matching
 * `style.*:\S*#.*;` (elsewhere a colon is safe between quotes), and the space after "direction" because its lexer takes any line holding
 * `direction LR` (or TB, BT, RL) for a direction statement, even inside quotes.
 */
export function escapeMermaidText(text: string): string {
  const clean = cleanText(text);
  // A colon is safe in a quoted label unless the line could read as a style statement (it holds "style" or "classDef"):
  // "Online: real-time" stays readable in the .mmd file instead of "Online#58; real-time".
  const special = /style|classdef/i.test(clean) ? /["#&<>[\]{}|`;:%\\$]/g : /["#&<>[\]{}|`;%\\$]/g;
  return clean
    .replace(special, (c) => ENTITY[c])
    .replace(/\n/g, '<br/>')
    .replace(/(direction)(\s)/gi, (_, word: string, space: string) => `${word}#${space.charCodeAt(0)};`);
}

/** A label between Mermaid's quotes: escaped, and never empty (Mermaid refuses `""`). */
function quoted(text: string): string {
  return `"${cleanText(text).trim() ? escapeMermaidText(text) : ' '}"`;
}

/** A hex colour mixed with white: `amount` 0 is white, 1 the colour itself. */
function tint(hex: string, amount: number): string {
  const n = Number.parseInt(hex.slice(1), 16);
  const mix = (c: number) => Math.round(255 - (255 - c) * amount);
  const r = mix((n >> 16) & 255);
  const g = mix((n >> 8) & 255);
  const b = mix(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

function stageClass(stage: StageId | null): string {
  return stage ? `stage_${stage}` : 'stage_none';
}

function zoneClass(node: DiagramNode): string {
  return node.props.zone === 'offline' ? 'zone_offline' : node.props.zone === 'online' ? 'zone_online' : 'zone';
}

/**
 * The diagram as a Mermaid `flowchart LR`: zones as nested subgraphs, notes as flag-shaped nodes,
 * edge kinds as arrow and line styles, stage colours as classDefs. Ids become n0, n1, ... by node order.
 */
export function toMermaid(d: Diagram): string {
  const out: string[] = [];
  const title = cleanText(d.title ?? '').replace(/\s+/g, ' ').trim();
  if (title) {
    // A YAML double-quoted scalar in pure ASCII: every character outside a safe set becomes \uXXXX,
    // so neither YAML, Mermaid's front-matter reader nor its entity pre-pass can trip on it.
    const yaml = Array.from(title)
      .map((c) => {
        if (/^[A-Za-z0-9 ,.()/_-]$/.test(c)) return c;
        return Array.from({ length: c.length }, (_, i) => `\\u${c.charCodeAt(i).toString(16).padStart(4, '0')}`).join('');
      })
      .join('')
      .replace(/(direction) /gi, '$1\\u0020');
    out.push('---', `title: "${yaml}"`, '---');
  }
  out.push('flowchart LR');

  const ids = new Map<string, string>();
  d.nodes.forEach((n, i) => {
    if (!ids.has(n.id)) ids.set(n.id, `n${i}`);
  });
  const byId = new Map<string, DiagramNode>();
  for (const n of d.nodes) if (!byId.has(n.id)) byId.set(n.id, n);
  const nodes = [...byId.values()];

  // Zone tree. A parent counts only when it exists and is a zone; cycles are broken in the walk below.
  const children = new Map<string, DiagramNode[]>();
  const roots: DiagramNode[] = [];
  for (const n of nodes) {
    const parent = n.parent !== undefined ? byId.get(n.parent) : undefined;
    if (parent && parent.kind === 'group' && parent.id !== n.id) {
      const list = children.get(parent.id) ?? [];
      list.push(n);
      children.set(parent.id, list);
    } else roots.push(n);
  }

  const classes = new Map<string, string[]>();
  const addClass = (cls: string, id: string) => {
    const list = classes.get(cls) ?? [];
    list.push(id);
    classes.set(cls, list);
  };

  // A walk of the zone tree with an explicit stack (20,000 nested zones need no deep call stack). The
  // indent stops growing after MAX_INDENT levels: it is only for reading, and a full indent made the
  // output quadratic in the depth.
  const emitted = new Set<string>();
  const line = (depth: number, text: string) => out.push(`${'  '.repeat(Math.min(depth, MAX_INDENT))}${text}`);
  const emitLeaf = (n: DiagramNode, depth: number) => {
    const id = ids.get(n.id)!;
    if (n.kind === 'note') {
      const text = typeof n.props.text === 'string' && n.props.text.trim() ? n.props.text : nodeLabel(n);
      line(depth, `${id}>${quoted(text)}]`);
      addClass('note', id);
      return;
    }
    const detail = nodeDetail(n);
    line(depth, `${id}[${quoted(nodeLabel(n) + (detail ? `\n${detail}` : ''))}]`);
    addClass(stageClass(nodeStage(n)), id);
  };
  type Step = { node: DiagramNode; depth: number } | { end: number };
  const emit = (root: DiagramNode) => {
    const stack: Step[] = [{ node: root, depth: 1 }];
    while (stack.length) {
      const step = stack.pop()!;
      if ('end' in step) {
        line(step.end, 'end');
        continue;
      }
      const { node: n, depth } = step;
      if (emitted.has(n.id)) continue;
      emitted.add(n.id);
      if (n.kind !== 'group') {
        emitLeaf(n, depth);
        continue;
      }
      const id = ids.get(n.id)!;
      line(depth, `subgraph ${id}[${quoted(nodeLabel(n))}]`);
      addClass(zoneClass(n), id);
      stack.push({ end: depth });
      const kids = children.get(n.id) ?? [];
      for (let i = kids.length - 1; i >= 0; i--) stack.push({ node: kids[i], depth: depth + 1 });
    }
  };
  for (const n of roots) emit(n);
  // Whatever a parent cycle kept unreachable: start a new tree at the first such node.
  for (const n of nodes) emit(n);

  const links = new Map<EdgeKind, number[]>();
  let linkCount = 0;
  for (const e of d.edges) {
    const from = ids.get(e.source);
    const to = ids.get(e.target);
    if (!from || !to) continue;
    const kind: EdgeKind = (EDGE_KINDS as readonly string[]).includes(e.kind) ? e.kind : 'data';
    const text = typeof e.label === 'string' && cleanText(e.label).trim() ? `|${quoted(e.label)}|` : '';
    out.push(`  ${from} ${MERMAID_EDGE_STYLE[kind].arrow}${text} ${to}`);
    const list = links.get(kind) ?? [];
    list.push(linkCount++);
    links.set(kind, list);
  }

  // Styles: one classDef per stage (tinted fill, stage-colour border), notes, zones.
  const defs: [string, string][] = [
    ...STAGES.map((s): [string, string] => [stageClass(s.id), `fill:${tint(s.color, 0.22)},stroke:${s.color.toLowerCase()},stroke-width:2px,color:#0f172a`]),
    [stageClass(null), 'fill:#f8fafc,stroke:#94a3b8,stroke-width:2px,color:#0f172a'],
    ['note', 'fill:#fef9c3,stroke:#ca8a04,color:#713f12'],
    ['zone_offline', 'fill:#eef2f7,stroke:#94a3b8,color:#334155'],
    ['zone_online', 'fill:#ecfdf5,stroke:#10b981,color:#065f46'],
    ['zone', 'fill:#f8fafc,stroke:#cbd5e1,color:#334155'],
  ];
  for (const [name, style] of defs) {
    if (classes.has(name)) out.push(`  classDef ${name} ${style}`);
  }
  for (const [name] of defs) {
    const members = classes.get(name);
    if (members) out.push(`  class ${members.join(',')} ${name}`);
  }
  for (const kind of EDGE_KINDS) {
    const list = links.get(kind);
    if (list) out.push(`  linkStyle ${list.join(',')} ${MERMAID_EDGE_STYLE[kind].style}`);
  }
  return out.join('\n') + '\n';
}
