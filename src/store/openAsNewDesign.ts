import type { Diagram } from '../domain/diagram';
import type { DiagramStore } from './diagramStore';

/**
 * Shows a diagram as a new design (open file, share link, new, template) and says so, with an
 * Undo button that returns to the previous design. Returns the new design's id. With `look` (a template or a
 * share link), My designs keeps it only once it is changed.
 */
export function openAsNewDesign(store: DiagramStore, d: Diagram, message: string, options: { look?: boolean } = {}): string {
  const prev = store.getState();
  const prevIsLook = prev.pristine?.id === prev.designId && prev.pristine.diagram === prev.diagram;
  const kept = prev.saveStatus === 'saved' && !prevIsLook ? ' Your previous design is in My designs.' : '';
  const id = store.getState().replaceDiagram(d);
  if (!id) return id; // refused: the store's notice says why
  // A template or a share link opened is a look until it is changed (see FilesSlice.pristine).
  store.getState().setPristine(options.look ? { id, diagram: store.getState().diagram } : null);
  store.getState().notify('success', `${message}${kept}`, {
    actions: [
      {
        label: 'Undo',
        run: () => {
          const s = store.getState();
          // Only while opening is still the last step: never undo a later edit from here.
          if (s.designId === id && s.history.past.at(-1)?.design !== id) s.undo();
        },
      },
    ],
  });
  return id;
}
