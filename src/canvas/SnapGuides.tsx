import { useStore as useFlowStore, ViewportPortal } from '@xyflow/react';
import type { Guide } from '../domain/snapping';

const zoomOf = (s: { transform: [number, number, number] }) => s.transform[2];

/** The alignment guides of a drag: thin lines (one screen pixel, whatever the zoom) where the dragged box lines up with a neighbour. */
export function SnapGuides({ guides }: { guides: readonly Guide[] }) {
  const zoom = useFlowStore(zoomOf);
  const t = 1 / zoom;
  return (
    <ViewportPortal>
      {guides.map((g) => (
        <div
          key={`${g.axis}${g.at}`}
          className="snap-guide"
          data-axis={g.axis}
          style={
            g.axis === 'x'
              ? { left: g.at - t / 2, top: g.from - 12 * t, width: t, height: g.to - g.from + 24 * t }
              : { top: g.at - t / 2, left: g.from - 12 * t, height: t, width: g.to - g.from + 24 * t }
          }
        />
      ))}
    </ViewportPortal>
  );
}
