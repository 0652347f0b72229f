import type { KindId } from '../../../src/domain/catalogue';
import type { Diagram, DiagramNode, EdgeKind, NodeProps } from '../../../src/domain/diagram';
import { runChecks } from '../../../src/domain/checker/runChecks';
import type { Finding, RuleId } from '../../../src/domain/checker/types';

/** A node shorthand: [id, kind, props?, label?]. */
export type N = [id: string, kind: KindId, props?: NodeProps, label?: string];
/** An edge shorthand: [source, target, kind?] (kind defaults to data). */
export type E = [source: string, target: string, kind?: EdgeKind];

/** Builds an in-memory diagram from shorthands. */
export function diagram(nodes: N[], edges: E[] = [], extra: Partial<Diagram> = {}): Diagram {
  const ns: DiagramNode[] = nodes.map(([id, kind, props, label], i) => ({
    id,
    kind,
    position: { x: i * 200, y: 0 },
    props: props ?? {},
    ...(label ? { label } : {}),
  }));
  return {
    title: 'test',
    problem: 'generic',
    nodes: ns,
    edges: edges.map(([source, target, kind], i) => ({ id: `e${i}`, source, target, kind: kind ?? 'data' })),
    suppressions: [],
    ...extra,
  };
}

/** The unsuppressed findings of one rule. */
export function findings(d: Diagram, rule: RuleId): Finding[] {
  return runChecks(d).findings.filter((f) => f.rule === rule);
}

/** Adds nodes and edges to a diagram built from shorthands. */
export function extend(d: Diagram, nodes: N[], edges: E[] = []): Diagram {
  const more = diagram(nodes, edges);
  return {
    ...d,
    nodes: [...d.nodes, ...more.nodes],
    edges: [...d.edges, ...more.edges.map((e, i) => ({ ...e, id: `x${i}` }))],
  };
}

/**
 * A small complete batch design: every stage covered, every rule satisfied (no findings).
 * Offline only: no client app, no prediction API, no realtime requirement.
 */
export const COMPLETE_NODES: N[] = [
  ['req', 'requirements', { goal: 'weekly churn scores for the CRM', scale: '2M customers, scored weekly' }],
  [
    'obj',
    'ml-objective',
    {
      task: 'classification',
      label: 'churned within 30 days of the scoring date (from the CRM)',
      labelSource: 'outcome',
      offlineMetric: 'PR-AUC; recall at the top 10 % of scores',
      split: 'time',
    },
  ],
  ['db', 'database', {}, 'Customers DB'],
  ['events', 'event-log', {}, 'Usage events'],
  ['etl', 'batch-etl'],
  ['wh', 'data-warehouse'],
  ['fp', 'feature-pipeline'],
  ['fs', 'feature-store'],
  ['train', 'training-job', {}, 'Churn GBDT training'],
  ['eval', 'offline-eval'],
  ['reg', 'model-registry'],
  ['batch', 'batch-inference', {}, 'Weekly scoring'],
  ['plog', 'prediction-logging'],
  ['drift', 'drift-detection'],
];
export const COMPLETE_EDGES: E[] = [
  ['db', 'etl'],
  ['events', 'etl'],
  ['etl', 'wh'],
  ['wh', 'fp'],
  ['fp', 'fs'],
  ['fs', 'train'],
  ['train', 'eval', 'model'],
  ['eval', 'reg', 'model'],
  ['reg', 'batch', 'model'],
  ['fs', 'batch'],
  ['batch', 'plog'],
  ['plog', 'drift'],
  ['drift', 'train', 'control'],
];

/** The complete batch design as a diagram. */
export const complete = (): Diagram => diagram(COMPLETE_NODES, COMPLETE_EDGES);
