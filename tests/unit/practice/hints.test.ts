import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KindId } from '../../../src/domain/catalogue';
import { componentCard } from '../../../src/domain/content/componentCards';
import type { Diagram } from '../../../src/domain/diagram';
import { parseDiagramText } from '../../../src/domain/format/parse';
import { nextHint, placedKinds, reviewQuestions, type Hint } from '../../../src/domain/practiceHints';

const visual = (() => {
  const r = parseDiagramText(readFileSync(join(__dirname, '../../../templates/visual-search.json'), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
})();

/** The practice start: the brief and an empty requirements card. */
const start = (): Diagram => ({
  title: 'Practice: Visual search',
  problem: 'visual-search',
  brief: visual.brief,
  nodes: [{ id: 'req', kind: 'requirements', position: { x: 0, y: 0 }, props: {} }],
  edges: [],
  suppressions: [],
});
const place = (d: Diagram, ...kinds: KindId[]): Diagram => ({
  ...d,
  nodes: [...d.nodes, ...kinds.map((kind, i) => ({ id: `p${d.nodes.length + i}`, kind, position: { x: 0, y: 100 * i }, props: {} }))],
});
/** Asks for n hints in a row on the same design. */
function hints(d: Diagram, n: number): Hint[] {
  const given: Hint[] = [];
  for (let i = 0; i < n; i++) given.push(nextHint(d, visual, given));
  return given;
}

describe('practice hints', () => {
  it('points at a stage first, then at one missing kind of component there, one hint at a time', () => {
    const h = hints(start(), 4);
    // Practice starts with an empty Requirements card: the first uncovered stage is the requirements.
    expect(h.map((x) => x.key)).toEqual(['stage:requirements', 'stage:framing', 'stage:data', 'kind:event-log']);
    expect(h[0].text).toMatch(/^Start with the requirements: your Requirements card still needs a goal and a scale or QPS\./);
    expect(h[1].text).toMatch(/^Frame the ML task: add the ML objective card \(the task, the label/);
    expect(h[2].text).toMatch(/^Step 3, Data preparation: your design has nothing here yet/);
  });

  it('puts the kinds the problem must have first within a stage', () => {
    // In serving, catalogue order would name the model registry first; the visual-search profile needs a vector DB.
    const d = start();
    const given: Hint[] = [];
    const firstServing = () => given.find((h) => h.kind === 'component' && h.stage === 'serving');
    for (let i = 0; i < 40 && !firstServing(); i++) given.push(nextHint(d, visual, given));
    expect(firstServing()?.about).toBe('vector-db');
    // Stage by stage in interview order, each stage named before its kinds.
    const stages = given.filter((h) => h.kind === 'stage').map((h) => h.stage);
    expect(stages).toEqual(['requirements', 'framing', 'data', 'model', 'evaluation', 'serving']);
  });

  it('asks a follow-up about a component the user just placed: the feature store outage question', () => {
    const d = place(start(), 'feature-store');
    const h = nextHint(d, visual, []);
    expect(h).toMatchObject({ kind: 'question', about: 'feature-store' });
    expect(componentCard('feature-store').followUps.map((q) => q.toLowerCase())).toContain(
      h.text.replace('Your design has a feature store: ', '').toLowerCase(),
    );
    expect(h.text).toBe('Your design has a feature store: what happens when the online store is down?');
  });

  it('takes turns: after a question comes a gap, and the newest component is asked about first', () => {
    const d = place(start(), 'event-log', 'model-server');
    const h = hints(d, 4);
    expect(h.map((x) => x.kind)).toEqual(['question', 'stage', 'question', 'stage']);
    expect(h[0].about).toBe('model-server');
    expect(h[2].about).toBe('event-log');
  });

  it('does not ask about the empty requirements card practice starts with, only once it is filled', () => {
    expect(placedKinds(start())).toEqual([]);
    const filled = start();
    filled.nodes[0].props = { goal: 'find similar products' };
    expect(placedKinds(filled)).toEqual(['requirements']);
    expect(nextHint(filled, visual, []).about).toBe('requirements');
  });

  it('names a missing kind once: "the reference uses a feature store (Feature store)" drops the bracket that repeats it', () => {
    const texts = hints(place(start(), 'event-log', 'ml-objective'), 12).map((h) => h.text);
    for (const t of texts) {
      const m = /the reference uses (.+?)(?: \((.+?)\))?\. /.exec(t);
      if (!m) continue;
      if (m[2]) expect(m[1].toLowerCase()).not.toContain(m[2].toLowerCase());
    }
    const d = { ...start(), nodes: [] };
    const framing = hints(d, 6).find((h) => h.key === 'kind:ml-objective' || h.text.includes('ML objective'));
    if (framing) expect(framing.text).not.toMatch(/\(ML objective\)/);
  });

  it('says so when there is nothing left to hint', () => {
    const h = nextHint(visual, visual, hints(visual, 200));
    expect(h.kind).toBe('done');
    expect(h.text).toMatch(/^No more hints/);
  });

  it('gives review questions for the placed components, skipping those already asked', () => {
    const d = place(start(), 'model-server', 'feature-store');
    expect(reviewQuestions(d)).toEqual([
      'Your design has a feature store: what happens when the online store is down?',
      `Your design has a model server: ${lowerFirst(componentCard('model-server').followUps[0])}`,
    ]);
    const asked = [nextHint(d, visual, [])]; // asks about the feature store (newest)
    expect(reviewQuestions(d, asked)[0]).toBe(`Your design has a feature store: ${lowerFirst(componentCard('feature-store').followUps[1])}`);
  });
});

function lowerFirst(q: string): string {
  return /^[A-Z][a-z]/.test(q) ? q[0].toLowerCase() + q.slice(1) : q;
}

describe('practice hints for a design that trains nothing', () => {
  it('never points a pretrained design at a training job, an orchestrator or a registry', () => {
    const rag = (() => {
      const r = parseDiagramText(readFileSync(join(__dirname, '../../../templates/rag-assistant.json'), 'utf8'));
      if (!r.ok) throw new Error(r.error.message);
      return r.value;
    })();
    const d: Diagram = {
      title: 'p',
      problem: 'rag',
      nodes: [{ id: 'llm', kind: 'llm-server', position: { x: 0, y: 0 }, props: {} }],
      edges: [],
      suppressions: [],
    };
    const given: Hint[] = [];
    for (let i = 0; i < 80; i++) given.push(nextHint(d, rag, given));
    const about = given.filter((h) => h.kind === 'component').map((h) => h.about);
    expect(about.length).toBeGreaterThan(3);
    for (const k of ['training-job', 'orchestrator', 'model-registry']) expect(about).not.toContain(k);
  });
});
