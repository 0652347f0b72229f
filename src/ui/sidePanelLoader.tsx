import { preloadable } from './preloadable';

/**
 * The right column (stage strip, inspector, findings) loads as its own chunk right after the first
 * paint: the page draws sooner, and the column appears a moment later. Until then its frame is shown.
 */
export const sidePanel = preloadable(
  () => import('./SidePanel').then((m) => m.SidePanel),
  <aside className="side side-loading" aria-busy="true" />,
);
