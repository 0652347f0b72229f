/** The seven stages of the ML system design interview framework (domain.md section 1). */
export const STAGE_IDS = [
  'requirements',
  'framing',
  'data',
  'model',
  'evaluation',
  'serving',
  'monitoring',
] as const;

export type StageId = (typeof STAGE_IDS)[number];

export interface Stage {
  id: StageId;
  /** 1-based step number in the interview. */
  step: number;
  /** Full name of the step, as in the framework. */
  name: string;
  /** Short name for chips and legends. */
  short: string;
  /** Colour band; the Okabe-Ito palette, distinguishable with every common colour-vision deficiency. */
  color: string;
  /** Suggested minutes of a 45-minute interview. */
  minutes: number;
}

export const STAGES: readonly Stage[] = [
  { id: 'requirements', step: 1, name: 'Clarify requirements', short: 'Requirements', color: '#CC79A7', minutes: 5 },
  { id: 'framing', step: 2, name: 'Frame as an ML task', short: 'Framing', color: '#0072B2', minutes: 5 },
  { id: 'data', step: 3, name: 'Data preparation', short: 'Data', color: '#56B4E9', minutes: 8 },
  { id: 'model', step: 4, name: 'Model development', short: 'Model', color: '#009E73', minutes: 8 },
  { id: 'evaluation', step: 5, name: 'Evaluation', short: 'Evaluation', color: '#F0E442', minutes: 5 },
  { id: 'serving', step: 6, name: 'Deployment and serving', short: 'Serving', color: '#E69F00', minutes: 9 },
  { id: 'monitoring', step: 7, name: 'Monitoring', short: 'Monitoring', color: '#D55E00', minutes: 5 },
];

const BY_ID = new Map(STAGES.map((s) => [s.id, s]));

/** The stage with this id. */
export function stageById(id: StageId): Stage {
  return BY_ID.get(id)!;
}

/** True when the value is one of the seven stage ids. */
export function isStageId(value: unknown): value is StageId {
  return typeof value === 'string' && BY_ID.has(value as StageId);
}
