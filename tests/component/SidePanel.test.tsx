import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { createDiagramStore } from '../../src/store/diagramStore';
import { SidePanel } from '../../src/ui/SidePanel';
import { renderWithStore } from './render';

function setup() {
  let i = 0;
  const store = createDiagramStore({ newId: (p) => `${p}${++i}` });
  const onReveal = vi.fn();
  const utils = renderWithStore(<SidePanel onReveal={onReveal} />, store);
  return { ...utils, store, s: () => store.getState(), onReveal, user: userEvent.setup() };
}

describe('the side column', () => {
  it('opens on the Inspector; the Findings tab carries the count and keeps its list while findings are clicked', async () => {
    const { s, user, onReveal } = setup();
    expect(screen.getByRole('tab', { name: 'Inspector' })).toHaveAttribute('aria-selected', 'true');
    expect(screen.getByRole('region', { name: 'Inspector' })).toBeVisible();
    expect(screen.queryByRole('region', { name: 'Findings' })).toBeNull();

    let server = '';
    act(() => {
      server = s().addNode({ kind: 'model-server', position: { x: 0, y: 0 } });
    });
    // Seven missing stages but serving, plus the lone server: 6 + 1.
    expect(screen.getByRole('tab', { name: 'Findings (7)' })).toBeInTheDocument();
    await user.click(screen.getByRole('tab', { name: /Findings/ }));
    const findings = screen.getByRole('region', { name: 'Findings' });
    expect(screen.queryByRole('region', { name: 'Inspector' })).toBeNull();

    act(() => s().setSelection({ nodes: [], edges: [] }));
    await user.click(within(findings).getByRole('button', { name: /not connected/ }));
    expect(s().selection.nodes).toEqual([server]);
    expect(onReveal).toHaveBeenCalledWith([server]);
    // The list stays in view: a selection made from a finding does not switch tabs.
    expect(screen.getByRole('region', { name: 'Findings' })).toBeVisible();
    // Neither does adding a component.
    act(() => void s().addNode({ kind: 'event-log', position: { x: 0, y: 200 } }));
    expect(screen.getByRole('tab', { name: 'Findings (8)' })).toHaveAttribute('aria-selected', 'true');
  });

  it('switches tabs with the arrow keys, and the strip counts open the findings', async () => {
    const { user } = setup();
    screen.getByRole('tab', { name: 'Inspector' }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('tab', { name: /Findings/ })).toHaveFocus();
    expect(screen.getByRole('region', { name: 'Findings' })).toBeVisible();
    await user.keyboard('{ArrowLeft}');
    expect(screen.getByRole('region', { name: 'Inspector' })).toBeVisible();

    await user.click(within(screen.getByRole('region', { name: 'Design check' })).getByRole('button', { name: /7 steps to go/ }));
    expect(screen.getByRole('region', { name: 'Findings' })).toBeVisible();
  });

  it("shows a selected component's own findings in the Inspector, with a way to the full list", async () => {
    const { s, user } = setup();
    act(() => void s().addNode({ kind: 'training-job', position: { x: 0, y: 0 } }));
    const own = within(screen.getByRole('region', { name: 'Inspector' })).getByRole('group', { name: 'Findings on this component' });
    expect([...own.querySelectorAll('li')].map((li) => li.dataset.rule)).toEqual(['orphan-node', 'no-retraining-loop', 'no-label-source']);
    await user.click(within(own).getByRole('button', { name: 'All findings' }));
    expect(screen.getByRole('region', { name: 'Findings' })).toBeVisible();
  });
});
