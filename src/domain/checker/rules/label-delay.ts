/**
 * label-delay: labels are outcomes that arrive late (chargebacks after 60-90 days, a conversion days
 * after the click) and nothing says how long they take to mature. Training on recent rows then reads
 * "no chargeback yet" as legitimate and "no conversion yet" as a negative: the freshest patterns are
 * learned with the wrong label, and evaluation flatters the model.
 *
 * Fires when the card's label source is `outcome` (set, or recognised in its label), or the problem
 * is fraud or ad click, and neither the card's `labelDelay` nor a recognised delay (a duration such
 * as "90 days", or "delay", "mature") in the card's label, loss and notes or in a trainer's texts
 * says how long labels take.
 */
import { nodeLabel } from '../../diagram';
import { mentions } from '../../vocabulary';
import { cardLabelTexts, textsOf, type Rule } from '../context';

/** One finding, on the objective card, when late-arriving labels have no maturity window. */
export const labelDelay: Rule = (ctx) => {
  const o = ctx.objective;
  if (!o) return [];
  const problem = ctx.diagram.problem;
  const late = o.labelSource === 'outcome' || problem === 'fraud' || problem === 'ad-click';
  if (!late) return [];
  if (typeof o.card.props.labelDelay === 'string' && o.card.props.labelDelay.trim() !== '') return [];
  if (mentions([...cardLabelTexts(o.card), ...ctx.roles.trainers.flatMap(textsOf)], 'delay')) return [];
  const [which, example] =
    problem === 'fraud'
      ? ['Fraud labels (chargebacks) arrive weeks to months after the payment', 'chargebacks mature in 60-90 days']
      : problem === 'ad-click'
        ? ['Clicks and conversions arrive after the impression', 'conversions attributed within 7 days']
        : problem === 'eta'
          ? ['The actual arrival is known only when the trip ends', 'known at trip end, up to 2 h']
          : ['The outcomes arrive after the prediction', 'outcomes known after 30 days'];
  return [
    {
      rule: 'label-delay',
      severity: 'warning',
      stage: 'data',
      nodeIds: [o.card.id],
      message: `${which}, and "${nodeLabel(o.card)}" does not say when they mature: write the label delay (e.g. "${example}") and train only on rows old enough to be labelled.`,
      hint: 'Delayed labels: join outcomes after a maturity window, weight or model the delay (delayed-feedback models), use early proxies (disputes, analyst flags) and keep evaluation on matured data.',
    },
  ];
};
