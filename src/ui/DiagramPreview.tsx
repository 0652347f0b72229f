import { memo, useMemo } from 'react';
import { absolutePosition, nodeSize, nodeStage, type Diagram } from '../domain/diagram';
import { stageById } from '../domain/stages';

const PAD = 40;

/** A thumbnail drawn from the diagram itself: zones, edges, and node boxes coloured by stage. */
export const DiagramPreview = memo(function DiagramPreview({ diagram, label }: { diagram: Diagram; label: string }) {
  const shapes = useMemo(() => {
    const byId = new Map(diagram.nodes.map((n) => [n.id, n]));
    const boxes = new Map(
      diagram.nodes.map((n) => {
        const p = absolutePosition(n, byId);
        const s = nodeSize(n);
        // A wrapped note is taller than the nominal box.
        const height = n.kind === 'note' ? 110 : s.height;
        return [n.id, { x: p.x, y: p.y, w: s.width, h: height, node: n }];
      }),
    );
    let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
    for (const b of boxes.values()) {
      minX = Math.min(minX, b.x);
      minY = Math.min(minY, b.y);
      maxX = Math.max(maxX, b.x + b.w);
      maxY = Math.max(maxY, b.y + b.h);
    }
    if (!boxes.size) minX = minY = maxX = maxY = 0;
    const edges = diagram.edges.flatMap((e) => {
      const a = boxes.get(e.source);
      const b = boxes.get(e.target);
      return a && b ? [{ id: e.id, x1: a.x + a.w, y1: a.y + a.h / 2, x2: b.x, y2: b.y + b.h / 2 }] : [];
    });
    return {
      viewBox: `${minX - PAD} ${minY - PAD} ${maxX - minX + 2 * PAD} ${maxY - minY + 2 * PAD}`,
      boxes: [...boxes.values()],
      edges,
    };
  }, [diagram]);

  return (
    <svg className="diagram-preview" viewBox={shapes.viewBox} preserveAspectRatio="xMidYMid meet" role="img" aria-label={label}>
      {shapes.boxes
        .filter((b) => b.node.kind === 'group')
        .map((b) => (
          <rect
            key={b.node.id}
            className={`pv-zone pv-zone-${b.node.props.zone ?? 'plain'}`}
            x={b.x}
            y={b.y}
            width={b.w}
            height={b.h}
            rx={24}
          />
        ))}
      {shapes.edges.map((e) => (
        <path key={e.id} className="pv-edge" d={`M${e.x1},${e.y1} C${(e.x1 + e.x2) / 2},${e.y1} ${(e.x1 + e.x2) / 2},${e.y2} ${e.x2},${e.y2}`} />
      ))}
      {shapes.boxes
        .filter((b) => b.node.kind !== 'group')
        .map((b) => {
          const stage = nodeStage(b.node);
          return (
            <rect
              key={b.node.id}
              className={b.node.kind === 'note' ? 'pv-note' : 'pv-node'}
              x={b.x}
              y={b.y}
              width={b.w}
              height={b.h}
              rx={12}
              style={b.node.kind === 'note' ? undefined : { fill: stage ? stageById(stage).color : 'var(--faint)' }}
            />
          );
        })}
    </svg>
  );
});
