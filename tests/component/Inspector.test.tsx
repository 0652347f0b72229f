import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { Inspector } from '../../src/ui/Inspector';
import { renderWithStore } from './render';
import { createDiagramStore } from '../../src/store/diagramStore';
import { act } from 'react';
import { componentCard } from '../../src/domain/content/componentCards';

const setup = () => {
  let i = 0;
  const store = createDiagramStore({ newId: (p) => `${p}${++i}` });
  const utils = renderWithStore(<Inspector />, store);
  return { ...utils, user: userEvent.setup() };
};

describe('Inspector', () => {
  it('edits label, tool, notes and latency of the selected component straight into the store', async () => {
    const { store, user } = setup();
    act(() => void store.getState().addNode({ kind: 'model-server', position: { x: 0, y: 0 } }));
    await user.type(screen.getByRole('textbox', { name: 'Label' }), 'Ranker');
    await user.type(screen.getByRole('combobox', { name: 'Tool' }), 'Triton');
    await user.type(screen.getByRole('textbox', { name: 'Notes' }), 'GPU pool');
    await user.type(screen.getByRole('textbox', { name: /^Latency/ }), '15');
    expect(store.getState().diagram.nodes[0]).toMatchObject({
      label: 'Ranker',
      props: { tool: 'Triton', notes: 'GPU pool', latencyMs: 15 },
    });
  });

  it('offers the catalogue tools and refuses a latency that is not a number', async () => {
    const { store, user, container } = setup();
    act(() => void store.getState().addNode({ kind: 'model-server', position: { x: 0, y: 0 } }));
    const options = [...container.querySelectorAll('datalist option')].map((o) => o.getAttribute('value'));
    expect(options).toEqual(['Triton', 'KServe', 'TF Serving', 'BentoML', 'Ray Serve']);
    const latency = screen.getByRole('textbox', { name: /^Latency/ });
    await user.type(latency, 'fast');
    expect(screen.getByRole('alert')).toHaveTextContent('Latency must be a number.');
    expect(latency).toHaveAttribute('aria-invalid', 'true');
    expect(store.getState().diagram.nodes[0].props.latencyMs).toBeUndefined();
    await user.clear(latency);
    await user.type(latency, '-3');
    expect(screen.getByRole('alert')).toHaveTextContent('cannot be below 0');
    await user.clear(latency);
    await user.type(latency, '12');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(store.getState().diagram.nodes[0].props.latencyMs).toBe(12);
  });

  it('edits the requirements card fields', async () => {
    const { store, user } = setup();
    act(() => void store.getState().addNode({ kind: 'requirements', position: { x: 0, y: 0 } }));
    await user.type(screen.getByRole('textbox', { name: 'Business goal' }), 'More watch time');
    await user.type(screen.getByRole('textbox', { name: 'Peak QPS' }), '5000');
    await user.type(screen.getByRole('textbox', { name: /^Latency budget/ }), '200');
    await user.click(screen.getByRole('checkbox', { name: /Real-time/ }));
    expect(store.getState().diagram.nodes[0].props).toEqual({
      goal: 'More watch time',
      qps: 5000,
      latencyBudgetMs: 200,
      realtime: true,
    });
  });

  it('edits the ML objective, a custom stage and an edge kind and label', async () => {
    const { store, user } = setup();
    act(() => void store.getState().addNode({ kind: 'ml-objective', position: { x: 0, y: 0 } }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Task' }), 'ranking');
    await user.type(screen.getByRole('textbox', { name: 'Loss' }), 'pairwise');
    expect(store.getState().diagram.nodes[0].props).toMatchObject({ task: 'ranking', loss: 'pairwise' });

    act(() => void store.getState().addNode({ kind: 'custom', position: { x: 0, y: 100 } }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Stage' }), 'monitoring');
    expect(store.getState().diagram.nodes[1].props.stage).toBe('monitoring');

    act(() => {
      const a = store.getState().addNode({ kind: 'message-queue', position: { x: 0, y: 200 } });
      const b = store.getState().addNode({ kind: 'stream-processor', position: { x: 200, y: 200 } });
      store.getState().connect(a, b);
    });
    const kind = screen.getByRole('combobox', { name: 'Kind' });
    expect(kind).toHaveValue('stream');
    await user.selectOptions(kind, 'data');
    await user.type(screen.getByRole('textbox', { name: 'Label' }), 'events');
    expect(store.getState().diagram.edges[0]).toMatchObject({ kind: 'data', label: 'events' });
  });

  it('edits the structured objective fields and shows what the checker reads in each text, as chips', async () => {
    const { store, user } = setup();
    act(() => void store.getState().addNode({ kind: 'ml-objective', position: { x: 0, y: 0 } }));
    const metric = screen.getByRole('textbox', { name: 'Offline metric' });
    await user.type(metric, 'accuracy on a random split');
    const chips = (field: HTMLElement) => [...field.closest('.field')!.querySelectorAll('.term-chip')].map((c) => c.textContent);
    expect(chips(metric)).toEqual(['accuracy', 'random split']);
    // The split select says what it read while it is unset.
    const split = screen.getByRole('combobox', { name: /^Split/ });
    expect(within(split).getByRole('option', { name: 'Not set (the metric reads: random split)' })).toBeInTheDocument();
    await user.clear(metric);
    await user.type(metric, 'PR-AUC on an out-of-time backtest');
    expect(chips(metric)).toEqual(['PR-AUC', 'time split']);

    await user.type(screen.getByRole('textbox', { name: 'Label (what is predicted)' }), 'chargeback within 90 days');
    expect(chips(screen.getByRole('textbox', { name: 'Label (what is predicted)' }))).toEqual(['outcome label', 'delay: 90 days']);
    await user.selectOptions(screen.getByRole('combobox', { name: 'Label source' }), 'outcome');
    await user.selectOptions(split, 'time');
    await user.type(screen.getByRole('textbox', { name: 'Label delay' }), 'chargebacks mature in 60-90 days');
    await user.type(screen.getByRole('textbox', { name: 'Positive rate' }), '0.1%');
    await user.click(screen.getByRole('checkbox', { name: /^Calibrated/ }));
    expect(store.getState().diagram.nodes[0].props).toMatchObject({
      offlineMetric: 'PR-AUC on an out-of-time backtest',
      labelSource: 'outcome',
      split: 'time',
      labelDelay: 'chargebacks mature in 60-90 days',
      positiveRate: 0.001,
      calibrated: true,
    });
    // A rate above 1 is refused with a message and not applied.
    const rate = screen.getByRole('textbox', { name: 'Positive rate' });
    await user.clear(rate);
    await user.type(rate, '3');
    expect(screen.getByRole('alert')).toHaveTextContent('cannot be above 1');
    expect(store.getState().diagram.nodes[0].props.positiveRate).toBeUndefined();
  }, 30_000);

  it('lets any component act as other kinds, through a searchable multi-select with the keyboard', async () => {
    const { store, user } = setup();
    act(() => void store.getState().addNode({ kind: 'rules-engine', position: { x: 0, y: 0 } }));
    const box = screen.getByRole('combobox', { name: 'Also acts as…' });
    await user.type(box, 're-ran');
    const list = screen.getByRole('listbox', { name: 'Also acts as…' });
    expect(within(list).getAllByRole('option').map((o) => o.textContent)).toEqual(['Re-ranking / policy']);
    await user.keyboard('{Enter}');
    expect(store.getState().diagram.nodes[0].props.actsAs).toEqual(['re-ranking']);
    // Its own kind is not offered.
    await user.type(box, 'rules');
    expect(screen.queryByRole('option', { name: 'Rules engine' })).toBeNull();
    await user.clear(box);
    await user.click(screen.getByRole('button', { name: 'Remove Re-ranking / policy' }));
    expect(store.getState().diagram.nodes[0].props.actsAs).toBeUndefined();
    // Acting as re-ranking makes it an inference node: it gets a Fallback field.
    expect(screen.queryByRole('textbox', { name: 'Fallback' })).toBeNull();
    await user.type(box, 're-ranking{Enter}');
    await user.type(screen.getByRole('textbox', { name: 'Fallback' }), 'no re-ranking: ranker order');
    expect(store.getState().diagram.nodes[0].props).toMatchObject({ actsAs: ['re-ranking'], fallback: 'no re-ranking: ranker order' });
  });

  it('offers "Calls in parallel" only with outgoing requests, and "Logs the served features" on prediction logging', async () => {
    const { store, user } = setup();
    let api = '';
    act(() => {
      api = store.getState().addNode({ kind: 'prediction-api', position: { x: 0, y: 0 } });
    });
    expect(screen.queryByRole('checkbox', { name: /Calls in parallel/ })).toBeNull();
    act(() => {
      const cg = store.getState().addNode({ kind: 'candidate-generation', position: { x: 200, y: 0 } });
      store.getState().connect(api, cg);
      store.getState().setSelection({ nodes: [api], edges: [] });
    });
    await user.click(screen.getByRole('checkbox', { name: /Calls in parallel/ }));
    expect(store.getState().diagram.nodes[0].props.parallel).toBe(true);
    act(() => void store.getState().addNode({ kind: 'prediction-logging', position: { x: 0, y: 200 } }));
    await user.click(screen.getByRole('checkbox', { name: /Logs the served features/ }));
    expect(store.getState().diagram.nodes.at(-1)!.props.logsFeatures).toBe(true);
    expect(screen.queryByRole('textbox', { name: 'Fallback' })).toBeNull();
  });

  it('shows the learning card of the selected component under its fields, collapsible and remembered', async () => {
    localStorage.removeItem('mlsd-canvas:learn-card-open');
    const { store, user } = setup();
    act(() => void store.getState().addNode({ kind: 'feature-store', position: { x: 0, y: 0 } }));
    const card = componentCard('feature-store');
    const region = screen.getByRole('region', { name: 'About this component' });
    expect(await within(region).findByText(card.what)).toBeInTheDocument();
    expect(within(region).getByText(card.followUps[0])).toBeInTheDocument();
    expect(within(region).getByText(card.tradeoffs[0])).toBeInTheDocument();
    expect(within(region).getByText('Feast', { exact: false })).toBeInTheDocument();

    // Selecting another component shows its card instead.
    act(() => void store.getState().addNode({ kind: 'model-server', position: { x: 0, y: 100 } }));
    expect(await screen.findByText(componentCard('model-server').what)).toBeInTheDocument();
    expect(screen.queryByText(card.what)).not.toBeInTheDocument();

    // Collapsed, it stays collapsed for the next component.
    await user.click(screen.getByRole('button', { name: 'About this component' }));
    expect(screen.queryByText(componentCard('model-server').what)).not.toBeInTheDocument();
    act(() => store.getState().setSelection({ nodes: [store.getState().diagram.nodes[0].id], edges: [] }));
    expect(screen.getByRole('button', { name: 'About this component' })).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByText(card.what)).not.toBeInTheDocument();
    expect(localStorage.getItem('mlsd-canvas:learn-card-open')).toBe('0');
  });
});
