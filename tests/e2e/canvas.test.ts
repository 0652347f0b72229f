import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, connect, dragFromPalette, launchBrowser, nodeOf, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const box = async (page: Page, kind: string) => (await nodeOf(page, kind).boundingBox())!;
const inside = (b: { x: number; y: number; width: number; height: number }, p: { x: number; y: number }) =>
  p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;


describe('the canvas in Chromium', () => {
  it('builds a design: drag from the palette, connect, set a tool, delete the edge', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    const dropFs = { x: canvas.x + 200, y: canvas.y + 260 };
    const dropMs = { x: canvas.x + 520, y: canvas.y + 330 };

    await dragFromPalette(page, 'Feature store', dropFs);
    await dragFromPalette(page, 'Model server', dropMs);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    expect(inside(await box(page, 'feature-store'), dropFs)).toBe(true);
    expect(inside(await box(page, 'model-server'), dropMs)).toBe(true);
    // Dropping outside the canvas adds nothing.
    await dragFromPalette(page, 'Cache', { x: canvas.x - 100, y: canvas.y + 100 });
    expect(await page.locator('.react-flow__node').count()).toBe(2);

    await connect(page, 'feature-store', 'model-server');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    expect(await page.locator('.react-flow__edge path.edge-data').count()).toBe(1);
    // A second identical connection and a self-loop are refused.
    await connect(page, 'feature-store', 'model-server');
    await connect(page, 'model-server', 'model-server');
    expect(await page.locator('.react-flow__edge').count()).toBe(1);

    await nodeOf(page, 'model-server').click();
    await page.getByRole('region', { name: 'Inspector' }).getByRole('combobox', { name: 'Tool' }).fill('Triton');
    await expect.poll(() => nodeOf(page, 'model-server').locator('.node-sub').textContent()).toBe('Triton');

    const edge = (await page.locator('.react-flow__edge-interaction').boundingBox())!;
    await page.mouse.click(edge.x + edge.width / 2, edge.y + edge.height / 2);
    await expect.poll(() => page.locator('.react-flow__edge.selected').count()).toBe(1);
    await page.keyboard.press('Delete');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(0);
    expect(await page.locator('.react-flow__node').count()).toBe(2);

    await screenshot(page, 'canvas-build');
    // Every icon on screen (palette, nodes, toolbar, inspector) is drawn from a symbol of the page's sprite.
    const uses = await page.$$eval('svg use', (els) => els.map((u) => [u.getAttribute('href')!, !!document.querySelector(u.getAttribute('href')!)] as const));
    expect(uses.length).toBeGreaterThan(42);
    expect(uses.filter(([, found]) => !found)).toEqual([]);
    expect(uses.map(([href]) => href)).toContain('#mlsd-icon-kind-feature-store');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('puts a component dropped into a zone inside it, and moving the zone moves it', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Zone (offline / online)', { x: canvas.x + 360, y: canvas.y + 360 });
    await expect.poll(() => page.locator('.react-flow__node-zone').count()).toBe(1);
    const zone = (await page.locator('.react-flow__node-zone').boundingBox())!;
    await dragFromPalette(page, 'Training job', { x: zone.x + zone.width / 2, y: zone.y + zone.height / 2 });
    await expect.poll(() => nodeOf(page, 'training-job').count()).toBe(1);
    const before = await box(page, 'training-job');

    const header = (await page.locator('.zone-header').boundingBox())!;
    await page.mouse.move(header.x + 60, header.y + header.height / 2);
    await page.mouse.down();
    await page.mouse.move(header.x + 160, header.y + header.height / 2 + 70, { steps: 10 });
    await page.mouse.up();

    const after = await box(page, 'training-job');
    const zoneAfter = (await page.locator('.react-flow__node-zone').boundingBox())!;
    const dx = zoneAfter.x - zone.x;
    const dy = zoneAfter.y - zone.y;
    expect(dx).toBeGreaterThan(60);
    expect(dy).toBeGreaterThan(40);
    expect(after.x - before.x).toBeCloseTo(dx, 0);
    expect(after.y - before.y).toBeCloseTo(dy, 0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('lets a keyboard-only user add components', async () => {
    const { context, page } = await openApp(browser);
    await page.keyboard.press('/');
    await page.keyboard.type('cache');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeOf(page, 'cache').count()).toBe(1);
    // Tab out of the palette item to the search, search again and add with Enter on the only match.
    await page.keyboard.press('/');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('feast');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeOf(page, 'feature-store').count()).toBe(1);
    // Both landed in the view, not on top of each other.
    const a = await box(page, 'cache');
    const b = await box(page, 'feature-store');
    expect(a.x !== b.x || a.y !== b.y).toBe(true);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    expect(inside(canvas, { x: a.x + a.width / 2, y: a.y + a.height / 2 })).toBe(true);
    await context.close();
  });
  it('zoomed far out, draws simple components whose edges stay attached, drags them, and restores full ones on zooming in', async () => {
    const { context, page } = await openApp(browser, '?bench=100');
    await page.waitForFunction(() => typeof (window as { __ready?: number }).__ready === 'number');
    expect(await page.locator('.node-far').count()).toBe(100);
    // Every edge is drawn from the right side of its source to the left side of its target.
    const ends = await page.evaluate(() => {
      const rect = (id: string) => document.querySelector(`.react-flow__node[data-id="${id}"]`)!.getBoundingClientRect();
      return [0, 1, 2, 8].map((i) => {
        const path = document.querySelector(`.react-flow__edge[data-id="e${i}"] .react-flow__edge-path`) as SVGPathElement;
        const len = path.getTotalLength();
        const m = path.getScreenCTM()!;
        const at = (l: number) => new DOMPoint(path.getPointAtLength(l).x, path.getPointAtLength(l).y).matrixTransform(m);
        const s = rect(`n${i}`);
        const t = rect(`n${i + 1}`);
        const a = at(0);
        const b = at(len);
        return { dxStart: a.x - s.right, dyStart: a.y - (s.top + s.height / 2), dxEnd: b.x - t.left, dyEnd: b.y - (t.top + t.height / 2) };
      });
    });
    for (const e of ends) for (const v of Object.values(e)) expect(Math.abs(v)).toBeLessThan(3);
    // A far-out component still drags (its position reaches the store), with no page error.
    const before = await page.evaluate(() => (window as { __probe?: () => unknown }).__probe?.());
    const n0 = (await page.locator('.react-flow__node[data-id="n0"]').boundingBox())!;
    await page.mouse.move(n0.x + n0.width / 2, n0.y + n0.height / 2);
    await page.mouse.down();
    await page.mouse.move(n0.x + n0.width / 2 + 60, n0.y + n0.height / 2 + 40, { steps: 8 });
    await page.mouse.up();
    await expect.poll(() => page.evaluate(() => JSON.stringify((window as { __probe?: () => unknown }).__probe?.()))).not.toBe(JSON.stringify(before));
    // Zoomed in, components are whole again, with real handles to connect from.
    for (let i = 0; i < 6; i++) await page.getByRole('button', { name: /zoom in/i }).click();
    await expect.poll(() => page.locator('.node-far').count()).toBe(0);
    expect(await page.locator('.react-flow__node .react-flow__handle.connectable').count()).toBeGreaterThan(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
  it('zoomed out further, draws each label as a bar and hides the dot grid; the components keep their names, and zooming in brings both back', async () => {
    const { context, page } = await openApp(browser, '?bench=500');
    await page.waitForFunction(() => typeof (window as { __ready?: number }).__ready === 'number');
    const zoom = () => page.evaluate(() => new DOMMatrixReadOnly(getComputedStyle(document.querySelector('.react-flow__viewport')!).transform).a);
    expect(await zoom()).toBeLessThan(0.3);
    expect(await page.locator('.react-flow__node .node-greek').count()).toBe(500);
    expect(await page.locator('.react-flow__node .node-label').count()).toBe(0);
    expect(await page.locator('.react-flow__background').count()).toBe(0);
    // A bar is drawn where the label goes, as long as the label is (within the node), and visible.
    const bar = (await page.locator('.react-flow__node[data-id="n0"] .node-greek').boundingBox())!;
    const n0 = (await page.locator('.react-flow__node[data-id="n0"]').boundingBox())!;
    expect(bar.width).toBeGreaterThan(1);
    expect(bar.x + bar.width).toBeLessThanOrEqual(n0.x + n0.width);
    // Each component keeps its label as its accessible name.
    expect(await page.getByRole('group', { name: 'Box 1', exact: true }).count()).toBe(1);
    expect(await page.locator('.react-flow__node[data-id="n41"]').getAttribute('aria-label')).toBe('Box 42');
    while ((await zoom()) < 0.3) await page.getByRole('button', { name: /zoom in/i }).click();
    await expect.poll(() => page.locator('.react-flow__node .node-greek').count()).toBe(0);
    expect(await page.locator('.react-flow__node[data-id="n0"] .node-label').textContent()).toBe('Box 1');
    expect(await page.locator('.react-flow__background').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
  it('fits a 1024 px window: every header control on screen, nothing scrolls sideways, the title readable', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 700 }, deviceScaleFactor: 1 });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.locator('.react-flow__pane').waitFor();
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(1024);
    const controls = page.locator('.header button, .header select, .header input');
    const n = await controls.count();
    expect(n).toBeGreaterThan(10);
    for (let i = 0; i < n; i++) {
      const b = (await controls.nth(i).boundingBox())!;
      expect(b.x).toBeGreaterThanOrEqual(0);
      expect(b.x + b.width).toBeLessThanOrEqual(1024);
    }
    expect((await page.locator('.title-input').boundingBox())!.width).toBeGreaterThan(150);
    // The problem select keeps its name while its visible label is hidden.
    expect(await page.locator('.header').getByRole('combobox', { name: 'Problem' }).count()).toBe(1);
    await context.close();
  });

  it('shows a minimap of the whole diagram, drawn in stage colours, and clicking it moves the view there', async () => {
    const { context, page } = await openApp(browser, '?bench=100');
    const map = page.getByRole('img', { name: 'Mini map' });
    await map.waitFor();
    // Pixels in the Data (#56B4E9) and Serving (#E69F00) band colours: the components are drawn.
    const stagePixels = () =>
      map.evaluate((c: HTMLCanvasElement) => {
        const d = c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data;
        const near = (i: number, [r, g, b]: number[]) => Math.abs(d[i] - r) + Math.abs(d[i + 1] - g) + Math.abs(d[i + 2] - b) < 30 && d[i + 3] > 200;
        let n = 0;
        for (let i = 0; i < d.length; i += 4) if (near(i, [0x56, 0xb4, 0xe9]) || near(i, [0xe6, 0x9f, 0x00])) n++;
        return n;
      });
    await expect.poll(stagePixels).toBeGreaterThan(100);
    const viewport = page.locator('.react-flow__viewport');
    const before = await viewport.getAttribute('style');
    const b = (await map.boundingBox())!;
    await page.mouse.click(b.x + 12, b.y + 12);
    await expect.poll(() => viewport.getAttribute('style')).not.toBe(before);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
