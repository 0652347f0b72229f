/**
 * stale-index: a vector DB or search index that nothing builds or refreshes. An index is only
 * as fresh as its last build; with no embedding model, batch job or stream feeding it, new
 * items never become findable and old embeddings drift away from the live model.
 */
import { nodeLabel } from '../../diagram';
import { predecessors } from '../../graph';
import { isIndexBuilder } from '../../roles';
import type { Rule } from '../context';
import type { Finding } from '../types';

/** One finding per index with no incoming edge from an index builder. */
export const staleIndex: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const node of ctx.components) {
    if (node.kind !== 'vector-db' && node.kind !== 'search-index') continue;
    const built = predecessors(ctx.graph, node.id).some((id) => {
      const p = ctx.node(id);
      return p !== undefined && isIndexBuilder(p);
    });
    if (built) continue;
    const what = node.kind === 'vector-db' ? 'an Embedding model or Batch inference' : 'Batch ETL or a Stream processor';
    findings.push({
      rule: 'stale-index',
      severity: 'error',
      stage: 'serving',
      nodeIds: [node.id],
      message: `Nothing builds or refreshes "${nodeLabel(node)}": draw an edge into it from ${what} that indexes new and changed items.`,
      hint: 'Re-embed and re-index items on a schedule or from a stream, and rebuild the whole index when the embedding model changes.',
    });
  }
  return findings;
};
