/**
 * Every case-study template opened from the gallery in a 1440 x 900 window is readable without
 * zooming: the canvas fits it at 50 % zoom or more, every node lies inside the canvas and no
 * component or note is hidden under the legend or the minimap, and component labels are drawn at a size a
 * person can read (not grey bars), and the sizing line of each sized component ("7.68 TB / 24 shards") is
 * drawn whole, with no component, edge, edge label or other sizing line over it. The screenshots land in
 * test-results/template-fit-<id>.png.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, pageErrors, screenshot } from './browser';
import { parseDiagramText } from '../../src/domain/format/parse';
import { nodeSizingLines } from '../../src/canvas/sizingLines';

const DIR = resolve(import.meta.dirname, '../../templates');
const ids = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
const template = (id: string) => JSON.parse(readFileSync(resolve(DIR, `${id}.json`), 'utf8')) as { title: string; nodes: unknown[] };
/** The sizing lines the canvas should draw on the template, by node id. */
function sizingLinesOf(id: string): ReadonlyMap<string, string> {
  const parsed = parseDiagramText(readFileSync(resolve(DIR, `${id}.json`), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.error.message);
  return nodeSizingLines(parsed.value.nodes);
}
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const zoomOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);

/** The zoom once fitView has settled (it runs again when every node is measured). */
async function settledZoom(page: Page): Promise<number> {
  let last = -1;
  for (let i = 0; i < 40; i++) {
    await page.waitForTimeout(150);
    const z = await zoomOf(page);
    if (z === last) return z;
    last = z;
  }
  return last;
}

type Rect = { x: number; y: number; width: number; height: number };
const overlaps = (a: Rect, b: Rect) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

describe('templates at fit view in a 1440 x 900 window', () => {
  it('there are fourteen templates', () => {
    expect(ids).toHaveLength(14);
  });

  it.each(ids)('%s opens from the gallery at 50 percent zoom or more, whole, uncovered and with readable labels', async (id) => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    try {
      const page = await openPage(context);
      const t = template(id);
      await page.getByRole('button', { name: 'Templates' }).click();
      const gallery = page.getByRole('dialog', { name: 'Case studies' });
      await gallery.getByRole('button', { name: `Open ${t.title} as reference` }).click();
      await poll(() => page.locator('.react-flow__node').count()).toBe(t.nodes.length);
      const zoom = await settledZoom(page);
      expect(zoom).toBeGreaterThanOrEqual(0.5);

      const canvas = (await page.locator('.react-flow').boundingBox())!;
      const covers = [
        (await page.locator('.minimap').boundingBox())!,
        (await page.locator('.legend').boundingBox())!,
      ];
      const boxes = await page
        .locator('.react-flow__node')
        .evaluateAll((els) =>
          els.map((el) => ({ id: el.getAttribute('data-id'), zone: !!el.querySelector(':scope > [data-kind="group"]'), ...JSON.parse(JSON.stringify(el.getBoundingClientRect())) })),
        );
      expect(boxes.filter((b) => !b.zone).length).toBeGreaterThan(15);
      const outside = boxes.filter((b) => b.x < canvas.x || b.y < canvas.y || b.x + b.width > canvas.x + canvas.width || b.y + b.height > canvas.y + canvas.height);
      expect(outside.map((b) => b.id)).toEqual([]);
      // A zone's corner may pass under a panel; no component or note may.
      const covered = boxes.filter((b) => !b.zone && covers.some((c) => overlaps(b, c)));
      expect(covered.map((b) => b.id)).toEqual([]);

      // Labels are text a person can read at this zoom: at least 6 px on screen.
      const sizes = await page
        .locator('.react-flow__node:not(:has(> [data-kind="group"]))')
        .evaluateAll((els) =>
          els.map((el) => {
            const text = [...el.querySelectorAll('*')].find((c) => c.childElementCount === 0 && (c.textContent ?? '').trim().length > 2);
            return text ? text.getBoundingClientRect().height : 0;
          }),
        );
      expect(Math.min(...sizes)).toBeGreaterThanOrEqual(6);

      // Sizing lines (their code loads after the first paint): the ones the domain computes, whole, over nothing.
      const lines = sizingLinesOf(id);
      await poll(() => page.locator('.node-sizing').count()).toBe(lines.size);
      const chips = await page.locator('.node-sizing').evaluateAll((els) =>
        els.map((el) => ({
          id: el.closest('.react-flow__node')?.getAttribute('data-id') ?? '',
          text: el.textContent ?? '',
          cut: el.scrollWidth > el.clientWidth + 1,
          ...JSON.parse(JSON.stringify(el.getBoundingClientRect())),
        })),
      );
      expect(Object.fromEntries(chips.map((c) => [c.id, c.text]))).toEqual(Object.fromEntries(lines));
      expect(chips.filter((c) => c.cut).map((c) => c.text)).toEqual([]);
      const labels: Rect[] = await page.locator('.edge-label').evaluateAll((els) => els.map((el) => JSON.parse(JSON.stringify(el.getBoundingClientRect()))));
      // Points along every drawn edge, on screen.
      const edgePoints = await page.locator('path.react-flow__edge-path').evaluateAll((els) =>
        (els as SVGPathElement[]).map((p) => {
          const m = p.getScreenCTM()!;
          const len = p.getTotalLength();
          return Array.from({ length: 81 }, (_, i) => {
            const pt = p.getPointAtLength((len * i) / 80);
            return [m.a * pt.x + m.c * pt.y + m.e, m.b * pt.x + m.d * pt.y + m.f] as [number, number];
          });
        }),
      );
      const clashes: string[] = [];
      for (const c of chips) {
        for (const b of boxes) if (!b.zone && b.id !== c.id && overlaps(c, b)) clashes.push(`${c.text} on ${b.id}`);
        for (const l of labels) if (overlaps(c, l)) clashes.push(`${c.text} under an edge label`);
        for (const o of chips) if (o !== c && overlaps(c, o)) clashes.push(`${c.text} on ${o.text}`);
        if (edgePoints.some((pts) => pts.some(([x, y]) => x > c.x && x < c.x + c.width && y > c.y && y < c.y + c.height))) clashes.push(`${c.text} under an edge`);
      }
      expect(clashes).toEqual([]);

      await screenshot(page, `template-fit-${id}`);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
