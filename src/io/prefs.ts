import { DEFAULT_PREFS, type Prefs, type DiagramStore } from '../store/diagramStore';

const KEY = 'mlsd-canvas:prefs';

/** Preferences saved in this browser (theme, snap to grid, which panels are folded); defaults when absent or unreadable. */
export function loadPrefs(): Prefs {
  try {
    const raw = JSON.parse(localStorage.getItem(KEY) ?? '{}') as Partial<Prefs>;
    return {
      snapToGrid: typeof raw.snapToGrid === 'boolean' ? raw.snapToGrid : DEFAULT_PREFS.snapToGrid,
      theme: raw.theme === 'light' || raw.theme === 'dark' || raw.theme === 'system' ? raw.theme : DEFAULT_PREFS.theme,
      paletteOpen: typeof raw.paletteOpen === 'boolean' ? raw.paletteOpen : DEFAULT_PREFS.paletteOpen,
      sideOpen: typeof raw.sideOpen === 'boolean' ? raw.sideOpen : DEFAULT_PREFS.sideOpen,
    };
  } catch {
    return DEFAULT_PREFS;
  }
}

/** Saves preferences whenever they change, and applies the theme to the page (following the system when asked). */
export function bindPrefs(store: DiagramStore): () => void {
  const media = window.matchMedia?.('(prefers-color-scheme: dark)');
  const apply = () => {
    const { theme } = store.getState().prefs;
    const dark = theme === 'dark' || (theme === 'system' && !!media?.matches);
    document.documentElement.dataset.theme = dark ? 'dark' : 'light';
    document.documentElement.style.colorScheme = dark ? 'dark' : 'light';
  };
  apply();
  media?.addEventListener?.('change', apply);
  const unsub = store.subscribe((s, prev) => {
    if (s.prefs === prev.prefs) return;
    apply();
    try {
      localStorage.setItem(KEY, JSON.stringify(s.prefs));
    } catch {
      /* storage refused: the preference lasts for this visit */
    }
  });
  return () => {
    unsub();
    media?.removeEventListener?.('change', apply);
  };
}
