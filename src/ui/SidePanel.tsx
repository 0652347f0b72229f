import { useLayoutEffect, useRef, type KeyboardEvent } from 'react';
import { countBySeverity } from '../domain/checker/keys';
import type { SidePanelTab } from '../store/diagramStore';
import { useDiagramStore, useDiagramStoreApi } from '../store/useDiagramStore';
import { useChecks } from '../store/useFindings';
import { loadFailureSentence } from '../commands/lazyActions';
import { preloadable } from './preloadable';

/** The findings list is the second tab: its code loads after the first paint, like the checker itself. */
export const findingsPanel = preloadable(
  () => import('./FindingsPanel').then((m) => m.FindingsPanel),
  <p className="muted findings-pending">Checking the design…</p>,
  {
    failed: (error, retry) => (
      <div className="findings-pending" role="alert">
        <p>{loadFailureSentence('the findings list', error)}</p>
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>
      </div>
    ),
  },
);
const FindingsPanel = findingsPanel.Component;
import { Inspector } from './Inspector';

/** The Capacity tab loads when first shown: the sizing formulas stay out of the first load. */
const CapacityPanel = preloadable(
  () => import('./CapacityPanel').then((m) => m.CapacityPanel),
  <p className="muted findings-pending">Sizing the design…</p>,
  {
    failed: (error, retry) => (
      <div className="findings-pending" role="alert">
        <p>{loadFailureSentence('the capacity estimates', error)}</p>
        <button type="button" className="btn" onClick={retry}>
          Try again
        </button>
      </div>
    ),
  },
).Component;
import { StageStrip } from './StageStrip';
import { FoldButton } from './PanelFold';

const TABS: readonly SidePanelTab[] = ['inspector', 'findings', 'capacity'];

/**
 * The right-hand column: the stage strip (always visible, so the check stays in sight while
 * editing), then three tabs: Inspector (the default), Findings and Capacity. Inspector and Findings stay
 * mounted, so switching keeps the findings' scroll position, open hints and a half-typed suppression
 * reason; Capacity is drawn only while shown (it holds no state and would recompute on every edit).
 */
export function SidePanel({ onReveal }: { onReveal(nodeIds: readonly string[]): void }) {
  const store = useDiagramStoreApi();
  const panel = useDiagramStore((s) => s.sidePanel);
  const { findings, hidden } = useChecks();
  const counts = countBySeverity(findings);
  const show = (p: SidePanelTab) => store.getState().showSidePanel(p);
  const tabs = useRef<HTMLDivElement>(null);
  const findingsBox = useRef<HTMLDivElement>(null);
  const scroll = useRef(0);

  // A hidden (display: none) box forgets its scroll offset; put it back when the tab returns.
  useLayoutEffect(() => {
    const box = findingsBox.current;
    if (!box) return;
    if (panel === 'findings') box.scrollTop = scroll.current;
    const onScroll = () => {
      if (panel === 'findings') scroll.current = box.scrollTop;
    };
    box.addEventListener('scroll', onScroll);
    return () => box.removeEventListener('scroll', onScroll);
  }, [panel]);

  const onTabKey = (e: KeyboardEvent) => {
    const i = TABS.indexOf(panel);
    let next: SidePanelTab | undefined;
    if (e.key === 'ArrowRight') next = TABS[(i + 1) % TABS.length];
    else if (e.key === 'ArrowLeft') next = TABS[(i - 1 + TABS.length) % TABS.length];
    else if (e.key === 'Home') next = TABS[0];
    else if (e.key === 'End') next = TABS[TABS.length - 1];
    if (!next) return;
    e.preventDefault();
    show(next);
    tabs.current?.querySelector<HTMLElement>(`#side-tab-${next}`)?.focus();
  };

  const tone = counts.error ? 'error' : counts.warning ? 'warning' : findings.length ? 'info' : 'clean';
  return (
    <aside className="side">
      <StageStrip onOpenFindings={() => show('findings')} />
      <div className="side-tabs-row">
      <div className="side-tabs" role="tablist" aria-label="Side panel" ref={tabs} onKeyDown={onTabKey}>
        <button
          type="button"
          role="tab"
          id="side-tab-inspector"
          aria-selected={panel === 'inspector'}
          aria-controls="side-panel-inspector"
          tabIndex={panel === 'inspector' ? 0 : -1}
          onClick={() => show('inspector')}
        >
          Inspector
        </button>
        <button
          type="button"
          role="tab"
          id="side-tab-findings"
          aria-selected={panel === 'findings'}
          aria-controls="side-panel-findings"
          aria-label={hidden ? 'Findings (hidden in practice)' : `Findings (${findings.length})`}
          tabIndex={panel === 'findings' ? 0 : -1}
          onClick={() => show('findings')}
        >
          Findings {!hidden && <span className={`tab-count tab-count-${tone}`}>{findings.length}</span>}
        </button>
        <button
          type="button"
          role="tab"
          id="side-tab-capacity"
          aria-selected={panel === 'capacity'}
          aria-controls="side-panel-capacity"
          tabIndex={panel === 'capacity' ? 0 : -1}
          onClick={() => show('capacity')}
        >
          Capacity
        </button>
      </div>
      <FoldButton which="side" />
      </div>
      <div
        className="side-tabpanel"
        role="tabpanel"
        id="side-panel-inspector"
        aria-labelledby="side-tab-inspector"
        hidden={panel !== 'inspector'}
      >
        <Inspector />
      </div>
      <div
        className="side-tabpanel"
        role="tabpanel"
        id="side-panel-findings"
        aria-labelledby="side-tab-findings"
        hidden={panel !== 'findings'}
        ref={findingsBox}
      >
        <FindingsPanel onReveal={onReveal} />
      </div>
      <div
        className="side-tabpanel"
        role="tabpanel"
        id="side-panel-capacity"
        aria-labelledby="side-tab-capacity"
        hidden={panel !== 'capacity'}
      >
        {panel === 'capacity' && <CapacityPanel onReveal={onReveal} />}
      </div>
    </aside>
  );
}
