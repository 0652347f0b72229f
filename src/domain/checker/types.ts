import type { EdgeKind } from '../diagram';
import type { StageId } from '../stages';

/** Checker rule ids of domain.md section 4. Contracts: never rename one. */
export const RULE_IDS = [
  'missing-stage',
  'requirements-incomplete',
  'objective-incomplete',
  'orphan-node',
  'no-serving-path',
  'no-model-handoff',
  'no-model-registry',
  'no-eval-gate',
  'edge-kind-mismatch',
  'no-online-eval',
  'monitoring-detached',
  'no-retraining-loop',
  'no-label-source',
  'training-serving-skew',
  'stale-index',
  'feedback-loop-risk',
  'latency-over-budget',
  'missing-component',
  'metric-mismatch',
  'leaky-split',
  'uncalibrated-scores',
  'label-delay',
  'no-guardrail-metric',
  'unguarded-automation',
  'no-fallback',
  'tool-misfit',
  'tool-retired',
  'capacity-ranking-throughput',
  'capacity-index-memory',
  'capacity-gpus',
  'capacity-review-queue',
  'capacity-latency-unset',
] as const;
export type RuleId = (typeof RULE_IDS)[number];

export type Severity = 'error' | 'warning' | 'info';

export interface Finding {
  rule: RuleId;
  severity: Severity;
  stage?: StageId;
  /** The nodes the rule table names, in diagram order. */
  nodeIds: string[];
  /** What is wrong and how to fix it, in the words of the design. */
  message: string;
  /** The concept behind it. */
  hint: string;
  /** The edges the finding is about (`edge-kind-mismatch`), when it is about edges. */
  edgeIds?: string[];
  /** A one-click fix the app can apply (undoably). */
  fix?: FindingFix;
}

/** A one-click fix: give an edge another kind, or turn it round. */
export type FindingFix =
  | { action: 'set-edge-kind'; edgeId: string; kind: EdgeKind; label: string }
  | { action: 'reverse-edge'; edgeId: string; label: string };

export interface SuppressedFinding {
  finding: Finding;
  reason: string;
}

export interface CheckResult {
  /** Unsuppressed findings, errors first. */
  findings: Finding[];
  suppressed: SuppressedFinding[];
  /** Stage coverage (domain.md section 4): true when the stage is covered. */
  stages: Record<StageId, boolean>;
  /** Why each uncovered stage is not covered yet, as a to-do ("Start with the requirements: ..."). */
  stageGaps?: Partial<Record<StageId, string>>;
  /**
   * For a design that is just starting (earlyDesign.ts): the keys (findingKey) of the findings the
   * app presents as its to-do list rather than as errors and warnings. Absent otherwise.
   */
  toDo?: string[];
  /** Set by the app while the checker itself is still loading (never by runChecks). */
  pending?: boolean;
  /** Set (with pending) when the checker's code could not be loaded: why, as a sentence. */
  unavailable?: string;
}
