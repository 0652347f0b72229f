/**
 * Every shipped template (templates/*.json) is a clean reference answer: it parses, is laid out
 * without overlaps, passes the checker with no finding at all and no suppression, and has its
 * requirements and ML objective filled (domain.md sections 6 and 7).
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDiagramText } from '../../src/domain/format/parse';
import { runChecks } from '../../src/domain/checker/runChecks';
import { ML_TASKS, type Diagram, type DiagramNode } from '../../src/domain/diagram';
import { childrenOutsideZone, overlappingPairs } from '../../scripts/templates/geometry';

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
