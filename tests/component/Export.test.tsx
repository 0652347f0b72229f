import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { createAppCommands, type AppContext } from '../../src/commands/appCommands';
import { createDiagramStore } from '../../src/store/diagramStore';
import { EXPORT_MENU, Header } from '../../src/ui/Header';
import { Notices } from '../../src/ui/Notices';
import { renderWithStore } from './render';

function renderHeader() {
  const commands = createAppCommands();
  const store = createDiagramStore();
  // The export commands never touch React Flow: a context without it is enough here.
  const ctx = { store, flow: undefined } as unknown as AppContext;
  renderWithStore(
    <>
      <Header commands={commands} ctx={ctx} />
      <Notices />
    </>,
    store,
  );
  return { store, commands, ctx };
}

describe('Export menu', () => {
  it('registers every command the Export menu lists', () => {
    const commands = createAppCommands();
    for (const id of EXPORT_MENU) if (id !== '-') expect(commands.get(id)?.group, id).toBe('Export');
    for (const id of ['export-png', 'copy-image', 'export-svg', 'export-excalidraw', 'export-drawio', 'export-mermaid', 'copy-mermaid', 'export-markdown']) expect(EXPORT_MENU).toContain(id);
  });

  it('offers picture and Mermaid exports only once the canvas has something on it', async () => {
    const user = userEvent.setup();
    const { store } = renderHeader();
    await user.click(screen.getByRole('button', { name: 'Export' }));
    const state = () => Object.fromEntries(within(screen.getByRole('menu', { name: 'Export' })).getAllByRole('menuitem').map((m) => [m.textContent, m.getAttribute('aria-disabled') === 'true']));
    expect(state()).toEqual({
      'Export PNG': true,
      'Export PNG (transparent)': true,
      'Copy image': true,
      'Export SVG': true,
      'Export Excalidraw': true,
      'Export draw.io': true,
      'Export Mermaid (.mmd)': true,
      'Copy Mermaid': true,
      'Export Markdown write-up': false,
    });
    await user.keyboard('{Escape}');
    act(() => void store.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } }));
    await user.click(screen.getByRole('button', { name: 'Export' }));
    expect(Object.values(state()).every((disabled) => !disabled)).toBe(true);
  });

  it('says so when the browser has no clipboard for images, and starts no export', async () => {
    const user = userEvent.setup();
    const { store } = renderHeader();
    act(() => void store.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } }));
    expect(typeof ClipboardItem).toBe('undefined'); // jsdom, like an old browser or an http page
    await user.click(screen.getByRole('button', { name: 'Export' }));
    await user.click(screen.getByRole('menuitem', { name: 'Copy image' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/cannot put images on the clipboard|secure \(https\) page/);
    expect(screen.getByRole('alert')).toHaveTextContent('Use Export PNG instead.');
    expect(store.getState().progress).toBeNull();
  });
});

describe('export progress', () => {
  it('shows the step with a spinner while an export runs, and nothing after', () => {
    const { store } = renderWithStore(<Notices />);
    expect(screen.queryByRole('status')).toBeNull();
    act(() => store.getState().setProgress('Encoding the 4,118 × 4,074 px PNG…'));
    const status = screen.getByRole('status');
    expect(status).toHaveTextContent('Encoding the 4,118 × 4,074 px PNG…');
    expect(status).toHaveAttribute('aria-busy', 'true');
    expect(status.querySelector('.spinner')).not.toBeNull();
    act(() => store.getState().setProgress(null));
    expect(screen.queryByRole('status')).toBeNull();
  });
});
