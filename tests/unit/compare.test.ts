import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { KIND_IDS, type KindId } from '../../src/domain/catalogue';
import { compareDiagrams, EXTRA_COST, findingStage, FREE_EXTRAS, kindConnections, kindsByStage } from '../../src/domain/compare';
import { comparisonToMarkdown, utf8Base64 } from '../../src/domain/compareMarkdown';
import { toSvg } from '../../src/domain/export/svg';
import type { Finding } from '../../src/domain/checker/types';
import type { Diagram } from '../../src/domain/diagram';
import { parseDiagramText } from '../../src/domain/format/parse';
import { complete, diagram, extend, type E, type N } from './checker/helpers';

const TEMPLATES = join(__dirname, '..', '..', 'templates');
const template = (id: string): Diagram => {
  const r = parseDiagramText(readFileSync(join(TEMPLATES, `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
};
const stage = (c: ReturnType<typeof compareDiagrams>, id: string) => c.stages.find((s) => s.stage === id)!;

/** Every kind of the catalogue, once each, unconnected: the "drop everything on the canvas" design. */
function everything(chained: boolean): Diagram {
  const nodes: N[] = KIND_IDS.map((k, i) => [`k${i}`, k as KindId]);
  const edges: E[] = chained ? nodes.slice(1).map((n, i) => [nodes[i][0], n[0]] as E) : [];
  return diagram(nodes, edges);
}

describe('compareDiagrams', () => {
  it('scores a design identical to the reference 100, every stage matching', () => {
    const c = compareDiagrams(complete(), complete());
    expect(c.score).toMatchObject({ total: 100, covered: 14, referenceCount: 14, extraCount: 0, errors: 0, warnings: 0, grade: 'Strong' });
    for (const s of c.stages) {
      expect(s.missing).toEqual([]);
      expect(s.extra).toEqual([]);
    }
    // The complete design has nothing in evaluation but offline-eval, and it matches.
    expect(stage(c, 'evaluation')).toMatchObject({ status: 'match', verdict: 'Matches the reference.' });
  });

  it('scores an empty design 0, every stage "Not covered"', () => {
    const c = compareDiagrams(diagram([]), complete());
    expect(c.score.total).toBe(0);
    expect(c.score.covered).toBe(0);
    expect(stage(c, 'data').status).toBe('missing');
    expect(stage(c, 'data').verdict).toBe('Not covered: the reference uses Event log (clicks, views), Database (OLTP), Batch ETL and 3 more.');
    expect(stage(c, 'data').missing).toEqual(['event-log', 'database', 'batch-etl', 'data-warehouse', 'feature-pipeline', 'feature-store']);
  });

  it('lists per stage what is missing and what is extra, with known coverage and costs', () => {
    // Half of the complete design, wired end to end, plus a cache the reference does without.
    const yours = diagram(
      [
        ['req', 'requirements', { goal: 'churn scores', qps: 50 }],
        ['obj', 'ml-objective', { task: 'classification', label: 'churned within 30 days', offlineMetric: 'PR-AUC', loss: 'log loss' }],
        ['db', 'database'],
        ['etl', 'batch-etl'],
        ['train', 'training-job'],
        ['batch', 'batch-inference'],
        ['cache', 'cache'],
      ],
      [
        ['db', 'etl'],
        ['etl', 'train'],
        ['train', 'batch', 'model'],
        ['batch', 'cache'],
      ],
    );
    const c = compareDiagrams(yours, complete());
    expect(stage(c, 'data')).toMatchObject({
      matched: ['database', 'batch-etl'],
      missing: ['event-log', 'data-warehouse', 'feature-pipeline', 'feature-store'],
      extra: [],
      status: 'partial',
      verdict: '2 of 6 covered; missing Event log (clicks, views), Data warehouse / lake, Feature engineering and 1 more.',
    });
    expect(stage(c, 'serving')).toMatchObject({ matched: ['batch-inference'], missing: ['model-registry'], extra: ['cache'] });
    expect(stage(c, 'monitoring')).toMatchObject({ status: 'missing', missing: ['prediction-logging', 'drift-detection'] });
    expect(stage(c, 'requirements').status).toBe('match');

    // 6 of 14 reference kinds. Of the reference's 13 connections only database -> batch ETL is joined
    // (yours trains straight from the ETL and serves without a registry). One extra is free. The checker
    // finds three warnings that cost points: no-model-registry, no-eval-gate and no-retraining-loop
    // (missing stages are not counted twice).
    const rules = c.yourCheck.findings.map((f) => f.rule).sort();
    expect(rules).toEqual(['missing-stage', 'missing-stage', 'no-eval-gate', 'no-model-registry', 'no-retraining-loop']);
    expect(c.score).toMatchObject({
      covered: 6,
      referenceCount: 14,
      connectionsCovered: 1,
      connectionCount: 13,
      coverage: 32, // 70 x 6/14 + 30 x 1/13
      extraCount: 1,
      extraCost: 0,
      errors: 0,
      warnings: 3,
      findingsCost: 3,
      total: 29,
      grade: 'Early',
    });
    expect(c.missingConnections).toContainEqual(['feature-store', 'training-job']);
    expect(c.missingConnections).not.toContainEqual(['database', 'batch-etl']);
  });

  it('puts each finding in the stage it is about', () => {
    const yours = diagram([['train', 'training-job'], ['srv', 'model-server']], [['train', 'srv', 'model']]);
    const c = compareDiagrams(yours, complete());
    const rules = (id: string) => stage(c, id).yourFindings.map((f) => f.rule);
    expect(rules('evaluation')).toEqual(['missing-stage', 'no-eval-gate']);
    expect(rules('serving')).toEqual(['no-model-registry']);
    expect(rules('data')).toEqual(['missing-stage', 'no-label-source']);
    expect(rules('model')).toEqual([]);
    // The reference is clean, stage by stage.
    expect(c.stages.every((s) => s.referenceFindings.length === 0)).toBe(true);
    // A design-wide finding without nodes falls back to the rule's stage.
    const noPath: Finding = { rule: 'no-serving-path', severity: 'error', nodeIds: [], message: '', hint: '' };
    expect(findingStage(noPath, yours)).toBe('serving');
  });

  it('counts a reference connection joined through one extra step, not through two', () => {
    const ref = diagram([['fs', 'feature-store'], ['train', 'training-job']], [['fs', 'train']]);
    const via = (middle: N[], edges: E[]) => compareDiagrams(diagram([['fs', 'feature-store'], ['train', 'training-job'], ...middle], edges), ref).score.connectionsCovered;
    expect(kindConnections(ref)).toEqual([['feature-store', 'training-job']]);
    expect(via([], [['fs', 'train']])).toBe(1);
    expect(via([['v', 'data-validation']], [['fs', 'v'], ['v', 'train']])).toBe(1);
    expect(via([['v', 'data-validation'], ['c', 'cache']], [['fs', 'v'], ['v', 'c'], ['c', 'train']])).toBe(0);
    expect(via([], [['train', 'fs']])).toBe(0); // the wrong way round
  });

  it('charges extras only beyond the free allowance', () => {
    const extras: N[] = [['a', 'cache'], ['b', 'search-index'], ['c', 'guardrails'], ['d', 'llm-server'], ['e', 'rules-engine']];
    const base = complete();
    const withExtras = (n: number) => compareDiagrams(extend(base, extras.slice(0, n)), base).score;
    expect(withExtras(FREE_EXTRAS).extraCost).toBe(0);
    expect(withExtras(FREE_EXTRAS + 1).extraCost).toBe(EXTRA_COST);
    expect(withExtras(FREE_EXTRAS + 2).extraCost).toBe(2 * EXTRA_COST);
  });

  it('does not reward dropping all 42 kinds on the canvas, loose or chained', () => {
    const files = readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'));
    expect(files.length).toBe(14);
    for (const file of files) {
      const ref = template(file.replace('.json', ''));
      for (const chained of [false, true]) {
        const s = compareDiagrams(everything(chained), ref).score;
        // It covers every reference kind but the two cards (empty cards earn nothing), yet scores below
        // a half-finished honest design.
        expect(s.covered, file).toBe(s.referenceCount - 2);
        expect(s.total, `${file} chained=${chained}`).toBeLessThan(45);
        if (!chained) expect(s.total, file).toBeLessThan(15);
        expect(s.grade === 'Early' || s.grade === 'Partial').toBe(true);
      }
    }
    // For scale: the fraud template against itself minus its monitoring stage still beats the dump.
    const fraud = template('fraud-detection');
    const monitoring = new Set(['prediction-logging', 'monitoring-dashboard', 'drift-detection']);
    const trimmed: Diagram = {
      ...fraud,
      nodes: fraud.nodes.filter((n) => !monitoring.has(n.kind)),
      edges: fraud.edges.filter((e) => fraud.nodes.some((n) => n.id === e.source && !monitoring.has(n.kind)) && fraud.nodes.some((n) => n.id === e.target && !monitoring.has(n.kind))),
    };
    const honest = compareDiagrams(trimmed, fraud).score.total;
    expect(honest).toBeGreaterThan(compareDiagrams(everything(true), fraud).score.total + 30);
  });

  it('puts the requirements and ML objective cards side by side', () => {
    const yours = diagram([
      ['req', 'requirements', { goal: 'catch fraud', qps: 2000 }],
      ['obj', 'ml-objective', { task: 'classification', label: 'chargeback within 60 days' }],
    ]);
    const c = compareDiagrams(yours, template('fraud-detection'));
    const req = Object.fromEntries(c.requirements.map((f) => [f.key, f]));
    expect(req.goal.yours).toBe('catch fraud');
    expect(req.goal.reference).toBeTruthy();
    expect(req.qps.yours).toBe('2,000');
    expect(req.latencyBudgetMs).toMatchObject({ label: 'Latency budget' });
    expect(req.latencyBudgetMs.yours).toBeUndefined();
    expect(req.latencyBudgetMs.reference).toMatch(/^\d[\d,]* ms$/);
    expect(req.realtime.reference).toBe('yes');
    const obj = Object.fromEntries(c.objective.map((f) => [f.key, f]));
    expect(obj.label.yours).toBe('chargeback within 60 days');
    expect(obj.loss.yours).toBeUndefined();
    expect(obj.loss.reference).toBeTruthy();
    expect(c.objective.map((f) => f.label)).toEqual([
      'Task', 'Label', 'Label source', 'Label delay', 'Positive rate', 'Loss', 'Offline metric', 'Split', 'Calibrated', 'Online metric',
    ]);
  });

  it('gives an empty card nothing for its stage, and says what it lacks', () => {
    const empty = diagram([['req', 'requirements'], ['obj', 'ml-objective']]);
    const c = compareDiagrams(empty, complete());
    expect(stage(c, 'requirements')).toMatchObject({ status: 'missing', matched: [], missing: ['requirements'], cardGaps: ['goal', 'scale'] });
    expect(stage(c, 'framing').verdict).toBe('Your ML objective card does not cover this stage yet: it needs a task, a label and an offline metric.');
    expect(c.score.covered).toBe(0);
    const filled = diagram([
      ['req', 'requirements', { goal: 'g', qps: 5 }],
      ['obj', 'ml-objective', { task: 'classification', label: 'l', offlineMetric: 'PR-AUC' }],
    ]);
    expect(compareDiagrams(filled, complete()).score.covered).toBe(2);
  });

  it('credits a node for the role it plays: a rules engine acting as re-ranking matches re-ranking, and is no extra', () => {
    const ref = diagram([['rank', 'ranking'], ['rr', 're-ranking']], [['rank', 'rr', 'request']]);
    const yours = diagram([['rank', 'ranking'], ['rules', 'rules-engine', { actsAs: ['re-ranking'] }]], [['rank', 'rules', 'request']]);
    const c = compareDiagrams(yours, ref);
    expect(stage(c, 'serving')).toMatchObject({ matched: ['ranking', 're-ranking'], missing: [], extra: [] });
    expect(c.score.connectionsCovered).toBe(1);
    const custom = diagram([['rank', 'ranking'], ['x', 'custom', { actsAs: ['re-ranking'] }, 'Policy layer']], [['rank', 'x', 'request']]);
    expect(stage(compareDiagrams(custom, ref), 'serving').missing).toEqual([]);
  });

  it('does not tell a pretrained design to add a training job, an orchestrator or a registry', () => {
    const ref = template('rag-assistant');
    const yours: Diagram = { ...ref, nodes: ref.nodes.filter((n) => !['training-job', 'orchestrator', 'model-registry', 'hyperparameter-tuning', 'experiment-tracking'].includes(n.kind)) };
    yours.edges = ref.edges.filter((e) => yours.nodes.some((n) => n.id === e.source) && yours.nodes.some((n) => n.id === e.target));
    yours.nodes = yours.nodes.map((n) => (n.kind === 'embedding-model' ? { ...n, props: { ...n.props, pretrained: true } } : n));
    const c = compareDiagrams(yours, ref);
    const missing = c.stages.flatMap((s) => s.missing);
    for (const k of ['training-job', 'orchestrator', 'model-registry'] as const) expect(missing).not.toContain(k);
    expect(c.missingConnections.flat()).not.toContain('training-job');
    // A design that does train is still asked for them.
    const trains = compareDiagrams(diagram([['t', 'training-job']]), ref);
    expect(trains.stages.flatMap((s) => s.missing)).toEqual(expect.arrayContaining(ref.nodes.some((n) => n.kind === 'model-registry') ? ['model-registry'] : []));
  });

  it("lists the reference's custom components without scoring them", () => {
    const eta = template('eta-prediction');
    const c = compareDiagrams(diagram([]), eta);
    expect(stage(c, 'serving').referenceCustom).toEqual(['Routing engine']);
    expect(c.stages.flatMap((s) => s.referenceKinds)).not.toContain('custom');
    expect(kindsByStage(eta).serving).not.toContain('custom');
  });
});

describe('comparisonToMarkdown', () => {
  it('writes interview notes: score, stage table, cards, findings and questions, with user text escaped', () => {
    const yours = diagram([['req', 'requirements', { goal: 'a | b *bold*' }], ['db', 'database']], [], { title: 'My | design' });
    const md = comparisonToMarkdown(compareDiagrams(yours, complete()), {
      questions: ['Your design has a database: how fresh must it be?'],
      time: { total: '12:00', steps: [{ stage: '1. Clarify requirements', used: '6:00', suggested: 5, over: true }] },
    });
    expect(md).toContain('# My &#124; design compared with the reference');
    expect(md).toMatch(/\*\*Score: \d+\/100 \(Early\)\.\*\* Covers 1 of 14 reference components and 0 of 13 of its connections/);
    expect(md).toContain('| 1. Clarify requirements | Your Requirements card does not cover this stage yet: it needs a scale or QPS. |');
    expect(md).toContain('- Feature store → Training job');
    expect(md).toContain('| 3. Data preparation | 1 of 6 covered; missing');
    expect(md).toContain('| Business goal | a &#124; b &#42;bold&#42; | weekly churn scores for the CRM |');
    expect(md).toContain('| Peak QPS | - | - |');
    expect(md).toContain('| 1. Clarify requirements | 6:00 (over) | 5 min |');
    expect(md).toContain('### Reference\n\n- No errors or warnings.');
    expect(md).toContain('- **error** `missing-stage`:');
    expect(md).toContain('## Questions to prepare\n\n- Your design has a database: how fresh must it be?');
    // Every table row has the same number of cells as its header.
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.split('|').length;
      expect([5, 6, 7]).toContain(cells);
    }
  });

  it('embeds a picture of each design, the SVG export of each, as a data: URI', () => {
    const yours = diagram([['db', 'database', {}, 'Orders [EU] “ü”']], [], { title: 'Mine [draft]' });
    const ref = complete();
    const pictures = { yours: toSvg(yours).svg, reference: toSvg(ref).svg };
    const md = comparisonToMarkdown(compareDiagrams(yours, ref), { pictures });
    const images = [...md.matchAll(/^!\[(.*)\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)$/gm)];
    expect(images.map((m) => m[1])).toEqual(['Mine &#91;draft&#93;', 'Reference: test']);
    const decoded = images.map((m) => new TextDecoder().decode(Uint8Array.from(atob(m[2]), (ch) => ch.charCodeAt(0))));
    expect(decoded).toEqual([pictures.yours, pictures.reference]);
    expect(decoded[0]).toContain('Orders [EU] “ü”');
    expect(md.indexOf('## The two designs')).toBeLessThan(md.indexOf('## By stage'));
    expect(comparisonToMarkdown(compareDiagrams(yours, ref))).not.toContain('data:image');
    expect(utf8Base64('')).toBe('');
    expect(utf8Base64('ab')).toBe(btoa('ab'));
    expect(utf8Base64('abcd')).toBe(btoa('abcd'));
  });
});
