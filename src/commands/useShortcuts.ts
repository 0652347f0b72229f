import { useEffect } from 'react';
import type { CommandRegistry } from './registry';

/** True on Apple platforms, where Mod means Cmd. */
export const IS_MAC = typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

function isTyping(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable) return true;
  const tag = target.tagName;
  if (tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag === 'INPUT') {
    const type = (target as HTMLInputElement).type;
    return !['checkbox', 'radio', 'button', 'submit', 'range', 'color'].includes(type);
  }
  return false;
}

/** Routes key presses to the command registry: the one keyboard listener of the app. */
export function useShortcuts<Ctx>(registry: CommandRegistry<Ctx>, ctx: Ctx | null): void {
  useEffect(() => {
    if (!ctx) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || e.isComposing) return;
      const typing = isTyping(e.target);
      // React Flow moves a focused node with the arrow keys itself (its keyboard access); don't move it twice.
      if (e.key.startsWith('Arrow') && e.target instanceof Element && e.target.closest('.react-flow__node')) return;
      const cmd = registry.match(e, typing, IS_MAC);
      if (!cmd) return;
      if (cmd.enabled && !cmd.enabled(ctx)) {
        // A disabled shortcut still owns its key (e.g. Mod+Z must never reach the browser).
        if (e.ctrlKey || e.metaKey) e.preventDefault();
        return;
      }
      e.preventDefault();
      cmd.run(ctx);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [registry, ctx]);
}
