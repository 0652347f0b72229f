import { describe, expect, it } from 'vitest';
import { KIND_TOOLS } from '../../../src/domain/kindTools';
import { COMPONENT_CARDS, type ComponentCard } from '../../../src/domain/content/componentCards';
import {
  CONTENT_LIMITS,
  componentCardProblems,
  normalizeToolName,
  ruleCardProblems,
  stageCardProblems,
  toolCovers,
} from '../../../src/domain/content/limits';
import { RULE_CARDS } from '../../../src/domain/content/ruleCards';
import { STAGE_CARDS } from '../../../src/domain/content/stageCards';

// The card tests rely on these validators: prove that each one catches what it should.

const fs = COMPONENT_CARDS['feature-store'];
const fsTools = KIND_TOOLS['feature-store'];
const clone = (c: ComponentCard): ComponentCard => structuredClone(c);
const problemsOf = (mutate: (c: ComponentCard) => void) => {
  const c = clone(fs);
  mutate(c);
  return componentCardProblems(c, fsTools).join('\n');
};

describe('componentCardProblems', () => {
  it('accepts a real card', () => {
    expect(componentCardProblems(fs, fsTools)).toEqual([]);
  });

  it('flags an over-long or empty field', () => {
    expect(problemsOf((c) => (c.what = 'x'.repeat(CONTENT_LIMITS.component.what + 1)))).toMatch(/^what: \d+ characters/m);
    expect(problemsOf((c) => (c.whenNot = '  '))).toMatch(/^whenNot: empty/m);
    expect(problemsOf((c) => (c.tradeoffs[0] = 'y'.repeat(CONTENT_LIMITS.component.tradeoff + 1)))).toMatch(/^tradeoffs\[0\]/m);
    expect(problemsOf((c) => (c.tools[0].when = ''))).toMatch(/^tools\[0\]\.when: empty/m);
  });

  it('flags the wrong number of trade-offs or follow-ups', () => {
    expect(problemsOf((c) => (c.tradeoffs = c.tradeoffs.slice(0, 1)))).toMatch(/^tradeoffs: 1 items/m);
    expect(problemsOf((c) => (c.followUps = ['A?', 'B?', 'C?', 'D?']))).toMatch(/^followUps: 4 items/m);
  });

  it('flags a follow-up that is not a question', () => {
    expect(problemsOf((c) => (c.followUps[0] = 'Explain the online store.'))).toMatch(/not a question/);
  });

  it('flags a missing catalogue tool', () => {
    expect(problemsOf((c) => (c.tools = c.tools.filter((t) => t.name !== 'Tecton')))).toMatch(/"Tecton" missing/);
  });

  it('flags a card whose prose is too long even when each field fits', () => {
    const long = (n: number) => 'z'.repeat(n);
    const out = problemsOf((c) => {
      c.what = long(160);
      c.whenToUse = long(200);
      c.whenNot = long(200);
      c.tradeoffs = [long(180), long(179)];
    });
    expect(out).toMatch(/^card prose: \d+ characters, limit 900/m);
    expect(out).not.toMatch(/^what:/m);
  });
});

describe('ruleCardProblems and stageCardProblems', () => {
  it('accept real cards and flag broken ones', () => {
    const r = structuredClone(RULE_CARDS['stale-index']);
    expect(ruleCardProblems(r)).toEqual([]);
    r.study = ['one'];
    r.example = 'e'.repeat(CONTENT_LIMITS.rule.example + 1);
    const rp = ruleCardProblems(r);
    expect(rp).toHaveLength(2);
    expect(rp[0]).toMatch(/^example: \d+ characters/);
    expect(rp[1]).toMatch(/^study: 1 items, expected 3-6/);

    const s = structuredClone(STAGE_CARDS.serving);
    expect(stageCardProblems(s)).toEqual([]);
    s.questions = s.questions.slice(0, 3);
    s.minutes = 0;
    const sp = stageCardProblems(s);
    expect(sp).toHaveLength(2);
    expect(sp[0]).toMatch(/^questions: 3 items/);
    expect(sp[1]).toMatch(/^minutes: 0/);
  });
});

describe('tool matching', () => {
  it('ignores case and parenthetical qualifiers, and matches by prefix', () => {
    expect(normalizeToolName('NannyML (KS test, PSI)')).toBe('nannyml');
    expect(toolCovers('NannyML', 'NannyML (KS test, PSI)')).toBe(true);
    expect(toolCovers('Redis (online)', 'Redis (online)')).toBe(true);
    expect(toolCovers('kafka topic', 'Kafka topic')).toBe(true);
    expect(toolCovers('Spark Structured Streaming', 'Spark')).toBe(true);
  });

  it('does not match a shorter or different name', () => {
    expect(toolCovers('Kafka', 'Kafka topic')).toBe(false);
    expect(toolCovers('Nanny', 'NannyML (KS test, PSI)')).toBe(false);
    expect(toolCovers('Anything', '(qualifier only)')).toBe(false);
  });
});
