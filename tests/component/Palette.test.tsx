import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { CATALOGUE } from '../../src/domain/catalogue';
import { componentCard } from '../../src/domain/content/componentCards';
import { STAGES } from '../../src/domain/stages';
import { Palette } from '../../src/ui/Palette';
import { renderWithStore } from './render';

describe('Palette', () => {
  it('renders every kind, grouped by stage in interview order, then Other', () => {
    renderWithStore(<Palette onAdd={() => {}} onDrop={() => {}} />);
    const region = screen.getByRole('region', { name: 'Components' });
    const groups = within(region).getAllByRole('group');
    expect(groups.map((g) => g.getAttribute('aria-labelledby'))).toEqual([...STAGES.map((s) => `pg-${s.id}`), 'pg-other']);
    for (const k of CATALOGUE) {
      const group = groups.find((g) => g.getAttribute('aria-labelledby') === `pg-${k.group}`)!;
      expect(within(group).getByRole('button', { name: k.label })).toBeInTheDocument();
    }
    expect(within(region).getAllByRole('button', { name: (n) => CATALOGUE.some((k) => k.label === n) })).toHaveLength(42);
    const other = groups.at(-1)!;
    expect(within(other).getAllByRole('listitem').map((li) => li.textContent)).toEqual([
      'Client app',
      'Note',
      'Zone (offline / online)',
      'Custom component',
    ]);
  });

  it('filters by tool name: "triton" finds Model server, "feast" finds Feature store', async () => {
    const user = userEvent.setup();
    renderWithStore(<Palette onAdd={() => {}} onDrop={() => {}} />);
    const search = screen.getByRole('searchbox', { name: 'Search components' });
    await user.type(search, 'triton');
    const items = () => screen.queryAllByRole('listitem').map((li) => li.textContent);
    // At once: the tools are in the first load, so a search typed right after the page opens finds them.
    expect(items()).toEqual(['Model server']);
    await user.clear(search);
    await user.type(search, 'FEAST');
    expect(items()).toEqual(['Feature store']);
    await user.clear(search);
    await user.type(search, 'zzz-nothing');
    expect(screen.getByText(/No component matches/)).toBeInTheDocument();
  });

  it('collapses and expands a group', async () => {
    const user = userEvent.setup();
    renderWithStore(<Palette onAdd={() => {}} onDrop={() => {}} />);
    const head = screen.getByRole('button', { name: /3\. Data preparation/ });
    expect(head).toHaveAttribute('aria-expanded', 'true');
    await user.click(head);
    expect(head).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Feature store' })).not.toBeInTheDocument();
    await user.click(head);
    expect(screen.getByRole('button', { name: 'Feature store' })).toBeInTheDocument();
  });

  it('adds a component with Enter on a focused item and shows the first line of its card as a tooltip', async () => {
    const user = userEvent.setup();
    const onAdd = vi.fn();
    renderWithStore(<Palette onAdd={onAdd} onDrop={() => {}} />);
    const item = screen.getByRole('button', { name: 'Feature store' });
    act(() => item.focus());
    // The name and tools show at once; the card's first line joins them once loaded (focus starts that).
    expect(screen.getByRole('tooltip')).toHaveTextContent(/^Feature store/);
    expect(screen.getByRole('tooltip')).toHaveTextContent('Feast · Tecton · Hopsworks');
    await waitFor(() => expect(screen.getByRole('tooltip')).toHaveTextContent(componentCard('feature-store').what));
    await user.keyboard('{Enter}');
    expect(onAdd).toHaveBeenCalledWith('feature-store');
  });
});
