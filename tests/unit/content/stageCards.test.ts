import { describe, expect, it } from 'vitest';
import { CONTENT_LIMITS, stageCardLength, stageCardProblems } from '../../../src/domain/content/limits';
import { STAGE_CARDS, stageCard } from '../../../src/domain/content/stageCards';
import { STAGE_IDS, STAGES } from '../../../src/domain/stages';

const L = CONTENT_LIMITS.stage;

describe('stage cards', () => {
  it('has one card per stage, in interview order', () => {
    expect(Object.keys(STAGE_CARDS)).toEqual([...STAGE_IDS]);
    for (const id of STAGE_IDS) {
      expect(STAGE_CARDS[id].stage).toBe(id);
      expect(stageCard(id)).toBe(STAGE_CARDS[id]);
    }
  });

  it("takes its minutes from STAGES", () => {
    for (const s of STAGES) expect(STAGE_CARDS[s.id].minutes).toBe(s.minutes);
    const total = STAGE_IDS.reduce((n, id) => n + STAGE_CARDS[id].minutes, 0);
    expect(total).toBe(STAGES.reduce((n, s) => n + s.minutes, 0));
  });

  describe.each(STAGE_IDS)('%s', (id) => {
    const card = STAGE_CARDS[id];

    it('fills every field with 4-6 questions', () => {
      expect(card.goal.trim()).not.toBe('');
      expect(card.questions.length).toBeGreaterThanOrEqual(L.questionsMin);
      expect(card.questions.length).toBeLessThanOrEqual(L.questionsMax);
      for (const q of card.questions) {
        expect(q.trim()).not.toBe('');
        expect(q).toMatch(/\?$/);
      }
    });

    it('stays within every length limit', () => {
      expect(card.goal.length).toBeLessThanOrEqual(L.goal);
      for (const q of card.questions) expect(q.length).toBeLessThanOrEqual(L.question);
      expect(stageCardLength(card)).toBeLessThanOrEqual(L.total);
      expect(stageCardProblems(card)).toEqual([]);
    });
  });

  it('lets a pretrained model be the model stage, and tells data drift from concept drift', () => {
    expect(STAGE_CARDS.model.goal).toMatch(/pretrained model/);
    expect(STAGE_CARDS.model.questions.join(' | ')).toMatch(/use a pretrained model as it is/);
    expect(STAGE_CARDS.monitoring.questions.join(' | ')).toMatch(/inputs for data drift[^|]*concept drift when labels lag/);
    expect(STAGE_CARDS.evaluation.questions.join(' | ')).toMatch(/guardrail metrics/);
  });
});
