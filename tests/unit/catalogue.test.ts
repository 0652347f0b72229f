import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CATALOGUE, KIND_IDS, kindInfo, kindMatches } from '../../src/domain/catalogue';
import { KIND_ICONS } from '../../src/domain/kindIcons';
import { STAGES, STAGE_IDS } from '../../src/domain/stages';

// domain.md section 2, as written there: kind id -> stage (null for none / chosen by the user).
const EXPECTED: Record<string, string | null> = {
  requirements: 'requirements', 'ml-objective': 'framing', 'client-app': null, 'event-log': 'data', database: 'data',
  'object-storage': 'data', 'external-data': 'data', 'message-queue': 'data', 'stream-processor': 'data',
  'batch-etl': 'data', 'data-warehouse': 'data', 'data-validation': 'data', labeling: 'data', 'feature-pipeline': 'data',
  'feature-store': 'data', 'training-job': 'model', 'embedding-model': 'model', 'hyperparameter-tuning': 'model',
  'experiment-tracking': 'model', orchestrator: 'model', 'offline-eval': 'evaluation', 'ab-test': 'evaluation',
  'model-registry': 'serving', 'model-server': 'serving', 'batch-inference': 'serving', 'prediction-api': 'serving',
  'candidate-generation': 'serving', ranking: 'serving', 're-ranking': 'serving', 'vector-db': 'serving',
  'search-index': 'serving', cache: 'serving', 'rules-engine': 'serving', 'human-review': 'serving',
  'llm-server': 'serving', guardrails: 'serving', 'prediction-logging': 'monitoring', 'monitoring-dashboard': 'monitoring',
  'drift-detection': 'monitoring', note: null, group: null, custom: null,
};

describe('catalogue', () => {
  it('holds exactly the 42 kind ids of domain.md with their stages', () => {
    expect([...KIND_IDS].sort()).toEqual(Object.keys(EXPECTED).sort());
    for (const k of CATALOGUE) expect([k.id, k.stage]).toEqual([k.id, EXPECTED[k.id]]);
  });

  it('agrees with the table in ../shared/domain.md when it is present', () => {
    const path = resolve(import.meta.dirname, '../../../shared/domain.md');
    if (!existsSync(path)) return;
    const md = readFileSync(path, 'utf8');
    const section = md.slice(md.indexOf('## 2.'), md.indexOf('## 3.'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \| ([^|]+) \|/gm)];
    expect(rows.length).toBe(42);
    for (const [, id, label, stage] of rows) {
      const info = kindInfo(id as never);
      expect(info, id).toBeDefined();
      expect(info.label).toBe(label.trim());
      const s = stage.trim();
      expect(info.stage).toBe((STAGE_IDS as readonly string[]).includes(s) ? s : null);
    }
  });

  it('groups kinds without a stage under Other and gives every kind an icon', () => {
    for (const k of CATALOGUE) {
      expect(k.group).toBe(k.stage ?? 'other');
      expect(KIND_ICONS[k.id]).toMatch(/^[a-z0-9-]+$/);
    }
  });

  it('finds kinds by label, id and tool name', () => {
    const find = (q: string) => CATALOGUE.filter((k) => kindMatches(k, q)).map((k) => k.id);
    expect(find('triton')).toEqual(['model-server']);
    expect(find('feast')).toEqual(['feature-store']);
    expect(find('vector')).toContain('vector-db');
    expect(find('re-ranking')).toEqual(['re-ranking']);
    expect(find('')).toHaveLength(42);
  });

  it('has seven stages with distinct colours and 45 minutes in all', () => {
    expect(STAGES.map((s) => s.id)).toEqual([...STAGE_IDS]);
    expect(new Set(STAGES.map((s) => s.color)).size).toBe(7);
    expect(STAGES.reduce((a, s) => a + s.minutes, 0)).toBe(45);
  });
});
