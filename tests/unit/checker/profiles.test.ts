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

  it('match domain.md section 5', () => {
    expect(problemProfile('rag').needs).toEqual([['embedding-model'], ['vector-db'], ['llm-server'], ['guardrails']]);
    expect(problemProfile('search-ranking').needs).toEqual([['candidate-generation', 'search-index'], ['ranking']]);
    expect(problemProfile('fraud').needs).toEqual([['stream-processor'], ['rules-engine', 'human-review']]);
  });

  it('report the groups no present kind satisfies', () => {
    const p = problemProfile('video-search');
    expect(missingGroups(p, new Set(['search-index']))).toEqual([['embedding-model']]);
    expect(missingGroups(p, new Set(['embedding-model', 'vector-db']))).toEqual([]);
    expect(describeGroup(['vector-db', 'search-index'])).toBe('Vector DB / ANN index or Search index');
  });
});
