import type { Diagram } from '../domain/diagram';
import type { DiagramStore } from '../store/diagramStore';
import { openAsNewDesign } from '../store/openAsNewDesign';

/** What the template gallery's buttons do: open a case study's answer, or practise it (loaded with the gallery). */

/** Opens a case study's answer as a new design; the previous one stays in My designs, one Undo away. */
export function openReference(store: DiagramStore, reference: Diagram): void {
  const s = store.getState();
  const wasPractising = !!s.practice;
  if (wasPractising) s.closePractice();
  s.closeComparison();
  s.closeDialog();
  // The canvas fits the view to a newly opened design.
  openAsNewDesign(store, reference, `Opened the reference answer “${reference.title}”.${wasPractising ? ' Practice ended.' : ''}`, { look: true });
}

/** Starts practising a case study as a new design: a blank canvas with its brief, an empty requirements card and the timer. */
export function beginPractice(store: DiagramStore, templateId: string, reference: Diagram): void {
  const s = store.getState();
  s.closeDialog();
  s.startPractice(templateId, reference, (d) => openAsNewDesign(store, d, `Practice started: “${reference.title}”, 45 minutes.`));
}
