import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/domain/checker/types';
import { CONTENT_LIMITS, ruleCardLength, ruleCardProblems } from '../../../src/domain/content/limits';
import { RULE_CARDS, ruleCard } from '../../../src/domain/content/ruleCards';

const L = CONTENT_LIMITS.rule;

describe('rule cards', () => {
  it('has exactly one card per rule id, keyed by its rule', () => {
    expect(RULE_IDS).toHaveLength(15);
    expect(Object.keys(RULE_CARDS).sort()).toEqual([...RULE_IDS].sort());
    for (const rule of RULE_IDS) {
      expect(RULE_CARDS[rule].rule).toBe(rule);
      expect(ruleCard(rule)).toBe(RULE_CARDS[rule]);
    }
  });

  describe.each(RULE_IDS)('%s', (rule) => {
    const card = RULE_CARDS[rule];

    it('fills every field', () => {
      for (const text of [card.title, card.failure, card.example, card.strongAnswer, ...card.study]) {
        expect(text.trim()).not.toBe('');
      }
      expect(card.study.length).toBeGreaterThanOrEqual(L.studyMin);
      expect(card.study.length).toBeLessThanOrEqual(L.studyMax);
    });

    it('stays within every length limit', () => {
      expect(card.title.length).toBeLessThanOrEqual(L.title);
      expect(card.failure.length).toBeLessThanOrEqual(L.failure);
      expect(card.example.length).toBeLessThanOrEqual(L.example);
      expect(card.strongAnswer.length).toBeLessThanOrEqual(L.strongAnswer);
      for (const s of card.study) expect(s.length).toBeLessThanOrEqual(L.studyItem);
      expect(ruleCardLength(card)).toBeLessThanOrEqual(L.total);
      expect(ruleCardProblems(card)).toEqual([]);
    });
  });

  it('points to the study topics the brief calls out', () => {
    const studied = (rule: keyof typeof RULE_CARDS) => RULE_CARDS[rule].study.join(' | ');
    expect(studied('training-serving-skew')).toMatch(/point-in-time/i);
    expect(studied('feedback-loop-risk')).toMatch(/epsilon-greedy/i);
    expect(studied('feedback-loop-risk')).toMatch(/bandit/i);
    expect(studied('no-online-eval')).toMatch(/shadow/i);
    expect(studied('no-online-eval')).toMatch(/champion\/challenger/i);
    expect(studied('no-retraining-loop')).toMatch(/delayed labels/i);
    expect(studied('no-retraining-loop')).toMatch(/PSI.*Kolmogorov-Smirnov/);
    expect(studied('no-eval-gate')).toMatch(/negative downsampling/);
  });
});
