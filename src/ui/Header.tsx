import { Command, Download, FileText, Grid3x3, Keyboard, LayoutGrid, LayoutTemplate, Maximize, Moon, Redo2, SquareDashed, Sun, Undo2, Waypoints } from './uiIcons';
import { Menu } from './Menu';
import type { ComponentType } from 'react';
import type { AppCommands, AppContext } from '../commands/appCommands';
import { formatShortcut } from '../commands/registry';
import { IS_MAC } from '../commands/useShortcuts';
import { ProblemSelect } from './ProblemSelect';
import { SaveIndicator } from './SaveIndicator';
import { RoomHeaderSlot } from './RoomSlots';
import { TitleField } from './TitleField';
import { useDiagramStore } from '../store/useDiagramStore';

interface Props {
  commands: AppCommands;
  ctx: AppContext | null;
}

/** A toolbar button for a registered command: its name, shortcut and enabled state come from the registry. */
export function CommandButton({
  commands,
  ctx,
  id,
  icon: Icon,
  label,
  pressed,
}: Props & { id: string; icon: ComponentType<{ size?: number }>; label?: boolean; pressed?: boolean }) {
  const cmd = commands.get(id)!;
  // Re-render when the history or selection changes, so enabled states stay right.
  useDiagramStore((s) => s.history.past.length * 1000 + s.history.future.length + (s.selection.nodes.length + s.selection.edges.length) * 1e6);
  useDiagramStore((s) => s.roomUndo);
  const enabled = !!ctx && (!cmd.enabled || cmd.enabled(ctx));
  const keys = cmd.shortcuts?.[0] ? formatShortcut(cmd.shortcuts[0], IS_MAC) : '';
  return (
    <button
      type="button"
      className={label ? 'btn' : 'icon-btn'}
      aria-label={cmd.name}
      title={keys ? `${cmd.name} (${keys})` : cmd.name}
      aria-keyshortcuts={cmd.shortcuts?.map((s) => s.replace('Mod', IS_MAC ? 'Meta' : 'Control')).join(' ')}
      disabled={!enabled}
      aria-pressed={pressed}
      onClick={() => ctx && commands.run(id, ctx)}
    >
      <Icon size={16} />
      {label && <span>{cmd.name}</span>}
    </button>
  );
}

function SnapButton(props: Props) {
  const on = useDiagramStore((s) => s.prefs.snapToGrid);
  return <CommandButton {...props} id="toggle-snap" icon={Grid3x3} pressed={on} />;
}

function ThemeButton(props: Props) {
  // Re-render on theme changes; the page's data-theme says what is showing (the system may decide).
  useDiagramStore((s) => s.prefs.theme);
  const dark = typeof document !== 'undefined' && document.documentElement.dataset.theme === 'dark';
  return <CommandButton {...props} id="toggle-theme" icon={dark ? Sun : Moon} pressed={dark} />;
}

/** Command ids of the header menus; ids not registered (yet) are left out. */
export const FILE_MENU = ['new-diagram', 'open-file', 'save-file', '-', 'import-file', 'import-mermaid', '-', 'my-designs', 'copy-share-link', '-', 'start-interview', 'leave-interview'] as const;
export const EXPORT_MENU = [
  'export-png',
  'export-png-transparent',
  'copy-image',
  'export-svg',
  '-',
  'export-excalidraw',
  'export-drawio',
  'export-mermaid',
  'copy-mermaid',
  'export-markdown',
] as const;

const hasAny = (commands: AppCommands, ids: readonly string[]) => ids.some((id) => id !== '-' && commands.get(id));

/** The slim header: brand, diagram title, and the main toolbar. */
export function Header({ commands, ctx }: Props) {
  return (
    <header className="header">
      <div className="brand">
        <Waypoints size={18} aria-hidden />
        <span>mlsd-canvas</span>
      </div>
      <TitleField />
      <ProblemSelect />
      <SaveIndicator commands={commands} ctx={ctx} />
      <RoomHeaderSlot />
      <div className="toolbar" role="toolbar" aria-label="Main toolbar">
        <CommandButton commands={commands} ctx={ctx} id="undo" icon={Undo2} />
        <CommandButton commands={commands} ctx={ctx} id="redo" icon={Redo2} />
        <span className="toolbar-sep" aria-hidden />
        <CommandButton commands={commands} ctx={ctx} id="tidy-up" icon={LayoutGrid} />
        <CommandButton commands={commands} ctx={ctx} id="zone-around-selection" icon={SquareDashed} />
        <SnapButton commands={commands} ctx={ctx} />
        <CommandButton commands={commands} ctx={ctx} id="fit-view" icon={Maximize} />
        <span className="toolbar-sep" aria-hidden />
        <ThemeButton commands={commands} ctx={ctx} />
        <CommandButton commands={commands} ctx={ctx} id="shortcuts" icon={Keyboard} />
        <CommandButton commands={commands} ctx={ctx} id="command-palette" icon={Command} />
        <span className="toolbar-sep" aria-hidden />
        <CommandButton commands={commands} ctx={ctx} id="open-templates" icon={LayoutTemplate} label />
        {hasAny(commands, FILE_MENU) && <Menu label="File" icon={FileText} commands={commands} ctx={ctx} items={FILE_MENU} />}
        {hasAny(commands, EXPORT_MENU) && <Menu label="Export" icon={Download} commands={commands} ctx={ctx} items={EXPORT_MENU} />}
      </div>
    </header>
  );
}
