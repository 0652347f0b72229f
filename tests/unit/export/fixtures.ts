import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Diagram, DiagramEdge, DiagramNode, EdgeKind, ProblemId } from '../../../src/domain/diagram';
import type { KindId } from '../../../src/domain/catalogue';

/** A node with defaults filled in. */
export function node(id: string, kind: KindId, extra: Partial<DiagramNode> = {}): DiagramNode {
  return { id, kind, position: { x: 0, y: 0 }, props: {}, ...extra };
}

/** An edge with defaults filled in. */
export function edge(id: string, source: string, target: string, kind: EdgeKind = 'data', label?: string): DiagramEdge {
  return label === undefined ? { id, source, target, kind } : { id, source, target, kind, label };
}

/** A diagram with defaults filled in. */
export function diagram(nodes: DiagramNode[], edges: DiagramEdge[] = [], extra: Partial<Diagram> = {}): Diagram {
  return { title: 'Test design', problem: 'generic', nodes, edges, suppressions: [], ...extra };
}

/** Label text that has broken one text format or another. */
export const NASTY_LABELS = [
  'a "quoted" label',
  "it's 'single'",
  '[brackets] (parens) {braces}',
  'pipe | pipe || end',
  'back`tick` and ```fence```',
  'semi; colon: hash #1; #quot; #35; #amp;',
  '<b>html</b> & &amp; <script>alert(1)</script>',
  'line1\nline2\r\nline3\rline4',
  'emoji 🚀👩‍👩‍👧 and 中文 and עברית',
  'end',
  'subgraph',
  'flowchart LR',
  'direction LR',
  'set direction\u00a0TB here',
  'style n0 fill:#fff;',
  'classDef x fill:#f00;',
  '%% not a comment',
  '%%{init: {}}%%',
  '--> arrow ==> -.-> --o',
  'back\\slash \\n',
  'ctrl\u0001\u0007\u001b\u007f\u0085chars',
  'line\u2028sep\u2029para',
  'tab\there',
  'lone \ud800 surrogate \udc00 here',
  'non\ufffechar\uffff',
  '   ',
  '',
  '# heading | cell',
  '* star _under_ [link](x) > quote',
  'a'.repeat(300),
  'x:y',
  'A-->B',
  'click n0 call alert()',
  '---',
];

/** Ids that no text format accepts raw. */
export const NASTY_IDS = ['a b"c', 'end', 'x-->y', '%%', '[]|', '🚀', 'o1', '', 'n0', 'default', 'class', '__proto__', 'a\nb'];

const TEMPLATES_DIR = fileURLToPath(new URL('../../../templates', import.meta.url));

interface RawNode {
  id: string;
  kind: KindId;
  label?: string;
  parent?: string;
  position: { x: number; y: number };
  props?: Record<string, unknown>;
}
interface RawEdge {
  id: string;
  source: string;
  target: string;
  kind?: EdgeKind;
  label?: string;
}

/**
 * Every templates/*.json that exists, read with a minimal JSON-to-Diagram mapping (props {},
 * edge kind data, problem generic and no suppressions when absent). Empty when none exist yet.
 */
export function loadTemplates(): { file: string; diagram: Diagram }[] {
  if (!existsSync(TEMPLATES_DIR)) return [];
  return readdirSync(TEMPLATES_DIR)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const raw = JSON.parse(readFileSync(join(TEMPLATES_DIR, file), 'utf8')) as {
        title?: string;
        problem?: ProblemId;
        brief?: string;
        nodes: RawNode[];
        edges: RawEdge[];
      };
      const d: Diagram = {
        title: raw.title ?? file,
        problem: raw.problem ?? 'generic',
        brief: raw.brief,
        nodes: raw.nodes.map((n) => ({
          id: n.id,
          kind: n.kind,
          label: n.label,
          parent: n.parent,
          position: n.position,
          props: (n.props ?? {}) as DiagramNode['props'],
        })),
        edges: raw.edges.map((e) => ({ id: e.id, source: e.source, target: e.target, kind: e.kind ?? 'data', label: e.label })),
        suppressions: [],
      };
      return { file, diagram: d };
    });
}
