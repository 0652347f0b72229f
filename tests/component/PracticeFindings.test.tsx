import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ruleCard } from '../../src/domain/content/ruleCards';
import type { Diagram } from '../../src/domain/diagram';
import { createDiagramStore } from '../../src/store/diagramStore';
import { FindingsPanel } from '../../src/ui/FindingsPanel';
import { Inspector } from '../../src/ui/Inspector';
import { StageStrip } from '../../src/ui/StageStrip';
import { renderWithStore } from './render';

function setup() {
  let i = 0;
  const store = createDiagramStore({ newId: (p) => `${p}${++i}` });
  renderWithStore(
    <>
      <StageStrip onOpenFindings={() => {}} />
      <FindingsPanel onReveal={vi.fn()} />
      <Inspector />
    </>,
    store,
  );
  return { store, s: () => store.getState(), user: userEvent.setup() };
}

const panel = () => screen.getByRole('region', { name: 'Findings' });
const reference: Diagram = { title: 'Fraud detection', problem: 'fraud', brief: 'Flag fraudulent payments.', nodes: [], edges: [], suppressions: [] };

describe('a finding and its rule card', () => {
  it("opens the rule's why-it-matters card from the finding's toggle", async () => {
    const { s, user } = setup();
    act(() => void s().addNode({ kind: 'cache', position: { x: 0, y: 0 } }));
    const orphan = panel().querySelector<HTMLElement>('li.finding[data-rule="orphan-node"]')!;
    const card = ruleCard('orphan-node');
    expect(within(orphan).queryByText(card.title)).not.toBeInTheDocument();
    await user.click(within(orphan).getByRole('button', { name: 'Why it matters' }));
    expect(await within(orphan).findByText(card.title)).toBeInTheDocument();
    expect(within(orphan).getByText(card.failure)).toBeInTheDocument();
    expect(within(orphan).getByText(card.example)).toBeInTheDocument();
    expect(within(orphan).getByText(card.strongAnswer)).toBeInTheDocument();
    expect(within(orphan).getByText(card.study.join(' · '))).toBeInTheDocument();
    await user.click(within(orphan).getByRole('button', { name: 'Why it matters' }));
    expect(within(orphan).queryByText(card.title)).not.toBeInTheDocument();
  });
});

describe('findings in practice mode', () => {
  it('stay hidden until the user asks for a check, everywhere they show', async () => {
    const { s, user } = setup();
    act(() => s().startPractice('fraud-detection', reference));
    act(() => void s().addNode({ kind: 'cache', position: { x: 300, y: 0 } }));
    // Nothing is said about the design: no list, no counts, nothing on the selected component.
    expect(panel().querySelectorAll('li.finding')).toHaveLength(0);
    expect(within(panel()).getByText('Findings are hidden while you practise')).toBeInTheDocument();
    const strip = screen.getByRole('region', { name: 'Design check' });
    expect(within(strip).getByRole('button', { name: /Hidden in practice/ })).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'Findings on this component' })).not.toBeInTheDocument();
    // What is on the canvas still shows: the empty requirements card and a cache cover no stage yet.
    expect(within(strip).getByText('0/7')).toBeInTheDocument();

    await user.click(within(panel()).getByRole('button', { name: 'Check design' }));
    expect(s().findingsHidden).toBe(false);
    expect(panel().querySelector('li.finding[data-rule="orphan-node"]')).not.toBeNull();
    expect(screen.getByRole('group', { name: 'Findings on this component' })).toBeInTheDocument();
    expect(within(strip).queryByText(/Hidden in practice/)).not.toBeInTheDocument();

    act(() => s().setFindingsHidden(true));
    expect(panel().querySelectorAll('li.finding')).toHaveLength(0);
    act(() => s().closePractice());
    expect(panel().querySelectorAll('li.finding').length).toBeGreaterThan(0);
  });
});
