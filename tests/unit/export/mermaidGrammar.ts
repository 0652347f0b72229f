/**
 * A recogniser for the subset of Mermaid's flowchart grammar that toMermaid emits, modelled on
 * mermaid's flow.jison lexer and its pre-parse passes (front matter, `%%` comments, entity codes).
 * It is deliberately stricter than Mermaid: inside a quoted label it accepts only text that
 * survives every Mermaid pass unchanged, so a raw quote, bracket, brace, pipe, `#`, `<`, `>`,
 * `&`, backtick, `;`, `:`, `%`, `$` or backslash is an error even where Mermaid itself might cope.
 *
 * Statements recognised, one per line (leading indentation allowed):
 *   ---/title: "..."/---            optional front matter (YAML double-quoted title)
 *   flowchart LR|RL|TB|TD|BT        header, first statement
 *   %% text                         comment (not a %%{ directive})
 *   subgraph ID["LABEL"] ... end    nested, must balance
 *   ID["LABEL"]                     rectangle node
 *   ID>"LABEL"]                     flag-shaped (asymmetric) node
 *   ID ARROW ID | ID ARROW|"LABEL"| ID   edge; ARROW one of --> --- -.-> ==> --o --x <-->
 *   classDef NAME prop:value,...
 *   class ID,ID,... NAME
 *   linkStyle N,N,... prop:value,...
 */

export const MERMAID_ARROWS = ['-->', '---', '-.->', '==>', '--o', '--x', '<-->'] as const;

export interface ParsedNode {
  /** The decoded label (entity codes resolved, `<br/>` as a line break). */
  label: string;
  shape: 'rect' | 'flag' | 'subgraph';
  /** Id of the enclosing subgraph. */
  parent?: string;
}

export interface ParsedEdge {
  from: string;
  to: string;
  arrow: string;
  label?: string;
}

export interface MermaidParse {
  errors: string[];
  title?: string;
  direction?: string;
  nodes: Map<string, ParsedNode>;
  edges: ParsedEdge[];
  classDefs: Map<string, string>;
  /** Node or subgraph id to class name. */
  classOf: Map<string, string>;
  /** Link index to style. */
  linkStyles: Map<number, string>;
}

const NAMED: Record<string, string> = { quot: '"', amp: '&', lt: '<', gt: '>', apos: "'", nbsp: '\u00a0' };
const KEYWORDS = new Set([
  'end', 'subgraph', 'graph', 'flowchart', 'flowchart-elk', 'style', 'class', 'classDef', 'linkStyle',
  'click', 'call', 'href', 'default', 'interpolate', 'direction',
]);
const ID = '[A-Za-z_][A-Za-z0-9_]*';
const STYLE_LIST = /^[a-z-]+:[#A-Za-z0-9. %-]+(?:,[a-z-]+:[#A-Za-z0-9. %-]+)*$/;
const ARROW_ALT = MERMAID_ARROWS.map((a) => a.replace(/[.*+?^${}()|[\]\\-]/g, '\\$&')).join('|');

const RE = {
  subgraph: new RegExp(`^subgraph (${ID})\\["(.*)"\\]$`),
  rect: new RegExp(`^(${ID})\\["(.*)"\\]$`),
  flag: new RegExp(`^(${ID})>"(.*)"\\]$`),
  edge: new RegExp(`^(${ID}) (${ARROW_ALT})(?:\\|"(.*)"\\|)? (${ID})$`),
  classDef: new RegExp(`^classDef (${ID}) (.+)$`),
  class: new RegExp(`^class (${ID}(?:,${ID})*) (${ID})$`),
  linkStyle: /^linkStyle (\d+(?:,\d+)*) (.+)$/,
};

/** Mermaid-escaped label text decoded to what Mermaid shows (entity codes resolved, `<br/>` as `\n`). */
export function decodeMermaidText(raw: string): string {
  return raw
    .replace(/<br\/>/g, '\n')
    .replace(/#([a-z]+|\d+);/g, (_, code: string) => (/^\d+$/.test(code) ? String.fromCodePoint(Number(code)) : NAMED[code]));
}

/** Problems of the text between a label's quotes; empty when it is safe. */
export function labelProblems(raw: string): string[] {
  const problems: string[] = [];
  if (raw.length === 0) problems.push('empty label (Mermaid refuses "")');
  if (raw.includes('"')) problems.push('unescaped quote in label');
  if (/[\u0000-\u001f\u007f]/.test(raw)) problems.push('control character or raw line break in label');
  // Take out what is allowed, then any special character left over is raw.
  const rest = raw.replace(/<br\/>/g, '').replace(/#([a-z]+|\d+);/g, (m, code: string) => {
    if (/^\d+$/.test(code)) {
      const n = Number(code);
      if (n > 0x10ffff || (n >= 0xd800 && n <= 0xdfff)) problems.push(`entity code out of range: ${m}`);
      return '';
    }
    if (!(code in NAMED)) problems.push(`unknown entity ${m}`);
    return '';
  });
  const names: Record<string, string> = {
    '#': 'hash', '<': 'angle bracket', '>': 'angle bracket', '&': 'ampersand', '[': 'bracket', ']': 'bracket',
    '{': 'brace', '}': 'brace', '|': 'pipe', '`': 'backtick', ';': 'semicolon', ':': 'colon', '%': 'percent',
    '\\': 'backslash', $: 'dollar (KaTeX delimiter)',
  };
  // A raw colon is fine between quotes, unless the label holds "style": Mermaid's pre-parser rewrites any line
  // matching style.*:\S*#.*; before it parses.
  const colonRisk = /style|classdef/i.test(raw);
  for (const c of new Set(rest.match(/["#<>&[\]{}|`;:%\\$]/g) ?? [])) if (c !== '"' && (c !== ':' || colonRisk)) problems.push(`unescaped ${names[c]} ${c} in label`);
  if (/direction\s+(TB|BT|RL|LR)/.test(raw)) {
    problems.push('label holds "direction XY", which Mermaid lexes as a direction statement');
  }
  return problems;
}

function idProblem(id: string): string | undefined {
  if (KEYWORDS.has(id)) return `id "${id}" is a Mermaid keyword`;
  if (/^[ox]/.test(id)) return `id "${id}" starts with o or x and may fuse with an arrow`;
  return undefined;
}

/** Parses and checks Mermaid text of the emitted subset; `errors` is empty when it is valid. */
export function parseMermaid(text: string): MermaidParse {
  const result: MermaidParse = {
    errors: [],
    nodes: new Map(),
    edges: [],
    classDefs: new Map(),
    classOf: new Map(),
    linkStyles: new Map(),
  };
  const fail = (line: number, msg: string) => result.errors.push(`line ${line + 1}: ${msg}`);
  if (text.includes('\r')) result.errors.push('carriage return in text');
  const lines = text.split('\n');
  let i = 0;

  // Front matter.
  if (lines[0] === '---') {
    const close = lines.indexOf('---', 1);
    if (close < 0) {
      fail(0, 'front matter is not closed');
      return result;
    }
    for (let k = 1; k < close; k++) {
      const m = /^title: "((?:[^"\\\u0000-\u001f]|\\u[0-9a-fA-F]{4}|\\["\\/bfnrt])*)"$/.exec(lines[k]);
      if (!m) fail(k, `unexpected front matter: ${lines[k]}`);
      else result.title = JSON.parse(`"${m[1]}"`) as string;
    }
    i = close + 1;
  }

  const stack: string[] = [];
  let sawHeader = false;
  let linkCount = 0;
  const usedClasses: [number, string][] = [];
  const declare = (line: number, id: string, node: ParsedNode) => {
    const p = idProblem(id);
    if (p) fail(line, p);
    if (result.nodes.has(id)) fail(line, `node ${id} declared twice`);
    result.nodes.set(id, node);
  };
  const needNode = (line: number, id: string) => {
    if (!result.nodes.has(id)) fail(line, `${id} is used before it is declared`);
  };
  const checkLabel = (line: number, raw: string) => {
    for (const p of labelProblems(raw)) fail(line, p);
  };

  for (; i < lines.length; i++) {
    const raw = lines[i];
    const s = raw.trim();
    if (s === '') continue;
    if (/^%%/.test(s)) {
      if (/^%%\{/.test(s)) fail(i, 'directive where a comment was expected');
      continue;
    }
    // Mermaid's pre-parse passes and its greedy direction rule look at whole lines.
    if (/style.*:\S*#.*;/.test(raw) || /classDef.*:\S*#.*;/.test(raw)) fail(i, 'line would be rewritten by Mermaid\'s style pre-pass');
    if (/direction\s+(TB|BT|RL|LR)/.test(raw)) fail(i, 'line would be lexed as a direction statement');
    if (!sawHeader) {
      const m = /^flowchart (LR|RL|TB|TD|BT)$/.exec(s);
      if (!m) fail(i, `expected "flowchart <dir>" header, got: ${s}`);
      else result.direction = m[1];
      sawHeader = true;
      continue;
    }
    let m: RegExpExecArray | null;
    if (s === 'end') {
      if (stack.length === 0) fail(i, 'end without subgraph');
      else stack.pop();
    } else if ((m = RE.subgraph.exec(s))) {
      checkLabel(i, m[2]);
      declare(i, m[1], { label: decodeMermaidText(m[2]), shape: 'subgraph', parent: stack.at(-1) });
      stack.push(m[1]);
    } else if ((m = RE.edge.exec(s))) {
      needNode(i, m[1]);
      needNode(i, m[4]);
      if (m[3] !== undefined) checkLabel(i, m[3]);
      result.edges.push({ from: m[1], arrow: m[2], to: m[4], label: m[3] === undefined ? undefined : decodeMermaidText(m[3]) });
      linkCount++;
    } else if ((m = RE.rect.exec(s))) {
      checkLabel(i, m[2]);
      declare(i, m[1], { label: decodeMermaidText(m[2]), shape: 'rect', parent: stack.at(-1) });
    } else if ((m = RE.flag.exec(s))) {
      checkLabel(i, m[2]);
      declare(i, m[1], { label: decodeMermaidText(m[2]), shape: 'flag', parent: stack.at(-1) });
    } else if ((m = RE.classDef.exec(s))) {
      if (!STYLE_LIST.test(m[2])) fail(i, `bad style list: ${m[2]}`);
      if (KEYWORDS.has(m[1])) fail(i, `class name ${m[1]} is a keyword`);
      result.classDefs.set(m[1], m[2]);
    } else if ((m = RE.class.exec(s))) {
      for (const id of m[1].split(',')) {
        needNode(i, id);
        result.classOf.set(id, m[2]);
      }
      usedClasses.push([i, m[2]]);
    } else if ((m = RE.linkStyle.exec(s))) {
      if (!STYLE_LIST.test(m[2])) fail(i, `bad style list: ${m[2]}`);
      for (const n of m[1].split(',').map(Number)) {
        if (n >= linkCount) fail(i, `linkStyle ${n} but only ${linkCount} links`);
        if (result.linkStyles.has(n)) fail(i, `linkStyle ${n} set twice`);
        result.linkStyles.set(n, m[2]);
      }
    } else {
      fail(i, `not a recognised statement: ${s}`);
    }
  }
  if (!sawHeader) result.errors.push('no flowchart header');
  if (stack.length > 0) result.errors.push(`unclosed subgraph ${stack.join(', ')}`);
  for (const [line, name] of usedClasses) if (!result.classDefs.has(name)) fail(line, `class ${name} has no classDef`);
  return result;
}
