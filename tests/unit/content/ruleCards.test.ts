import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/domain/checker/types';
import { CONTENT_LIMITS, ruleCardLength, ruleCardProblems } from '../../../src/domain/content/limits';
import { RULE_CARDS, ruleCard } from '../../../src/domain/content/ruleCards';

const L = CONTENT_LIMITS.rule;

describe('rule cards', () => {
  it('has exactly one card per rule id, keyed by its rule', () => {
    expect(RULE_IDS).toHaveLength(27);
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

  it('has a card for each rule new in domain.md revision 2, about what that rule checks', () => {
    const text = (rule: keyof typeof RULE_CARDS) => {
      const c = RULE_CARDS[rule];
      return [c.title, c.failure, c.example, c.strongAnswer, ...c.study].join(' | ');
    };
    expect(text('requirements-incomplete')).toMatch(/latency budget/i);
    expect(text('requirements-incomplete')).toMatch(/QPS/);
    expect(text('objective-incomplete')).toMatch(/label/);
    expect(text('objective-incomplete')).toMatch(/offline metric/);
    expect(text('edge-kind-mismatch')).toMatch(/control/);
    expect(text('edge-kind-mismatch')).toMatch(/caller to callee/);
    expect(text('metric-mismatch')).toMatch(/PR-AUC/);
    expect(text('metric-mismatch')).toMatch(/NDCG/);
    expect(text('metric-mismatch')).toMatch(/accuracy/);
    expect(text('leaky-split')).toMatch(/out-of-time|backtest/i);
    expect(text('uncalibrated-scores')).toMatch(/Platt/);
    expect(text('uncalibrated-scores')).toMatch(/isotonic/);
    expect(text('uncalibrated-scores')).toMatch(/negative downsampling/);
    expect(text('label-delay')).toMatch(/matur/);
    expect(text('no-guardrail-metric')).toMatch(/guardrail/);
    expect(text('no-guardrail-metric')).toMatch(/primary metric/);
    expect(text('unguarded-automation')).toMatch(/review queue/);
    expect(text('no-fallback')).toMatch(/timeout/);
    expect(text('tool-misfit')).toMatch(/access pattern/);
    expect(text('tool-retired')).toMatch(/TorchServe was archived in August 2025/);
    expect(text('tool-retired')).toMatch(/TGI is in maintenance mode/);
    expect(text('tool-retired')).toMatch(/SGLang/);
  });
});
