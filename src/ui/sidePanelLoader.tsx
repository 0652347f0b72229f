import { loadFailureSentence } from '../commands/lazyActions';
import { preloadable } from './preloadable';

/**
 * The right column (stage strip, inspector, findings) loads as its own chunk right after the first
 * paint, when main.tsx preloads it: the page draws sooner, and the column appears a moment later.
 * Until then its frame is shown; if its code cannot be loaded, the frame says so and offers a retry.
 */
export const sidePanel = preloadable(
  () => import('./SidePanel').then((m) => m.SidePanel),
  <aside className="side side-loading" aria-busy="true" />,
  {
    waitForPreload: true,
    failed: (error, retry) => (
      <aside className="side side-failed" role="alert">
        <p>
          {loadFailureSentence('the design check, inspector and findings', error)} The diagram is safe and keeps saving.
        </p>
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>
      </aside>
    ),
  },
);
