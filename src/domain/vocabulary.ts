/**
 * The recognised terms of domain.md section 2: candidates write metrics, splits and labels in their
 * own words, and the checker reads them through this one vocabulary (the inspector shows what it read
 * as chips). Matching is case-insensitive and by whole words; a form ending in "..." is a word start
 * ("calibrat..." holds "calibrated"), a form ending in "~" also holds its plain inflections ("click~"
 * holds "clicks", "clicked", "clicking"), "#" stands for a number or "k" ("recall@#"), and "-" or a
 * space inside a form matches a hyphen, a space or nothing ("PR-AUC" holds "PR AUC"). "-" starts a
 * word, so "position-debiased" holds "debias...". A term is not recognised when "no", "not",
 * "without" or "never" stands right before it ("no features" does not name features). Where forms
 * overlap, the one that starts first and then the longest wins ("PR-AUC" is not also "AUC").
 */

import { LABEL_SOURCES, SPLITS, type LabelSource, type Split } from './diagram';

export { LABEL_SOURCES, SPLITS, type LabelSource, type Split };

export const SPLIT_LABELS: Record<Split, string> = {
  random: 'Random (shuffled, k-fold)',
  time: 'Time (train on the past, test on later data)',
  user: 'By user (no user on both sides)',
  group: 'By group (session, query, merchant ...)',
};

export const LABEL_SOURCE_LABELS: Record<LabelSource, string> = {
  'user-feedback': 'User feedback (clicks, likes, purchases, accepts)',
  'human-annotation': 'Human annotation (raters, moderators, analysts)',
  outcome: 'Outcome that arrives later (chargebacks, actual arrival)',
  'self-supervised': 'Self-supervised (contrastive, masked)',
  none: 'None: pretrained models only, no training',
};

/** What a recognised term says something about. */
export type TermCategory =
  | 'offline-metric'
  | 'online-metric'
  | 'split'
  | 'label-source'
  | 'calibration'
  | 'downsampling'
  | 'delay'
  | 'exploration'
  | 'features';

/** A term of the vocabulary. */
export interface Term {
  /** Stable id, e.g. `pr-auc`, `time-split`. */
  id: string;
  category: TermCategory;
  /** What the inspector's chip says, e.g. "PR-AUC", "time split". */
  label: string;
  /** The split or label source the term names (split and label-source terms only). */
  value?: Split | LabelSource;
}

/** A term found in a text, with where. */
export interface TermMatch {
  term: Term;
  /** Offsets into the text: text.slice(start, end) is what was read. */
  start: number;
  end: number;
}

// ---------------------------------------------------------------------------- the vocabulary
type Row = [id: string, label: string, forms: string[], value?: Split | LabelSource];

const OFFLINE_METRICS: Row[] = [
  ['accuracy', 'accuracy', ['accuracy']],
  ['precision', 'precision', ['precision']],
  ['recall', 'recall', ['recall', 'sensitivity']],
  ['f1', 'F1', ['f1', 'f1-score', 'f-score', 'f-measure', 'f-beta', 'fbeta']],
  ['roc-auc', 'ROC-AUC', ['roc-auc', 'auc-roc', 'auroc', 'auc', 'roc', 'roc curve']],
  ['pr-auc', 'PR-AUC', ['pr-auc', 'auc-pr', 'auprc', 'average precision', 'pr curve', 'precision-recall auc', 'precision-recall curve', 'precision recall curve']],
  ['log-loss', 'log loss', ['log loss', 'logloss', 'cross-entropy', 'nll', 'negative log-likelihood', 'negative log likelihood']],
  ['calibration-metric', 'calibration', ['ece', 'expected calibration error', 'reliability...', 'calibrat...', 'brier', 'brier score']],
  ['ndcg', 'NDCG', ['ndcg', 'ndcg@#']],
  ['map', 'MAP', ['map', 'map@#', 'mean average precision']],
  ['mrr', 'MRR', ['mrr', 'mean reciprocal rank']],
  ['recall-at-k', 'recall@k', ['recall@#', 'recall at #', 'r@#']],
  ['precision-at-k', 'precision@k', ['precision@#', 'precision at #', 'p@#']],
  ['hit-rate', 'hit rate', ['hit rate', 'hit-rate', 'hitrate', 'hit@#', 'hits@#']],
  ['mae', 'MAE', ['mae', 'mean absolute error']],
  ['rmse', 'RMSE', ['rmse', 'root mean squared error', 'mse', 'mean squared error']],
  ['mape', 'MAPE', ['mape', 'smape']],
  ['wape', 'WAPE', ['wape', 'wmape']],
  ['quantile', 'quantile loss', ['quantile', 'quantile loss', 'pinball', 'pinball loss']],
  ['bleu-rouge', 'BLEU / ROUGE', ['bleu', 'rouge', 'rouge-l', 'meteor', 'bertscore']],
  ['perplexity', 'perplexity', ['perplexity']],
  ['faithfulness', 'faithfulness', ['faithful...', 'groundedness', 'grounded', 'hallucinat...', 'factual...']],
  ['human-eval', 'human evaluation', ['human eval...', 'rater~', 'golden set', 'gold set', 'golden dataset', 'llm-as-judge', 'llm-as-a-judge', 'llm judge']],
  ['iou', 'IoU', ['iou', 'intersection over union']],
];

const ONLINE_METRICS: Row[] = [
  ['ctr', 'CTR', ['ctr', 'click-through...', 'click through rate']],
  ['conversion', 'conversion', ['conversion...', 'cvr']],
  ['revenue', 'revenue', ['revenue', 'gmv', 'bookings']],
  ['watch-time', 'watch time / dwell', ['watch time', 'watch-time', 'dwell...', 'time spent', 'listening time', 'listening minutes']],
  ['retention', 'retention / DAU', ['retention', 'dau', 'mau', 'wau', 'return rate']],
  ['latency', 'latency', ['latency', 'p99', 'p95', 'p50']],
  ['complaint-rate', 'complaint rate', ['complaint~']],
  ['appeal-rate', 'appeal rate', ['appeal~', 'appeal rate', 'overturn...']],
  ['report-rate', 'report rate', ['report rate', 'user reports', 'reports']],
  ['decline-rate', 'decline rate', ['decline rate', 'false decline~', 'approval rate', 'block rate']],
  ['fraud-loss', 'fraud loss', ['fraud loss~', 'chargeback rate', 'loss rate', 'fraud rate']],
  ['skip-rate', 'skip rate', ['skip rate', 'skip-rate']],
];

const SPLIT_TERMS: Row[] = [
  ['random-split', 'random split', ['random', 'randomly', 'shuffle...', '80/20', '70/30', '90/10', '80-20', 'k-fold', 'kfold', 'cross-validat...'], 'random'],
  ['time-split', 'time split', ['time', 'time-based', 'temporal', 'chronological...', 'out-of-time', 'backtest...', 'forward', 'walk-forward', 'rolling', 'next day', 'next-day', 'next week', 'later week~', 'hold out the last', 'last week~', 'last month~', 'prequential'], 'time'],
  ['user-split', 'user split', ['by user', 'per user', 'user split', 'user-level split', 'split by user', 'user-disjoint'], 'user'],
  ['group-split', 'group split', ['group', 'grouped', 'group k-fold', 'groupkfold', 'by session', 'by query', 'by merchant', 'by account'], 'group'],
];

// Label sources, in the order in which the first that matches wins (domain.md section 2).
const LABEL_SOURCE_TERMS: Row[] = [
  ['self-supervised', 'self-supervised', ['self-supervised', 'contrastive', 'augmented views', 'masked language model...', 'next-token prediction'], 'self-supervised'],
  ['no-training', 'no training', ['no training', 'pretrained', 'pre-trained', 'no labels', 'zero-shot'], 'none'],
  ['outcome-label', 'outcome label', ['chargeback~', 'arrival', 'actual', 'confirmed', 'matur...', 'sold', 'sales', 'order~', 'demand', 'cancel...', 'churn...', 'default...', 'repaid', 'returned'], 'outcome'],
  ['human-label', 'human label', ['rater~', 'moderator~', 'annotat...', 'analyst~', 'human-labelled', 'human-labeled', 'human label~', 'labeller~', 'labeler~', 'reviewer~', 'expert label~'], 'human-annotation'],
  ['feedback-label', 'user-feedback label', ['click~', 'like~', 'watch~', 'purchase~', 'accept~', 'listen~', 'skip~', 'view~', 'dwell...', 'engag...', 'rating~', 'upvote~', 'thumbs', 'save~', 'share~', 'follow~', 'repl~', 'replied', 'replies'], 'user-feedback'],
];

const OTHER_TERMS: [TermCategory, Row[]][] = [
  ['calibration', [['calibration', 'calibration', ['calibrat...', 'recalibrat...', 'ece', 'expected calibration error', 'reliability...', 'platt', 'isotonic', 'temperature scaling', 'brier']]]],
  ['downsampling', [['downsampling', 'downsampling', ['downsampl...', 'down-sampl...', 'negative sampling', 'subsampl...', 'undersampl...', 'sampled negatives']]]],
  ['delay', [['delay', 'delay', ['delay...']], ['maturity', 'maturity window', ['matur...', 'label window', 'attribution window', 'conversion window']]]],
  ['exploration', [['exploration', 'exploration', ['explor...', 'epsilon', 'epsilon-greedy', 'bandit~', 'divers...', 'fresh...', 'randomis...', 'randomiz...', 'propensit...', 'debias...', 'position bias', 'interleav...', 'thompson', 'ucb', 'novelty', 'serendipit...']]]],
  ['features', [['features', 'features', ['feature...']]]],
];

/** Phrases read and then dropped: they hold a word that would otherwise be misread ("real time" is no time split). */
const IGNORED = [
  'watch time', 'dwell time', 'listening time', 'time spent', 'feed-forward', 'feedforward', 'forward pass', 'rolling out',
  'rolling update~', 'rolling deploy...', 'real time', 'real-time', 'realtime', 'response time', 'handle time', 'handling time', 'arrival time', 'travel time', 'lead time',
  'run time', 'runtime', 'compile time', 'query time', 'serving time', 'request time', 'prediction time', 'training time', 'over time',
  'at a time', 'one at a time', 'time of day', 'time zone', 'time-of-day', 'time since', 'time to',
  'random negative~', 'random sampl...', 'random seed~', 'random forest~', 'random search', 'random exploration', 'random slot~',
  'randomly sampled negative~', 'random init...', 'in order to', 'in order', 'by default', 'default value~', 'feature flag~',
];

/** A duration such as "90 days", "48 h", "60-90 d" or "2 weeks": a label window or a delay. */
const DURATION = String.raw`\d+(?:[.,]\d+)?(?:\s*(?:-|–|to)\s*\d+(?:[.,]\d+)?)?\s*(?:seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|d|weeks?|wks?|w|months?|mo)`;

// ---------------------------------------------------------------------------- compiling
const L = String.raw`\p{L}\p{N}`;
/** Longest text read: a pasted essay is read up to here, so a check stays fast on any input. */
export const MAX_TEXT = 10_000;

function inflections(word: string): string[] {
  const last = word[word.length - 1];
  const forms = new Set([word, `${word}s`, `${word}es`, `${word}ed`, `${word}d`, `${word}ing`, `${word}${last}ed`, `${word}${last}ing`]);
  if (word.endsWith('e')) forms.add(`${word.slice(0, -1)}ing`);
  if (word.endsWith('y')) forms.add(`${word.slice(0, -1)}ies`);
  forms.add(`${word}'s`).add(`${word}s'`);
  return [...forms];
}

/** The regex source of one form (matched at a word start, so it needs no look-behind). */
function formSource(form: string): string {
  let f = form.toLowerCase();
  let tail = `(?![${L}])`;
  if (f.endsWith('...')) {
    f = f.slice(0, -3);
    tail = `[${L}]*`;
  }
  if (f.endsWith('~')) {
    const words = f.slice(0, -1).split(' ');
    const last = words.pop()!;
    const alts = inflections(last).sort((a, b) => b.length - a.length).map(escapeForm).join('|');
    return `${words.map((w) => `${escapeForm(w)}[\\s-]+`).join('')}(?:${alts})${tail}`;
  }
  return `${escapeForm(f)}${tail}`;
}

function escapeForm(f: string): string {
  let out = '';
  for (const ch of f) {
    if (ch === ' ') out += String.raw`[\s-]+`;
    else if (ch === '-') out += String.raw`[\s-]?`;
    else if (ch === "#") out += String.raw`(?:\d+(?:\.\d+)?|k|n)`;
    else if (/[\\^$.*+?()[\]{}|/]/.test(ch)) out += `\\${ch}`;
    else out += ch;
  }
  return out;
}

/**
 * Forms are kept in buckets by the first one to three characters of their first word (digits share
 * one bucket), so a text is read word start by word start, trying only the forms that can begin
 * there: linear in the text, whatever the size of the vocabulary.
 */
interface Form {
  term: Term | null;
  source: string;
  /** Length of the written form: at one position the longest wins. */
  weight: number;
  /** The bucket: the first one to three characters of the first word, or "#" for a digit. */
  key: string;
}

const TERMS: Term[] = [];
const FORMS: Form[] = [];

function addRows(category: TermCategory, rows: Row[]) {
  for (const [id, label, forms, value] of rows) {
    const term: Term = value ? { id, category, label, value } : { id, category, label };
    TERMS.push(term);
    for (const form of forms) FORMS.push({ term, source: formSource(form), weight: form.length, key: bucketKey(form) });
  }
}

const DIGITS = '#';
function bucketKey(form: string): string {
  if (/^\d/.test(form)) return DIGITS;
  const first = /^[\p{L}\p{N}]+/u.exec(form.toLowerCase())?.[0] ?? form.toLowerCase();
  return first.slice(0, 3);
}

addRows('offline-metric', OFFLINE_METRICS);
addRows('online-metric', ONLINE_METRICS);
addRows('split', SPLIT_TERMS);
addRows('label-source', LABEL_SOURCE_TERMS);
for (const [category, rows] of OTHER_TERMS) addRows(category, rows);
const DURATION_TERM: Term = { id: 'duration', category: 'delay', label: 'delay' };
TERMS.push(DURATION_TERM);
FORMS.push({ term: DURATION_TERM, source: `${DURATION}(?![${L}])`, weight: 100, key: DIGITS });
for (const form of IGNORED) FORMS.push({ term: null, source: formSource(form), weight: form.length, key: bucketKey(form) });

/** Every term of the vocabulary (one entry per term, not per form). */
export const VOCABULARY: readonly Term[] = TERMS;

interface Bucket {
  re: RegExp;
  terms: (Term | null)[];
}
type Scanner = Map<string, Bucket>;
const scanners = new Map<string, Scanner>();

/** The buckets for a set of categories (ignored phrases always included: a metric never hides a split). */
function scanner(categories: readonly TermCategory[] | undefined): Scanner {
  const key = categories ? [...categories].sort().join(',') : '*';
  let s = scanners.get(key);
  if (s) return s;
  const wanted = categories ? new Set(categories) : null;
  const byKey = new Map<string, Form[]>();
  for (const f of FORMS) {
    if (f.term !== null && wanted && !wanted.has(f.term.category)) continue;
    const list = byKey.get(f.key);
    if (list) list.push(f);
    else byKey.set(f.key, [f]);
  }
  s = new Map();
  for (const [k, list] of byKey) {
    // Stable sort: at equal length the earlier row wins (a metric before an ignored phrase).
    const sorted = list.slice().sort((a, b) => b.weight - a.weight);
    s.set(k, { re: new RegExp(sorted.map((e) => `(${e.source})`).join('|'), 'iuy'), terms: sorted.map((e) => e.term) });
  }
  scanners.set(key, s);
  return s;
}

const WORD_START = new RegExp(String.raw`[${L}]+`, 'gu');
const NEGATION = new RegExp(String.raw`(?:^|[^${L}])(?:no|not|without|never)(?:[^${L}]+any)?[^${L}]+$`, 'iu');

/** The terms recognised in a text, in text order (negated ones and ignored phrases left out). */
export function recognise(text: string | undefined, categories?: readonly TermCategory[]): TermMatch[] {
  if (!text) return [];
  if (text.length > MAX_TEXT) text = text.slice(0, MAX_TEXT);
  const buckets = scanner(categories);
  const out: TermMatch[] = [];
  let resumeAt = 0;
  WORD_START.lastIndex = 0;
  for (let w = WORD_START.exec(text); w !== null; w = WORD_START.exec(text)) {
    const at = w.index;
    if (at < resumeAt) continue;
    const word = w[0].toLowerCase();
    const keys = /^\d/.test(word) ? [DIGITS] : [word.slice(0, 3), word.slice(0, 2), word.slice(0, 1)];
    let best: { term: Term | null; end: number } | null = null;
    for (const k of new Set(keys)) {
      const b = buckets.get(k);
      if (!b) continue;
      b.re.lastIndex = at;
      const m = b.re.exec(text);
      if (!m || m[0].length === 0) continue;
      let g = 1;
      while (m[g] === undefined) g++;
      if (!best || at + m[0].length > best.end) best = { term: b.terms[g - 1], end: at + m[0].length };
    }
    if (!best) continue;
    resumeAt = best.end;
    if (!best.term) continue;
    if (NEGATION.test(text.slice(Math.max(0, at - 24), at))) continue;
    out.push({ term: detectionMap(best.term, text.slice(at, best.end)), start: at, end: best.end });
  }
  return out;
}

/** "mAP" written so is detection's mean average precision, not the ranking metric MAP. */
const DETECTION_MAP: Term = { id: 'detection-map', category: 'offline-metric', label: 'mAP (detection)' };
TERMS.push(DETECTION_MAP);
function detectionMap(term: Term, read: string): Term {
  return term.id === 'map' && read.startsWith('mAP') ? DETECTION_MAP : term;
}

/** The ids of the terms of one category recognised in any of the texts. */
export function termsIn(texts: readonly (string | undefined)[], category: TermCategory): Set<string> {
  const ids = new Set<string>();
  for (const t of texts) for (const m of recognise(t, [category])) ids.add(m.term.id);
  return ids;
}

/** True when some text names a term of the category. */
export function mentions(texts: readonly (string | undefined)[], category: TermCategory): boolean {
  for (const t of texts) if (recognise(t, [category]).length > 0) return true;
  return false;
}

const SPLIT_RANK: Record<Split, number> = { time: 3, user: 2, group: 2, random: 1 };

/** The split the texts name: a time split wins over a user or group split, which wins over a random one. */
export function splitIn(texts: readonly (string | undefined)[]): Split | undefined {
  let best: Split | undefined;
  for (const t of texts) {
    for (const m of recognise(t, ['split'])) {
      const s = m.term.value as Split;
      if (!best || SPLIT_RANK[s] > SPLIT_RANK[best]) best = s;
    }
  }
  return best;
}

const SOURCE_ORDER: LabelSource[] = ['self-supervised', 'none', 'outcome', 'human-annotation', 'user-feedback'];
const FINE_TUNE = new RegExp(String.raw`(?<![${L}])fine[\s-]?tun[${L}]*`, 'iu');

/**
 * The label source a text names: the first in the order self-supervised, none, outcome, human
 * annotation, user feedback. "Pretrained" in a text that also says "fine-tuned" names the starting
 * point of training, not the absence of it.
 */
export function labelSourceIn(text: string | undefined): LabelSource | undefined {
  const found = new Set<LabelSource>();
  for (const m of recognise(text, ['label-source'])) found.add(m.term.value as LabelSource);
  if (found.has('none') && text && FINE_TUNE.test(text)) found.delete('none');
  return SOURCE_ORDER.find((s) => found.has(s));
}

/** True when the value is a split id. */
export const isSplit = (v: unknown): v is Split => typeof v === 'string' && (SPLITS as readonly string[]).includes(v);
/** True when the value is a label-source id. */
export const isLabelSource = (v: unknown): v is LabelSource =>
  typeof v === 'string' && (LABEL_SOURCES as readonly string[]).includes(v);

/** The parts a metric text lists, split at commas, semicolons, "+", "and", "plus" and "with" (blank parts dropped). */
export function metricParts(text: string | undefined): string[] {
  if (!text) return [];
  return text
    .split(/[,;+]|\b(?:and|plus|with)\b/iu)
    .map((p) => p.trim())
    .filter((p) => /[\p{L}\p{N}]/u.test(p));
}
