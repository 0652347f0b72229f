/**
 * Runs every checker rule of domain.md section 4 (revision 2) on a diagram: builds the graph and the role
 * sets once, runs the rules in RULE_IDS order, sets suppressed findings apart and sorts the
 * rest errors first.
 *
 * Suppressions: a suppression applies to findings of its `rule`.
 * - Without `nodeIds` (absent or empty), it suppresses every finding of that rule.
 * - With `nodeIds`, it suppresses a finding whose node ids are all in its list. A finding
 *   without node ids (e.g. `missing-stage`) is then never suppressed: a list of nodes says
 *   "these nodes are fine", which does not speak for a design-wide finding.
 * - A suppression with an empty (or blank) reason is ignored: domain.md requires a reason.
 * The first suppression that matches gives the reason.
 */
import type { Diagram } from '../diagram';
import { buildContext, type Rule } from './context';
import type { CheckResult, Finding, RuleId, Severity, SuppressedFinding } from './types';
import { findingKey, suppresses } from './keys';
import { isEarlyDesign, toDoFindings } from '../earlyDesign';

// The small helpers live in ./keys so the UI can use them without loading the rules.
export { countBySeverity, findingKey, suppresses } from './keys';
import { RULE_IDS } from './types';
import { missingStage } from './rules/missing-stage';
import { requirementsIncomplete } from './rules/requirements-incomplete';
import { objectiveIncomplete } from './rules/objective-incomplete';
import { orphanNode } from './rules/orphan-node';
import { noServingPath } from './rules/no-serving-path';
import { noModelHandoff } from './rules/no-model-handoff';
import { noModelRegistry } from './rules/no-model-registry';
import { noEvalGate } from './rules/no-eval-gate';
import { edgeKindMismatchRule } from './rules/edge-kind-mismatch';
import { noOnlineEval } from './rules/no-online-eval';
import { monitoringDetached } from './rules/monitoring-detached';
import { noRetrainingLoop } from './rules/no-retraining-loop';
import { noLabelSource } from './rules/no-label-source';
import { trainingServingSkew } from './rules/training-serving-skew';
import { staleIndex } from './rules/stale-index';
import { feedbackLoopRisk } from './rules/feedback-loop-risk';
import { latencyOverBudget } from './rules/latency-over-budget';
import { missingComponent } from './rules/missing-component';
import { metricMismatch } from './rules/metric-mismatch';
import { leakySplit } from './rules/leaky-split';
import { uncalibratedScores } from './rules/uncalibrated-scores';
import { labelDelay } from './rules/label-delay';
import { noGuardrailMetric } from './rules/no-guardrail-metric';
import { unguardedAutomation } from './rules/unguarded-automation';
import { noFallback } from './rules/no-fallback';
import { toolMisfit } from './rules/tool-misfit';
import { toolRetired } from './rules/tool-retired';
import { capacityRankingThroughput } from './rules/capacity-ranking-throughput';
import { capacityIndexMemory } from './rules/capacity-index-memory';
import { capacityGpus } from './rules/capacity-gpus';
import { capacityReviewQueue } from './rules/capacity-review-queue';
import { capacityLatencyUnset } from './rules/capacity-latency-unset';

/** Every rule by id, in RULE_IDS order. */
export const RULES: Readonly<Record<RuleId, Rule>> = {
  'missing-stage': missingStage,
  'requirements-incomplete': requirementsIncomplete,
  'objective-incomplete': objectiveIncomplete,
  'orphan-node': orphanNode,
  'no-serving-path': noServingPath,
  'no-model-handoff': noModelHandoff,
  'no-model-registry': noModelRegistry,
  'no-eval-gate': noEvalGate,
  'edge-kind-mismatch': edgeKindMismatchRule,
  'no-online-eval': noOnlineEval,
  'monitoring-detached': monitoringDetached,
  'no-retraining-loop': noRetrainingLoop,
  'no-label-source': noLabelSource,
  'training-serving-skew': trainingServingSkew,
  'stale-index': staleIndex,
  'feedback-loop-risk': feedbackLoopRisk,
  'latency-over-budget': latencyOverBudget,
  'missing-component': missingComponent,
  'metric-mismatch': metricMismatch,
  'leaky-split': leakySplit,
  'uncalibrated-scores': uncalibratedScores,
  'label-delay': labelDelay,
  'no-guardrail-metric': noGuardrailMetric,
  'unguarded-automation': unguardedAutomation,
  'no-fallback': noFallback,
  'tool-misfit': toolMisfit,
  'tool-retired': toolRetired,
  'capacity-ranking-throughput': capacityRankingThroughput,
  'capacity-index-memory': capacityIndexMemory,
  'capacity-gpus': capacityGpus,
  'capacity-review-queue': capacityReviewQueue,
  'capacity-latency-unset': capacityLatencyUnset,
};

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Checks a diagram: unsuppressed findings (errors, then warnings, then info), suppressed ones, stage coverage. */
export function runChecks(diagram: Diagram): CheckResult {
  const ctx = buildContext(diagram);
  const all: Finding[] = [];
  for (const id of RULE_IDS) all.push(...RULES[id](ctx));
  const findings: Finding[] = [];
  const suppressed: SuppressedFinding[] = [];
  const active = (diagram.suppressions ?? []).filter((s) => typeof s.reason === 'string' && s.reason.trim() !== '');
  for (const f of all) {
    const s = active.find((sup) => suppresses(sup, f));
    if (s) suppressed.push({ finding: f, reason: s.reason });
    else findings.push(f);
  }
  findings.sort(bySeverity);
  suppressed.sort((a, b) => bySeverity(a.finding, b.finding));
  const stageGaps: CheckResult['stageGaps'] = {};
  for (const f of all) if (f.rule === 'missing-stage' && f.stage) stageGaps[f.stage] = f.message;
  const result: CheckResult = { findings, suppressed, stages: ctx.stages, stageGaps };
  if (isEarlyDesign(diagram)) result.toDo = [...toDoFindings(findings)].map(findingKey);
  return result;
}

function bySeverity(a: Finding, b: Finding): number {
  return SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
}

