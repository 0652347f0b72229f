import { formatShortcut } from '../commands/registry';
import { IS_MAC } from '../commands/useShortcuts';
import { Dialog } from './Dialog';
import type { DialogProps } from './Dialogs';

/** "?": every command that has a shortcut, grouped, read from the one registry. */
export function ShortcutsDialog({ commands, onClose }: DialogProps) {
  const groups = new Map<string, { name: string; keys: string[] }[]>();
  for (const c of commands.all()) {
    if (!c.shortcuts?.length) continue;
    const list = groups.get(c.group) ?? [];
    list.push({ name: c.name, keys: c.shortcuts.map((s) => formatShortcut(s, IS_MAC)) });
    groups.set(c.group, list);
  }
  return (
    <Dialog title="Keyboard shortcuts" onClose={onClose} wide>
      <div className="shortcut-groups">
        {[...groups].map(([group, list]) => (
          <section key={group} className="shortcut-group" aria-label={group}>
            <h3>{group}</h3>
            <dl>
              {list.map((c) => (
                <div key={c.name} className="shortcut-row">
                  <dt>{c.name}</dt>
                  <dd>
                    {c.keys.map((k, i) => (
                      <span key={k}>
                        {i > 0 && <span className="muted"> or </span>}
                        <kbd>{k}</kbd>
                      </span>
                    ))}
                  </dd>
                </div>
              ))}
            </dl>
          </section>
        ))}
        <section className="shortcut-group" aria-label="Canvas">
          <h3>Canvas</h3>
          <dl>
            <div className="shortcut-row"><dt>Select several</dt><dd><kbd>Shift</kbd> + click, or <kbd>Shift</kbd> + drag a box</dd></div>
            <div className="shortcut-row"><dt>Focus components</dt><dd><kbd>Tab</kbd>, then <kbd>Enter</kbd> selects</dd></div>
            <div className="shortcut-row"><dt>Rename</dt><dd>double-click a label</dd></div>
          </dl>
        </section>
      </div>
    </Dialog>
  );
}
