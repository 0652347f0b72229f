import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isKindId } from '../../../src/domain/catalogue';
import { PROBLEM_IDS, PROBLEM_LABELS } from '../../../src/domain/diagram';
import { describeGroup, missingGroups, PROFILES, problemProfile } from '../../../src/domain/profiles';

describe('problem profiles', () => {
  it('cover every problem id, in order, with its label and known kinds', () => {
    expect(PROFILES.map((p) => p.id)).toEqual([...PROBLEM_IDS]);
    for (const p of PROFILES) {
      expect(p.label).toBe(PROBLEM_LABELS[p.id]);
      for (const group of p.needs) {
        expect(group.length).toBeGreaterThan(0);
        for (const k of group) expect(isKindId(k)).toBe(true);
      }
    }
    expect(problemProfile('generic').needs).toEqual([]);
  });

  it('match domain.md section 5 (revision 2)', () => {
    expect(problemProfile('rag').needs).toEqual([['embedding-model'], ['vector-db', 'search-index'], ['llm-server'], ['guardrails']]);
    expect(problemProfile('search-ranking').needs).toEqual([['candidate-generation', 'search-index'], ['ranking']]);
    expect(problemProfile('fraud').needs).toEqual([['stream-processor', 'feature-store'], ['rules-engine', 'human-review']]);
    expect(problemProfile('eta').needs).toEqual([['stream-processor'], ['feature-store', 'cache']]);
    expect(problemProfile('content-moderation').needs).toEqual([['human-review'], ['labeling', 'human-review']]);
  });

  it('agree with the table of ../shared/domain.md section 5 when it is present', () => {
    const path = resolve(import.meta.dirname, '../../../../shared/domain.md');
    if (!existsSync(path)) return;
    const md = readFileSync(path, 'utf8');
    const section = md.slice(md.indexOf('## 5.'), md.indexOf('## 6.'));
    const rows = [...section.matchAll(/^\| `([a-z-]+)` \| ([^|]+) \|/gm)];
    expect(rows.length).toBe(PROBLEM_IDS.length);
    for (const [, id, needs] of rows) {
      const groups = needs.trim() === 'nothing beyond the rules above' ? [] : needs.split(';').map((g) => [...g.matchAll(/`([a-z-]+)`/g)].map((m) => m[1]));
      expect(problemProfile(id as never).needs, id).toEqual(groups);
    }
  });

  it('report the groups no present kind satisfies', () => {
    const p = problemProfile('video-search');
    expect(missingGroups(p, new Set(['search-index']))).toEqual([['embedding-model']]);
    expect(missingGroups(p, new Set(['embedding-model', 'vector-db']))).toEqual([]);
    expect(describeGroup(['vector-db', 'search-index'])).toBe('Vector DB / ANN index or Search index');
  });
});
