import { describe, expect, it } from 'vitest';
import { recognise } from '../../../src/domain/import/recognise';

describe('recognise: a box’s text read as a component through the catalogue', () => {
  it.each([
    ['Feature store (Feast)', 'feature-store', 'Feature store', 'Feast'],
    ['Kafka', 'message-queue', undefined, 'Kafka'],
    ['Redis', 'cache', undefined, 'Redis'],
    ['Redis cache', 'cache', 'Redis cache', 'Redis'],
    ['Triton', 'model-server', undefined, 'Triton'],
    ['Model server\n(Triton)', 'model-server', 'Model server', 'Triton'],
    ['Feature store\nFeast (Redis online)', 'feature-store', 'Feature store', 'Feast (Redis online)'],
    ['Clickstream events', 'event-log', 'Clickstream events', undefined],
    ['Kafka topic', 'event-log', 'Kafka topic', undefined],
    ['Stream processor', 'stream-processor', 'Stream processor', undefined],
    ['Streaming aggregates', 'stream-processor', 'Streaming aggregates', undefined],
    ['Re-ranking', 're-ranking', 'Re-ranking', undefined],
    ['Ranking model', 'ranking', 'Ranking model', undefined],
    ['Vector DB', 'vector-db', 'Vector DB', undefined],
    ['A/B tests', 'ab-test', 'A/B tests', undefined],
    ['Drift detection', 'drift-detection', 'Drift detection', undefined],
    ['Grafana dashboards', 'monitoring-dashboard', 'Grafana dashboards', 'Grafana'],
    ['MLflow Model Registry', 'model-registry', 'MLflow Model Registry', undefined],
    ['BigQuery', 'data-warehouse', undefined, 'BigQuery'],
    ['S3 bucket', 'object-storage', 'S3 bucket', 'S3'],
    ['Mobile app', 'client-app', 'Mobile app', undefined],
    ['feature-store', 'feature-store', 'feature-store', undefined],
    ['Analyst review queue', 'human-review', 'Analyst review queue', undefined],
    ['Quantum thing', 'custom', 'Quantum thing', undefined],
    ['Routing engine\nOSRM', 'custom', 'Routing engine', 'OSRM'],
  ])('“%s” is a %s', (text, kind, label, tool) => {
    const r = recognise(text);
    expect(r.kind).toBe(kind);
    expect(r.label).toBe(label);
    expect(r.tool).toBe(tool);
  });

  it('reads whole words only, in any case and with accents folded', () => {
    expect(recognise('Apparatus').kind).toBe('custom'); // not "app"
    expect(recognise('CACHÉ').kind).toBe('cache');
    expect(recognise('   ').kind).toBe('custom');
  });

  it('keeps a parenthesis that names no product in the label', () => {
    expect(recognise('Data lake (90 days of events)')).toMatchObject({ kind: 'data-warehouse', label: 'Data lake (90 days of events)' });
  });
});
