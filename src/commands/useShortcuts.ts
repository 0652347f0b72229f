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
      // Inside a dialog, only global shortcuts apply (the dialog owns its keys).
      const inDialog = e.target instanceof Element && !!e.target.closest('[role="dialog"], [role="menu"]');
      const typing = inDialog || isTyping(e.target);
      const cmd = registry.match(e, typing, IS_MAC);
      if (!cmd) return;
      if (cmd.enabled && !cmd.enabled(ctx)) {
        // A disabled shortcut still owns its key (e.g. Mod+Z must never reach the browser).
        if (e.ctrlKey || e.metaKey) e.preventDefault();
        return;
      }
      e.preventDefault();
      // Arrow keys: ours alone (React Flow would also move a focused node or selection box by its own step).
      if (e.key.startsWith('Arrow')) e.stopPropagation();
      cmd.run(ctx);
    };
    // Capture phase, so the registry sees keys before React Flow's own element handlers.
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [registry, ctx]);
}
