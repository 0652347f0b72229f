import { describe, expect, it, vi } from 'vitest';
import { CommandRegistry, formatShortcut, matchesShortcut } from '../../src/commands/registry';

const key = (k: string, mods: Partial<{ ctrl: boolean; meta: boolean; shift: boolean; alt: boolean }> = {}) => ({
  key: k,
  ctrlKey: !!mods.ctrl,
  metaKey: !!mods.meta,
  shiftKey: !!mods.shift,
  altKey: !!mods.alt,
});

describe('command registry', () => {
  it('matches Mod to Ctrl elsewhere and Cmd on a Mac', () => {
    expect(matchesShortcut(key('z', { ctrl: true }), 'Mod+Z')).toBe(true);
    expect(matchesShortcut(key('z', { meta: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(key('z', { meta: true }), 'Mod+Z', true)).toBe(true);
    expect(matchesShortcut(key('Z', { ctrl: true, shift: true }), 'Mod+Z')).toBe(false);
    expect(matchesShortcut(key('Z', { ctrl: true, shift: true }), 'Shift+Mod+Z')).toBe(true);
    expect(matchesShortcut(key('?', { shift: true }), '?')).toBe(true);
    expect(matchesShortcut(key('+', { shift: true }), '+')).toBe(true);
    expect(matchesShortcut(key('Delete'), 'Delete')).toBe(true);
  });

  it('formats shortcuts for the platform', () => {
    expect(formatShortcut('Shift+Mod+Z')).toBe('Ctrl+Shift+Z');
    expect(formatShortcut('Shift+Mod+Z', true)).toBe('⌘⇧Z');
    expect(formatShortcut('Delete')).toBe('Del');
  });

  it('runs enabled commands, skips disabled ones, refuses duplicate ids', () => {
    const r = new CommandRegistry<{ n: number }>();
    const run = vi.fn();
    r.register({ id: 'a', name: 'A', group: 'Edit', shortcuts: ['Mod+A'], run });
    r.register({ id: 'b', name: 'B', group: 'Edit', run, enabled: (c) => c.n > 0 });
    expect(r.run('a', { n: 0 })).toBe(true);
    expect(r.run('b', { n: 0 })).toBe(false);
    expect(run).toHaveBeenCalledTimes(1);
    expect(() => r.register({ id: 'a', name: 'A2', group: 'Edit', run })).toThrow(/twice/);
  });

  it('ignores plain shortcuts while the user types, but not global ones', () => {
    const r = new CommandRegistry<null>();
    r.register({ id: 'del', name: 'Delete', group: 'Edit', shortcuts: ['Backspace'], run: () => {} });
    r.register({ id: 'save', name: 'Save', group: 'File', shortcuts: ['Mod+S'], global: true, run: () => {} });
    expect(r.match(key('Backspace'), true)).toBeUndefined();
    expect(r.match(key('Backspace'), false)?.id).toBe('del');
    expect(r.match(key('s', { ctrl: true }), true)?.id).toBe('save');
  });
});
