/**
 * missing-stage: a stage of the interview framework has no component at all.
 * A design that skips a stage (no data, no evaluation, no monitoring ...) has a hole an
 * interviewer will find first. Requirements and framing are warnings (they are often cards
 * rather than boxes); the five pipeline stages are errors.
 */
import { STAGE_IDS, type StageId } from '../../stages';
import type { Rule } from '../context';
import type { Finding } from '../types';

const TEXT: Record<StageId, { message: string; hint: string }> = {
  requirements: {
    message: 'No requirements yet: add a Requirements card with the business goal, scale (QPS) and latency budget.',
    hint: 'Requirements decide every later trade-off, e.g. batch or online serving, and how much latency a model may spend.',
  },
  framing: {
    message: 'The ML task is not framed: add an ML objective with the task, label, loss and offline and online metrics.',
    hint: 'Framing turns the business goal into a learnable target; the offline metric (AUC, NDCG) should predict the online one (CTR, revenue).',
  },
  data: {
    message: 'No data stage: add where the data comes from (Event log, Database, Object storage) and how it becomes features.',
    hint: 'Sources, ingestion, labels and features come before any model; most production ML problems are data problems.',
  },
  model: {
    message: 'No model development: add a Training job or an Embedding model that learns from the data.',
    hint: 'Start from a simple baseline, then justify the model choice, the loss and the training data split.',
  },
  evaluation: {
    message: 'Nothing evaluates the model: add Offline evaluation on held-out data and Online evaluation (A/B test).',
    hint: 'Offline metrics on a held-out, time-based split gate a release; an A/B test measures the business metric on live traffic.',
  },
  serving: {
    message: 'Nothing serves predictions: add a Model server, Prediction service or Batch inference fed by the model.',
    hint: 'Choose online serving (a low-latency endpoint) or batch serving (precomputed predictions) from the latency requirement.',
  },
  monitoring: {
    message: 'Nothing watches the model after launch: add Prediction logging and Drift detection fed from the model server.',
    hint: 'Models decay as the world changes: log predictions, track drift (PSI, Kolmogorov-Smirnov test) and alert on model metrics.',
  },
};

/** One finding per stage that no node belongs to. */
export const missingStage: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const stage of STAGE_IDS) {
    if (ctx.stages[stage]) continue;
    findings.push({
      rule: 'missing-stage',
      severity: stage === 'requirements' || stage === 'framing' ? 'warning' : 'error',
      stage,
      nodeIds: [],
      ...TEXT[stage],
    });
  }
  return findings;
};
