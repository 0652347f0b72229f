/**
 * missing-stage: a stage of the interview framework is not covered (domain.md section 4). A design
 * that skips a stage (no data, no evaluation, no monitoring ...) has a hole an interviewer finds
 * first. Requirements and framing count only when their card is filled (a goal and a scale or QPS;
 * a task, a label and an offline metric), not when an empty card sits on the canvas; serving needs
 * an inference node (a registry, cache or index alone serves nothing); a pretrained model covers
 * model development (choosing and adapting it is that step). Every missing stage is an error; the
 * app presents a barely started design as a to-do list rather than as a wall of errors.
 */
import { listGaps } from '../../cards';
import { nodeLabel } from '../../diagram';
import { STAGE_IDS, type StageId } from '../../stages';
import type { Rule } from '../context';
import type { Finding } from '../types';

const TEXT: Record<StageId, { message: string; hint: string }> = {
  requirements: {
    message: 'Start with the requirements: add a Requirements card with the business goal and the scale (users, QPS), and the latency budget if it answers online.',
    hint: 'Requirements decide every later trade-off, e.g. batch or online serving, and how much latency a model may spend.',
  },
  framing: {
    message: 'Frame the ML task: add an ML objective card with the task, the label and an offline metric (and the online metric it should move).',
    hint: 'Framing turns the business goal into a learnable target; the offline metric (PR-AUC, NDCG) should predict the online one (conversion, retention).',
  },
  data: {
    message: 'No data yet: add where the data comes from (Event log, Database, Object storage) and how it becomes features and labels.',
    hint: 'Sources, ingestion, labels and features come before any model; most production ML problems are data problems.',
  },
  model: {
    message: 'No model development: add a Training job (or an Embedding model) that learns from the data, or the pretrained model you would adapt (LLM server, pretrained embedding model).',
    hint: 'Start from a simple baseline, then justify the model choice, the loss and the training data split; with a pretrained model, the model step is choosing, prompting or fine-tuning it.',
  },
  evaluation: {
    message: 'Nothing evaluates the model: add Offline evaluation on held-out data and Online evaluation (an A/B test or shadow mode).',
    hint: 'Offline metrics on a held-out, time-based split gate a release; an A/B test measures the business metric on live traffic.',
  },
  serving: {
    message: 'Nothing serves predictions: add a Model server, Prediction service or Batch inference that the model reaches (a registry, cache or index alone serves nothing).',
    hint: 'Choose online serving (a low-latency endpoint) or batch serving (precomputed predictions) from the latency requirement.',
  },
  monitoring: {
    message: 'Nothing watches the model after launch: add Prediction logging and Drift detection fed from serving.',
    hint: 'Models decay as the world changes: log predictions and features, watch input drift (PSI, KS) and, once labels arrive, model quality.',
  },
};

/** One finding per stage that is not covered; for requirements and framing, naming the card that is not filled yet. */
export const missingStage: Rule = (ctx) => {
  const findings: Finding[] = [];
  for (const stage of STAGE_IDS) {
    if (ctx.stages[stage]) continue;
    const incomplete = stage === 'requirements' || stage === 'framing' ? ctx.coverage.incomplete[stage] : undefined;
    if (incomplete) {
      const name = nodeLabel(incomplete.card);
      const what = stage === 'requirements' ? 'the requirements' : 'the ML task';
      findings.push({
        rule: 'missing-stage',
        severity: 'error',
        stage,
        nodeIds: [incomplete.card.id],
        message: `"${name}" does not cover ${what} yet: it needs ${listGaps(incomplete.gaps)}.`,
        hint: TEXT[stage].hint,
      });
      continue;
    }
    findings.push({ rule: 'missing-stage', severity: 'error', stage, nodeIds: [], ...TEXT[stage] });
  }
  return findings;
};
