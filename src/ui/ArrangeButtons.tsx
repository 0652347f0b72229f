import { alignSelection, distributeSelection } from '../commands/arrangeActions';
import { ALIGN_COMMANDS, DISTRIBUTE_COMMANDS } from '../commands/arrangeCommands';
import { useDiagramStoreApi } from '../store/useDiagramStore';
import { SpriteIcon } from './SpriteIcon';
import type { UiIconName } from './uiIconNames';

const ICONS: Record<string, UiIconName> = {
  'align-left': 'align-start-vertical',
  'align-centre': 'align-center-vertical',
  'align-right': 'align-end-vertical',
  'align-top': 'align-start-horizontal',
  'align-middle': 'align-center-horizontal',
  'align-bottom': 'align-end-horizontal',
  'distribute-horizontally': 'align-horizontal-distribute-center',
  'distribute-vertically': 'align-vertical-distribute-center',
};

/** Align and distribute for a selection of components (distribute from three), in the Inspector's selection view. */
export function ArrangeButtons({ count }: { count: number }) {
  const store = useDiagramStoreApi();
  return (
    <div className="arrange-buttons" role="toolbar" aria-label="Arrange the selection">
      {ALIGN_COMMANDS.map((c) => (
        <button key={c.id} type="button" className="icon-btn" title={c.name} aria-label={c.name} disabled={count < 2} onClick={() => alignSelection(store, c.mode)}>
          <SpriteIcon icon={ICONS[c.id]} size={16} strokeWidth={1.9} />
        </button>
      ))}
      <span className="arrange-sep" aria-hidden />
      {DISTRIBUTE_COMMANDS.map((c) => (
        <button
          key={c.id}
          type="button"
          className="icon-btn"
          title={count < 3 ? `${c.name} (select three or more)` : c.name}
          aria-label={c.name}
          disabled={count < 3}
          onClick={() => distributeSelection(store, c.axis)}
        >
          <SpriteIcon icon={ICONS[c.id]} size={16} strokeWidth={1.9} />
        </button>
      ))}
    </div>
  );
}
