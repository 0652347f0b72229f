// The four designs an experienced interviewer wrote and graded (../shared/examples, copied into
// tests/fixtures/examples): the checker must reach the interviewer's verdict on each.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runChecks } from '../../../src/domain/checker/runChecks';
import type { RuleId } from '../../../src/domain/checker/types';
import { parseDiagram } from '../../../src/domain/format/parse';

const here = resolve(import.meta.dirname, '../../fixtures/examples');
const shared = resolve(import.meta.dirname, '../../../../shared/examples');

function check(file: string) {
  const parsed = parseDiagram(JSON.parse(readFileSync(resolve(here, file), 'utf8')));
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
  return runChecks(parsed.value);
}

const VERDICTS: { file: string; verdict: string; errorsAndWarnings: 'none' | RuleId[]; mustNot: RuleId[] }[] = [
  {
    file: 'rec-rules-engine-rerank.json',
    verdict: 'strong: re-ranking in a rules engine with epsilon-greedy exploration',
    errorsAndWarnings: 'none',
    mustNot: ['missing-component', 'feedback-loop-risk'],
  },
  {
    file: 'llm-summarizer-pretrained.json',
    verdict: 'strong: a pretrained LLM, nothing trained',
    errorsAndWarnings: 'none',
    mustNot: ['missing-stage', 'no-model-handoff', 'no-label-source'],
  },
  {
    file: 'fraud-weak.json',
    verdict: 'weak: accuracy, random split, no maturity window, hard decline, drift as feedback, A/B on accuracy',
    errorsAndWarnings: ['metric-mismatch', 'leaky-split', 'label-delay', 'unguarded-automation', 'edge-kind-mismatch', 'no-guardrail-metric'],
    mustNot: [],
  },
  {
    file: 'ads-weak-calibration.json',
    verdict: 'weak: downsampling without recalibration, daily click join, AUC on a random split, CTR only',
    errorsAndWarnings: ['uncalibrated-scores', 'label-delay', 'leaky-split', 'no-guardrail-metric'],
    mustNot: [],
  },
];

describe("the interviewer's example designs", () => {
  it.each(VERDICTS)('$file ($verdict)', ({ file, errorsAndWarnings, mustNot }) => {
    const r = check(file);
    const serious = r.findings.filter((f) => f.severity !== 'info').map((f) => f.rule);
    const all = r.findings.map((f) => f.rule);
    if (errorsAndWarnings === 'none') expect(serious).toEqual([]);
    else for (const rule of errorsAndWarnings) expect(serious).toContain(rule);
    for (const rule of mustNot) expect(all).not.toContain(rule);
  });

  it('the strong pretrained design covers every stage, with the LLM as its model step', () => {
    expect(Object.values(check('llm-summarizer-pretrained.json').stages).every(Boolean)).toBe(true);
  });

  it('flags the drift edge of the weak fraud design with the fix "Make it a control edge"', () => {
    const f = check('fraud-weak.json').findings.find((x) => x.rule === 'edge-kind-mismatch')!;
    expect(f.nodeIds).toEqual(['drift', 'train']);
    expect(f.fix).toMatchObject({ action: 'set-edge-kind', kind: 'control' });
  });

  it('are the same files as ../shared/examples when it is present', () => {
    if (!existsSync(shared)) return;
    const files = readdirSync(shared).filter((f) => f.endsWith('.json')).sort();
    expect(readdirSync(here).filter((f) => f.endsWith('.json')).sort()).toEqual(files);
    for (const f of files) expect(readFileSync(resolve(here, f), 'utf8')).toBe(readFileSync(resolve(shared, f), 'utf8'));
  });
});
