/**
 * One registry of commands. Every action is registered once with its name and shortcuts; the
 * toolbar, the keyboard, the shortcuts dialog and the command palette all read it from here.
 */

export interface Command<Ctx = unknown> {
  id: string;
  name: string;
  /** Group for the shortcuts dialog and the palette ("Edit", "View", ...). */
  group: string;
  /** Shortcuts such as "Mod+Z", "Shift+Mod+Z", "Delete", "?"; Mod is Ctrl, or Cmd on a Mac. */
  shortcuts?: readonly string[];
  /** Runs even while the user types in a text field (e.g. Mod+S). */
  global?: boolean;
  run(ctx: Ctx): void;
  enabled?(ctx: Ctx): boolean;
}

export interface KeyLike {
  key: string;
  /** The physical key ("Digit2"): Shift+2 gives "@" as its key on a US layout, another symbol elsewhere. */
  code?: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
}

interface ParsedShortcut {
  key: string;
  mod: boolean;
  shift: boolean;
  alt: boolean;
}

/** Parses "Shift+Mod+Z" into its parts. */
export function parseShortcut(shortcut: string): ParsedShortcut {
  const parts = shortcut.split('+');
  const key = parts.pop() === '' ? '+' : shortcut.split('+').pop()!;
  const mods = new Set(shortcut.slice(0, shortcut.length - key.length).split('+').filter(Boolean));
  return { key: key.toLowerCase(), mod: mods.has('Mod'), shift: mods.has('Shift'), alt: mods.has('Alt') };
}

const SHIFTED_SYMBOLS = new Set(['?', '+', '!', '@', '#', '$', '%', '^', '&', '*', '(', ')', '_', '{', '}', '|', ':', '"', '<', '>', '~']);

/** True when a key event is the shortcut. Symbol keys that need Shift ("?", "+") ignore Shift. */
export function matchesShortcut(e: KeyLike, shortcut: string, isMac = false): boolean {
  const s = parseShortcut(shortcut);
  const key = e.key.length === 1 ? e.key.toLowerCase() : e.key.toLowerCase();
  // A digit with Shift is matched by its physical key, whatever symbol the layout puts on it.
  const digit = /^[0-9]$/.test(s.key) && s.shift && e.code === `Digit${s.key}`;
  if (key !== s.key && !digit) return false;
  const mod = isMac ? e.metaKey : e.ctrlKey;
  const otherMod = isMac ? e.ctrlKey : e.metaKey;
  if (mod !== s.mod || otherMod) return false;
  if (e.altKey !== s.alt) return false;
  if (!SHIFTED_SYMBOLS.has(s.key) && e.shiftKey !== s.shift) return false;
  return true;
}

/** How a shortcut is shown to the user on this platform. */
export function formatShortcut(shortcut: string, isMac = false): string {
  const s = parseShortcut(shortcut);
  const keyName: Record<string, string> = { delete: 'Del', backspace: '⌫', escape: 'Esc', arrowup: '↑', arrowdown: '↓', arrowleft: '←', arrowright: '→', ' ': 'Space' };
  const key = keyName[s.key] ?? (s.key.length === 1 ? s.key.toUpperCase() : s.key);
  const parts: string[] = [];
  if (s.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (s.alt) parts.push(isMac ? '⌥' : 'Alt');
  if (s.shift) parts.push(isMac ? '⇧' : 'Shift');
  parts.push(key);
  return parts.join(isMac ? '' : '+');
}

export class CommandRegistry<Ctx> {
  private readonly commands = new Map<string, Command<Ctx>>();

  /** Registers a command; registering the same id twice is a programming error. */
  register(command: Command<Ctx>): void {
    if (this.commands.has(command.id)) throw new Error(`command "${command.id}" is registered twice`);
    this.commands.set(command.id, command);
  }

  /** The command with this id. */
  get(id: string): Command<Ctx> | undefined {
    return this.commands.get(id);
  }

  /** Every command, in registration order. */
  all(): Command<Ctx>[] {
    return [...this.commands.values()];
  }

  /** Runs a command by id when it is enabled; returns whether it ran. */
  run(id: string, ctx: Ctx): boolean {
    const c = this.commands.get(id);
    if (!c || (c.enabled && !c.enabled(ctx))) return false;
    c.run(ctx);
    return true;
  }

  /** The command bound to a key event, if any. `typing` is true when focus is in a text field. */
  match(e: KeyLike, typing: boolean, isMac = false): Command<Ctx> | undefined {
    for (const c of this.commands.values()) {
      if (typing && !c.global) continue;
      if (c.shortcuts?.some((s) => matchesShortcut(e, s, isMac))) return c;
    }
    return undefined;
  }
}
