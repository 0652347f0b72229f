/**
 * Tidy up makes any diagram better and never worse, measured (layoutQuality) on the fourteen templates
 * and on a scrambled copy of each: after tidy up nothing overlaps, no drawn edge runs through a component
 * (the straight lines tidy up scores by cross fewer; the canvas draws the rest around), and crossings and the
 * bounding box are never worse; on the scrambled copies both drop clearly.
 * The figures are printed as a table for the record.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Diagram } from '../../src/domain/diagram';
import { parseDiagramText } from '../../src/domain/format/parse';
import { applyLayout, tidyLayout } from '../../src/domain/layout';
import { MAX_TRIES_IN_ALL, countDrawnThroughEdges, routeBoxes, routeEdges } from '../../src/domain/edgeRoutes';
import { fitZoom, layoutQuality, type LayoutQuality } from '../../src/domain/layoutQuality';
import { createDiagramStore } from '../../src/store/diagramStore';
import { scramble } from '../support/scramble';

const DIR = resolve(import.meta.dirname, '../../templates');
const ids = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
const load = (id: string): Diagram => {
  const r = parseDiagramText(readFileSync(resolve(DIR, `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(`${id} does not parse`);
  return r.value;
};

interface Row {
  name: string;
  before: LayoutQuality;
  after: LayoutQuality;
  changed: boolean;
}

function tidied(d: Diagram): { diagram: Diagram; changed: boolean } {
  const t = tidyLayout(d);
  return { diagram: t.changed ? applyLayout(d, t) : d, changed: t.changed };
}

const rows: Row[] = [];
for (const id of ids) {
  for (const [name, d] of [
    [id, load(id)],
    [`${id} (scrambled)`, scramble(load(id), 17)],
  ] as const) {
    const { diagram, changed } = tidied(d);
    rows.push({ name, before: layoutQuality(d), after: layoutQuality(diagram), changed });
  }
}
const fmt = (q: LayoutQuality) => `${q.crossings} x, ${q.throughEdges} thr, ${q.overlaps + q.escapes} ovl, ${Math.round(q.bounds.width)}x${Math.round(q.bounds.height)} (fit ${fitZoom(q).toFixed(2)})`;
console.log(
  ['template | before: crossings, through-edges, overlaps+escapes, box | after | applied', ...rows.map((r) => `${r.name} | ${fmt(r.before)} | ${fmt(r.after)} | ${r.changed ? 'yes' : 'already tidy'}`)].join('\n'),
);

describe('tidy up on the templates and scrambled copies', () => {
  it('there are fourteen templates', () => {
    expect(ids).toHaveLength(14);
  });

  it.each(rows.map((r) => [r.name, r] as const))('%s: no overlap, crossings, edges through components and box no worse', (_name, r) => {
    expect(r.after.overlaps).toBe(0);
    expect(r.after.escapes).toBe(0);
    expect(r.after.throughEdges).toBeLessThanOrEqual(r.before.throughEdges);
    expect(r.after.crossings).toBeLessThanOrEqual(r.before.crossings);
    expect(r.after.area).toBeLessThanOrEqual(r.before.area);
  });

  // The goal is no edge through any component after tidy up; it is NOT met yet (see the table printed above):
  // back edges (feedback, logs) and edges between the offline and online zones still run through one in about half
  // the tidied scrambled copies. What holds: tidy up removes nearly all of them.
  it('cuts the edges that run through components on the scrambled copies by at least 85 %, and adds none to a template', () => {
    const scrambled = rows.filter((r) => r.name.includes('scrambled'));
    expect(scrambled.length).toBe(14);
    const before = scrambled.reduce((s, r) => s + r.before.throughEdges, 0);
    const after = scrambled.reduce((s, r) => s + r.after.throughEdges, 0);
    console.log(`edges through components, scrambled copies: ${before} before, ${after} after tidy up`);
    expect(after).toBeLessThanOrEqual(0.15 * before);
    for (const r of rows.filter((x) => !x.name.includes('scrambled'))) expect(r.after.throughEdges, r.name).toBeLessThanOrEqual(r.before.throughEdges);
  });

  // What a user sees: the canvas (and the exports) draw an edge whose curve would cross a box as a detour
  // around it (src/domain/edgeRoutes). After tidy up no drawn edge runs through a component or note, on any
  // template or scrambled copy; before the detours, the curves crossed boxes on every one of them.
  it('after tidy up no drawn edge runs through a component or note on any of the 28 designs (edges go around)', () => {
    const report: string[] = [];
    let curvesThrough = 0;
    let mostTries = 0;
    for (const r of rows) {
      const d = r.changed ? tidied(r.name.endsWith('(scrambled)') ? scramble(load(r.name.replace(' (scrambled)', '')), 17) : load(r.name)).diagram : r.name.endsWith('(scrambled)') ? scramble(load(r.name.replace(' (scrambled)', '')), 17) : load(r.name);
      const boxes = routeBoxes(d.nodes);
      const stats = { tries: 0 };
      const routes = routeEdges(boxes, d.edges, stats);
      // Far inside the search's bound, so no edge is left to its curve for want of tries.
      expect(stats.tries, r.name).toBeLessThan(MAX_TRIES_IN_ALL / 10);
      mostTries = Math.max(mostTries, stats.tries);
      const curves = countDrawnThroughEdges(boxes, d.edges, new Map()).count;
      const drawn = countDrawnThroughEdges(boxes, d.edges, routes);
      curvesThrough += curves;
      report.push(`${r.name}: ${curves} curves would cross a box, ${routes.size} detours, ${drawn.count} drawn through`);
      expect(drawn.ids, r.name).toEqual([]);
    }
    console.log(`${report.join('\n')}\nmost detours tried on one design: ${mostTries} of ${MAX_TRIES_IN_ALL}`);
    expect(curvesThrough).toBeGreaterThan(28);
  });

  it('rearranges every scrambled copy and clearly cuts its crossings and bounding box', () => {
    const scrambled = rows.filter((r) => r.name.endsWith('(scrambled)'));
    expect(scrambled).toHaveLength(14);
    for (const r of scrambled) expect(r.changed, r.name).toBe(true);
    const sum = (f: (q: LayoutQuality) => number, side: 'before' | 'after') => scrambled.reduce((s, r) => s + f(r[side]), 0);
    expect(sum((q) => q.crossings, 'after')).toBeLessThan(0.6 * sum((q) => q.crossings, 'before'));
    expect(sum((q) => q.area, 'after')).toBeLessThan(0.6 * sum((q) => q.area, 'before'));
    for (const r of scrambled) expect(r.after.area, r.name).toBeLessThan(r.before.area);
  });

  // Compact enough to read when fitted: tidy up weighs how far a layout would be zoomed out on a 1200 x 800
  // canvas, so it stacks the offline and online zones rather than laying a strip four screens wide (video
  // recommendation came out 4,564 x 796, fit 0.24, before the weighing; 2,996 x 1,160, fit 0.36, with it).
  // The hand-laid templates fit at 0.65-0.79; tidied scrambled copies at 0.35-0.53 (the printed table).
  it('every tidied scrambled copy fits a 1200 x 800 canvas at 0.34 zoom or more, and none is more than three times wider than tall', () => {
    for (const r of rows.filter((x) => x.name.endsWith('(scrambled)'))) {
      expect(fitZoom(r.after), r.name).toBeGreaterThanOrEqual(0.34);
      expect(r.after.bounds.width / r.after.bounds.height, r.name).toBeLessThan(3);
    }
  });

  it('tidy up of a tidied diagram changes nothing more than it gains (a second run is no worse)', () => {
    for (const id of ids) {
      const once = tidied(scramble(load(id), 17)).diagram;
      const twice = tidied(once).diagram;
      const a = layoutQuality(once);
      const b = layoutQuality(twice);
      expect(b.crossings + b.throughEdges, id).toBeLessThanOrEqual(a.crossings + a.throughEdges);
      expect(b.area, id).toBeLessThanOrEqual(a.area);
    }
  }, 60_000); // fourteen tidy ups twice

  it('the store applies a better layout as one undo step, and leaves a tidy design alone with an "Already tidy" notice', () => {
    const messy = scramble(load('visual-search'), 17);
    const s = createDiagramStore({ diagram: messy, newId: (p) => `${p}1` });
    s.getState().tidyUp(tidyLayout);
    const tidy = s.getState().diagram;
    expect(tidy).not.toEqual(messy);
    expect(layoutQuality(tidy).crossings).toBeLessThan(layoutQuality(messy).crossings);
    s.getState().tidyUp(tidyLayout);
    expect(s.getState().diagram).toBe(tidy);
    expect(s.getState().notices.at(-1)?.text).toMatch(/^Already tidy/);
    s.getState().undo();
    expect(s.getState().diagram.nodes.map((n) => n.position)).toEqual(messy.nodes.map((n) => n.position));
  });
});
