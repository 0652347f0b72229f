import { LayoutTemplate, PenLine, Waypoints } from 'lucide-react';
import { TEMPLATE_IDS } from '../io/templates';
import type { WheelEvent } from 'react';
import { useDiagramStoreApi } from '../store/useDiagramStore';

/** The friendly first screen of an empty canvas: start from a case study or blank, and how the tool works. */
export default function StartPanel() {
  const store = useDiagramStoreApi();
  const blank = () => {
    store.getState().dismissStartPanel();
    document.querySelector<HTMLInputElement>('.palette input[type="search"]')?.focus();
  };
  // The wheel over the panel's buttons zooms the canvas, as it does over the rest of the panel.
  const passWheel = (e: WheelEvent<HTMLElement>) => {
    const zoomPane = document.querySelector('.canvas .react-flow__renderer');
    if (!zoomPane || !(e.target as HTMLElement).closest('button')) return;
    const { deltaX, deltaY, deltaMode, clientX, clientY, ctrlKey, metaKey, shiftKey } = e;
    zoomPane.dispatchEvent(new globalThis.WheelEvent('wheel', { deltaX, deltaY, deltaMode, clientX, clientY, ctrlKey, metaKey, shiftKey, bubbles: true, cancelable: true }));
  };
  return (
    <section className="start-panel" aria-labelledby="start-title" onWheel={passWheel}>
      <div className="start-mark" aria-hidden>
        <Waypoints size={22} />
      </div>
      <h2 id="start-title">Design ML systems the way interviews ask</h2>
      <p className="start-lead">
        Draw the pipeline from requirements to monitoring, get it checked as you go, and compare it with a reference answer.
      </p>
      <div className="start-actions">
        <button type="button" className="start-choice start-choice-primary" onClick={() => store.getState().openDialog('templates')}>
          <LayoutTemplate size={18} aria-hidden />
          <span>
            <strong>Start from a case study</strong>
            <small>{TEMPLATE_IDS.length} reference answers to open or practise against the clock</small>
          </span>
        </button>
        <button type="button" className="start-choice" onClick={blank}>
          <PenLine size={18} aria-hidden />
          <span>
            <strong>Start blank</strong>
            <small>An empty canvas and the component palette</small>
          </span>
        </button>
      </div>
      <ol className="start-how">
        <li>
          <span className="start-step">1</span>
          <span>
            Drag components from the palette on the left, or press <kbd>/</kbd> to search and <kbd>Enter</kbd> to add.
          </span>
        </li>
        <li>
          <span className="start-step">2</span>
          <span>Drag from a handle onto another component to connect them (onto empty canvas to add one); select anything to edit it on the right.</span>
        </li>
        <li>
          <span className="start-step">3</span>
          <span>The checker flags missing stages and known failure modes as you draw; each finding says why it matters.</span>
        </li>
      </ol>
    </section>
  );
}
