/** The fixed vocabulary of the file format (domain.md section 7) shared by parser and serializer. */

/** The value of the `format` field of every mlsd-canvas file. */
export const FORMAT_ID = 'mlsd-canvas';

/** The title a diagram gets when its file has none. */
export const DEFAULT_TITLE = 'Untitled design';

/** How a known node property is checked: its JSON type, or the id list it must come from. */
export type PropType = 'string' | 'number' | 'boolean' | 'stage' | 'zone' | 'task' | 'kinds' | 'labelSource' | 'split' | 'share' | 'amount';

/** The known node properties in the order the serializer writes them (that of NodeProps). */
export const KNOWN_PROPS: ReadonlyArray<readonly [key: string, type: PropType]> = [
  ['tool', 'string'],
  ['notes', 'string'],
  ['latencyMs', 'number'],
  ['stage', 'stage'],
  ['pretrained', 'boolean'],
  ['width', 'number'],
  ['height', 'number'],
  ['zone', 'zone'],
  ['text', 'string'],
  ['goal', 'string'],
  ['scale', 'string'],
  ['qps', 'number'],
  ['latencyBudgetMs', 'number'],
  ['realtime', 'boolean'],
  ['task', 'task'],
  ['label', 'string'],
  ['loss', 'string'],
  ['offlineMetric', 'string'],
  ['onlineMetric', 'string'],
  ['actsAs', 'kinds'],
  ['parallel', 'boolean'],
  ['fallback', 'string'],
  ['logsFeatures', 'boolean'],
  ['labelSource', 'labelSource'],
  ['labelDelay', 'string'],
  ['positiveRate', 'share'],
  ['split', 'split'],
  ['calibrated', 'boolean'],
  // Sizing (domain.md section 4, revision 2): amounts are finite and not negative.
  ['dau', 'amount'],
  ['requestsPerUserPerDay', 'amount'],
  ['peakFactor', 'amount'],
  ['items', 'amount'],
  ['dimensions', 'amount'],
  ['bytesPerDimension', 'amount'],
  ['replicas', 'amount'],
  ['shards', 'amount'],
  ['candidates', 'amount'],
  ['costPerCandidateUs', 'amount'],
  ['promptTokens', 'amount'],
  ['outputTokens', 'amount'],
  ['modelParamsB', 'amount'],
  ['gpu', 'string'],
  ['gpus', 'amount'],
  ['eventsPerDay', 'amount'],
  ['bytesPerEvent', 'amount'],
  ['retentionDays', 'amount'],
  ['itemsPerDay', 'amount'],
  ['reviewShare', 'share'],
  ['reviewsPerHour', 'amount'],
  ['reviewers', 'amount'],
];

/** The type of each known node property, by key. */
export const KNOWN_PROP_TYPES: ReadonlyMap<string, PropType> = new Map(KNOWN_PROPS);
