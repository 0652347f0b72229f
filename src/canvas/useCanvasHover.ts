import { useStoreApi } from '@xyflow/react';
import { useEffect } from 'react';

/**
 * Calls `onHover` with the id of the component under the pointer (or with keyboard focus) on the
 * canvas of the enclosing React Flow provider, and with null when it leaves: one delegated listener
 * on the canvas, nothing added to its nodes. Ghosts and rings of the comparison are not components.
 */
export function useCanvasHover(onHover: (id: string | null) => void): void {
  const flow = useStoreApi();
  useEffect(() => {
    let dom: HTMLElement | null = null;
    let current: string | null = null;
    const report = (target: EventTarget | null) => {
      const el = target instanceof Element ? target : null;
      if (el?.closest('.cmp-layer')) return;
      const node = el?.closest<HTMLElement>('.react-flow__node');
      const id = node && !node.classList.contains('react-flow__node-zone') ? (node.dataset.id ?? null) : null;
      if (id !== current) {
        current = id;
        onHover(id);
      }
    };
    const over = (e: Event) => report(e.target);
    const out = (e: Event) => {
      const next = (e as PointerEvent | FocusEvent).relatedTarget;
      if (!(next instanceof Node) || !dom?.contains(next)) report(null);
    };
    // The canvas may mount after this hook (its code loads lazily): wait for its element.
    const attach = () => {
      dom = flow.getState().domNode ?? null;
      if (!dom) return false;
      dom.addEventListener('pointerover', over);
      dom.addEventListener('pointerout', out);
      dom.addEventListener('focusin', over);
      dom.addEventListener('focusout', out);
      return true;
    };
    const unsubscribe = attach() ? null : flow.subscribe(() => {
      if (!dom && attach()) unsubscribe?.();
    });
    return () => {
      unsubscribe?.();
      if (dom) {
        dom.removeEventListener('pointerover', over);
        dom.removeEventListener('pointerout', out);
        dom.removeEventListener('focusin', over);
        dom.removeEventListener('focusout', out);
      }
      if (current !== null) onHover(null);
    };
  }, [flow, onHover]);
}
