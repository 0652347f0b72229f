import type { AlignMode, DistributeAxis } from '../domain/align';
import type { AppCommands, AppContext } from './appCommands';
import { lazyActions } from './lazyActions';

// The align code loads on first use (with the selection toolbar, or on a run from the command palette).
const arrange = lazyActions(() => import('./arrangeActions'), 'the align code');
const selected = ({ store }: AppContext) => store.getState().selection.nodes.length;

/** The align and distribute commands of the Arrange group (in the command palette and the selection toolbar). */
export const ALIGN_COMMANDS: readonly { id: string; name: string; mode: AlignMode }[] = [
  { id: 'align-left', name: 'Align left edges', mode: 'left' },
  { id: 'align-centre', name: 'Align centres (vertical line)', mode: 'centre' },
  { id: 'align-right', name: 'Align right edges', mode: 'right' },
  { id: 'align-top', name: 'Align top edges', mode: 'top' },
  { id: 'align-middle', name: 'Align middles (horizontal line)', mode: 'middle' },
  { id: 'align-bottom', name: 'Align bottom edges', mode: 'bottom' },
];
export const DISTRIBUTE_COMMANDS: readonly { id: string; name: string; axis: DistributeAxis }[] = [
  { id: 'distribute-horizontally', name: 'Distribute horizontally', axis: 'horizontal' },
  { id: 'distribute-vertically', name: 'Distribute vertically', axis: 'vertical' },
];

/** Registers align and distribute for a selection. */
export function registerArrangeCommands(r: AppCommands): void {
  for (const c of ALIGN_COMMANDS)
    r.register({
      id: c.id,
      name: c.name,
      group: 'Arrange',
      run: arrange.run((m, { store }) => m.alignSelection(store, c.mode)),
      enabled: (ctx: AppContext) => selected(ctx) >= 2,
    });
  for (const c of DISTRIBUTE_COMMANDS)
    r.register({
      id: c.id,
      name: c.name,
      group: 'Arrange',
      run: arrange.run((m, { store }) => m.distributeSelection(store, c.axis)),
      enabled: (ctx: AppContext) => selected(ctx) >= 3,
    });
}
