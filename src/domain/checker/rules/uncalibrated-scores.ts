/**
 * uncalibrated-scores: scores are used as probabilities, or their base rate was shifted, and
 * nothing says they are calibrated. In ads, pCTR x bid sets the price: a pCTR twice too high doubles
 * the bid. Downsampling negatives (1:1, 1:10) multiplies the predicted odds by the sampling factor;
 * without a correction (q = p / (p + (1 - p) / w)) and a calibration check, every threshold and
 * every auction reads inflated probabilities, while AUC, which ignores scale, looks fine.
 *
 * Fires for problem `ad-click`, or when downsampling is named on the card, in a trainer or in a
 * component that feeds one, and nothing says calibrated: `calibrated: true` on the card, or a
 * calibration word (calibrated, Platt, isotonic, ECE, reliability) on the card, an offline
 * evaluation, a trainer or an inference node. Log loss alone is not evidence of calibration.
 */
import { nodeLabel } from '../../diagram';
import { predecessors } from '../../graph';
import { mentions } from '../../vocabulary';
import { cardTexts, textsOf, type Rule } from '../context';

/** One finding, on the objective card, when probabilities that matter are not said to be calibrated. */
export const uncalibratedScores: Rule = (ctx) => {
  const o = ctx.objective;
  if (!o) return [];
  const { trainers, inference } = ctx.roles;
  const feeders = ctx.memo('trainer-feeders', () => {
    const ids = new Set(trainers.flatMap((t) => predecessors(ctx.feedsGraph, t.id)));
    return ctx.components.filter((n) => ids.has(n.id));
  });
  const downsampled = mentions([...cardTexts(o.card), ...trainers.flatMap(textsOf), ...feeders.flatMap(textsOf)], 'downsampling');
  const auction = ctx.diagram.problem === 'ad-click';
  if (!downsampled && !auction) return [];
  if (o.calibrated === true) return [];
  const evidence = [...cardTexts(o.card), ...ctx.playing('offline-eval').flatMap(textsOf), ...trainers.flatMap(textsOf), ...inference.flatMap(textsOf)];
  if (mentions(evidence, 'calibration')) return [];
  const why = downsampled
    ? 'Negatives are downsampled, which inflates every predicted probability'
    : 'pCTR x bid sets the price, so scores are used as probabilities';
  return [
    {
      rule: 'uncalibrated-scores',
      severity: 'warning',
      stage: 'model',
      nodeIds: [o.card.id],
      message: `${why}, and "${nodeLabel(o.card)}" does not say they are calibrated: correct for the sampling rate, recalibrate (Platt or isotonic), check ECE and tick "Calibrated".`,
      hint: 'A calibrated score means what it says: of the items scored 2 %, about 2 % click. Downsampling by w needs q = p / (p + (1 - p) / w) before any threshold, auction or expected-value use; AUC cannot see the difference.',
    },
  ];
};
