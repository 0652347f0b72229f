import { useCallback, useRef, type PointerEvent } from 'react';
import { kindInfo, type KindId } from '../domain/catalogue';

const THRESHOLD = 5;

interface DragState {
  kind: KindId;
  pointerId: number;
  startX: number;
  startY: number;
  ghost: HTMLElement | null;
}

/**
 * Drag from the palette with pointer events, so mouse, touch and pen all work (HTML5 drag-and-drop
 * does not fire for touch). A press that does not move is left to the button's click.
 */
export function usePaletteDrag(onDrop: (kind: KindId, clientX: number, clientY: number) => void) {
  const state = useRef<DragState | null>(null);
  const justDragged = useRef(false);

  const end = useCallback(() => {
    state.current?.ghost?.remove();
    document.body.classList.remove('palette-dragging');
    state.current = null;
  }, []);

  const onPointerDown = useCallback((e: PointerEvent<HTMLElement>, kind: KindId) => {
    if (e.button !== 0 || !e.isPrimary) return;
    state.current = { kind, pointerId: e.pointerId, startX: e.clientX, startY: e.clientY, ghost: null };
    e.currentTarget.setPointerCapture(e.pointerId);
  }, []);

  const onPointerMove = useCallback((e: PointerEvent<HTMLElement>) => {
    const s = state.current;
    if (!s || s.pointerId !== e.pointerId) return;
    if (!s.ghost) {
      if (Math.hypot(e.clientX - s.startX, e.clientY - s.startY) < THRESHOLD) return;
      const ghost = document.createElement('div');
      ghost.className = 'drag-ghost';
      ghost.textContent = kindInfo(s.kind).label;
      ghost.setAttribute('aria-hidden', 'true');
      document.body.appendChild(ghost);
      document.body.classList.add('palette-dragging');
      s.ghost = ghost;
    }
    s.ghost.style.transform = `translate(${e.clientX}px, ${e.clientY}px) translate(-50%, -50%)`;
  }, []);

  const onPointerUp = useCallback(
    (e: PointerEvent<HTMLElement>) => {
      const s = state.current;
      if (!s || s.pointerId !== e.pointerId) return;
      const dragged = !!s.ghost;
      const kind = s.kind;
      end();
      if (dragged) {
        justDragged.current = true;
        onDrop(kind, e.clientX, e.clientY);
      }
    },
    [end, onDrop],
  );

  /** True once after a drag, so the click that follows pointerup does not add a second component. */
  const consumeDrag = useCallback(() => {
    const was = justDragged.current;
    justDragged.current = false;
    return was;
  }, []);

  return { onPointerDown, onPointerMove, onPointerUp, onPointerCancel: end, consumeDrag };
}
