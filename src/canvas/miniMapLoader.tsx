import { preloadable } from '../ui/preloadable';

/**
 * The minimap loads right after the first paint (main.tsx preloads it with the side column): the page
 * draws sooner and the map appears a moment later. If its code cannot be loaded, the canvas simply has
 * no minimap (the zoom controls and "Fit view" remain).
 */
export const miniMap = preloadable(() => import('./CanvasMiniMap').then((m) => m.CanvasMiniMap), null, {
  waitForPreload: true,
  failed: () => null,
});
