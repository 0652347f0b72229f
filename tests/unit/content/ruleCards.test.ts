import { describe, expect, it } from 'vitest';
import { RULE_IDS } from '../../../src/domain/checker/types';
import { CONTENT_LIMITS, ruleCardLength, ruleCardProblems } from '../../../src/domain/content/limits';
import { RULE_CARDS, ruleCard } from '../../../src/domain/content/ruleCards';

const L = CONTENT_LIMITS.rule;

describe('rule cards', () => {
  it('has exactly one card per rule id, keyed by its rule', () => {
    expect(RULE_IDS).toHaveLength(32);
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

  describe('agrees with the rules of revision 2 and corrects revision 1', () => {
    const text = (rule: keyof typeof RULE_CARDS) => {
      const c = RULE_CARDS[rule];
      return [c.title, c.failure, c.example, c.strongAnswer, ...c.study].join(' | ');
    };

    it('tells data drift from concept drift, and which test suits which feature type', () => {
      const t = text('no-retraining-loop');
      expect(t).toMatch(/\(concept drift\)/);
      expect(t).toMatch(/\(data drift\)/);
      expect(t).toMatch(/PSI and KS watch inputs \(data drift\)/);
      expect(t).toMatch(/concept drift[^|]*shows only in performance on fresh labels/);
      expect(t).toMatch(/Kolmogorov-Smirnov \(numeric\), chi-square \(categorical\)/);
    });

    it('accepts a scheduled retrain from an orchestrator as a retraining loop', () => {
      expect(RULE_CARDS['no-retraining-loop'].failure).toMatch(/no schedule/);
      expect(RULE_CARDS['no-retraining-loop'].strongAnswer).toMatch(/schedule[^.]*orchestrator/);
    });

    it('says a prediction log is no label until joined with outcomes, and which designs need no labels', () => {
      const t = text('no-label-source');
      expect(t).toMatch(/feeds the prediction log into training as its labels/);
      expect(t).toMatch(/The log holds what the model said, not what happened/);
      expect(t).toMatch(/Joined with outcomes, the same log is a label/);
      expect(t).toMatch(/moderators' decisions are labels/);
      expect(t).toMatch(/Self-supervised and pretrained-only designs need no labels/);
    });

    it('counts change-data-capture sinks and write-time upserts as writers of an index', () => {
      const t = text('stale-index');
      expect(t).toMatch(/change-data-capture sink/);
      expect(t).toMatch(/upserts at write time/);
    });

    it('counts filled cards, and a pretrained model as the model stage', () => {
      const t = text('missing-stage');
      expect(t).toMatch(/empty requirements or objective card/);
      expect(t).toMatch(/pretrained model, choosing and adapting it is the model stage/);
    });

    it('asks how a feedback loop explores, in fraud, moderation, ads and search as well as feeds', () => {
      const c = RULE_CARDS['feedback-loop-risk'];
      const t = text('feedback-loop-risk');
      expect(c.title).not.toMatch(/recommender/i);
      expect(t).toMatch(/Fraud, moderation, ads and search loop too/);
      expect(t).toMatch(/narrow/);
      expect(t).toMatch(/extreme content/);
      expect(c.strongAnswer).toMatch(/^Say how it explores/);
      expect(c.strongAnswer).toMatch(/diversity/);
      expect(c.strongAnswer).toMatch(/long-term metrics/);
      expect(c.strongAnswer).toMatch(/integrity guardrails/);
      expect(c.study.join(' | ')).toMatch(/Long-term and integrity guardrail metrics/);
    });

    it('names the catastrophic release of an unguarded fraud model and its guards', () => {
      const c = RULE_CARDS['unguarded-automation'];
      expect(c.example).toMatch(/declines all legitimate traffic/);
      expect(c.strongAnswer).toMatch(/decline-rate alert/);
      expect(c.strongAnswer).toMatch(/circuit breaker/);
      expect(c.strongAnswer).toMatch(/review queue/);
      expect(c.strongAnswer).toMatch(/fail-open or fail-closed/);
    });

    it('counts sequential calls as a sum and parallel ones as the slowest', () => {
      expect(RULE_CARDS['latency-over-budget'].failure).toMatch(/sequential calls sum, parallel ones cost the slowest/);
    });

    it('asks for the evaluation gate and the registry on the model path, not beside it', () => {
      expect(RULE_CARDS['no-eval-gate'].failure).toMatch(/side report/);
      expect(RULE_CARDS['no-eval-gate'].strongAnswer).toMatch(/on its way to serving/);
      expect(RULE_CARDS['no-model-registry'].strongAnswer).toMatch(/on the model path/);
    });

    it('accepts log-and-wait as a cure for training-serving skew', () => {
      expect(RULE_CARDS['training-serving-skew'].strongAnswer).toMatch(/log-and-wait/);
    });
  });
});
