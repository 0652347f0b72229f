import { describe, expect, it } from 'vitest';
import { KIND_IDS, type KindId } from '../../../src/domain/catalogue';
import { KIND_TOOLS } from '../../../src/domain/kindTools';
import { COMPONENT_CARDS, componentCard, followUpFor } from '../../../src/domain/content/componentCards';
import { CONTENT_LIMITS, componentCardLength, componentCardProblems, componentCardProseLength, toolCovers } from '../../../src/domain/content/limits';

const L = CONTENT_LIMITS.component;

describe('component cards', () => {
  it('has exactly one card per catalogue kind, keyed by its kind', () => {
    expect(Object.keys(COMPONENT_CARDS).sort()).toEqual([...KIND_IDS].sort());
    expect(KIND_IDS).toHaveLength(42);
    for (const kind of KIND_IDS) {
      expect(COMPONENT_CARDS[kind].kind).toBe(kind);
      expect(componentCard(kind)).toBe(COMPONENT_CARDS[kind]);
    }
  });

  describe.each(KIND_IDS)('%s', (kind) => {
    const card = COMPONENT_CARDS[kind];

    it('fills every field', () => {
      for (const text of [card.what, card.whenToUse, card.whenNot, ...card.tradeoffs, ...card.followUps]) {
        expect(text.trim()).not.toBe('');
      }
      expect(card.tradeoffs.length).toBeGreaterThanOrEqual(L.tradeoffsMin);
      expect(card.tradeoffs.length).toBeLessThanOrEqual(L.tradeoffsMax);
      expect(card.followUps.length).toBeGreaterThanOrEqual(L.followUpsMin);
      expect(card.followUps.length).toBeLessThanOrEqual(L.followUpsMax);
      for (const q of card.followUps) expect(q).toMatch(/\?$/);
      for (const t of card.tools) {
        expect(t.name.trim()).not.toBe('');
        expect(t.when.trim()).not.toBe('');
      }
    });

    it('lists every tool the catalogue offers for the kind, once', () => {
      const catalogueTools = KIND_TOOLS[kind];
      for (const tool of catalogueTools) {
        const covering = card.tools.filter((t) => toolCovers(t.name, tool));
        expect(covering, `tool "${tool}"`).toHaveLength(1);
      }
      expect(card.tools.length).toBeGreaterThanOrEqual(catalogueTools.length);
      const names = card.tools.map((t) => t.name.toLowerCase());
      expect(new Set(names).size).toBe(names.length);
    });

    it('stays within every length limit', () => {
      expect(card.what.length).toBeLessThanOrEqual(L.what);
      expect(card.whenToUse.length).toBeLessThanOrEqual(L.whenToUse);
      expect(card.whenNot.length).toBeLessThanOrEqual(L.whenNot);
      for (const t of card.tradeoffs) expect(t.length).toBeLessThanOrEqual(L.tradeoff);
      for (const q of card.followUps) expect(q.length).toBeLessThanOrEqual(L.followUp);
      for (const t of card.tools) {
        expect(t.name.length).toBeLessThanOrEqual(L.toolName);
        expect(t.when.length).toBeLessThanOrEqual(L.toolWhen);
      }
      expect(componentCardProseLength(card)).toBeLessThanOrEqual(L.prose);
      expect(componentCardLength(card)).toBeLessThanOrEqual(L.total);
      expect(componentCardProblems(card, KIND_TOOLS[kind])).toEqual([]);
    });
  });

  it('asks the feature-store outage question first', () => {
    expect(COMPONENT_CARDS['feature-store'].followUps[0]).toBe('What happens when the online store is down?');
  });

  describe('keeps its facts current', () => {
    const toolLine = (kind: KindId, name: string) => {
      const t = COMPONENT_CARDS[kind].tools.find((x) => x.name === name);
      expect(t, `${kind} lists ${name}`).toBeDefined();
      return t?.when ?? '';
    };

    it('tells data drift from concept drift, and numeric from categorical drift tests', () => {
      const c = COMPONENT_CARDS['drift-detection'];
      expect(c.what).toMatch(/\(data drift\)/);
      expect(c.what).toMatch(/concept drift[^.]*shows only against labels/);
      expect(c.tradeoffs.join(' | ')).toMatch(/KS suits numeric features/);
      expect(c.tradeoffs.join(' | ')).toMatch(/categorical ones need chi-square or Jensen-Shannon/);
      expect(c.tradeoffs.join(' | ')).toMatch(/CBPE[^|]*assumes no concept drift/);
      expect(toolLine('drift-detection', 'KS test')).toMatch(/numeric features only/);
      expect(toolLine('drift-detection', 'chi-square / Jensen-Shannon')).toMatch(/^Categorical features/);
      expect(toolLine('drift-detection', 'NannyML')).toMatch(/CBPE[^.]*concept drift needs labels/);
    });

    it("keeps Cohen's kappa for two raters and names Fleiss' or Krippendorff's for more", () => {
      const line = toolLine('labeling', 'human raters');
      expect(line).toMatch(/Cohen's kappa for two raters/);
      expect(line).toMatch(/Fleiss' kappa or Krippendorff's alpha for more/);
    });

    it('says TorchServe is archived and TGI in maintenance mode, with maintained alternatives', () => {
      expect(toolLine('model-server', 'TorchServe')).toMatch(/archived in August 2025/);
      expect(toolLine('model-server', 'TorchServe')).toMatch(/Triton, KServe or BentoML/);
      expect(toolLine('llm-server', 'TGI')).toMatch(/maintenance mode, prefer vLLM or SGLang/);
      expect(toolLine('llm-server', 'SGLang')).not.toBe('');
      expect(toolLine('llm-server', 'vLLM')).not.toBe('');
    });

    it('offers modern embedding defaults and calls BERT and word2vec older baselines', () => {
      expect(toolLine('embedding-model', 'BGE / E5 / GTE')).toMatch(/usual start/);
      expect(toolLine('embedding-model', 'CLIP / SigLIP')).toMatch(/SigLIP/);
      expect(toolLine('embedding-model', 'BERT')).toMatch(/^Older baseline/);
      expect(toolLine('embedding-model', 'word2vec')).toMatch(/^Older, cheap baseline/);
    });

    it('calls Hive rarely a new choice', () => {
      expect(toolLine('data-warehouse', 'Hive')).toMatch(/rarely a new choice/);
    });

    it('says a prediction log is not a label until joined with what happened', () => {
      const c = COMPONENT_CARDS['prediction-logging'];
      expect(c.tradeoffs.join(' | ')).toMatch(/A log of predictions is not a label: only its join with what happened/);
      expect(c.whenToUse).toMatch(/joined with outcomes/);
      expect(c.whenToUse).not.toMatch(/delayed labels/);
    });

    it('agrees with revision 2: an empty requirements card covers no stage, a custom node plays the kinds it acts as', () => {
      expect(COMPONENT_CARDS.requirements.whenToUse).toMatch(/an empty card covers no stage/);
      expect(COMPONENT_CARDS['ml-objective'].whenToUse).toMatch(/the label and its source and delay/);
      const custom = COMPONENT_CARDS.custom;
      expect([custom.whenNot, ...custom.tradeoffs].join(' | ')).toMatch(/kinds it also acts as/);
      expect(custom.tradeoffs.join(' | ')).not.toMatch(/cannot reason/);
    });
  });
});

describe('followUpFor', () => {
  const qs = COMPONENT_CARDS['feature-store'].followUps;

  it('returns the follow-up at that index', () => {
    expect(followUpFor('feature-store', 0)).toBe(qs[0]);
    expect(followUpFor('feature-store', 1)).toBe(qs[1]);
  });

  it('wraps past the end and counts negative indexes from the end', () => {
    expect(followUpFor('feature-store', qs.length)).toBe(qs[0]);
    expect(followUpFor('feature-store', qs.length + 1)).toBe(qs[1]);
    expect(followUpFor('feature-store', -1)).toBe(qs[qs.length - 1]);
  });

  it('treats non-integer and non-finite indexes sensibly', () => {
    expect(followUpFor('feature-store', 1.7)).toBe(qs[1]);
    expect(followUpFor('feature-store', Number.NaN)).toBe(qs[0]);
    expect(followUpFor('feature-store', Number.POSITIVE_INFINITY)).toBe(qs[0]);
  });

  it('returns a question for every kind', () => {
    for (const kind of KIND_IDS) expect(followUpFor(kind, 0)).toMatch(/\?$/);
  });
});
