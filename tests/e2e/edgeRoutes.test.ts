/**
 * Edges are drawn around components, never through them, in the built app: every template is opened from
 * the gallery and each drawn edge path (read from the DOM, sampled along its length) is checked against the
 * boxes of every component and note it does not end at. A component dropped on top of a detour makes the
 * edge find another way once the drag ends, and undo brings the first one back.
 * Screenshots land in test-results/edge-routes-*.png.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, pageErrors, screenshot } from './browser';

const DIR = resolve(import.meta.dirname, '../../templates');
const ids = readdirSync(DIR).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -'.json'.length)).sort();
type Template = { title: string; nodes: { id: string; kind: string }[]; edges: { id: string; source: string; target: string }[] };
const template = (id: string) => JSON.parse(readFileSync(resolve(DIR, `${id}.json`), 'utf8')) as Template;
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface Drawn {
  /** Edges whose drawn path enters a box they do not end at: "edge id -> node id". */
  through: string[];
  /** Edges drawn as a detour (straight runs with rounded corners) rather than a curve. */
  detours: number;
  edges: number;
}

/**
 * Reads the canvas as a user sees it: node boxes from their transforms and sizes (diagram coordinates),
 * edge paths sampled every 3 px with the SVG geometry API, each sample tested against the boxes shrunk by 2 px.
 */
function drawn(page: Page, ends: Record<string, [string, string]>): Promise<Drawn> {
  return page.evaluate((ends) => {
    const boxes: { id: string; x: number; y: number; w: number; h: number }[] = [];
    for (const el of document.querySelectorAll<HTMLElement>('.react-flow__node')) {
      if (el.querySelector(':scope > [data-kind="group"]') || el.classList.contains('react-flow__node-zone')) continue;
      const m = new DOMMatrix(getComputedStyle(el).transform);
      boxes.push({ id: el.dataset.id!, x: m.e, y: m.f, w: el.offsetWidth, h: el.offsetHeight });
    }
    const through: string[] = [];
    let detours = 0;
    const paths = document.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path');
    for (const p of paths) {
      const edge = p.closest('.react-flow__edge') as SVGGElement;
      const id = edge.dataset.id ?? edge.getAttribute('data-testid')?.replace('rf__edge-', '') ?? '';
      const [s, t] = ends[id] ?? ['', ''];
      if (/Q/.test(p.getAttribute('d') ?? '')) detours++;
      const len = p.getTotalLength();
      let hit = '';
      for (let l = 0; l <= len && !hit; l += 3) {
        const q = p.getPointAtLength(l);
        for (const b of boxes) {
          if (b.id === s || b.id === t) continue;
          if (q.x > b.x + 2 && q.x < b.x + b.w - 2 && q.y > b.y + 2 && q.y < b.y + b.h - 2) {
            hit = b.id;
            break;
          }
        }
      }
      if (hit) through.push(`${id} -> ${hit}`);
    }
    return { through, detours, edges: paths.length };
  }, ends);
}

async function openTemplate(page: Page, t: Template): Promise<void> {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('dialog', { name: 'Case studies' }).getByRole('button', { name: `Open ${t.title} as reference` }).click();
  await poll(() => page.locator('.react-flow__node').count()).toBe(t.nodes.length);
  await poll(() => page.locator('.react-flow__edge').count()).toBe(t.edges.length);
}

const endsOf = (t: Template) => Object.fromEntries(t.edges.map((e) => [e.id, [e.source, e.target] as [string, string]]));

describe('edges drawn around components', () => {
  it('no edge of any template runs through a component or note it does not end at; the ones that would are drawn as detours', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    try {
      const page = await openPage(context);
      const report: string[] = [];
      let detours = 0;
      for (const id of ids) {
        const t = template(id);
        await openTemplate(page, t);
        // The detours are computed once the router has loaded and every node is measured.
        await poll(async () => (await drawn(page, endsOf(t))).through).toEqual([]);
        const d = await drawn(page, endsOf(t));
        detours += d.detours;
        report.push(`${id}: ${d.edges} edges, ${d.detours} drawn around components, ${d.through.length} through`);
        if (id === 'video-recommendation' || id === 'rag-assistant') await screenshot(page, `edge-routes-${id}`);
      }
      console.log(report.join('\n'));
      // Without the detours the templates' curves cross components (the domain test counts them): here
      // every template draws some edges around.
      expect(detours).toBeGreaterThan(ids.length);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('a component dropped on a detour makes the edge go around it after the drop; undo brings the first detour back', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    try {
      const page = await openPage(context);
      const t = template('fraud-detection');
      await openTemplate(page, t);
      await poll(async () => (await drawn(page, endsOf(t))).through).toEqual([]);
      // The middle of the longest straight horizontal run of any detour (far from both its ends), in screen coordinates.
      const target = await page.evaluate(() => {
        let best: { x: number; y: number; d: string; id: string; run: number } | null = null;
        for (const p of document.querySelectorAll<SVGPathElement>('.react-flow__edge path.react-flow__edge-path')) {
          const d = p.getAttribute('d') ?? '';
          if (!/Q/.test(d)) continue;
          const len = p.getTotalLength();
          let start = p.getPointAtLength(0);
          let prev = start;
          for (let l = 2; l <= len + 2; l += 2) {
            const q = p.getPointAtLength(Math.min(l, len));
            if (Math.abs(q.y - start.y) > 0.5 || l > len) {
              const run = Math.abs(prev.x - start.x);
              if (run > (best?.run ?? 0)) {
                const ctm = p.getScreenCTM()!;
                const pt = new DOMPoint((prev.x + start.x) / 2, start.y).matrixTransform(ctm);
                const edge = p.closest('.react-flow__edge') as SVGGElement;
                best = { x: pt.x, y: pt.y, d, run, id: edge.getAttribute('data-testid')!.replace('rf__edge-', '') };
              }
              start = q;
            }
            prev = q;
          }
        }
        return best;
      });
      expect(target).not.toBeNull();
      expect(target!.run).toBeGreaterThan(200);
      const [s, tt] = endsOf(t)[target!.id];
      const mover = t.nodes.find((n) => n.kind !== 'group' && n.kind !== 'note' && n.id !== s && n.id !== tt && !t.edges.some((e) => e.source === n.id || e.target === n.id))
        ?? t.nodes.find((n) => n.kind !== 'group' && n.kind !== 'note' && n.id !== s && n.id !== tt)!;
      const box = (await page.locator(`.react-flow__node[data-id="${mover.id}"]`).boundingBox())!;
      await page.mouse.move(box.x + 20, box.y + box.height / 2);
      await page.mouse.down();
      for (let i = 1; i <= 12; i++) {
        await page.mouse.move(box.x + 20 + ((target!.x - box.x - box.width / 2) * i) / 12, box.y + box.height / 2 + ((target!.y - box.y - box.height / 2) * i) / 12);
      }
      await page.mouse.up();
      await poll(async () => (await page.locator(`[data-testid="rf__edge-${target!.id}"] path.react-flow__edge-path`).first().getAttribute('d')) !== target!.d).toBe(true);
      await poll(async () => (await drawn(page, endsOf(t))).through).toEqual([]);
      await screenshot(page, 'edge-routes-after-drop');
      await page.keyboard.press('Control+z');
      await poll(() => page.locator(`[data-testid="rf__edge-${target!.id}"] path.react-flow__edge-path`).first().getAttribute('d')).toBe(target!.d);
      expect(pageErrors(page)).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
