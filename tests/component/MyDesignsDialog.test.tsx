import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createAppCommands } from '../../src/commands/appCommands';
import { ok, err } from '../../src/domain/result';
import { createDiagramStore } from '../../src/store/diagramStore';
import type { DesignLibrary, DesignSummary } from '../../src/store/filesSlice';
import { MyDesignsDialog } from '../../src/ui/MyDesignsDialog';
import { SaveIndicator } from '../../src/ui/SaveIndicator';
import { renderWithStore } from './render';

/** An in-memory library: what the dialog sees of IndexedDB. */
function fakeLibrary(initial: DesignSummary[]) {
  let designs = [...initial];
  const listeners = new Set<() => void>();
  const lib: DesignLibrary = {
    list: vi.fn(async () => [...designs].sort((a, b) => b.updatedAt - a.updatedAt)),
    listBackups: vi.fn(async () => []),
    subscribe: (fn) => {
      listeners.add(fn);
      return () => listeners.delete(fn);
    },
    open: vi.fn(async () => ok(undefined)),
    rename: vi.fn(async (id: string, title: string) => {
      designs = designs.map((d) => (d.id === id ? { ...d, title } : d));
      return ok(undefined);
    }),
    duplicate: vi.fn(async () => err('Browser storage is full.')),
    remove: vi.fn(async (id: string) => {
      const gone = designs.find((d) => d.id === id)!;
      designs = designs.filter((d) => d.id !== id);
      return ok(async () => {
        designs = [...designs, gone];
      });
    }),
    downloadBackup: vi.fn(async () => {}),
    deleteBackup: vi.fn(async () => {}),
    flush: vi.fn(async () => {}),
  };
  return lib;
}

const row = (id: string, title: string, componentCount: number, updatedAt: number): DesignSummary => ({
  id,
  title,
  problem: 'fraud',
  componentCount,
  updatedAt,
});

async function setup() {
  const store = createDiagramStore({ newDesignId: () => 'open-one' });
  const library = fakeLibrary([row('open-one', 'Fraud v1', 4, Date.now() - 60_000), row('other', 'Ads ranking', 1, Date.now() - 3 * 86_400_000)]);
  store.getState().setLibrary(library);
  const onClose = vi.fn();
  renderWithStore(<MyDesignsDialog commands={createAppCommands()} onClose={onClose} />, store);
  await screen.findByRole('list', { name: 'Designs' });
  return { store, library, onClose, user: userEvent.setup() };
}

describe('My designs', () => {
  it('lists designs with problem, components and last change, and marks the open one', async () => {
    await setup();
    const items = within(screen.getByRole('list', { name: 'Designs' })).getAllByRole('listitem');
    expect(items.map((li) => li.textContent)).toEqual([
      expect.stringMatching(/^Fraud v1OpenFraud detection · 4 components · 1 min ago/),
      expect.stringMatching(/^Ads rankingFraud detection · 1 component · /),
    ]);
    expect(items[0]).toHaveAttribute('aria-current', 'true');
    // The open design cannot be deleted or re-opened.
    expect(screen.getByRole('button', { name: 'Delete “Fraud v1”' })).toBeDisabled();
    expect(screen.queryByRole('button', { name: 'Open “Fraud v1”' })).toBeNull();
  });

  it('opens another design and closes', async () => {
    const { library, onClose, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Open “Ads ranking”' }));
    expect(library.open).toHaveBeenCalledWith('other');
    expect(onClose).toHaveBeenCalled();
  });

  it('renames in place: Enter saves, Escape cancels without closing the dialog', async () => {
    const { library, onClose, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Rename “Ads ranking”' }));
    const field = screen.getByRole('textbox', { name: 'New title' });
    expect(field).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(onClose).not.toHaveBeenCalled();
    expect(library.rename).not.toHaveBeenCalled();
    await user.click(screen.getByRole('button', { name: 'Rename “Ads ranking”' }));
    await user.clear(screen.getByRole('textbox', { name: 'New title' }));
    await user.type(screen.getByRole('textbox', { name: 'New title' }), 'Ads CTR{Enter}');
    expect(library.rename).toHaveBeenCalledWith('other', 'Ads CTR');
    expect(await screen.findByText('Ads CTR')).toBeInTheDocument();
  });

  it('deletes with an Undo that puts the design back, and shows refusals', async () => {
    const { library, user } = await setup();
    await user.click(screen.getByRole('button', { name: 'Delete “Ads ranking”' }));
    expect(library.remove).toHaveBeenCalledWith('other');
    expect(await screen.findByRole('status')).toHaveTextContent('Deleted “Ads ranking”.');
    expect(screen.queryByText('Ads ranking')).toBeNull();
    // Focus stays in the dialog, on Undo.
    expect(screen.getByRole('button', { name: 'Undo' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'Undo' }));
    expect(await screen.findByText('Ads ranking')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Duplicate “Fraud v1”' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Browser storage is full.');
  });
});

describe('the save state in the header', () => {
  it('says Saving…, Saved, and a persistent Not saved with its reason and a way out', () => {
    const store = createDiagramStore();
    const { container } = renderWithStore(<SaveIndicator commands={createAppCommands()} ctx={null} />, store);
    expect(container).toBeEmptyDOMElement();
    act(() => store.getState().setSaveStatus('saving'));
    expect(screen.getByRole('status')).toHaveTextContent('Saving…');
    act(() => store.getState().setSaveStatus('saved'));
    expect(screen.getByRole('status')).toHaveTextContent('Saved');
    act(() => store.getState().setSaveStatus('failed', 'Browser storage is full. Save a file (Ctrl+S) to keep this design.'));
    const alert = screen.getByRole('alert');
    expect(alert).toHaveTextContent(/^Not savedBrowser storage is full/);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Save a file (Ctrl+S) to keep this design.');
    expect(within(alert).getByRole('button', { name: 'Save a file' })).toBeInTheDocument();
  });
});
