/**
 * stale-index: a vector DB or search index that nothing writes to. An index is only as fresh as its
 * last write; with no incoming data, stream or model edge, new items never become findable and old
 * embeddings drift away from the live model. Any writer counts: a batch builder, a stream or
 * change-data-capture sink, a server that upserts at write time, a model edge that ships a built
 * index. A request edge into the index is a lookup, not a write.
 */
import { EDGE_KINDS, nodeLabel, type EdgeKind } from '../../diagram';
import { plays } from '../../roleRules';
import type { Rule } from '../context';
import type { Finding } from '../types';

const WRITES = new Set(['data', 'stream', 'model'].map((k) => EDGE_KINDS.indexOf(k as EdgeKind)));

/** One finding per index with no incoming data, stream or model edge. */
export const staleIndex: Rule = (ctx) => {
  const { indexes } = ctx.roles;
  if (indexes.length === 0) return [];
  // The graph leaves edges from notes and zones out: what remains is written by a component.
  const g = ctx.graph;
  const written = new Uint8Array(g.ids.length);
  for (let k = 0; k < g.edgeCount; k++) if (WRITES.has(g.outKind[k])) written[g.outAdj[k]] = 1;
  const findings: Finding[] = [];
  for (const node of indexes) {
    if (written[ctx.index(node)] === 1) continue;
    const what = plays(node, 'vector-db')
      ? 'an Embedding model or Batch inference that embeds new and changed items'
      : 'Batch ETL, a Stream processor or a change-data-capture sink that indexes new and changed items';
    findings.push({
      rule: 'stale-index',
      severity: 'warning',
      stage: 'serving',
      nodeIds: [node.id],
      message: `Nothing writes to "${nodeLabel(node)}": draw a data or stream edge into it from ${what}.`,
      hint: 'Re-embed and re-index items on a schedule or from a stream (change data capture), and rebuild the whole index when the embedding model changes.',
    });
  }
  return findings;
};
