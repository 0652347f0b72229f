import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { ChevronLeft, ChevronRight } from './uiIcons';

type Which = 'palette' | 'side';
const NAME: Record<Which, string> = { palette: 'palette', side: 'side panel' };
const PREF = { palette: 'paletteOpen', side: 'sideOpen' } as const;

/** The chevron in a panel's head that folds it away (remembered in this browser). */
export function FoldButton({ which }: { which: Which }) {
  const store = useDiagramStoreApi();
  const Icon = which === 'palette' ? ChevronLeft : ChevronRight;
  return (
    <button
      type="button"
      className="icon-btn fold-btn"
      aria-label={`Hide ${NAME[which]}`}
      title={`Hide ${NAME[which]}`}
      onClick={() => store.getState().setPrefs({ [PREF[which]]: false })}
    >
      <Icon size={16} aria-hidden />
    </button>
  );
}

/** What is left of a folded panel: a thin strip with the chevron that brings it back. */
export function FoldedStrip({ which }: { which: Which }) {
  const store = useDiagramStoreApi();
  const Icon = which === 'palette' ? ChevronRight : ChevronLeft;
  return (
    <div className={`folded-strip folded-${which}`}>
      <button
        type="button"
        className="icon-btn fold-btn"
        aria-label={`Show ${NAME[which]}`}
        title={`Show ${NAME[which]}`}
        onClick={() => store.getState().setPrefs({ [PREF[which]]: true })}
      >
        <Icon size={16} aria-hidden />
      </button>
      <span className="folded-label" aria-hidden>
        {which === 'palette' ? 'Components' : 'Design check'}
      </span>
    </div>
  );
}

/** Which panels show: folded ones by preference, both hidden in focus mode. */
export function usePanels(): { palette: 'open' | 'folded' | 'hidden'; side: 'open' | 'folded' | 'hidden'; focus: boolean } {
  const focus = useDiagramStore((s) => s.focusMode);
  const paletteOpen = useDiagramStore((s) => s.prefs.paletteOpen);
  const sideOpen = useDiagramStore((s) => s.prefs.sideOpen);
  return {
    palette: focus ? 'hidden' : paletteOpen ? 'open' : 'folded',
    side: focus ? 'hidden' : sideOpen ? 'open' : 'folded',
    focus,
  };
}
