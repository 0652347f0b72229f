/**
 * metric-mismatch: the offline metrics do not fit the task. Accuracy on imbalanced classes (0.1 %
 * fraud: predicting "legitimate" always scores 99.9 %) says nothing; a ranking judged without a
 * ranking metric, a regression without an error metric, or a generator judged by perplexity alone
 * cannot be compared with the product's goal.
 *
 * Metrics are read from the card's offline metric and the offline evaluation nodes' texts. Classes
 * count as imbalanced when `positiveRate` is below 0.1 or the problem is fraud, ad click, content
 * moderation, recommendation or search ranking.
 */
import type { ProblemId } from '../../diagram';
import { nodeLabel } from '../../diagram';
import type { Rule } from '../context';

const IMBALANCED: ReadonlySet<ProblemId> = new Set(['fraud', 'ad-click', 'content-moderation', 'recommendation', 'search-ranking']);
const THRESHOLD = ['pr-auc', 'precision', 'recall', 'f1', 'log-loss', 'precision-at-k', 'recall-at-k'];
const RANKING = ['ndcg', 'map', 'mrr', 'recall-at-k', 'precision-at-k', 'hit-rate'];
const ERROR = ['mae', 'rmse', 'mape', 'wape', 'quantile'];

/** One finding, on the objective card, when its offline metrics do not fit its task. */
export const metricMismatch: Rule = (ctx) => {
  const o = ctx.objective;
  if (!o || !o.task || !o.hasOfflineMetricText) return [];
  const has = (ids: readonly string[]) => ids.some((id) => o.offlineMetrics.has(id));
  const card = `"${nodeLabel(o.card)}"`;
  let message: string | null = null;
  let hint = '';
  switch (o.task) {
    case 'classification': {
      const imbalanced = (o.positiveRate !== undefined && o.positiveRate < 0.1) || IMBALANCED.has(ctx.diagram.problem);
      if (imbalanced && o.offlineMetrics.has('accuracy') && !has(THRESHOLD)) {
        const rate = o.positiveRate !== undefined ? ` at a ${formatRate(o.positiveRate)} positive rate` : ' on classes this imbalanced';
        message = `${card} judges the model by accuracy${rate}: always predicting the majority class scores near 100 %. Add PR-AUC and precision and recall at the operating threshold (or log loss).`;
        hint = 'On rare positives, accuracy and even ROC-AUC look good while the model catches little; PR-AUC, recall at a fixed precision (or the reverse) and the cost of errors at the threshold tell the truth.';
      }
      break;
    }
    case 'ranking':
    case 'retrieval':
      if (!has(RANKING)) {
        message = `${card} frames a ${o.task} task but names no ${o.task === 'ranking' ? 'ranking' : 'retrieval'} metric: add ${o.task === 'ranking' ? 'NDCG@k or MAP' : 'recall@k (or hit rate)'} on held-out queries or sessions.`;
        hint = 'Ranking quality is about the order at the top: NDCG@k, MAP and MRR for the ranker, recall@k for candidate retrieval; pointwise AUC misses position.';
      }
      break;
    case 'regression':
      if (!has(ERROR)) {
        message = `${card} frames a regression but names no error metric: add MAE or RMSE (MAPE or WAPE for relative error, a quantile loss for a P90 estimate).`;
        hint = 'Pick the error metric the product feels: MAE in minutes for an ETA, WAPE across stores for demand, quantile loss when the promise is a percentile.';
      }
      break;
    case 'generation':
      if (o.offlineMetrics.size > 0 && [...o.offlineMetrics].every((m) => m === 'perplexity')) {
        message = `${card} judges generation by perplexity alone: it measures fluency, not whether the answer is right. Add faithfulness to the sources, a task metric, or human evaluation on a golden set.`;
        hint = 'Generation is judged on a golden set: faithfulness / groundedness, task success (exact match, accuracy of the extracted field), and human or calibrated LLM-as-judge ratings.';
      }
      break;
    default:
      break;
  }
  if (!message) return [];
  return [{ rule: 'metric-mismatch', severity: 'warning', stage: 'framing', nodeIds: [o.card.id], message, hint }];
};

function formatRate(r: number): string {
  const pct = r * 100;
  return `${pct >= 1 ? Number(pct.toFixed(1)) : Number(pct.toPrecision(2))} %`;
}
