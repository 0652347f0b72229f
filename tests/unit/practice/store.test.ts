import { describe, expect, it } from 'vitest';
import { createDiagramStore, type IdGenerator } from '../../../src/store/diagramStore';
import { loadTemplate, TEMPLATE_IDS } from '../../../src/io/templates';
import { clockView } from '../../../src/domain/practiceClock';
import { compareDiagrams } from '../../../src/domain/compare';
import { addFromReference, compareContext } from '../../../src/domain/compareMatch';

const counter = (): IdGenerator => {
  let i = 0;
  return (prefix) => `${prefix}${++i}`;
};

async function fraud() {
  const r = await loadTemplate('fraud-detection');
  if (!r.ok) throw new Error(r.error);
  return r.value;
}

describe('template loading', () => {
  it('knows the fourteen case studies and parses one on demand', async () => {
    expect(TEMPLATE_IDS).toHaveLength(14);
    expect(TEMPLATE_IDS).toContain('visual-search');
    const d = await fraud();
    expect(d.title).toBe('Fraud detection');
    expect(d.problem).toBe('fraud');
    expect(await loadTemplate('fraud-detection')).toBe(await loadTemplate('fraud-detection'));
  });

  it('refuses an unknown case study with a clear message', async () => {
    expect(await loadTemplate('fraud-detectoin')).toEqual({ ok: false, error: 'There is no case study "fraud-detectoin".' });
  });
});

describe('practice slice', () => {
  it('starts practice as a new design: a blank canvas with the brief and an empty requirements card, one undo step', async () => {
    let t = 1_000;
    const s = createDiagramStore({ newId: counter(), now: () => t });
    s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } });
    const mine = s.getState().diagram;
    const ref = await fraud();
    s.getState().startPractice('fraud-detection', ref);
    const st = s.getState();
    expect(st.diagram).toMatchObject({ title: 'Practice: Fraud detection', problem: 'fraud', brief: ref.brief, edges: [] });
    expect(st.diagram.nodes).toEqual([{ id: 'n2', kind: 'requirements', position: { x: 0, y: 0 }, props: {} }]);
    expect(st.selection.nodes).toEqual(['n2']);
    expect(st.findingsHidden).toBe(true);
    expect(st.practice).toMatchObject({ templateId: 'fraud-detection', title: 'Fraud detection', hints: [], ended: false });
    // Practice runs on a design of its own.
    expect(st.practice!.designId).toBe(st.designId);
    t += 90_000;
    expect(clockView(st.practice!.clock, t).elapsed).toBe(90_000);
    // Undo brings the previous design back; nothing is lost (the app then ends practice: it left its design).
    s.getState().undo();
    expect(s.getState().diagram).toBe(mine);
    expect(s.getState().designId).not.toBe(st.practice!.designId);
  });

  it('reveals findings on request, pauses, ends with the comparison open, and closes', async () => {
    let t = 0;
    const s = createDiagramStore({ newId: counter(), now: () => t });
    const ref = await fraud();
    s.getState().startPractice('fraud-detection', ref);
    s.getState().setFindingsHidden(false);
    expect(s.getState().findingsHidden).toBe(false);
    t = 60_000;
    s.getState().pausePractice();
    t = 600_000;
    expect(clockView(s.getState().practice!.clock, t).elapsed).toBe(60_000);
    s.getState().resumePractice();
    s.getState().setPracticeStep(2);
    t = 660_000;
    s.getState().endPractice();
    const p = s.getState().practice!;
    expect(p.ended).toBe(true);
    expect(clockView(p.clock, 10_000_000)).toMatchObject({ elapsed: 120_000, paused: true });
    expect(s.getState().comparison).toEqual({ templateId: 'fraud-detection', reference: ref });
    s.getState().resumePractice(); // an ended session stays stopped
    expect(s.getState().practice!.clock.runningSince).toBeNull();
    s.getState().setFindingsHidden(true);
    s.getState().closePractice();
    expect(s.getState().practice).toBeNull();
    expect(s.getState().findingsHidden).toBe(false);
  });

  it('adds a missing reference component with its connections as one undo step, and undo brings the score back', async () => {
    const s = createDiagramStore({ newId: counter() });
    const ref = await fraud();
    s.getState().startPractice('fraud-detection', ref);
    // Half of the reference drawn: every component of the first half, without zones.
    const components = ref.nodes.filter((n) => n.kind !== 'group' && n.kind !== 'note' && n.kind !== 'requirements');
    const kept = components.slice(0, Math.ceil(components.length / 2)).map(({ parent: _p, ...n }) => n);
    const ids = new Set(kept.map((n) => n.id));
    s.getState().paste({ nodes: kept, edges: ref.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) }, { x: 0, y: 0 });
    const before = s.getState().diagram;
    const steps = s.getState().history.past.length;
    const scoreBefore = compareDiagrams(before, ref).score.total;
    // A missing component that connects to something already drawn.
    const { plan } = compareContext(before, ref);
    const linked = (id: string) => plan.edges.some((e) => ('ghost' in e.source && e.source.ghost === id && 'yours' in e.target) || ('ghost' in e.target && e.target.ghost === id && 'yours' in e.source));
    const ghost = plan.ghosts.find((g) => linked(g.id))!;
    expect(ghost).toBeDefined();
    const r = s.getState().addComponents((d, fresh) => addFromReference(d, ref, [ghost.id], fresh));
    expect(r.ok).toBe(true);
    const after = s.getState().diagram;
    expect(after.nodes).toHaveLength(before.nodes.length + 1);
    expect(after.edges.length).toBeGreaterThan(before.edges.length);
    expect(s.getState().selection.nodes).toEqual(r.ok ? r.value : []);
    expect(s.getState().history.past.length).toBe(steps + 1);
    expect(compareDiagrams(after, ref).score.total).toBeGreaterThan(scoreBefore);
    s.getState().undo();
    expect(s.getState().diagram).toBe(before);
    expect(compareDiagrams(s.getState().diagram, ref).score.total).toBe(scoreBefore);
    // A refusal changes nothing and records no step.
    const refused = s.getState().addComponents((d, fresh) => addFromReference(d, ref, ['no-such-node'], fresh));
    expect(refused).toEqual({ ok: false, error: 'Your design already has that: nothing to add.' });
    expect(s.getState().diagram).toBe(before);
    expect(s.getState().history.past.length).toBe(steps);
  });
});
