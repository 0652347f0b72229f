import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compareDiagrams } from '../../src/domain/compare';
import {
  addFromReference,
  addSentence,
  ghostLinks,
  cardFill,
  compareContext,
  describeReference,
  describeYours,
  ghostsOfStage,
  matchComponents,
  missingLinks,
  representative,
  type Ghost,
} from '../../src/domain/compareMatch';
import { runChecks } from '../../src/domain/checker/runChecks';
import { NODE_SIZE, type Diagram } from '../../src/domain/diagram';
import { parseDiagram, parseDiagramText } from '../../src/domain/format/parse';
import { toFileObject } from '../../src/domain/format/serialize';
import { complete, diagram, type E, type N } from './checker/helpers';

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const template = (id: string): Diagram => {
  const r = parseDiagramText(readFileSync(join(TEMPLATES, `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
/** Ids that never collide: n1, n2 ... skipping taken ones. */
const counter = () => {
  let i = 0;
  return (prefix: string, taken: (id: string) => boolean) => {
    for (;;) {
      const id = `${prefix}${++i}`;
      if (!taken(id)) return id;
    }
  };
};
const match = (yours: Diagram, ref: Diagram) => matchComponents(yours, ref, compareDiagrams(yours, ref));
const add = (yours: Diagram, ref: Diagram, ids: string[]) => {
  const r = addFromReference(yours, ref, ids, counter());
  if (!r.ok) throw new Error(r.error);
  return r.value;
};
const overlap = (a: Ghost['box'], b: Ghost['box']) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('matchComponents', () => {
  it('matches by roles: a rules engine acting as re-ranking matches the reference re-ranking, both ways', () => {
    const ref = diagram([['rank', 'ranking', {}, 'LTR ranker'], ['rr', 're-ranking', {}, 'Diversity']], [['rank', 'rr', 'request']]);
    const yours = diagram([['r', 'ranking'], ['rules', 'rules-engine', { actsAs: ['re-ranking'] }, 'Business rules']], [['r', 'rules', 'request']]);
    const m = match(yours, ref);
    expect(m.reference.get('rr')).toMatchObject({ status: 'matched', yours: ['rules'], shared: ['re-ranking'], missing: [] });
    expect(m.yours.get('rules')).toMatchObject({ status: 'matched', reference: ['rr'] });
    expect(m.reference.get('rank')).toMatchObject({ status: 'matched', yours: ['r'] });
    expect(describeYours(yours, ref, m, 'rules')).toBe('Your “Business rules” plays Re-ranking / policy, as the reference\'s “Diversity” does: matched by role.');
    expect(describeReference(yours, ref, m, 'rr')).toBe('The reference\'s “Diversity” is matched by your “Business rules”: it plays Re-ranking / policy, matched by role.');
    expect(describeYours(yours, ref, m, 'r')).toBe('Your “Ranking model” matches the reference\'s “LTR ranker”.');
  });

  it('lists your same-kind nodes first, and calls nodes the reference does without extras', () => {
    const ref = diagram([['cg', 'candidate-generation'], ['cache', 'cache']]);
    const yours = diagram([
      ['x', 'custom', { actsAs: ['candidate-generation'] }, 'Trending'],
      ['cg', 'candidate-generation'],
      ['v', 'vector-db'],
      ['note', 'note', { text: 'why' }],
    ]);
    const m = match(yours, ref);
    expect(m.reference.get('cg')!.yours).toEqual(['cg', 'x']);
    expect(m.yours.get('v')!.status).toBe('extra');
    expect(m.yours.get('note')!.status).toBe('unscored');
    expect(describeYours(yours, ref, m, 'v')).toBe('Your “Vector DB / ANN index” is not in the reference: it does without a Vector DB / ANN index.');
    expect(m.reference.get('cache')!.status).toBe('missing');
  });

  it('says a valid alternative is done another way instead of missing, and scores it as covered', () => {
    // The video-search profile accepts a vector DB or a search index.
    const ref = diagram([['emb', 'embedding-model'], ['vdb', 'vector-db', {}, 'ANN index']], [['emb', 'vdb']], { problem: 'video-search' });
    const yours = diagram([['emb', 'embedding-model'], ['es', 'search-index', {}, 'OpenSearch']], [['emb', 'es']], { problem: 'video-search' });
    const c = compareDiagrams(yours, ref);
    const serving = c.stages.find((s) => s.stage === 'serving')!;
    expect(serving).toMatchObject({ missing: [], extra: [], alternatives: [{ reference: 'vector-db', yours: 'search-index' }], status: 'covered' });
    expect(serving.verdict).toBe('Covered another valid way: Search index in place of Vector DB / ANN index (a video search design may use either).');
    expect(c.score.covered).toBe(c.score.referenceCount);
    expect(c.score.connectionsCovered).toBe(1);
    const m = matchComponents(yours, ref, c);
    expect(m.reference.get('vdb')).toMatchObject({ status: 'alternative', yours: ['es'] });
    expect(m.yours.get('es')).toMatchObject({ status: 'matched', reference: ['vdb'], insteadOf: ['vector-db'] });
    expect(describeReference(yours, ref, m, 'vdb')).toContain('done another valid way: your “OpenSearch” (Search index) stands in for it');
    // Where the reference uses both kinds, the other one is no stand-in: it is missing.
    const both = diagram([['vdb', 'vector-db'], ['es', 'search-index']], [], { problem: 'video-search' });
    const c2 = compareDiagrams(diagram([['es', 'search-index']], [], { problem: 'video-search' }), both);
    expect(c2.stages.find((s) => s.stage === 'serving')!.missing).toEqual(['vector-db']);
    // Outside that profile a search index is no vector DB.
    const generic = compareDiagrams({ ...yours, problem: 'generic' }, { ...ref, problem: 'generic' });
    expect(generic.stages.find((s) => s.stage === 'serving')!.missing).toEqual(['vector-db']);
  });

  it('marks the training machinery of the reference not needed for a design that trains nothing', () => {
    const ref = diagram([['t', 'training-job'], ['reg', 'model-registry'], ['llm', 'llm-server']], [['t', 'reg', 'model'], ['reg', 'llm', 'model']]);
    const yours = diagram([['llm', 'llm-server']]);
    const m = match(yours, ref);
    expect(m.reference.get('t')!.status).toBe('not-needed');
    expect(m.reference.get('reg')!.status).toBe('not-needed');
    expect(describeReference(yours, ref, m, 't')).toContain('not needed: your design trains nothing');
    expect(compareContext(yours, ref).plan.ghosts).toEqual([]);
  });

  it('treats an incomplete card as incomplete, not as a component to add', () => {
    const yours = diagram([['req', 'requirements', { goal: 'g' }]]);
    const ref = complete();
    const m = match(yours, ref);
    expect(m.reference.get('req')).toMatchObject({ status: 'incomplete', yours: ['req'] });
    // The objective card is absent: that one is a ghost.
    expect(m.reference.get('obj')!.status).toBe('missing');
    const plan = compareContext(yours, ref).plan;
    expect(plan.ghosts.map((g) => g.id)).not.toContain('req');
    expect(plan.ghosts.map((g) => g.id)).toContain('obj');
    // Filling takes only what the card lacks.
    const fill = cardFill(yours, ref, 'requirements')!;
    expect(fill.id).toBe('req');
    expect(fill.props.goal).toBeUndefined();
    expect(fill.props.scale).toBe('2M customers, scored weekly');
    expect(cardFill(ref, ref, 'requirements')).toBeNull();
  });
});

describe('planGhosts', () => {
  it('places ghosts in their stage column, near the neighbours they connect to, overlapping nothing', () => {
    // Your design: data column at x=0, model column at x=300, serving at x=900; you lack a registry and the monitoring.
    const yours: Diagram = {
      ...diagram([
        ['fs', 'feature-store'],
        ['train', 'training-job'],
        ['srv', 'model-server'],
      ]),
    };
    yours.nodes[0].position = { x: 0, y: 400 };
    yours.nodes[1].position = { x: 300, y: 400 };
    yours.nodes[2].position = { x: 900, y: 100 };
    const ref = diagram(
      [
        ['fs', 'feature-store'],
        ['train', 'training-job'],
        ['reg', 'model-registry'],
        ['srv', 'model-server'],
        ['plog', 'prediction-logging'],
        ['drift', 'drift-detection'],
      ],
      [['fs', 'train'], ['train', 'reg', 'model'], ['reg', 'srv', 'model'], ['srv', 'plog'], ['plog', 'drift']],
    );
    const { plan } = compareContext(yours, ref);
    const byId = new Map(plan.ghosts.map((g) => [g.id, g]));
    expect([...byId.keys()].sort()).toEqual(['drift', 'plog', 'reg']);
    // The registry is a serving-stage kind: the serving column (x=900), between its neighbours' heights (400 and 100).
    expect(byId.get('reg')!.box.x).toBe(900);
    // The monitors go one column step beyond serving, the log near the server it reads.
    expect(byId.get('plog')!.box.x).toBe(900 + 252);
    expect(Math.abs(byId.get('plog')!.box.y - 100)).toBeLessThan(200);
    // Nothing overlaps: neither your nodes nor other ghosts.
    const boxes = [...plan.ghosts.map((g) => g.box), ...yours.nodes.map((n) => ({ ...n.position, ...NODE_SIZE }))];
    for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), `${i} ${j}`).toBe(false);
    // The registry brings its two model connections to what you have; the log's connection to drift is to another ghost.
    const regEdges = plan.edges.filter((e) => ('ghost' in e.source && e.source.ghost === 'reg') || ('ghost' in e.target && e.target.ghost === 'reg'));
    expect(regEdges).toEqual([
      { id: 'e1', source: { yours: 'train' }, target: { ghost: 'reg' }, kind: 'model' },
      { id: 'e2', source: { ghost: 'reg' }, target: { yours: 'srv' }, kind: 'model' },
    ]);
    expect(plan.edges).toContainEqual({ id: 'e4', source: { ghost: 'plog' }, target: { ghost: 'drift' }, kind: 'data' });
    expect(ghostsOfStage(plan, 'monitoring').sort()).toEqual(['drift', 'plog']);
    // What one click would bring, in words.
    expect(addSentence(ref, plan, 'reg')).toBe('Add it with one click, with its 2 connections to what you have.');
    expect(addSentence(ref, plan, 'drift')).toBe(
      'It connects to nothing you have yet: its neighbours in the reference (“Prediction logging”) are missing too; add them with it ("Add all missing"), or after it.',
    );
    expect(ghostLinks(plan, 'plog')).toEqual({ yours: ['srv'], ghosts: ['drift'] });
  });

  it('places the ghosts of every template drawn half over the other half without overlaps, within the format limits', () => {
    for (const file of readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'))) {
      const ref = template(file.replace('.json', ''));
      const half = halfOf(ref);
      const ctx = compareContext(half, ref);
      const { plan } = ctx;
      expect(plan.ghosts.length, file).toBeGreaterThan(0);
      const boxes = plan.ghosts.map((g) => g.box);
      for (let i = 0; i < boxes.length; i++) for (let j = i + 1; j < boxes.length; j++) expect(overlap(boxes[i], boxes[j]), file).toBe(false);
      // The half keeps the reference's places: the ghosts take theirs.
      const refAt = new Map(halfOf({ ...ref, nodes: ref.nodes }, 1).nodes.map((n) => [n.id, n.position]));
      const inPlace = plan.ghosts.filter((g) => g.box.x === refAt.get(g.id)?.x && g.box.y === refAt.get(g.id)?.y);
      expect(inPlace.length, file).toBe(plan.ghosts.length);
      // Adding them all leaves a diagram the parser accepts, and it covers the whole reference.
      const r = addFromReference(half, ref, plan.ghosts.map((g) => g.id), counter(), ctx);
      if (!r.ok) throw new Error(r.error);
      const all = r.value;
      const reparsed = parseDiagram(JSON.parse(JSON.stringify(toFileObject(all.diagram))));
      expect(reparsed.ok, file).toBe(true);
      const after = compareDiagrams(all.diagram, ref);
      expect(after.stages.flatMap((s) => s.missing), file).toEqual([]);
    }
  }, 60_000);
});

/** A template with its first half (or another share) of components, in file order, at their absolute places, and the edges between them. */
function halfOf(ref: Diagram, share = 0.5): Diagram {
  const components = ref.nodes.filter((n) => n.kind !== 'group' && n.kind !== 'note');
  const keep = new Set(components.slice(0, Math.ceil(components.length * share)).map((n) => n.id));
  const byId = new Map(ref.nodes.map((n) => [n.id, n]));
  return {
    ...ref,
    title: `Practice: ${ref.title}`,
    nodes: ref.nodes
      .filter((n) => keep.has(n.id))
      .map((n) => {
        const { parent: _p, ...rest } = n;
        let { x, y } = n.position;
        for (let p = n.parent; p; p = byId.get(p)?.parent) {
          x += byId.get(p)!.position.x;
          y += byId.get(p)!.position.y;
        }
        return { ...rest, position: { x, y } };
      }),
    edges: ref.edges.filter((e) => keep.has(e.source) && keep.has(e.target)),
  };
}

describe('addFromReference', () => {
  const REF_NODES: N[] = [
    ['fs', 'feature-store', { tool: 'Feast' }, 'Online features'],
    ['train', 'training-job'],
    ['eval', 'offline-eval'],
    ['reg', 'model-registry', { tool: 'MLflow Model Registry', notes: 'one version for both towers' }, 'Registry'],
    ['srv', 'model-server'],
  ];
  const REF_EDGES: E[] = [['fs', 'train'], ['train', 'eval', 'model'], ['eval', 'reg', 'model'], ['reg', 'srv', 'model'], ['fs', 'srv']];

  it('adds a component as in the reference, with its connections to what you have, and the score rises', () => {
    const ref = diagram(REF_NODES, REF_EDGES);
    const yours = diagram([['my-fs', 'feature-store'], ['t', 'training-job'], ['e', 'offline-eval'], ['s', 'model-server']], [['my-fs', 't'], ['t', 'e', 'model'], ['my-fs', 's']]);
    const before = compareDiagrams(yours, ref).score.total;
    const r = add(yours, ref, ['reg']);
    expect(r.nodeIds).toHaveLength(1);
    const node = r.diagram.nodes.find((n) => n.id === r.nodeIds[0])!;
    expect(node).toMatchObject({ kind: 'model-registry', label: 'Registry', props: { tool: 'MLflow Model Registry', notes: 'one version for both towers' } });
    // The props are a copy, not the reference's object.
    expect(node.props).not.toBe(ref.nodes[3].props);
    expect(r.diagram.edges.filter((e) => r.edgeIds.includes(e.id)).map((e) => [e.source, e.target, e.kind])).toEqual([
      ['e', node.id, 'model'],
      [node.id, 's', 'model'],
    ]);
    const after = compareDiagrams(r.diagram, ref);
    expect(after.score.total).toBeGreaterThan(before);
    expect(after.stages.flatMap((s) => s.missing)).toEqual([]);
    // The input diagram is untouched.
    expect(yours.nodes).toHaveLength(4);
  });

  it('adds a batch with the connections between its members, each pair once', () => {
    const ref = diagram(REF_NODES, REF_EDGES);
    const yours = diagram([['t', 'training-job']]);
    const r = add(yours, ref, ['eval', 'reg', 'srv']);
    const ids = new Map(r.nodeIds.map((id) => [r.diagram.nodes.find((n) => n.id === id)!.kind, id]));
    const pairs = r.diagram.edges.map((e) => `${e.source}>${e.target}:${e.kind}`).sort();
    expect(pairs).toEqual(
      [`t>${ids.get('offline-eval')}:model`, `${ids.get('offline-eval')}>${ids.get('model-registry')}:model`, `${ids.get('model-registry')}>${ids.get('model-server')}:model`].sort(),
    );
    // Adding one alone connects only to what exists: the server is not there yet.
    const one = add(yours, ref, ['reg']);
    expect(one.edgeIds).toHaveLength(0);
  });

  it('gives a connection the kind its new ends need', () => {
    // The reference draws training -> server as data (a finding there); copied onto your design it becomes a model edge.
    const ref = diagram([['t', 'training-job'], ['s', 'model-server']], [['t', 's', 'data']]);
    const r = add(diagram([['t', 'training-job']]), ref, ['s']);
    expect(r.diagram.edges[0].kind).toBe('model');
  });

  it('puts a ghost that lands in one of your zones inside it, with a relative position', () => {
    const ref = diagram([['fs', 'feature-store'], ['srv', 'model-server']], [['fs', 'srv']]);
    const yours = diagram([['z', 'group', { width: 2000, height: 2000, zone: 'online' }], ['fs', 'feature-store']]);
    yours.nodes[0].position = { x: -500, y: -500 };
    yours.nodes[1].position = { x: 100, y: 0 };
    yours.nodes[1].parent = 'z';
    const r = add(yours, ref, ['srv']);
    const node = r.diagram.nodes.find((n) => n.id === r.nodeIds[0])!;
    expect(node.parent).toBe('z');
    const { plan } = compareContext(yours, ref);
    expect(node.position).toEqual({ x: plan.ghosts[0].box.x + 500, y: plan.ghosts[0].box.y + 500 });
  });

  it('refuses what is no longer missing, and what would pass the format limits', () => {
    const ref = diagram(REF_NODES, REF_EDGES);
    const r = addFromReference(ref, ref, ['reg'], counter());
    expect(r).toEqual({ ok: false, error: 'Your design already has that: nothing to add.' });
    // One short of the limit: one more fits, two do not.
    const notes = (n: number): Diagram => ({ ...diagram([]), nodes: Array.from({ length: n }, (_, i) => ({ id: `b${i}`, kind: 'note' as const, position: { x: 0, y: 0 }, props: {} })) });
    const big = notes(19_999);
    const ctx = compareContext(big, ref);
    expect(addFromReference(big, ref, ['reg'], counter(), ctx).ok).toBe(true);
    const two = addFromReference(big, ref, ['reg', 'srv'], counter(), ctx);
    expect(two).toEqual({ ok: false, error: 'A design may have at most 20,000 components: delete some before adding more.' });
    expect(addFromReference(notes(20_000), ref, ['reg'], counter()).ok).toBe(false);
  }, 30_000);

  it('adds a missing kind through its representative: the node whose own kind it is, the best connected', () => {
    const ref = diagram(
      [
        ['tt', 'candidate-generation', {}, 'Two-tower'],
        ['trend', 'candidate-generation', {}, 'Trending'],
        ['rank', 'ranking'],
        ['x', 'custom', { actsAs: ['candidate-generation'] }, 'Fresh'],
      ],
      [['tt', 'rank', 'request'], ['trend', 'rank', 'request'], ['x', 'rank', 'request']],
    );
    ref.edges.push({ id: 'extra', source: 'tt', target: 'trend', kind: 'data' });
    const yours = diagram([['r', 'ranking']]);
    const m = match(yours, ref);
    expect(representative(ref, m, 'candidate-generation')).toBe('tt');
    // Among nodes of the kind, the one that connects to what you have wins over the better connected one.
    const lonely = { ...ref, edges: ref.edges.filter((e) => e.source !== 'tt' || e.target === 'trend').concat([{ id: 'e9', source: 'tt', target: 'x', kind: 'data' }]) };
    expect(representative(lonely, match(yours, lonely), 'candidate-generation')).toBe('trend');
    // Once one source is there, the others are matched by role, not missing.
    const r = add(yours, ref, ['tt']);
    const m2 = match(r.diagram, ref);
    expect(m2.reference.get('trend')!.status).toBe('matched');
    expect(m2.reference.get('x')!.status).toBe('matched');
  });
});

describe('missingLinks', () => {
  it('offers to join two components you have as the reference joins them', () => {
    const ref = diagram([['fs', 'feature-store'], ['t', 'training-job'], ['s', 'model-server']], [['fs', 't'], ['t', 's', 'model']]);
    const yours = diagram([['fs', 'feature-store'], ['t', 'training-job'], ['s', 'model-server']], [['t', 's', 'model']]);
    const c = compareDiagrams(yours, ref);
    expect(missingLinks(yours, ref, c)).toEqual([{ from: 'feature-store', to: 'training-job', source: 'fs', target: 't', kind: 'data' }]);
    const joined = { ...yours, edges: [...yours.edges, { id: 'new', source: 'fs', target: 't', kind: 'data' as const }] };
    expect(compareDiagrams(joined, ref).score.connectionsCovered).toBe(2);
    expect(runChecks(joined).findings.filter((f) => f.rule === 'edge-kind-mismatch')).toEqual([]);
  });
});
