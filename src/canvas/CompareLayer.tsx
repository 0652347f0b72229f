import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { Plus } from 'lucide-react';
import { memo, useCallback, type CSSProperties, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import type { Ghost, GhostEdge, GhostEnd } from '../domain/compareMatch';
import { nodeLabel, nodeStage, type Box } from '../domain/diagram';
import { kindInfo } from '../domain/catalogue';
import { stageById } from '../domain/stages';
import { kindIconId, SpriteIcon } from '../ui/SpriteIcon';
import { nodeSubtitle } from './nodeSummary';

export interface CompareLayerProps {
  /** The ghosts to draw (overlay mode), or none. */
  ghosts: readonly Ghost[];
  edges: readonly GhostEdge[];
  /** Your nodes the hover highlights as matches (solid ring) and as what a ghost would connect to (dashed ring). */
  matched: readonly string[];
  linked: readonly string[];
  hoveredGhost: string | null;
  onAdd(ghostId: string): void;
  onHover(ghostId: string | null): void;
}

/**
 * What the comparison draws on your own canvas, inside React Flow's viewport (so in diagram coordinates,
 * panning and zooming with it): rings around the components the hover highlights, and in overlay mode the
 * ghosts of the reference's missing components, each a button that adds it, with their missing
 * connections dashed.
 */
export function CompareLayer({ ghosts, edges, matched, linked, hoveredGhost, onAdd, onHover }: CompareLayerProps) {
  const boxes = new Map(ghosts.map((g) => [g.id, g.box]));
  return (
    <div className="cmp-layer">
      {edges.length > 0 && (
        <svg className="cmp-ghost-edges" aria-hidden>
          <defs>
            <marker id="cmp-ghost-arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" markerUnits="userSpaceOnUse" orient="auto">
              <path d="M0,1L10,5L0,9Z" />
            </marker>
          </defs>
          {edges.map((e) => (
            <GhostEdgePath key={e.id} edge={e} boxes={boxes} lit={hoveredGhost !== null && (ghostOf(e.source) === hoveredGhost || ghostOf(e.target) === hoveredGhost)} />
          ))}
        </svg>
      )}
      {ghosts.map((g) => (
        <GhostNode key={g.id} ghost={g} hovered={hoveredGhost === g.id} onAdd={onAdd} onHover={onHover} />
      ))}
      {matched.map((id) => (
        <Ring key={`m:${id}`} id={id} variant="match" />
      ))}
      {linked.map((id) => (
        <Ring key={`l:${id}`} id={id} variant="link" />
      ))}
    </div>
  );
}

const ghostOf = (e: GhostEnd) => ('ghost' in e ? e.ghost : null);

/**
 * A node's box on the canvas as React Flow measured it (from its store, which the canvas already reads:
 * React Flow's own hooks for this would add to the first load, where React Flow's code lives).
 */
function useBox(id: string | null): Box | null {
  const key = useFlowStore(
    useCallback(
      (s: ReactFlowState) => {
        const n = id ? s.nodeLookup.get(id) : undefined;
        if (!n) return '';
        const p = n.internals.positionAbsolute;
        return `${p.x},${p.y},${n.measured.width ?? 168},${n.measured.height ?? 60}`;
      },
      [id],
    ),
  );
  if (!key) return null;
  const [x, y, width, height] = key.split(',').map(Number);
  return { x, y, width, height };
}

const portalOf = (s: ReactFlowState) => s.domNode?.querySelector('.react-flow__viewport-portal') ?? null;

/** Renders into React Flow's viewport (diagram coordinates): what React Flow's ViewportPortal does, from code that loads with the comparison. */
export function InViewport({ children }: { children: ReactNode }) {
  const target = useFlowStore(portalOf);
  return target ? createPortal(children, target) : null;
}

const Ring = memo(function Ring({ id, variant }: { id: string; variant: 'match' | 'link' }) {
  const b = useBox(id);
  if (!b) return null;
  return <div className={`cmp-ring cmp-ring-${variant}`} data-for={id} style={{ transform: `translate(${b.x - 5}px, ${b.y - 5}px)`, width: b.width + 10, height: b.height + 10 }} />;
});

const GhostEdgePath = memo(function GhostEdgePath({ edge, boxes, lit }: { edge: GhostEdge; boxes: ReadonlyMap<string, Box>; lit: boolean }) {
  const yoursSource = useBox('yours' in edge.source ? edge.source.yours : null);
  const yoursTarget = useBox('yours' in edge.target ? edge.target.yours : null);
  const s = 'ghost' in edge.source ? boxes.get(edge.source.ghost) : yoursSource;
  const t = 'ghost' in edge.target ? boxes.get(edge.target.ghost) : yoursTarget;
  if (!s || !t) return null;
  // As React Flow draws a bezier edge: from the source's right middle to the target's left middle.
  const x1 = s.x + s.width;
  const y1 = s.y + s.height / 2;
  const x2 = t.x;
  const y2 = t.y + t.height / 2;
  const dx = x2 >= x1 ? (x2 - x1) / 2 : 25 * Math.sqrt(x1 - x2);
  return (
    <path
      className={`cmp-ghost-edge${lit ? ' is-lit' : ''}`}
      data-kind={edge.kind}
      d={`M${x1},${y1} C${x1 + dx},${y1} ${x2 - dx},${y2} ${x2},${y2}`}
      markerEnd="url(#cmp-ghost-arrow)"
    />
  );
});

const GhostNode = memo(function GhostNode({
  ghost,
  hovered,
  onAdd,
  onHover,
}: {
  ghost: Ghost;
  hovered: boolean;
  onAdd(id: string): void;
  onHover(id: string | null): void;
}) {
  const n = ghost.node;
  const stage = nodeStage(n);
  const label = nodeLabel(n);
  const sub = nodeSubtitle({ kind: n.kind, props: n.props });
  const style = { transform: `translate(${ghost.box.x}px, ${ghost.box.y}px)`, '--band': stage ? stageById(stage).color : '#94a3b8' } as CSSProperties;
  return (
    <button
      type="button"
      className={`cmp-ghost nodrag nopan${hovered ? ' is-hovered' : ''}`}
      data-ghost={ghost.id}
      data-kind={n.kind}
      style={style}
      aria-label={`Add ${label} (${kindInfo(n.kind).label}) from the reference`}
      title="Missing: click to add it, with its connections to what you have"
      onClick={() => onAdd(ghost.id)}
      onPointerEnter={() => onHover(ghost.id)}
      onPointerLeave={() => onHover(null)}
      onFocus={() => onHover(ghost.id)}
      onBlur={() => onHover(null)}
    >
      <span className="node-band" aria-hidden />
      <SpriteIcon icon={kindIconId(n.kind)} className="node-icon" size={18} strokeWidth={1.9} />
      <span className="node-text">
        <span className="node-label">{label}</span>
        {sub && <span className="node-sub">{sub}</span>}
      </span>
      <span className="cmp-ghost-add" aria-hidden>
        <Plus size={14} />
      </span>
    </button>
  );
});
