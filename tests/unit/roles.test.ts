import { describe, expect, it } from 'vitest';
import type { KindId } from '../../src/domain/catalogue';
import type { NodeProps } from '../../src/domain/diagram';
import { actsAs, proposeEdgeKind } from '../../src/domain/roles';
import { coveredStages, edgeKindMismatch, isInference, isLabelSourceFor, isPretrainedModel, isTrainer, kindsOf } from '../../src/domain/roleRules';

const n = (kind: KindId, props: NodeProps = {}) => ({ kind, props });

describe('proposeEdgeKind (domain.md section 3, revision 2)', () => {
  it.each([
    ['client-app', 'prediction-api', 'request'],
    ['ranking', 're-ranking', 'request'],
    ['training-job', 'model-registry', 'model'],
    ['offline-eval', 'model-registry', 'model'],
    ['training-job', 'model-server', 'model'],
    ['model-registry', 'model-server', 'model'],
    ['model-registry', 'ab-test', 'model'],
    ['orchestrator', 'training-job', 'control'],
    ['drift-detection', 'training-job', 'control'],
    ['drift-detection', 'orchestrator', 'control'],
    ['monitoring-dashboard', 'orchestrator', 'control'],
    ['prediction-logging', 'data-warehouse', 'feedback'],
    ['message-queue', 'stream-processor', 'stream'],
    ['stream-processor', 'feature-store', 'stream'],
    ['client-app', 'event-log', 'stream'],
    ['feature-store', 'model-server', 'data'],
    ['data-warehouse', 'training-job', 'data'],
    ['drift-detection', 'monitoring-dashboard', 'data'],
  ] as [KindId, KindId, string][])('%s -> %s is %s', (s, t, kind) => {
    expect(proposeEdgeKind(n(s), n(t))).toBe(kind);
  });

  it('proposes a request into a lookup only from an inference node that is itself called', () => {
    expect(proposeEdgeKind(n('model-server'), n('feature-store'), true)).toBe('request');
    expect(proposeEdgeKind(n('ranking'), n('cache'), true)).toBe('request');
    // An offline embedder writing into an index is not on the request path.
    expect(proposeEdgeKind(n('embedding-model', { pretrained: true }), n('vector-db'), false)).toBe('data');
    expect(proposeEdgeKind(n('batch-inference'), n('vector-db'), false)).toBe('data');
  });

  it('treats a pretrained embedding model as inference, not a trainer', () => {
    expect(proposeEdgeKind(n('embedding-model', { pretrained: true }), n('llm-server'))).toBe('request');
    expect(proposeEdgeKind(n('embedding-model'), n('model-registry'))).toBe('model');
    expect(proposeEdgeKind(n('embedding-model', { pretrained: true }), n('model-registry'))).toBe('data');
  });

  it('uses the kinds a node acts as', () => {
    expect(proposeEdgeKind(n('rules-engine', { actsAs: ['re-ranking'] }), n('ranking'))).toBe('request');
    expect(proposeEdgeKind(n('custom', { actsAs: ['training-job'] }), n('model-server'))).toBe('model');
  });
});

describe('edgeKindMismatch', () => {
  it('asks for model, control or a turn, and nothing where the kind fits', () => {
    expect(edgeKindMismatch(n('model-registry'), n('model-server'), 'data')).toEqual({ expected: 'model', why: 'model' });
    expect(edgeKindMismatch(n('drift-detection'), n('training-job'), 'feedback')).toEqual({ expected: 'control', why: 'alert' });
    expect(edgeKindMismatch(n('prediction-api'), n('client-app'), 'request')).toEqual({ expected: 'reverse', why: 'request-into-client' });
    expect(edgeKindMismatch(n('model-registry'), n('model-server'), 'model')).toBeNull();
    expect(edgeKindMismatch(n('prediction-logging'), n('training-job'), 'feedback')).toBeNull();
  });

  it('never flags what the proposal itself would propose', () => {
    const kinds: KindId[] = ['client-app', 'event-log', 'training-job', 'offline-eval', 'model-registry', 'model-server', 'ranking', 'feature-store', 'drift-detection', 'orchestrator', 'prediction-logging', 'vector-db'];
    for (const s of kinds)
      for (const t of kinds)
        for (const called of [false, true]) {
          if (s === t) continue;
          expect(edgeKindMismatch(n(s), n(t), proposeEdgeKind(n(s), n(t), called), called), `${s} -> ${t}`).toBeNull();
        }
  });
});

describe('roles with actsAs', () => {
  it('plays its own kind and the kinds it acts as, dropping unknown ids, cards, notes and repeats', () => {
    const x = n('rules-engine', { actsAs: ['re-ranking', 're-ranking', 'note', 'requirements', 'nope' as KindId, 'rules-engine'] });
    expect(actsAs(x)).toEqual(['re-ranking']);
    expect(kindsOf(x)).toEqual(['rules-engine', 're-ranking']);
    expect(isInference(x)).toBe(true);
  });

  it('tells trainers from pretrained models', () => {
    expect(isTrainer(n('embedding-model'))).toBe(true);
    expect(isTrainer(n('embedding-model', { pretrained: true }))).toBe(false);
    expect(isPretrainedModel(n('embedding-model', { pretrained: true }))).toBe(true);
    expect(isPretrainedModel(n('llm-server'))).toBe(true);
    expect(isTrainer(n('llm-server', { actsAs: ['training-job'] }))).toBe(true);
  });

  it('chooses label sources by the objective label source, never a prediction log', () => {
    expect(isLabelSourceFor(n('event-log'), 'user-feedback')).toBe(true);
    expect(isLabelSourceFor(n('labeling'), 'user-feedback')).toBe(false);
    expect(isLabelSourceFor(n('human-review'), 'human-annotation')).toBe(true);
    expect(isLabelSourceFor(n('database'), 'outcome')).toBe(true);
    expect(isLabelSourceFor(n('database'), undefined)).toBe(true);
    for (const s of ['user-feedback', 'human-annotation', 'outcome', undefined] as const) expect(isLabelSourceFor(n('prediction-logging'), s)).toBe(false);
  });

  it('covers serving only by inference, model by a pretrained model, a custom node by its stage', () => {
    expect(coveredStages(n('model-registry'))).toEqual([]);
    expect(coveredStages(n('llm-server'))).toEqual(['model', 'serving']);
    expect(coveredStages(n('custom', { stage: 'evaluation' }))).toEqual(['evaluation']);
    expect(coveredStages(n('cache', { actsAs: ['ranking'] }))).toEqual(['serving']);
  });
});
