import { Download, FileText, Maximize, Redo2, Undo2, Waypoints } from 'lucide-react';
import { Menu } from './Menu';
import type { ComponentType } from 'react';
import type { AppCommands, AppContext } from '../commands/appCommands';
import { formatShortcut } from '../commands/registry';
import { IS_MAC } from '../commands/useShortcuts';
import { TitleField } from './TitleField';
import { useDiagramStore } from '../store/useDiagramStore';

interface Props {
  commands: AppCommands;
  ctx: AppContext | null;
}

/** A toolbar button for a registered command: its name, shortcut and enabled state come from the registry. */
export function CommandButton({ commands, ctx, id, icon: Icon, label }: Props & { id: string; icon: ComponentType<{ size?: number }>; label?: boolean }) {
  const cmd = commands.get(id)!;
  // Re-render when the history or selection changes, so enabled states stay right.
  useDiagramStore((s) => s.history.past.length * 1000 + s.history.future.length + (s.selection.nodes.length + s.selection.edges.length) * 1e6);
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
      onClick={() => ctx && commands.run(id, ctx)}
    >
      <Icon size={16} />
      {label && <span>{cmd.name}</span>}
    </button>
  );
}

/** Command ids of the header menus; ids not registered (yet) are left out. */
export const FILE_MENU = ['new-diagram', 'open-file', 'save-file', '-', 'my-designs', 'copy-share-link'] as const;
export const EXPORT_MENU = ['export-png', 'export-png-transparent', 'copy-image', 'export-svg', '-', 'export-mermaid', 'copy-mermaid', 'export-markdown'] as const;

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
      <div className="toolbar" role="toolbar" aria-label="Main toolbar">
        <CommandButton commands={commands} ctx={ctx} id="undo" icon={Undo2} />
        <CommandButton commands={commands} ctx={ctx} id="redo" icon={Redo2} />
        <CommandButton commands={commands} ctx={ctx} id="fit-view" icon={Maximize} />
        {hasAny(commands, FILE_MENU) && <Menu label="File" icon={FileText} commands={commands} ctx={ctx} items={FILE_MENU} />}
        {hasAny(commands, EXPORT_MENU) && <Menu label="Export" icon={Download} commands={commands} ctx={ctx} items={EXPORT_MENU} />}
      </div>
    </header>
  );
}
