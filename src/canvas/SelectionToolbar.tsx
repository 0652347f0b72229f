import { NodeToolbar, Position } from '@xyflow/react';
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
const MAX_SELECTED = 500;
/** Above the legend and minimap panels: the toolbar shows only while a selection is made. */
const TOOLBAR_STYLE = { zIndex: 8 };

/** Align and distribute, over a selection of two or more components (distribute from three). */
export function SelectionToolbar() {
  const store = useDiagramStoreApi();
  const ids = useDiagramStore(useShallow((s) => (s.selection.nodes.length >= 2 && s.selection.nodes.length <= MAX_SELECTED ? s.selection.nodes : [])));
  if (ids.length < 2) return null;
  return (
    <NodeToolbar nodeId={[...ids]} isVisible position={Position.Top} offset={14} style={TOOLBAR_STYLE} className="selection-toolbar" role="toolbar" aria-label="Arrange the selection">
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
    </NodeToolbar>
  );
}
