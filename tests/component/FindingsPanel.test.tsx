import { PROBLEM_LABELS } from '../../src/domain/diagram';
import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runChecks } from '../../src/domain/checker/runChecks';
import { parseDiagramText } from '../../src/domain/format/parse';
import { STAGE_IDS } from '../../src/domain/stages';
import { createDiagramStore } from '../../src/store/diagramStore';
import { FindingsPanel } from '../../src/ui/FindingsPanel';
import { Inspector } from '../../src/ui/Inspector';
import { ProblemSelect } from '../../src/ui/ProblemSelect';
import { StageStrip } from '../../src/ui/StageStrip';
import { renderWithStore } from './render';

function setup() {
  let i = 0;
  const store = createDiagramStore({ newId: (p) => `${p}${++i}` });
  const onReveal = vi.fn();
  const utils = renderWithStore(
    <>
      <StageStrip onOpenFindings={() => store.getState().showSidePanel('findings')} />
      <FindingsPanel onReveal={onReveal} />
    </>,
    store,
  );
  const s = () => store.getState();
  return { ...utils, store, s, onReveal, user: userEvent.setup() };
}

type State = ReturnType<ReturnType<typeof createDiagramStore>['getState']>;

/** A half-built design: data -> features -> trainer, a lone model server, filled requirements and objective cards. */
function halfDesign(s: () => State) {
  const ids = {} as Record<'log' | 'etl' | 'wh' | 'fs' | 'train' | 'server' | 'req' | 'obj', string>;
  act(() => {
    ids.req = s().addNode({ kind: 'requirements', position: { x: 0, y: -200 } });
    s().updateNode(ids.req, { props: { goal: 'more watch time', qps: 2000 } });
    ids.obj = s().addNode({ kind: 'ml-objective', position: { x: 200, y: -200 } });
    s().updateNode(ids.obj, { props: { task: 'ranking', label: 'watched half of the video', offlineMetric: 'NDCG@10' } });
    ids.log = s().addNode({ kind: 'event-log', position: { x: 0, y: 0 } });
    ids.etl = s().addNode({ kind: 'batch-etl', position: { x: 200, y: 0 } });
    ids.wh = s().addNode({ kind: 'data-warehouse', position: { x: 200, y: 120 } });
    ids.fs = s().addNode({ kind: 'feature-store', position: { x: 400, y: 0 } });
    ids.train = s().addNode({ kind: 'training-job', position: { x: 600, y: 0 } });
    ids.server = s().addNode({ kind: 'model-server', position: { x: 800, y: 0 } });
    s().connect(ids.log, ids.etl);
    s().connect(ids.etl, ids.wh);
    s().connect(ids.etl, ids.fs);
    s().connect(ids.fs, ids.train);
  });
  return ids;
}

const panel = () => screen.getByRole('region', { name: 'Findings' });
const items = () => [...panel().querySelectorAll<HTMLElement>('li.finding')];
const item = (rule: string) => panel().querySelector<HTMLElement>(`li.finding[data-rule="${rule}"]:not(.finding-suppressed)`)!;

describe('the findings panel', () => {
  it('shows every finding once, grouped by stage in the order of the seven stages, errors first in each group', () => {
    const { s } = setup();
    halfDesign(s);
    const expected = runChecks(s().diagram).findings;
    expect(items()).toHaveLength(expected.length);
    expect(items().map((li) => li.dataset.rule).sort()).toEqual(expected.map((f) => f.rule).sort());

    const groups = [...panel().querySelectorAll<HTMLElement>('[role="group"]')].map((g) => g.dataset.group!);
    const order = [...STAGE_IDS, 'general'];
    expect(groups.map((g) => order.indexOf(g))).toEqual([...groups.map((g) => order.indexOf(g))].sort((a, b) => a - b));
    for (const g of panel().querySelectorAll<HTMLElement>('[role="group"]')) {
      const sev = [...g.querySelectorAll<HTMLElement>('li.finding')].map((li) => li.dataset.severity);
      expect(sev).toEqual([...sev].sort((a, b) => ['error', 'warning', 'info'].indexOf(a!) - ['error', 'warning', 'info'].indexOf(b!)));
      // Every finding sits in the group of its stage.
      const stage = g.dataset.group;
      for (const li of g.querySelectorAll<HTMLElement>('li.finding')) {
        const f = expected.find((x) => x.rule === li.dataset.rule && li.textContent!.includes(x.message))!;
        expect(f.stage ?? 'general').toBe(stage);
      }
    }
    // The monitoring group holds its missing-stage error before its retraining warning.
    const monitoring = within(panel().querySelector<HTMLElement>('[data-group="monitoring"]')!).getAllByRole('listitem');
    expect(monitoring.map((li) => [li.dataset.rule, li.dataset.severity])).toEqual([
      ['missing-stage', 'error'],
      ['no-retraining-loop', 'warning'],
    ]);
    // Message shown; the concept behind it behind a disclosure.
    const handoff = item('no-model-handoff');
    expect(handoff).toHaveTextContent('never reaches serving');
    const why = within(handoff).getByRole('button', { name: 'Why it matters' });
    expect(why).toHaveAttribute('aria-expanded', 'false');
  });

  it('shows the hint of a finding on demand', async () => {
    const { s, user } = setup();
    halfDesign(s);
    const handoff = item('no-model-handoff');
    const hint = runChecks(s().diagram).findings.find((f) => f.rule === 'no-model-handoff')!.hint;
    expect(within(handoff).getByText(hint, { exact: false })).not.toBeVisible();
    await user.click(within(handoff).getByRole('button', { name: 'Why it matters' }));
    expect(within(handoff).getByText(hint, { exact: false })).toBeVisible();
  });

  it('updates "N/7 stages", the chips and the counts as the design grows', () => {
    const { s } = setup();
    const strip = () => screen.getByRole('region', { name: 'Design check' });
    expect(strip()).toHaveTextContent('0/7 stages');
    // An empty canvas has steps to go, not a wall of errors.
    expect(strip()).toHaveTextContent('7 steps to go');
    expect(strip()).not.toHaveTextContent('error');
    halfDesign(s);
    expect(strip()).toHaveTextContent('5/7 stages');
    const chips = [...strip().querySelectorAll<HTMLElement>('.stage-chip')];
    expect(chips.map((c) => `${c.dataset.stage}:${c.classList.contains('is-covered') ? 'covered' : 'missing'}`)).toEqual([
      'requirements:covered',
      'framing:covered',
      'data:covered',
      'model:covered',
      'evaluation:missing',
      'serving:covered',
      'monitoring:missing',
    ]);
    expect(chips[4]).toHaveTextContent('Evaluation (not covered yet)');
    expect(chips[4].title).toMatch(/^5\. Evaluation: not covered yet\. Nothing evaluates the model/);
    expect(strip()).toHaveTextContent(/\d+ errors?/);
  });

  it('selects and zooms to the nodes of a finding on click and on Enter', async () => {
    const { s, user, onReveal } = setup();
    const ids = halfDesign(s);
    act(() => s().setSelection({ nodes: [], edges: [] }));
    await user.click(within(item('orphan-node')).getByRole('button', { name: /^Warning: .*not connected/ }));
    expect(s().selection).toEqual({ nodes: [ids.server], edges: [] });
    expect(onReveal).toHaveBeenLastCalledWith([ids.server]);
    expect(item('orphan-node')).toHaveClass('is-active');

    // Keyboard: Tab to the finding and press Enter.
    const handoff = within(item('no-model-handoff')).getByRole('button', { name: /^Error: .*never reaches serving/ });
    handoff.focus();
    await user.keyboard('{Enter}');
    expect(s().selection.nodes).toEqual([ids.train]);
    expect(onReveal).toHaveBeenLastCalledWith([ids.train]);
    // A finding without nodes (a missing stage) selects nothing.
    expect(within(item('missing-stage')).queryByRole('button', { name: /^Error:/ })).toBeNull();
  });

  it('suppresses a finding with a required reason, greys it with its reason, and restores it (undoably)', async () => {
    const { s, user } = setup();
    const ids = halfDesign(s);
    const before = items().length;
    await user.click(within(item('orphan-node')).getByRole('button', { name: 'Suppress' }));
    const form = within(item('orphan-node')).getByRole('form', { name: 'Suppress finding' });
    const reason = within(form).getByRole('textbox', { name: 'Why is this fine in your design?' });
    expect(reason).toHaveFocus();
    // An empty (or blank) reason is refused with a message, and nothing is saved.
    await user.type(reason, '   ');
    await user.click(within(form).getByRole('button', { name: 'Suppress' }));
    expect(within(form).getByRole('alert')).toHaveTextContent('Give a reason');
    expect(s().diagram.suppressions).toEqual([]);

    await user.clear(reason);
    await user.type(reason, 'served by a partner team{Enter}');
    expect(s().diagram.suppressions).toEqual([{ rule: 'orphan-node', nodeIds: [ids.server], reason: 'served by a partner team' }]);
    expect(item('orphan-node')).toBeNull();
    expect(items().filter((li) => !li.classList.contains('finding-suppressed'))).toHaveLength(before - 1);
    const group = within(panel()).getByRole('group', { name: /Suppressed/ });
    const suppressed = within(group).getByRole('listitem');
    expect(suppressed).toHaveAttribute('data-rule', 'orphan-node');
    expect(suppressed).toHaveClass('finding-suppressed');
    expect(suppressed).toHaveTextContent('served by a partner team');
    // Focus followed the finding to its new place.
    expect(within(suppressed).getByRole('button', { name: 'Restore' })).toHaveFocus();

    await user.click(within(suppressed).getByRole('button', { name: 'Restore' }));
    expect(s().diagram.suppressions).toEqual([]);
    expect(item('orphan-node')).not.toBeNull();
    expect(within(panel()).queryByRole('group', { name: /Suppressed/ })).toBeNull();

    // Both steps are undoable.
    act(() => s().undo());
    expect(within(panel()).getByRole('group', { name: /Suppressed/ })).toHaveTextContent('served by a partner team');
    act(() => s().undo());
    expect(s().diagram.suppressions).toEqual([]);
  });

  it('warns when suppressing a finding without nodes also suppresses the rule\'s other findings; Escape cancels', async () => {
    const { s, user } = setup();
    // Six caches: past the to-do list of a design that is just starting, and no stage covered.
    act(() => {
      for (let i = 0; i < 6; i++) s().addNode({ kind: 'cache', position: { x: i * 200, y: 0 } });
    });
    const missing = () => panel().querySelectorAll('li.finding[data-rule="missing-stage"]:not(.finding-suppressed)');
    expect(missing()).toHaveLength(7);
    const first = missing()[0] as HTMLElement;
    await user.click(within(first).getByRole('button', { name: 'Suppress' }));
    expect(within(first).getByRole('form')).toHaveTextContent('also suppresses 6 other findings');
    await user.keyboard('{Escape}');
    expect(within(first).queryByRole('form')).toBeNull();
  });

  it('says so clearly when the design has no finding', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'templates', 'news-feed.json'), 'utf8');
    const parsed = parseDiagramText(text);
    if (!parsed.ok) throw new Error(parsed.error.message);
    const { s } = setup();
    act(() => s().replaceDiagram(parsed.value));
    expect(items()).toHaveLength(0);
    expect(within(panel()).getByRole('status')).toHaveTextContent('All checks pass');
    const strip = screen.getByRole('region', { name: 'Design check' });
    expect(strip).toHaveTextContent('7/7 stages');
    expect(strip).toHaveTextContent('No issues');
  });

  it('changes the checks at once when the problem is chosen in the header or the Design view', async () => {
    const { store, s, user } = setup();
    halfDesign(s);
    act(() => s().setSelection({ nodes: [], edges: [] }));
    renderWithStore(
      <>
        <ProblemSelect />
        <Inspector />
      </>,
      store,
    );
    expect(panel().querySelector('[data-rule="missing-component"]')).toBeNull();
    const header = screen.getAllByRole('combobox', { name: 'Problem' })[0];
    await user.selectOptions(header, 'rag');
    expect(s().diagram.problem).toBe('rag');
    const missing = [...panel().querySelectorAll<HTMLElement>('li.finding[data-rule="missing-component"]')];
    expect(missing.map((li) => li.textContent)).toEqual([
      expect.stringContaining('need Embedding model'),
      expect.stringContaining('need Vector DB'),
      expect.stringContaining('need LLM server'),
      expect.stringContaining('need Guardrails'),
    ]);
    missing.forEach((li) => expect(li).toHaveAttribute('data-severity', 'warning'));

    const design = within(screen.getByRole('region', { name: 'Inspector' }));
    // One Problem select (the header's); the Inspector says which problem is picked and what it adds.
    expect(screen.getAllByRole('combobox', { name: 'Problem' })).toHaveLength(1);
    expect(design.getByText(/Problem:/).textContent).toContain(PROBLEM_LABELS.rag);
    expect(design.getByText(/also asks for: Embedding model; Vector DB/)).toBeInTheDocument();
    await user.selectOptions(header, 'generic');
    expect(panel().querySelector('[data-rule="missing-component"]')).toBeNull();
    expect(design.getByText(/Problem:/).textContent).toContain(PROBLEM_LABELS.generic);
  });

  it('presents a design that is just starting as a to-do list, from the requirements on', async () => {
    const { s, user } = setup();
    let req = '';
    act(() => {
      req = s().addNode({ kind: 'requirements', position: { x: 0, y: -200 } });
      s().addNode({ kind: 'event-log', position: { x: 0, y: 0 } });
    });
    const todo = within(panel()).getByRole('group', { name: /Next steps/ });
    const steps = [...todo.querySelectorAll<HTMLElement>('li.todo')];
    expect(steps.map((li) => li.dataset.stage)).toEqual(['requirements', 'framing', 'model', 'evaluation', 'serving', 'monitoring']);
    expect(steps[0]).toHaveClass('is-next');
    expect(steps[0]).toHaveTextContent('Next');
    // The empty card is there but covers nothing, and says what it lacks; clicking selects it.
    expect(steps[0]).toHaveTextContent('needs a goal and a scale or QPS');
    await user.click(within(steps[0]).getByRole('button'));
    expect(s().selection.nodes).toEqual([req]);
    // No missing stage is listed as an error.
    expect(panel().querySelector('li.finding[data-rule="missing-stage"]')).toBeNull();
    const strip = screen.getByRole('region', { name: 'Design check' });
    expect(strip).toHaveTextContent('6 steps to go');
    // Filling the card ticks the step off.
    act(() => s().updateNode(req, { props: { goal: 'fewer fraud losses', scale: '50M payments a day' } }));
    expect([...panel().querySelectorAll<HTMLElement>('li.todo')].map((li) => li.dataset.stage)[0]).toBe('framing');
    expect(strip).toHaveTextContent('2/7 stages');
  });

  it('fixes a mismatched edge in one click ("Make it a model edge"), undoably', async () => {
    const { s, user } = setup();
    halfDesign(s);
    let edge = '';
    act(() => {
      const reg = s().addNode({ kind: 'model-registry', position: { x: 700, y: 200 } });
      const server = s().diagram.nodes.find((n) => n.kind === 'model-server')!.id;
      const r = s().connect(reg, server, 'data');
      if (r.ok) edge = r.value;
    });
    const fix = within(item('edge-kind-mismatch')).getByRole('button', { name: 'Make it a model edge' });
    await user.click(fix);
    expect(s().diagram.edges.find((e) => e.id === edge)!.kind).toBe('model');
    expect(item('edge-kind-mismatch')).toBeNull();
    act(() => s().undo());
    expect(s().diagram.edges.find((e) => e.id === edge)!.kind).toBe('data');
    expect(item('edge-kind-mismatch')).not.toBeNull();
  });
});
