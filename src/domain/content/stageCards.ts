import { STAGES, type StageId } from '../stages';

/** The card of one interview stage: its time box, its goal and the questions to answer there. */
export interface StageCard {
  stage: StageId;
  /** Suggested minutes of a 45-minute interview, taken from STAGES. */
  minutes: number;
  goal: string;
  /** 4-6 questions a candidate should answer at that step. */
  questions: string[];
}

type CardBody = Omit<StageCard, 'stage' | 'minutes'>;

const CARDS: Record<StageId, CardBody> = {
  requirements: {
    goal: 'Agree on what to build and how success is judged before drawing anything.',
    questions: [
      'What business goal does the system serve, and how is success measured?',
      'How many users, items and requests per second, at peak?',
      'What is the latency budget, and must predictions be real-time or can they be precomputed?',
      'What data exists, and which privacy, fairness or regulatory constraints apply?',
      'What is in scope and out of scope for this session?',
    ],
  },
  framing: {
    goal: 'Turn the business goal into an ML task with an input, an output, a label and metrics you can defend.',
    questions: [
      'Is this classification, ranking, regression, retrieval or generation, and why?',
      'What are the input, the output and the label, and where does the label come from?',
      'Which loss do you optimise, and how does it relate to the business metric?',
      'Which offline and which online metric, and how could they disagree?',
      'What non-ML baseline (rules, popularity) must the model beat?',
    ],
  },
  data: {
    goal: 'Show where training data and serving features come from, how fresh they are, and how they stay consistent.',
    questions: [
      'Which sources feed the model, in batch or as streams?',
      'How are labels collected, and how delayed, noisy and biased are they?',
      'Which features matter most, and which must be computed in real time?',
      'How do training and serving get identical features (point-in-time joins, feature store)?',
      'How do you handle class imbalance, missing values and personal data?',
      'How is data validated before it reaches training?',
    ],
  },
  model: {
    goal: 'Start from a baseline, then train, fine-tune or adopt a pretrained model that fits the data, latency and scale, reproducibly.',
    questions: [
      'What is the baseline, and why is the next model worth its cost?',
      'Train from scratch, fine-tune, or use a pretrained model as it is, and why?',
      'Which architecture, and why (e.g. GBDT vs deep, two-tower vs cross-encoder)?',
      'How do you split the data to avoid leakage (by time, by user)?',
      'How often do you retrain, on which window of data, and what starts it?',
      'How do you handle cold start and class imbalance?',
    ],
  },
  evaluation: {
    goal: 'Prove the model is better offline, then online, without fooling yourself.',
    questions: [
      'Which offline metrics fit the task and its class balance, on which held-out split, and on which slices?',
      'What must a candidate beat before it may ship?',
      'How is the A/B test designed: unit, primary metric, guardrail metrics, duration?',
      'Is shadow mode or interleaving needed before an A/B test?',
      'What will you do if offline and online results disagree?',
    ],
  },
  serving: {
    goal: 'Get predictions to users within the latency budget, at scale, with safe rollouts and fallbacks.',
    questions: [
      'Online, batch (precomputed) or hybrid predictions, and why?',
      'What is on the request path, and where does each millisecond go?',
      'How does it scale: CPU or GPU, batching, caching, sharding?',
      'How do you roll a model out and back (canary, shadow, registry)?',
      'What happens when a model or the feature store is down?',
    ],
  },
  monitoring: {
    goal: 'Detect when the system breaks or quietly degrades, and close the loop back to retraining.',
    questions: [
      'What do you log for each prediction, and why?',
      'Which system metrics and which model metrics do you watch and alert on?',
      'Which tests watch the inputs for data drift, and how do you see concept drift when labels lag?',
      'Labels arrive late: how do you judge quality in the meantime?',
      'What triggers retraining or rollback, and who is paged?',
    ],
  },
};

/** The stage card of every stage, in interview order, with minutes from STAGES. */
export const STAGE_CARDS: Record<StageId, StageCard> = Object.fromEntries(
  STAGES.map((s) => [s.id, { stage: s.id, minutes: s.minutes, ...CARDS[s.id] }]),
) as Record<StageId, StageCard>;

/** The card of a stage. */
export function stageCard(stage: StageId): StageCard {
  return STAGE_CARDS[stage];
}
