import { describe, expect, it } from 'vitest';
import { KIND_IDS } from '../../../src/domain/catalogue';
import { COMPONENT_CARDS } from '../../../src/domain/content/componentCards';
import { KIND_NOUNS, practicePrompt, practicePrompts } from '../../../src/domain/content/practice';

describe('practicePrompts', () => {
  it('turns a feature store into the outage question', () => {
    expect(practicePrompts(['feature-store'])).toEqual([
      'Your design has a feature store: what happens when the online store is down?',
    ]);
  });

  it('returns nothing for an empty design', () => {
    expect(practicePrompts([])).toEqual([]);
  });

  it('asks once per kind, in stage order, whatever the placement order', () => {
    const prompts = practicePrompts(['drift-detection', 'note', 'feature-store', 'model-server', 'feature-store', 'requirements']);
    expect(prompts).toHaveLength(5);
    expect(prompts.map((p) => p.slice(0, p.indexOf(':')))).toEqual([
      'Your design has a requirements card', // stage 1
      'Your design has a feature store', // data
      'Your design has a model server', // serving
      'Your design has drift detection', // monitoring
      'Your design has a note', // no stage: last
    ]);
  });

  it('keeps catalogue order within a stage', () => {
    const prompts = practicePrompts(['feature-store', 'event-log']);
    expect(prompts[0]).toMatch(/^Your design has an event log:/);
    expect(prompts[1]).toMatch(/^Your design has a feature store:/);
  });

  it('picks the follow-up of the given round', () => {
    expect(practicePrompts(['feature-store'], 1)).toEqual([
      `Your design has a feature store: ${lower(COMPONENT_CARDS['feature-store'].followUps[1])}`,
    ]);
  });

  it('ignores values that are not kinds (e.g. from an untrusted file)', () => {
    const junk = ['constructor', 'toString', 'feature-stor'] as unknown as Parameters<typeof practicePrompts>[0];
    expect(practicePrompts(junk)).toEqual([]);
  });

  it('builds a well-formed question for every kind', () => {
    expect(Object.keys(KIND_NOUNS).sort()).toEqual([...KIND_IDS].sort());
    const prompts = practicePrompts([...KIND_IDS]);
    expect(prompts).toHaveLength(KIND_IDS.length);
    for (const p of prompts) expect(p).toMatch(/^Your design has [a-zA-Z][^:]*: [a-z][^?]*\?$/);
  });

  it('matches practicePrompt for a single kind', () => {
    expect(practicePrompt('vector-db')).toBe(practicePrompts(['vector-db'])[0]);
  });
});

function lower(q: string): string {
  return q[0].toLowerCase() + q.slice(1);
}
