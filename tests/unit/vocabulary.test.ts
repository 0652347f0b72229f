// The recognised terms of domain.md section 2, tested alone: whole words, word starts, the
// negation rule, longest match, and the readings of splits and label sources.
import { describe, expect, it } from 'vitest';
import { labelSourceIn, mentions, metricParts, recognise, splitIn, termsIn, VOCABULARY } from '../../src/domain/vocabulary';

const ids = (text: string, category?: Parameters<typeof recognise>[1]) => recognise(text, category).map((m) => m.term.id);
const read = (text: string) => recognise(text).map((m) => text.slice(m.start, m.end));

describe('recognise', () => {
  it('reads metrics in the words candidates write them, case-insensitive', () => {
    expect(ids('PR-AUC, recall@50, nDCG@10; MAE', ['offline-metric'])).toEqual(['pr-auc', 'recall-at-k', 'ndcg', 'mae']);
    expect(ids('average precision and AUPRC', ['offline-metric'])).toEqual(['pr-auc', 'pr-auc']);
    expect(ids('cross-entropy, NLL, pinball loss', ['offline-metric'])).toEqual(['log-loss', 'log-loss', 'quantile']);
    expect(ids('CTR; watch time; decline rate; 28-day retention', ['online-metric'])).toEqual(['ctr', 'watch-time', 'decline-rate', 'retention']);
  });

  it('matches whole words only, and word starts where the vocabulary says so', () => {
    expect(ids('accuracyish', ['offline-metric'])).toEqual([]);
    expect(ids('the model is well calibrated', ['calibration'])).toEqual(['calibration']);
    expect(read('recalibrated with Platt scaling')).toEqual(['recalibrated', 'Platt']);
    expect(read('a position-debiased loss')).toContain('debiased'); // "-" starts a word
  });

  it('takes the longest form where forms overlap: PR-AUC is not also AUC', () => {
    expect(ids('PR-AUC', ['offline-metric'])).toEqual(['pr-auc']);
    expect(ids('mean average precision', ['offline-metric'])).toEqual(['map']);
    expect(ids('Kafka-free real time scoring', ['split'])).toEqual([]); // "real time" is no time split
  });

  it('does not recognise a term that "no", "not", "without" or "never" stands right before', () => {
    expect(ids('no features', ['features'])).toEqual([]);
    expect(ids('scores are not calibrated', ['calibration'])).toEqual([]);
    expect(ids('without any downsampling', ['downsampling'])).toEqual([]);
    expect(ids('never explored', ['exploration'])).toEqual([]);
    expect(ids('features, no labels', ['features'])).toEqual(['features']);
  });

  it('reads durations as delays, but not a frequency', () => {
    expect(read('chargebacks mature in 60-90 days')).toEqual(['chargebacks', 'mature', '60-90 days']);
    expect(ids('joined once a day', ['delay'])).toEqual([]);
    expect(ids('conversions within 48 h', ['delay'])).toEqual(['duration']);
  });

  it('inflects label words: clicked, skipped, listened, moderators', () => {
    expect(labelSourceIn('Clicked (joined once a day)')).toBe('user-feedback');
    expect(labelSourceIn('listened > 30 s vs skipped')).toBe('user-feedback');
    expect(labelSourceIn("moderators' decisions")).toBe('human-annotation');
  });

  it('has one entry per term, each with a chip label', () => {
    const seen = new Set(VOCABULARY.map((t) => t.id));
    expect(seen.size).toBe(VOCABULARY.length);
    for (const t of VOCABULARY) expect(t.label.trim()).not.toBe('');
  });

  it('stays fast on a huge text: it reads a bounded prefix', () => {
    const huge = 'accuracy '.repeat(500_000);
    expect(recognise(huge, ['offline-metric']).length).toBeLessThan(2000);
  });
});

describe('splitIn', () => {
  it('reads random and time splits, and time wins where both are named', () => {
    expect(splitIn(['Accuracy on a random 80/20 split'])).toBe('random');
    expect(splitIn(['5-fold cross-validation'])).toBe('random');
    expect(splitIn(['out-of-time test on the last 2 weeks'])).toBe('time');
    expect(splitIn(['random split', 'rolling backtest'])).toBe('time');
    expect(splitIn(['random split by user'])).toBe('user');
  });

  it('does not read random negatives, random forests or real time as splits', () => {
    expect(splitIn(['random negatives, a random forest baseline, real time scoring'])).toBeUndefined();
  });
});

describe('labelSourceIn', () => {
  it('takes the first source in the order self-supervised, none, outcome, human annotation, user feedback', () => {
    expect(labelSourceIn('contrastive pairs; clicks for evaluation')).toBe('self-supervised');
    expect(labelSourceIn('No training labels; golden set for evaluation')).toBe('none');
    expect(labelSourceIn('chargeback within 90 days, confirmed by analysts')).toBe('outcome');
    expect(labelSourceIn('boxes drawn by raters')).toBe('human-annotation');
    expect(labelSourceIn('purchase within the session')).toBe('user-feedback');
    expect(labelSourceIn('is_fraud column')).toBeUndefined();
  });

  it('reads "pretrained" as a starting point, not as no training, when the text fine-tunes', () => {
    expect(labelSourceIn('pretrained ViT fine-tuned on human-labelled boxes')).toBe('human-annotation');
    expect(labelSourceIn('not pretrained: clicks')).toBe('user-feedback');
  });
});

describe('termsIn, mentions and metricParts', () => {
  it('collects distinct ids over several texts', () => {
    expect([...termsIn(['CTR', 'ctr and latency'], 'online-metric')].sort()).toEqual(['ctr', 'latency']);
    expect(mentions([undefined, 'Thompson sampling'], 'exploration')).toBe(true);
  });

  it('splits a metric list at commas, semicolons, "+", "and", "plus" and "with"', () => {
    expect(metricParts('CTR')).toEqual(['CTR']);
    expect(metricParts('conversion; p99 latency, complaints + revenue')).toHaveLength(4);
    expect(metricParts('watch time with retention guardrail')).toEqual(['watch time', 'retention guardrail']);
    expect(metricParts('  ')).toEqual([]);
  });
});
