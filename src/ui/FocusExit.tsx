import { useDiagramStoreApi } from '../store/useDiagramStore';
import { Focus } from './uiIcons';

/** The one control focus mode shows over the canvas: leave it (so does Shift+F or Esc). */
export function FocusExit() {
  const store = useDiagramStoreApi();
  return (
    <button type="button" className="btn focus-exit" onClick={() => store.getState().setFocusMode(false)} title="Leave focus mode (Shift+F or Esc)">
      <Focus size={15} aria-hidden />
      Exit focus
    </button>
  );
}
