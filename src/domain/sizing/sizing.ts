/**
 * Back-of-envelope sizing (domain.md section 4, "Sizing"): from the optional sizing props of the
 * Requirements card and of the components, the figures an interviewer asks for (peak QPS, index
 * memory, scores per second, GPUs, storage, reviewers), each with the sum that produced it. The
 * constants come from rulesOfThumb.ts. Pure functions of the diagram; nothing here is stored.
 */
import type { Diagram, DiagramNode, NodeProps } from '../diagram';
import { nodeLabel } from '../diagram';
import { plays } from '../roleRules';
import { gpuSpec, RULES_OF_THUMB as R, type GpuSpec } from './rulesOfThumb';

/** One derived figure: its name, its value, the value as shown, and how it was computed. */
export interface Figure {
  id: string;
  label: string;
  value: number;
  text: string;
  how: string;
}

/** What the design's requirements say about load. */
export interface DesignScale {
  /** Peak QPS: the card's `qps`, else derived from DAU x requests per user per day x peak factor. */
  peakQps?: Figure;
  /** The Requirements card read (the first one with any sizing input), if any. */
  card?: DiagramNode;
  figures: Figure[];
  /** Catalogue size from the card, used by indexes that give no `items`. */
  items?: number;
  /** Event inputs from the card, used by an event log that gives none of its own. */
  events: { eventsPerDay?: number; bytesPerEvent?: number; retentionDays?: number };
}

export type SizingKind = 'llm' | 'index' | 'scoring' | 'review' | 'storage';

/** The sizing of one component: its figures, the short line shown on the node, and what it still lacks. */
export interface NodeSizing {
  node: DiagramNode;
  kind: SizingKind;
  figures: Figure[];
  /** The small line on the node ("15.4 TB RAM", "~4 x 8 H100"); absent when nothing is computed yet. */
  line?: string;
  /** Inputs still needed for the main figure, in words ("dimensions"). */
  missing: string[];
  /** Capacity checks: what the component needs against what it has (the capacity rules read these). */
  checks: CapacityCheck[];
}

/** A need against a capacity: `over` when the design is short. */
export interface CapacityCheck {
  id: 'replicas' | 'latency' | 'memory' | 'gpus' | 'reviewers';
  need: number;
  have?: number;
  over: boolean;
  text: string;
}

/** A sizing prop as a number: finite and not negative, else undefined. */
export function amount(props: NodeProps, key: string): number | undefined {
  const v = props[key];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

// ---- formatting -------------------------------------------------------------------------------

/** 1,234 / 12.3K / 4.5M / 5B / 1.2T: three significant figures above 10,000. */
export function fmtCount(n: number): string {
  if (!Number.isFinite(n)) return 'too many to count';
  const a = Math.abs(n);
  if (a < 10_000) return Number.isInteger(n) ? n.toLocaleString('en-US') : sig(n, 3).toLocaleString('en-US');
  const units: [number, string][] = [[1e12, 'T'], [1e9, 'B'], [1e6, 'M'], [1e3, 'K']];
  for (const [u, s] of units) if (a >= u) return `${trim(sig(n / u, 3))}${s}`;
  return String(n);
}

/** Bytes in decimal units: 15.4 TB. */
export function fmtBytes(n: number): string {
  if (!Number.isFinite(n)) return 'too large to compute';
  const units: [number, string][] = [[1e18, 'EB'], [1e15, 'PB'], [1e12, 'TB'], [1e9, 'GB'], [1e6, 'MB'], [1e3, 'KB']];
  for (const [u, s] of units) if (n >= u) return `${trim(sig(n / u, 3))} ${s}`;
  return `${trim(sig(n, 3))} B`;
}

/** An input as written in a sum: 5,000,000,000. */
export function fmtInput(n: number): string {
  return Number.isFinite(n) ? n.toLocaleString('en-US', { maximumFractionDigits: 4 }) : String(n);
}

function sig(n: number, digits: number): number {
  if (n === 0) return 0;
  return Number(n.toPrecision(digits));
}
function trim(n: number): string {
  return String(n);
}

const fig = (id: string, label: string, value: number, text: string, how: string): Figure => ({ id, label, value, text, how });
const plural = (n: number, one: string, many = `${one}s`) => `${fmtCount(n)} ${n === 1 ? one : many}`;

// ---- the formulas -----------------------------------------------------------------------------

/** Peak QPS from DAU x requests per user per day / 86,400 x peak factor (no factor: peak = average). */
export function derivedPeakQps(dau: number, requestsPerUserPerDay: number, peakFactor?: number): Figure {
  const avg = (dau * requestsPerUserPerDay) / R.secondsPerDay.value;
  const factor = peakFactor ?? 1;
  const peak = avg * factor;
  const factorText = peakFactor === undefined ? ' x 1 (no peak factor given; 2-3 is typical)' : ` x ${fmtInput(factor)} peak factor`;
  return fig(
    'peak-qps',
    'Peak QPS',
    peak,
    `${fmtCount(Math.round(peak))} QPS`,
    `${fmtInput(dau)} DAU x ${fmtInput(requestsPerUserPerDay)} requests per user per day / 86,400 s = ${fmtCount(Math.round(avg))} QPS on average${factorText} = ${fmtCount(Math.round(peak))} QPS at the peak`,
  );
}

/** What the Requirements cards say about load (the first card with sizing inputs wins). */
export function designScale(d: Pick<Diagram, 'nodes'>): DesignScale {
  const cards = d.nodes.filter((n) => n.kind === 'requirements');
  const keys = ['qps', 'dau', 'requestsPerUserPerDay', 'peakFactor', 'items', 'eventsPerDay', 'bytesPerEvent', 'retentionDays'];
  const card = cards.find((c) => keys.some((k) => amount(c.props, k) !== undefined)) ?? cards[0];
  const scale: DesignScale = { figures: [], events: {} };
  if (!card) return scale;
  scale.card = card;
  const p = card.props;
  const qps = amount(p, 'qps');
  const dau = amount(p, 'dau');
  const rpd = amount(p, 'requestsPerUserPerDay');
  if (qps !== undefined) {
    scale.peakQps = fig('peak-qps', 'Peak QPS', qps, `${fmtCount(qps)} QPS`, `given on the Requirements card`);
    if (dau !== undefined && rpd !== undefined) {
      const d2 = derivedPeakQps(dau, rpd, amount(p, 'peakFactor'));
      scale.figures.push({ ...d2, id: 'derived-qps', label: 'QPS from DAU', how: `${d2.how} (the card's Peak QPS, ${fmtCount(qps)}, is the one used)` });
    }
  } else if (dau !== undefined && rpd !== undefined) {
    scale.peakQps = derivedPeakQps(dau, rpd, amount(p, 'peakFactor'));
  }
  if (scale.peakQps) scale.figures.unshift(scale.peakQps);
  const items = amount(p, 'items');
  if (items !== undefined) {
    scale.items = items;
    scale.figures.push(fig('catalogue', 'Catalogue', items, `${fmtCount(items)} items`, 'given on the Requirements card'));
  }
  scale.events = { eventsPerDay: amount(p, 'eventsPerDay'), bytesPerEvent: amount(p, 'bytesPerEvent'), retentionDays: amount(p, 'retentionDays') };
  const st = storageFigures(scale.events);
  scale.figures.push(...st);
  return scale;
}

/** Index memory: items x dimensions x bytes per dimension per replica, / shards per node, x replicas in all. */
export function indexMemory(i: { items: number; dimensions: number; bytesPerDimension: number; replicas?: number; shards?: number }, itemsFrom?: string) {
  const perReplica = i.items * i.dimensions * i.bytesPerDimension;
  const replicas = i.replicas ?? 1;
  const shards = i.shards && i.shards >= 1 ? i.shards : 1;
  const perShard = perReplica / shards;
  const total = perReplica * replicas;
  const nodeMem = R.indexNodeMemory.value;
  const shardsNeeded = Math.ceil(perReplica / nodeMem);
  const src = itemsFrom ? ` (${itemsFrom})` : '';
  const figures: Figure[] = [
    fig(
      'memory-per-replica',
      'Memory per replica',
      perReplica,
      fmtBytes(perReplica),
      `${fmtInput(i.items)} items x ${fmtInput(i.dimensions)} dimensions x ${fmtInput(i.bytesPerDimension)} B = ${fmtBytes(perReplica)} (raw vectors; an HNSW graph adds its links${src ? `; ${itemsFrom}` : ''})`,
    ),
  ];
  if (replicas !== 1) figures.push(fig('memory-total', 'Memory in all', total, fmtBytes(total), `${fmtBytes(perReplica)} x ${fmtInput(replicas)} replicas = ${fmtBytes(total)}`));
  if (shards > 1) figures.push(fig('memory-per-shard', 'Memory per shard', perShard, fmtBytes(perShard), `${fmtBytes(perReplica)} / ${fmtInput(shards)} shards = ${fmtBytes(perShard)} per node`));
  figures.push(
    fig('shards-needed', 'Shards needed', shardsNeeded, plural(shardsNeeded, 'shard'), `${fmtBytes(perReplica)} / ${fmtBytes(nodeMem)} of RAM per index node = ${plural(shardsNeeded, 'shard')} at least`),
  );
  return { perReplica, perShard, total, shardsNeeded, figures };
}

/** Scoring load: peak QPS x candidates = scores per second; x cost per candidate = replicas busy; candidates x cost = time per request. */
export function scoringLoad(s: { qps?: number; candidates: number; costPerCandidateUs?: number; replicas?: number; latencyMs?: number }) {
  const figures: Figure[] = [];
  const checks: CapacityCheck[] = [];
  let scoresPerSec: number | undefined;
  let replicasNeeded: number | undefined;
  let perRequestMs: number | undefined;
  if (s.qps !== undefined) {
    scoresPerSec = s.qps * s.candidates;
    figures.push(fig('scores-per-second', 'Scores per second', scoresPerSec, `${fmtCount(scoresPerSec)} scores/s`, `${fmtInput(s.qps)} QPS at the peak x ${fmtInput(s.candidates)} candidates per request = ${fmtCount(scoresPerSec)} scores/s`));
  }
  if (s.costPerCandidateUs !== undefined) {
    perRequestMs = (s.candidates * s.costPerCandidateUs) / 1000;
    figures.push(fig('time-per-request', 'Scoring time per request', perRequestMs, `${fmtMs(perRequestMs)} ms`, `${fmtInput(s.candidates)} candidates x ${fmtInput(s.costPerCandidateUs)} µs = ${fmtMs(perRequestMs)} ms per request on one replica`));
    if (s.latencyMs !== undefined) {
      const over = perRequestMs > s.latencyMs;
      checks.push({ id: 'latency', need: perRequestMs, have: s.latencyMs, over, text: `${fmtMs(perRequestMs)} ms of scoring per request ${over ? 'exceeds' : 'fits in'} its ${fmtMs(s.latencyMs)} ms latency` });
    }
    if (scoresPerSec !== undefined) {
      const busy = (scoresPerSec * s.costPerCandidateUs) / 1e6;
      replicasNeeded = Math.max(1, Math.ceil(busy - 1e-9));
      figures.push(fig('replicas-needed', 'Replicas needed', replicasNeeded, plural(replicasNeeded, 'replica'), `${fmtCount(scoresPerSec)} scores/s x ${fmtInput(s.costPerCandidateUs)} µs = ${fmtCount(busy)} replica-seconds per second -> ${plural(replicasNeeded, 'replica')} scoring at full speed`));
      if (s.replicas !== undefined) {
        const over = replicasNeeded > s.replicas;
        checks.push({ id: 'replicas', need: replicasNeeded, have: s.replicas, over, text: `needs ${plural(replicasNeeded, 'replica')} at the peak, ${over ? 'has only' : 'has'} ${fmtInput(s.replicas)}` });
      }
    }
  }
  return { scoresPerSec, replicasNeeded, perRequestMs, figures, checks };
}

function fmtMs(ms: number): string {
  return Number.isInteger(ms) ? fmtInput(ms) : ms < 10 ? String(sig(ms, 2)) : fmtInput(Math.round(ms * 10) / 10);
}

/** Smallest power of two at or above n (n >= 1). */
function pow2(n: number): number {
  let p = 1;
  while (p < n && p < 2 ** 30) p *= 2;
  return p;
}

/** LLM serving: prefill and decode tokens per second at the peak, per-GPU throughput from FLOPs, GPUs needed in whole model replicas. */
export function llmLoad(l: { qps?: number; promptTokens?: number; outputTokens?: number; modelParamsB?: number; gpu?: GpuSpec; gpus?: number }) {
  const figures: Figure[] = [];
  const checks: CapacityCheck[] = [];
  const prompt = l.promptTokens ?? 0;
  const output = l.outputTokens ?? 0;
  let prefill: number | undefined;
  let decode: number | undefined;
  if (l.qps !== undefined && (l.promptTokens !== undefined || l.outputTokens !== undefined)) {
    prefill = l.qps * prompt;
    decode = l.qps * output;
    figures.push(fig('prefill', 'Prefill tokens per second', prefill, `${fmtCount(prefill)} tokens/s`, `${fmtInput(l.qps)} QPS x ${fmtInput(prompt)} prompt tokens = ${fmtCount(prefill)} prefill tokens/s`));
    figures.push(fig('decode', 'Decode tokens per second', decode, `${fmtCount(decode)} tokens/s`, `${fmtInput(l.qps)} QPS x ${fmtInput(output)} output tokens = ${fmtCount(decode)} decode tokens/s`));
  }
  let gpusNeeded: number | undefined;
  let replicaGpus: number | undefined;
  if (l.modelParamsB !== undefined && l.modelParamsB > 0 && l.gpu) {
    const params = l.modelParamsB * 1e9;
    const flopsPerToken = R.flopsPerParamPerToken.value * params;
    const weights = params * R.bytesPerParam.value;
    replicaGpus = pow2(Math.max(1, Math.ceil(weights / (l.gpu.memory * R.weightsShareOfGpuMemory.value) - 1e-9)));
    figures.push(fig('weights', 'Weights', weights, fmtBytes(weights), `${fmtInput(l.modelParamsB)}B parameters x ${R.bytesPerParam.value} B (fp16) = ${fmtBytes(weights)}: a replica needs ${plural(replicaGpus, `${l.gpu.name}`, `${l.gpu.name}s`)} (weights at most ${R.weightsShareOfGpuMemory.value * 100} % of ${fmtBytes(l.gpu.memory)} each, a power of two)`));
    const perGpuPrefill = (l.gpu.flops * R.prefillUtilisation.value) / flopsPerToken;
    const perGpuDecode = (l.gpu.flops * R.decodeUtilisation.value) / flopsPerToken;
    figures.push(fig('per-gpu', 'Per GPU', perGpuPrefill, `${fmtCount(Math.round(perGpuPrefill))} prefill, ${fmtCount(Math.round(perGpuDecode))} decode tokens/s`, `${fmtInput(l.gpu.flops / 1e12)} TFLOPS (${l.gpu.name}) x ${R.prefillUtilisation.value * 100} % / (2 x ${fmtInput(l.modelParamsB)}B FLOPs per token) = ${fmtCount(Math.round(perGpuPrefill))} prefill tokens/s; at ${R.decodeUtilisation.value * 100} % (decode is bandwidth-bound) ${fmtCount(Math.round(perGpuDecode))} decode tokens/s`));
    if (prefill !== undefined && decode !== undefined) {
      const busy = prefill / perGpuPrefill + decode / perGpuDecode;
      gpusNeeded = Math.max(1, Math.ceil(busy / replicaGpus - 1e-9)) * replicaGpus;
      figures.push(fig('gpus-needed', 'GPUs needed', gpusNeeded, gpuText(gpusNeeded, l.gpu.name), `${fmtCount(prefill)} / ${fmtCount(Math.round(perGpuPrefill))} + ${fmtCount(decode)} / ${fmtCount(Math.round(perGpuDecode))} = ${fmtCount(Math.round(busy * 10) / 10)} GPUs busy -> ${plural(gpusNeeded, 'GPU')} in replicas of ${replicaGpus}${gpusNeeded >= R.gpusPerNode.value ? ` (${gpuText(gpusNeeded, l.gpu.name)} nodes)` : ''}`));
      if (l.gpus !== undefined) {
        const over = gpusNeeded > l.gpus;
        checks.push({ id: 'gpus', need: gpusNeeded, have: l.gpus, over, text: `needs ${plural(gpusNeeded, l.gpu.name, `${l.gpu.name}s`)} at the peak, ${over ? 'has only' : 'has'} ${fmtInput(l.gpus)}` });
      }
    }
  }
  return { prefill, decode, gpusNeeded, replicaGpus, figures, checks };
}

/** "~4 x 8 H100" for whole nodes, "2 x H100" below one node. */
export function gpuText(gpus: number, name: string): string {
  const per = R.gpusPerNode.value;
  if (gpus >= per) return `~${fmtCount(Math.ceil(gpus / per))} x ${per} ${name}`;
  return `${fmtCount(gpus)} x ${name}`;
}

/** Storage: events per day x bytes per event per day; x retention days in all. */
export function storageFigures(s: { eventsPerDay?: number; bytesPerEvent?: number; retentionDays?: number }, from?: string): Figure[] {
  if (s.eventsPerDay === undefined || s.bytesPerEvent === undefined) return [];
  const perDay = s.eventsPerDay * s.bytesPerEvent;
  const src = from ? ` (${from})` : '';
  const out = [fig('storage-per-day', 'Storage per day', perDay, `${fmtBytes(perDay)}/day`, `${fmtInput(s.eventsPerDay)} events per day x ${fmtInput(s.bytesPerEvent)} B${src} = ${fmtBytes(perDay)} a day`)];
  if (s.retentionDays !== undefined) {
    const total = perDay * s.retentionDays;
    out.push(fig('storage-retained', 'Storage for the retention', total, fmtBytes(total), `${fmtBytes(perDay)} a day x ${fmtInput(s.retentionDays)} days = ${fmtBytes(total)} (before replication)`));
  }
  return out;
}

/** Review load: items per day x review share = reviews per day; / reviews per hour / 6 h = reviewers. */
export function reviewLoad(r: { itemsPerDay: number; reviewShare: number; reviewsPerHour?: number; reviewers?: number }) {
  const reviews = r.itemsPerDay * r.reviewShare;
  const figures: Figure[] = [fig('reviews-per-day', 'Reviews per day', reviews, `${fmtCount(Math.round(reviews))} reviews/day`, `${fmtInput(r.itemsPerDay)} items per day x ${fmtInput(r.reviewShare * 100)} % = ${fmtCount(Math.round(reviews))} reviews a day (${fmtCount(Math.round(reviews * 30))} a month)`)];
  const checks: CapacityCheck[] = [];
  let reviewersNeeded: number | undefined;
  if (r.reviewsPerHour !== undefined && r.reviewsPerHour > 0) {
    const hours = reviews / r.reviewsPerHour;
    reviewersNeeded = Math.ceil(hours / R.reviewHoursPerDay.value - 1e-9);
    figures.push(fig('reviewers-needed', 'Reviewers needed', reviewersNeeded, plural(reviewersNeeded, 'reviewer'), `${fmtCount(Math.round(reviews))} reviews / ${fmtInput(r.reviewsPerHour)} per hour = ${fmtCount(Math.round(hours))} hours a day / ${R.reviewHoursPerDay.value} productive hours per reviewer = ${plural(reviewersNeeded, 'reviewer')} a day`));
    if (r.reviewers !== undefined) {
      const over = reviewersNeeded > r.reviewers;
      checks.push({ id: 'reviewers', need: reviewersNeeded, have: r.reviewers, over, text: `needs ${plural(reviewersNeeded, 'reviewer')} a day, ${over ? 'has only' : 'has'} ${fmtInput(r.reviewers)}` });
    }
  }
  return { reviews, reviewersNeeded, figures, checks };
}

// ---- per component ----------------------------------------------------------------------------

/** Every prop a component's sizing reads: a component with none of them (nearly all) is not sized, found in one pass over its few props. */
const SIZING_INPUTS = new Set([
  'promptTokens', 'outputTokens', 'modelParamsB', 'gpus', 'gpu', 'items', 'dimensions', 'bytesPerDimension', 'replicas', 'shards',
  'candidates', 'costPerCandidateUs', 'itemsPerDay', 'reviewShare', 'reviewsPerHour', 'reviewers', 'eventsPerDay', 'bytesPerEvent', 'retentionDays',
]);
const hasSizingInput = (p: DiagramNode['props']): boolean => {
  for (const k in p) if (SIZING_INPUTS.has(k)) return true;
  return false;
};

/** The sizing of a component from its props and the design's scale; undefined for a kind without sizing or no input at all. */
export function sizeNode(node: DiagramNode, scale: DesignScale): NodeSizing | undefined {
  const p = node.props;
  // Only an event log inherits the Requirements card's event volume without inputs of its own.
  if (!hasSizingInput(p) && !(scale.events.eventsPerDay !== undefined && plays(node, 'event-log'))) return undefined;
  const a = (k: string) => amount(p, k);
  const qps = scale.peakQps?.value;
  if (plays(node, 'llm-server')) {
    const gpu = gpuSpec(p.gpu);
    const anyInput = ['promptTokens', 'outputTokens', 'modelParamsB', 'gpus'].some((k) => a(k) !== undefined) || typeof p.gpu === 'string';
    if (!anyInput) return undefined;
    const r = llmLoad({ qps, promptTokens: a('promptTokens'), outputTokens: a('outputTokens'), modelParamsB: a('modelParamsB'), gpu, gpus: a('gpus') });
    const missing: string[] = [];
    if (qps === undefined) missing.push('the peak QPS (Requirements card)');
    if (a('promptTokens') === undefined && a('outputTokens') === undefined) missing.push('prompt or output tokens');
    if (a('modelParamsB') === undefined) missing.push('model size');
    if (!gpu) missing.push(typeof p.gpu === 'string' && p.gpu.trim() ? `a GPU type the table knows (not "${p.gpu}")` : 'GPU type');
    const line = r.gpusNeeded !== undefined && gpu ? gpuText(r.gpusNeeded, gpu.name) : r.prefill !== undefined ? `${fmtCount(r.prefill)} prefill tok/s` : undefined;
    return { node, kind: 'llm', figures: r.figures, line, missing, checks: r.checks };
  }
  if (plays(node, 'vector-db') || plays(node, 'search-index')) {
    const own = a('items');
    const items = own ?? scale.items;
    const dims = a('dimensions');
    const bpd = a('bytesPerDimension') ?? (dims !== undefined ? 4 : undefined);
    const anyInput = ['items', 'dimensions', 'bytesPerDimension', 'replicas', 'shards'].some((k) => a(k) !== undefined);
    if (!anyInput) return undefined;
    const missing: string[] = [];
    if (items === undefined) missing.push('items');
    if (dims === undefined) missing.push('dimensions');
    if (items === undefined || dims === undefined || bpd === undefined) return { node, kind: 'index', figures: [], missing, checks: [] };
    const from = [own === undefined ? 'catalogue size from the Requirements card' : '', a('bytesPerDimension') === undefined ? 'fp32 assumed' : ''].filter(Boolean).join('; ');
    const m = indexMemory({ items, dimensions: dims, bytesPerDimension: bpd, replicas: a('replicas'), shards: a('shards') }, from || undefined);
    const nodeMem = R.indexNodeMemory.value;
    const shards = a('shards');
    const over = m.perShard > nodeMem;
    const checks: CapacityCheck[] = [
      { id: 'memory', need: m.perShard, have: nodeMem, over, text: `${fmtBytes(m.perShard)} per node${shards && shards > 1 ? ` (${fmtInput(shards)} shards)` : ''} ${over ? 'exceeds' : 'fits in'} the ${fmtBytes(nodeMem)} one index node holds` },
    ];
    const line = shards && shards > 1 ? `${fmtBytes(m.perReplica)} / ${fmtInput(shards)} shards` : `${fmtBytes(m.perReplica)} RAM`;
    return { node, kind: 'index', figures: m.figures, line, missing, checks };
  }
  if (plays(node, 'candidate-generation') || plays(node, 'ranking') || plays(node, 're-ranking')) {
    const candidates = a('candidates');
    const anyInput = ['candidates', 'costPerCandidateUs', 'replicas'].some((k) => a(k) !== undefined);
    if (!anyInput) return undefined;
    const missing: string[] = [];
    if (candidates === undefined) missing.push('candidates per request');
    if (a('costPerCandidateUs') === undefined) missing.push('cost per candidate');
    if (qps === undefined) missing.push('the peak QPS (Requirements card)');
    if (candidates === undefined) return { node, kind: 'scoring', figures: [], missing, checks: [] };
    const r = scoringLoad({ qps, candidates, costPerCandidateUs: a('costPerCandidateUs'), replicas: a('replicas'), latencyMs: a('latencyMs') });
    const line = r.scoresPerSec !== undefined ? `${fmtCount(r.scoresPerSec)} scores/s` : r.perRequestMs !== undefined ? `${fmtMs(r.perRequestMs)} ms scoring` : undefined;
    return { node, kind: 'scoring', figures: r.figures, line, missing, checks: r.checks };
  }
  if (plays(node, 'human-review')) {
    const items = a('itemsPerDay');
    const share = a('reviewShare');
    const anyInput = ['itemsPerDay', 'reviewShare', 'reviewsPerHour', 'reviewers'].some((k) => a(k) !== undefined);
    if (!anyInput) return undefined;
    const missing: string[] = [];
    if (items === undefined) missing.push('items per day');
    if (share === undefined) missing.push('review share');
    if (a('reviewsPerHour') === undefined) missing.push('reviews per hour');
    if (items === undefined || share === undefined) return { node, kind: 'review', figures: [], missing, checks: [] };
    const r = reviewLoad({ itemsPerDay: items, reviewShare: share, reviewsPerHour: a('reviewsPerHour'), reviewers: a('reviewers') });
    const line = r.reviewersNeeded !== undefined ? `${plural(r.reviewersNeeded, 'reviewer')}` : `${fmtCount(Math.round(r.reviews))} reviews/day`;
    return { node, kind: 'review', figures: r.figures, line, missing, checks: r.checks };
  }
  if (plays(node, 'event-log') || plays(node, 'data-warehouse') || plays(node, 'object-storage')) {
    const own = { eventsPerDay: a('eventsPerDay'), bytesPerEvent: a('bytesPerEvent'), retentionDays: a('retentionDays') };
    const hasOwn = Object.values(own).some((v) => v !== undefined);
    const inherit = !hasOwn && plays(node, 'event-log') && scale.events.eventsPerDay !== undefined;
    if (!hasOwn && !inherit) return undefined;
    const s = inherit ? scale.events : own;
    const figures = storageFigures(s, inherit ? 'from the Requirements card' : undefined);
    const missing: string[] = [];
    if (s.eventsPerDay === undefined) missing.push('events per day');
    if (s.bytesPerEvent === undefined) missing.push('bytes per event');
    if (s.retentionDays === undefined) missing.push('retention');
    const total = figures.find((f) => f.id === 'storage-retained') ?? figures[0];
    return { node, kind: 'storage', figures, line: total?.text, missing, checks: [] };
  }
  return undefined;
}

/** The sizing of every component that has sizing inputs, in diagram order, with the design's scale. */
export function sizeDiagram(d: Pick<Diagram, 'nodes'>): { scale: DesignScale; nodes: NodeSizing[] } {
  const scale = designScale(d);
  const nodes: NodeSizing[] = [];
  for (const n of d.nodes) {
    if (n.kind === 'note' || n.kind === 'group' || n.kind === 'requirements' || n.kind === 'ml-objective') continue;
    const s = sizeNode(n, scale);
    if (s) nodes.push(s);
  }
  return { scale, nodes };
}

/** A node's name in a sizing text. */
export const sizingName = (s: NodeSizing) => nodeLabel(s.node);
