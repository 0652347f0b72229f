import { useStore as useFlowStore, type ReactFlowState } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { alignSelection, distributeSelection } from '../commands/arrangeActions';
import { ALIGN_COMMANDS, DISTRIBUTE_COMMANDS } from '../commands/arrangeCommands';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { SpriteIcon } from '../ui/SpriteIcon';
import type { UiIconName } from '../ui/uiIconNames';

const ALIGN_ICONS: Record<string, UiIconName> = {
  'align-left': 'align-start-vertical',
  'align-centre': 'align-center-vertical',
  'align-right': 'align-end-vertical',
  'align-top': 'align-start-horizontal',
  'align-middle': 'align-center-horizontal',
  'align-bottom': 'align-end-horizontal',
  'distribute-horizontally': 'align-horizontal-distribute-center',
  'distribute-vertically': 'align-vertical-distribute-center',
};

/** At most this many selected components get the toolbar (React Flow measures the selection's box from each). */
export const MAX_SELECTED = 500;

/** The top centre of the selection's box on screen (in the canvas), from React Flow's measured nodes and the view, as a string that changes only when it does. */
const boxOf = (ids: readonly string[]) => (s: ReactFlowState): string => {
  let x0 = Infinity, y0 = Infinity, x1 = -Infinity;
  for (const id of ids) {
    const n = s.nodeLookup.get(id);
    if (!n) continue;
    const p = n.internals.positionAbsolute;
    x0 = Math.min(x0, p.x);
    y0 = Math.min(y0, p.y);
    x1 = Math.max(x1, p.x + (n.measured.width ?? 0));
  }
  const [tx, ty, z] = s.transform;
  return x0 === Infinity ? '' : `${Math.round(((x0 + x1) / 2) * z + tx)} ${Math.round(y0 * z + ty)}`;
};

/** Align and distribute, over a selection of two or more components (distribute from three). */
export default function SelectionToolbar() {
  const store = useDiagramStoreApi();
  const ids = useDiagramStore(useShallow((s) => (s.selection.nodes.length >= 2 && s.selection.nodes.length <= MAX_SELECTED ? s.selection.nodes : [])));
  const at = useFlowStore(boxOf(ids));
  if (ids.length < 2 || !at) return null;
  const [left, top] = at.split(' ').map(Number);
  // Over the canvas (above its legend and minimap), kept inside it when the selection's top is near its top edge.
  const style = { left, top: Math.max(top, 56) };
  return (
    <div style={style} className="selection-toolbar" role="toolbar" aria-label="Arrange the selection">
      {ALIGN_COMMANDS.map((c) => (
        <button key={c.id} type="button" className="icon-btn" title={c.name} aria-label={c.name} onClick={() => alignSelection(store, c.mode)}>
          <SpriteIcon icon={ALIGN_ICONS[c.id]} size={16} strokeWidth={1.9} />
        </button>
      ))}
      <span className="selection-toolbar-sep" aria-hidden />
      {DISTRIBUTE_COMMANDS.map((c) => (
        <button
          key={c.id}
          type="button"
          className="icon-btn"
          title={ids.length < 3 ? `${c.name} (select three or more)` : c.name}
          aria-label={c.name}
          disabled={ids.length < 3}
          onClick={() => distributeSelection(store, c.axis)}
        >
          <SpriteIcon icon={ALIGN_ICONS[c.id]} size={16} strokeWidth={1.9} />
        </button>
      ))}
    </div>
  );
}
