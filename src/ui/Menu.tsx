import { ChevronDown } from './uiIcons';
import { useEffect, useId, useRef, useState, type ComponentType } from 'react';
import type { AppCommands, AppContext } from '../commands/appCommands';
import { formatShortcut } from '../commands/registry';
import { IS_MAC } from '../commands/useShortcuts';

interface Props {
  label: string;
  icon?: ComponentType<{ size?: number }>;
  commands: AppCommands;
  ctx: AppContext | null;
  /** Command ids in order; '-' draws a separator. */
  items: readonly string[];
}

/** A toolbar menu of registered commands (menu button pattern: arrows move, Enter runs, Escape closes). */
export function Menu({ label, icon: Icon, commands, ctx, items }: Props) {
  const [open, setOpen] = useState(false);
  const id = useId();
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!open) return;
    list.current?.querySelector<HTMLElement>('[role="menuitem"]:not([aria-disabled="true"])')?.focus();
    const onDown = (e: PointerEvent) => {
      if (!list.current?.contains(e.target as Node) && !button.current?.contains(e.target as Node)) setOpen(false);
    };
    window.addEventListener('pointerdown', onDown);
    return () => window.removeEventListener('pointerdown', onDown);
  }, [open]);

  const close = (refocus = true) => {
    setOpen(false);
    if (refocus) button.current?.focus();
  };
  const onKeyDown = (e: React.KeyboardEvent) => {
    const entries = [...(list.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
    const i = entries.indexOf(document.activeElement as HTMLElement);
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      const next = e.key === 'ArrowDown' ? (i + 1) % entries.length : (i - 1 + entries.length) % entries.length;
      entries[next]?.focus();
    } else if (e.key === 'Escape' || e.key === 'Tab') {
      e.stopPropagation();
      if (e.key === 'Escape') e.preventDefault();
      close(e.key === 'Escape');
    } else if (e.key === 'Home' || e.key === 'End') {
      e.preventDefault();
      entries[e.key === 'Home' ? 0 : entries.length - 1]?.focus();
    }
  };

  return (
    <div className="menu">
      <button
        ref={button}
        type="button"
        className="btn menu-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? id : undefined}
        onClick={() => setOpen(!open)}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            e.preventDefault();
            setOpen(true);
          }
        }}
      >
        {Icon && <Icon size={15} />}
        <span>{label}</span>
        <ChevronDown size={14} aria-hidden />
      </button>
      {open && (
        <ul ref={list} id={id} className="menu-list" role="menu" aria-label={label} onKeyDown={onKeyDown}>
          {items.map((cid, i) => {
            if (cid === '-') return <li key={`sep${i}`} role="separator" className="menu-sep" />;
            const cmd = commands.get(cid);
            if (!cmd) return null;
            const enabled = !!ctx && (!cmd.enabled || cmd.enabled(ctx));
            return (
              <li
                key={cid}
                role="menuitem"
                tabIndex={-1}
                aria-disabled={!enabled || undefined}
                className="menu-item"
                onClick={() => {
                  if (!enabled || !ctx) return;
                  close(false);
                  commands.run(cid, ctx);
                }}
                onKeyDown={(e) => {
                  if ((e.key === 'Enter' || e.key === ' ') && enabled && ctx) {
                    e.preventDefault();
                    close(false);
                    commands.run(cid, ctx);
                  }
                }}
              >
                <span>{cmd.name}</span>
                {cmd.shortcuts?.[0] && <kbd>{formatShortcut(cmd.shortcuts[0], IS_MAC)}</kbd>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
