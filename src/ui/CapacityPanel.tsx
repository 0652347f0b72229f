import { useMemo } from 'react';
import { kindInfo } from '../domain/catalogue';
import { nodeLabel } from '../domain/diagram';
import { GPUS, RULES_OF_THUMB } from '../domain/sizing/rulesOfThumb';
import { sizeDiagram } from '../domain/sizing/sizing';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { Figures, SizingStatus } from './SizingFields';

/**
 * The Capacity tab: the back-of-envelope sizing of the whole design (domain.md section 4, "Sizing"):
 * the load from the Requirements card, then each sized component with its figures and how each was
 * computed, and the rules of thumb used, with their sources.
 */
export function CapacityPanel({ onReveal }: { onReveal(nodeIds: readonly string[]): void }) {
  const store = useDiagramStoreApi();
  const nodes = useDiagramStore((s) => s.diagram.nodes);
  const { scale, nodes: sized } = useMemo(() => sizeDiagram({ nodes }), [nodes]);
  const empty = scale.figures.length === 0 && sized.length === 0;
  return (
    <section className="capacity" aria-label="Capacity">
      <h2 className="panel-title">Capacity</h2>
      {empty ? (
        <p className="muted">
          No sizing yet. Give the Requirements card its daily active users and requests per user per day (or a peak QPS),
          then fill the Sizing fields of an index, a ranker, an LLM server, an event log or a review queue in the Inspector.
        </p>
      ) : (
        <>
          {scale.figures.length > 0 ? (
            <Figures figures={scale.figures} label="Design load" />
          ) : (
            <p className="field-hint">No peak QPS: set it, or DAU and requests per user per day, on the Requirements card.</p>
          )}
          {sized.map((s) => (
            <div key={s.node.id} className="capacity-node" data-node={s.node.id}>
              <button
                type="button"
                className="capacity-node-name"
                onClick={() => {
                  store.getState().setSelection({ nodes: [s.node.id], edges: [] });
                  onReveal([s.node.id]);
                }}
              >
                {nodeLabel(s.node)}
                {s.node.label !== undefined && s.node.label !== kindInfo(s.node.kind).label && <span className="muted"> ({kindInfo(s.node.kind).label})</span>}
              </button>
              <Figures figures={s.figures} label={`Sizing of ${nodeLabel(s.node)}`} />
              <SizingStatus sizing={s} />
            </div>
          ))}
        </>
      )}
      <details className="capacity-thumbs">
        <summary>Rules of thumb and their sources</summary>
        <dl>
          {Object.values(RULES_OF_THUMB).map((r) => (
            <div key={r.id}>
              <dt>{r.what}</dt>
              <dd>{r.source}</dd>
            </div>
          ))}
          {GPUS.map((g) => (
            <div key={g.name}>
              <dt>{g.name}</dt>
              <dd>{g.source}</dd>
            </div>
          ))}
        </dl>
      </details>
    </section>
  );
}
