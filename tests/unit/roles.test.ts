import { describe, expect, it } from 'vitest';
import type { KindId } from '../../src/domain/catalogue';
import { proposeEdgeKind } from '../../src/domain/roles';

const n = (kind: KindId, props = {}) => ({ kind, props });

describe('proposeEdgeKind (domain.md section 3)', () => {
  it.each([
    ['client-app', 'prediction-api', 'request'],
    ['ranking', 're-ranking', 'request'],
    ['training-job', 'model-registry', 'model'],
    ['offline-eval', 'model-registry', 'model'],
    ['training-job', 'model-server', 'model'],
    ['orchestrator', 'training-job', 'control'],
    ['drift-detection', 'training-job', 'feedback'],
    ['prediction-logging', 'data-warehouse', 'feedback'],
    ['message-queue', 'stream-processor', 'stream'],
    ['stream-processor', 'feature-store', 'stream'],
    ['feature-store', 'model-server', 'data'],
    ['data-warehouse', 'training-job', 'data'],
    ['drift-detection', 'monitoring-dashboard', 'data'],
  ] as [KindId, KindId, string][])('%s -> %s is %s', (s, t, kind) => {
    expect(proposeEdgeKind(n(s), n(t))).toBe(kind);
  });

  it('treats a pretrained embedding model as inference, not a trainer', () => {
    expect(proposeEdgeKind(n('embedding-model', { pretrained: true }), n('llm-server'))).toBe('request');
    expect(proposeEdgeKind(n('embedding-model'), n('model-registry'))).toBe('model');
    expect(proposeEdgeKind(n('embedding-model', { pretrained: true }), n('model-registry'))).toBe('data');
  });
});
