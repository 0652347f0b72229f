/**
 * Every shipped template (templates/*.json) is a clean reference answer: it is what its definition
 * (scripts/template-defs/defs) builds, it parses, passes the checker with no finding at all and no
 * suppression, has its requirements and ML objective filled with the structured fields, names a
 * primary online metric and guardrails, has a fallback on the online path and maintained tools
 * (domain.md sections 6 and 7), and is readable at fit view in a 1440 x 900 window: 50 % zoom or
 * more, no overlap, children inside their zones, no edge through a component, no label on a
 * component or on another label, nothing under the legend or the minimap.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramText } from '../../src/domain/format/parse';
import { runChecks } from '../../src/domain/checker/runChecks';
import { ROLE, has, roleMask } from '../../src/domain/roles';
import { ML_TASKS, type Diagram, type DiagramNode } from '../../src/domain/diagram';
import { templateJson } from '../../scripts/template-defs/builder';
import { DEFS } from '../../scripts/template-defs/defs/index';
import {
  childrenOutsideZone,
  coveredAtFit,
  drawnBounds,
  edgesThroughNodes,
  fitViewport,
  labelCollisions,
  overlappingPairs,
  sizingCollisions,
} from '../../scripts/template-defs/geometry';
import { nodeSizingLines } from '../../src/canvas/sizingLines';

const DIR = join(__dirname, '..', '..', 'templates');

/** The case-study table of domain.md section 6: template id -> problem profile. */
const CASE_STUDIES: Record<string, string> = {
  'video-recommendation': 'recommendation',
  'visual-search': 'visual-search',
  'video-search': 'video-search',
  'harmful-content-detection': 'content-moderation',
  'event-recommendation': 'recommendation',
  'ad-click-prediction': 'ad-click',
  'similar-listings': 'recommendation',
  'news-feed': 'recommendation',
  'people-you-may-know': 'recommendation',
  'fraud-detection': 'fraud',
  'eta-prediction': 'eta',
  'search-ranking': 'search-ranking',
  'street-view-blurring': 'generic',
  'rag-assistant': 'rag',
};

const files = readdirSync(DIR).filter((f) => f.endsWith('.json')).sort();

function load(file: string): { raw: Record<string, unknown>; diagram: Diagram } {
  const text = readFileSync(join(DIR, file), 'utf8');
  const parsed = parseDiagramText(text);
  if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
  return { raw: JSON.parse(text) as Record<string, unknown>, diagram: parsed.value };
}

const filled = (v: unknown) => typeof v === 'string' && v.trim().length > 0;

/** Online design as the checker defines it (domain.md section 2). */
function isOnline(d: Diagram): boolean {
  return d.nodes.some(
    (n) => n.kind === 'client-app' || n.kind === 'prediction-api' || (n.kind === 'requirements' && n.props.realtime === true),
  );
}

/**
 * Nodes the request path calls: reached along `request` edges from a client app (or, without
 * one, a prediction API). The caller itself is left out: whether the client's network time is
 * counted is the template's choice.
 */
function requestPathNodes(d: Diagram): DiagramNode[] {
  const starts = d.nodes.filter((n) => n.kind === 'client-app');
  const roots = starts.length ? starts : d.nodes.filter((n) => n.kind === 'prediction-api');
  const next = new Map<string, string[]>();
  for (const e of d.edges) if (e.kind === 'request') next.set(e.source, [...(next.get(e.source) ?? []), e.target]);
  const reached = new Set<string>();
  const queue = roots.map((n) => n.id);
  while (queue.length) for (const t of next.get(queue.shift()!) ?? []) if (!reached.has(t)) reached.add(t), queue.push(t);
  return d.nodes.filter((n) => reached.has(n.id));
}

describe('templates', () => {
  it('there are templates to test', () => {
    expect(files.length).toBeGreaterThan(0);
  });

  it('all fourteen case studies of domain.md section 6 exist', () => {
    const ids = files.map((f) => f.slice(0, -'.json'.length));
    expect(Object.keys(CASE_STUDIES).filter((id) => !ids.includes(id))).toEqual([]);
  });

  it('has one definition per template file, and no definition without its file', () => {
    expect(DEFS.map((d) => `${d.id}.json`).sort()).toEqual(files);
  });

  describe.each(files)('%s', (file) => {
    const id = file.slice(0, -'.json'.length);

    it('parses, with the format header, a title and a brief', () => {
      const { raw, diagram } = load(file);
      expect(raw.format).toBe('mlsd-canvas');
      expect(raw.version).toBe(1);
      expect(filled(diagram.title)).toBe(true);
      expect(filled(diagram.brief)).toBe(true);
      expect(diagram.nodes.length).toBeGreaterThanOrEqual(15);
    });

    it('is what its definition builds (run `npm run templates` after editing a definition)', () => {
      const def = DEFS.find((d) => d.id === id);
      expect(def, `no definition for ${id}`).toBeDefined();
      expect(readFileSync(join(DIR, file), 'utf8')).toBe(templateJson(def!));
    });

    it('fits a 1440 x 900 window at 50 % zoom or more, with nothing under the legend or the minimap', () => {
      const { diagram } = load(file);
      const b = drawnBounds(diagram);
      expect(fitViewport(diagram).zoom).toBeGreaterThanOrEqual(0.5);
      expect(b.width).toBeLessThanOrEqual(1450);
      expect(b.height).toBeLessThanOrEqual(1350);
      expect(coveredAtFit(diagram)).toEqual([]);
    });

    it('draws no edge through a component and no label on a component or on another label', () => {
      const { diagram } = load(file);
      expect(edgesThroughNodes(diagram)).toEqual([]);
      expect(labelCollisions(diagram)).toEqual([]);
    });

    it('draws every sizing line on a component whole, with no edge, label, component or other sizing line over it', () => {
      const { diagram } = load(file);
      expect(sizingCollisions(diagram, nodeSizingLines(diagram.nodes))).toEqual([]);
    });

    it('names the problem of its case study', () => {
      const { diagram } = load(file);
      if (id in CASE_STUDIES) expect(diagram.problem).toBe(CASE_STUDIES[id]);
    });

    it('has no overlapping boxes and keeps every child inside its zone', () => {
      const { raw, diagram } = load(file);
      expect(overlappingPairs(diagram)).toEqual([]);
      expect(childrenOutsideZone(diagram)).toEqual([]);
      // In the file itself every zone comes before its children.
      const order = (raw.nodes as { id: string; parent?: string }[]).map((n) => n.id);
      for (const n of raw.nodes as { id: string; parent?: string }[]) {
        if (n.parent) expect(order.indexOf(n.parent), `${n.id} before its zone`).toBeLessThan(order.indexOf(n.id));
      }
      for (const z of diagram.nodes.filter((n) => n.kind === 'group')) expect(['offline', 'online']).toContain(z.props.zone);
    });

    it('gets no error, warning or info from the checker (domain.md revision 2), and carries no suppression', () => {
      const { raw, diagram } = load(file);
      expect(raw.suppressions ?? []).toEqual([]);
      const result = runChecks(diagram);
      const bad = result.findings.map((f) => `${f.severity} ${f.rule}: ${f.message}`);
      expect(bad).toEqual([]);
      expect(Object.values(result.stages).every(Boolean)).toBe(true);
      expect(result.suppressed).toEqual([]);
    });

    it('fills the requirements and ML objective cards', () => {
      const { diagram } = load(file);
      const req = diagram.nodes.filter((n) => n.kind === 'requirements');
      const obj = diagram.nodes.filter((n) => n.kind === 'ml-objective');
      expect(req).toHaveLength(1);
      expect(obj).toHaveLength(1);
      expect(filled(req[0].props.goal)).toBe(true);
      expect(filled(req[0].props.scale)).toBe(true);
      expect(ML_TASKS).toContain(obj[0].props.task);
      for (const key of ['label', 'loss', 'offlineMetric', 'onlineMetric'] as const) expect(filled(obj[0].props[key]), key).toBe(true);
      if (isOnline(diagram)) {
        expect(req[0].props.qps).toBeGreaterThan(0);
        expect(req[0].props.latencyBudgetMs).toBeGreaterThan(0);
        expect(req[0].props.realtime).toBe(true);
      }
    });

    it('fills the structured objective fields: label source, split, and positive rate, calibration and label delay where they apply', () => {
      const { diagram } = load(file);
      const card = diagram.nodes.find((n) => n.kind === 'ml-objective')!.props;
      expect(['user-feedback', 'human-annotation', 'outcome', 'self-supervised', 'none']).toContain(card.labelSource);
      expect(['random', 'time', 'user', 'group']).toContain(card.split);
      const imbalanced = card.task === 'classification' || card.task === 'detection' || ['fraud', 'ad-click', 'content-moderation'].includes(diagram.problem);
      if (imbalanced) {
        expect(card.positiveRate, 'positive rate').toBeGreaterThan(0);
        expect(card.positiveRate, 'positive rate').toBeLessThan(1);
        expect(typeof card.calibrated, 'calibrated').toBe('boolean');
      }
      if (card.labelSource === 'outcome' || ['fraud', 'ad-click'].includes(diagram.problem)) expect(filled(card.labelDelay), 'label delay').toBe(true);
    });

    it('names a primary online metric and guardrails, and uses maintained tools', () => {
      const { diagram } = load(file);
      const card = diagram.nodes.find((n) => n.kind === 'ml-objective')!.props;
      const parts = String(card.onlineMetric).split(/[,;+]|\band\b|\bplus\b|\bwith\b/).filter((p) => p.trim());
      expect(parts.length).toBeGreaterThanOrEqual(2);
      const retired = diagram.nodes.filter((n) => /torchserve|\btgi\b|text-generation-inference/i.test(String(n.props.tool ?? '')));
      expect(retired.map((n) => n.id)).toEqual([]);
    });

    it('gives the online inference path a fallback', () => {
      const { diagram } = load(file);
      if (!isOnline(diagram)) return;
      const onPath = requestPathNodes(diagram).filter((n) => has(roleMask(n), ROLE.inference));
      expect(onPath.filter((n) => filled(n.props.fallback)).map((n) => n.id).length).toBeGreaterThan(0);
    });

    it('gives a latency to every node the request path calls, and every note a text', () => {
      const { diagram } = load(file);
      if (isOnline(diagram)) {
        const missing = requestPathNodes(diagram).filter((n) => typeof n.props.latencyMs !== 'number').map((n) => n.id);
        expect(missing).toEqual([]);
      }
      for (const note of diagram.nodes.filter((n) => n.kind === 'note')) expect(filled(note.props.text), note.id).toBe(true);
    });
  });
});
