/**
 * Tidy up on a scrambled template, in the built app with real keys: the scrambled design is opened through
 * File > Open, Shift+T tidies it, and the crossings and bounding box read from the DOM drop; Ctrl+Z brings the
 * scrambled positions back in one step. The screenshot lands in test-results/tidy-scrambled.png.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Diagram, DiagramNode } from '../../src/domain/diagram';
import { parseDiagramText } from '../../src/domain/format/parse';
import { serializeDiagram } from '../../src/domain/format/serialize';
import { layoutQuality } from '../../src/domain/layoutQuality';
import { scramble } from '../support/scramble';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const template = (id: string): Diagram => {
  const r = parseDiagramText(readFileSync(resolve(import.meta.dirname, `../../templates/${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(id);
  return r.value;
};

type Boxes = Record<string, { x: number; y: number; width: number; height: number }>;

/** Every node's box in diagram coordinates, from React Flow's DOM (absolute transform, layout size). */
const boxes = (page: Page): Promise<Boxes> =>
  page.locator('.react-flow__node').evaluateAll((els) => {
    const out: Record<string, { x: number; y: number; width: number; height: number }> = {};
    for (const el of els as HTMLElement[]) {
      const m = new DOMMatrix(getComputedStyle(el).transform);
      out[el.dataset.id!] = { x: Math.round(m.e), y: Math.round(m.f), width: el.offsetWidth, height: el.offsetHeight };
    }
    return out;
  });

/** The design as drawn: the DOM boxes (relative to their zone again) with the design's edges, measured by layoutQuality. */
function measure(d: Diagram, b: Boxes) {
  const nodes: DiagramNode[] = d.nodes.map((n) => ({
    id: n.id,
    kind: n.kind,
    ...(n.parent ? { parent: n.parent } : {}),
    position: n.parent ? { x: b[n.id].x - b[n.parent].x, y: b[n.id].y - b[n.parent].y } : { x: b[n.id].x, y: b[n.id].y },
    props: n.kind === 'group' ? { width: b[n.id].width, height: b[n.id].height } : {},
  }));
  return layoutQuality({ ...d, nodes });
}

describe('tidy up in the browser', () => {
  it('Shift+T on a scrambled template cuts crossings and the bounding box; Ctrl+Z restores the mess in one step', async () => {
    const { context, page } = await openApp(browser);
    const messy = scramble(template('fraud-detection'), 17);
    const chooser = page.waitForEvent('filechooser');
    await page.evaluate(() => 0);
    await page.keyboard.press('Control+O');
    await (await chooser).setFiles({ name: 'messy.json', mimeType: 'application/json', buffer: Buffer.from(serializeDiagram(messy)) });
    await expect.poll(() => page.locator('.react-flow__node').count(), { timeout: 10_000 }).toBe(messy.nodes.length);
    await page.waitForTimeout(300);
    const scrambled = await boxes(page);
    const before = measure(messy, scrambled);

    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+T');
    await expect.poll(async () => JSON.stringify(await boxes(page)) !== JSON.stringify(scrambled), { timeout: 10_000 }).toBe(true);
    await page.waitForTimeout(600);
    const after = measure(messy, await boxes(page));
    console.log(`tidy in the browser: crossings ${before.crossings} -> ${after.crossings}, through-edges ${before.throughEdges} -> ${after.throughEdges}, box ${Math.round(before.bounds.width)}x${Math.round(before.bounds.height)} -> ${Math.round(after.bounds.width)}x${Math.round(after.bounds.height)}`);
    expect(after.crossings).toBeLessThan(before.crossings);
    expect(after.area).toBeLessThan(before.area);
    expect(after.overlaps).toBe(0);
    await screenshot(page, 'tidy-scrambled');

    await page.keyboard.press('Control+z');
    await expect.poll(async () => JSON.stringify(await boxes(page)), { timeout: 5_000 }).toBe(JSON.stringify(scrambled));
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
