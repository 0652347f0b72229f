import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addByKeyboard, dragFromPalette, launchBrowser, nodeOf, openApp, pageErrors, screenshot } from './browser';

/** Connecting and placing at whiteboard speed, with real pointer events in the built app. */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

type B = { x: number; y: number; width: number; height: number };
const boxes = async (page: Page): Promise<B[]> => {
  const out: B[] = [];
  for (const n of await page.locator('.react-flow__node-component').all()) out.push((await n.boundingBox())!);
  return out;
};
const overlapping = (bs: B[]) => bs.filter((a, i) => bs.some((b, j) => j > i && a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height)).length;
const edges = (page: Page) => page.locator('.react-flow__edge');
const centre = (b: B) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });

/** Drags with real pointer events from one point to another, in steps. */
async function dragPointer(page: Page, from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + (to.x - from.x) / 4, from.y + (to.y - from.y) / 4, { steps: 4 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Two components dropped apart on the canvas (drops never connect), nothing selected. */
async function twoApart(page: Page, a: string, b: string) {
  const pane = (await page.locator('.react-flow__pane').boundingBox())!;
  await dragFromPalette(page, a, { x: pane.x + pane.width * 0.3, y: pane.y + pane.height * 0.35 });
  await dragFromPalette(page, b, { x: pane.x + pane.width * 0.7, y: pane.y + pane.height * 0.65 });
  await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(2);
  await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
}

describe('connecting', () => {
  it('a connection dropped on a component’s body connects to it', async () => {
    const { context, page } = await openApp(browser);
    await twoApart(page, 'Feature store', 'Model server');
    const out = (await nodeOf(page, 'feature-store').locator('.handle-out').boundingBox())!;
    const body = (await nodeOf(page, 'model-server').boundingBox())!;
    // Dropped at the middle of the label, well away from either handle.
    await dragPointer(page, centre(out), { x: body.x + body.width * 0.55, y: body.y + body.height * 0.45 });
    await expect.poll(() => edges(page).count()).toBe(1);
    expect(await page.locator('.react-flow__edge path.edge-data').count()).toBe(1);
    await screenshot(page, 'connect-on-body');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('a drag from an in-handle connects the other way: the component dropped on feeds it', async () => {
    const { context, page } = await openApp(browser);
    await twoApart(page, 'Event log (clicks, views)', 'Feature store');
    const inn = (await nodeOf(page, 'feature-store').locator('.handle-in').boundingBox())!;
    const log = (await nodeOf(page, 'event-log').boundingBox())!;
    await dragPointer(page, centre(inn), centre(log));
    await expect.poll(() => edges(page).count()).toBe(1);
    // The edge starts at the event log (its source end is on the log's right) and ends at the feature store.
    const id = await edges(page).first().getAttribute('data-id');
    expect(id).toBeTruthy();
    const path = await edges(page).first().locator('path').first().getAttribute('d');
    const start = path!.match(/^M\s*([-\d.]+)[ ,]([-\d.]+)/)!;
    const logNode = await nodeOf(page, 'event-log').evaluate((el) => {
      const t = (el as HTMLElement).style.transform.match(/translate\(([-\d.]+)px, ([-\d.]+)px\)/)!;
      return { x: Number(t[1]), w: (el as HTMLElement).offsetWidth };
    });
    expect(Math.abs(Number(start[1]) - (logNode.x + logNode.w))).toBeLessThan(12);
    await context.close();
  });

  it('a connection dropped on empty canvas opens a menu of kinds and creates the chosen component there, connected', async () => {
    const { context, page } = await openApp(browser);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    await dragFromPalette(page, 'Feature store', { x: pane.x + pane.width * 0.3, y: pane.y + pane.height * 0.4 });
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    const out = (await nodeOf(page, 'feature-store').locator('.handle-out').boundingBox())!;
    const drop = { x: pane.x + pane.width * 0.7, y: pane.y + pane.height * 0.6 };
    await dragPointer(page, centre(out), drop);
    const menu = page.getByRole('dialog', { name: 'Add a connected component' });
    await expect.poll(() => menu.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Component kind');
    await page.keyboard.type('triton');
    expect(await menu.getByRole('option').first().textContent()).toContain('Model server');
    await screenshot(page, 'connect-menu');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeOf(page, 'model-server').count()).toBe(1);
    await expect.poll(() => edges(page).count()).toBe(1);
    expect(await menu.count()).toBe(0);
    // Created where the connection ended.
    const made = (await nodeOf(page, 'model-server').boundingBox())!;
    expect(Math.abs(made.x + made.width / 2 - drop.x)).toBeLessThan(30);
    expect(Math.abs(made.y + made.height / 2 - drop.y)).toBeLessThan(30);
    // One undo step takes both away.
    await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeOf(page, 'model-server').count()).toBe(0);
    expect(await edges(page).count()).toBe(0);
    expect(await nodeOf(page, 'feature-store').count()).toBe(1);
    // Esc closes the menu and changes nothing.
    await dragPointer(page, centre((await nodeOf(page, 'feature-store').locator('.handle-out').boundingBox())!), drop);
    await expect.poll(() => menu.isVisible()).toBe(true);
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.count()).toBe(0);
    expect(await page.locator('.react-flow__node-component').count()).toBe(1);
    await context.close();
  });
});

describe('placing', () => {
  it('five components added with Enter never overlap: beside the selection, each connected from the one before', async () => {
    const { context, page } = await openApp(browser);
    for (const q of ['event log', 'feast', 'training job', 'model registry', 'triton']) await addByKeyboard(page, q);
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(5);
    await screenshot(page, 'enter-adds-chain');
    expect(overlapping(await boxes(page))).toBe(0);
    await expect.poll(() => edges(page).count()).toBe(4);
    // Left to right in the order they were added.
    const xs: number[] = [];
    for (const k of ['event-log', 'feature-store', 'training-job', 'model-registry', 'model-server']) xs.push((await nodeOf(page, k).boundingBox())!.x);
    expect([...xs].sort((a, b) => a - b)).toEqual(xs);
    await screenshot(page, 'enter-adds-chain');
    await context.close();
  });

  it('five components added with Enter and nothing selected do not overlap either', async () => {
    const { context, page } = await openApp(browser);
    for (const q of ['event log', 'feast', 'training job', 'model registry', 'triton']) {
      await addByKeyboard(page, q);
      await page.locator('.react-flow__pane').click({ position: { x: 10, y: 10 } });
    }
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(5);
    expect(overlapping(await boxes(page))).toBe(0);
    expect(await edges(page).count()).toBe(0);
    // All of them in view.
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    for (const b of await boxes(page)) {
      expect(b.x).toBeGreaterThanOrEqual(pane.x);
      expect(b.x + b.width).toBeLessThanOrEqual(pane.x + pane.width);
    }
    await context.close();
  });

  it('a pasted copy lands beside the original', async () => {
    const { context, page } = await openApp(browser);
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await twoApart(page, 'Feature store', 'Model server');
    await nodeOf(page, 'feature-store').click();
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodeOf(page, 'feature-store').count()).toBe(2);
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodeOf(page, 'feature-store').count()).toBe(3);
    expect(overlapping(await boxes(page))).toBe(0);
    await context.close();
  });

  it('a dragged component snaps to a neighbour’s edge, with a guide while dragging', async () => {
    const { context, page } = await openApp(browser);
    await twoApart(page, 'Feature store', 'Model server');
    const fs = (await nodeOf(page, 'feature-store').boundingBox())!;
    const ms = (await nodeOf(page, 'model-server').boundingBox())!;
    // Grab the model server by its label and bring its left edge to 4 px right of the feature store's.
    const grab = { x: ms.x + 40, y: ms.y + ms.height / 2 };
    // First to about 44 px right of the feature store's left edge, where no line is near any of the store's.
    const to = { x: fs.x + 44 + 40, y: fs.y + fs.height + 90 + ms.height / 2 };
    await page.mouse.move(grab.x, grab.y);
    await page.mouse.down();
    await page.mouse.move(grab.x - 20, grab.y - 10, { steps: 4 });
    await page.mouse.move(to.x, to.y, { steps: 14 });
    // React Flow picks the node up a few pixels into the move: aim from where the node is drawn now, to 5 px
    // right of the feature store's left edge.
    const now = (await nodeOf(page, 'model-server').boundingBox())!;
    await page.mouse.move(to.x + (fs.x + 5 - now.x), to.y, { steps: 3 });
    await expect.poll(() => page.locator('.snap-guide[data-axis="x"]').count()).toBeGreaterThan(0);
    await screenshot(page, 'snap-guide');
    await page.mouse.up();
    await expect.poll(() => page.locator('.snap-guide').count()).toBe(0);
    const after = (await nodeOf(page, 'model-server').boundingBox())!;
    expect(Math.abs(after.x - fs.x)).toBeLessThan(0.75);
    // The drag is one undo step.
    await page.keyboard.press('Control+z');
    await expect.poll(async () => Math.round((await nodeOf(page, 'model-server').boundingBox())!.x)).toBe(Math.round(ms.x));
    await context.close();
  });

  it('aligns and distributes a selection from the Inspector', async () => {
    const { context, page } = await openApp(browser);
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const spots = [
      ['Event log (clicks, views)', 0.2, 0.3],
      ['Feature store', 0.45, 0.5],
      ['Model server', 0.8, 0.38],
    ] as const;
    for (const [label, fx, fy] of spots) await dragFromPalette(page, label, { x: pane.x + pane.width * fx, y: pane.y + pane.height * fy });
    await expect.poll(() => page.locator('.react-flow__node-component').count()).toBe(3);
    await nodeOf(page, 'event-log').click();
    await nodeOf(page, 'feature-store').click({ modifiers: ['Shift'] });
    await nodeOf(page, 'model-server').click({ modifiers: ['Shift'] });
    const bar = page.getByRole('toolbar', { name: 'Arrange the selection' });
    await expect.poll(() => bar.isVisible()).toBe(true);
    await screenshot(page, 'arrange-buttons');
    await bar.getByRole('button', { name: 'Align top edges' }).click();
    await expect.poll(async () => new Set((await boxes(page)).map((b) => Math.round(b.y))).size).toBe(1);
    await bar.getByRole('button', { name: 'Distribute horizontally' }).click();
    const bs = (await boxes(page)).sort((a, b) => a.x - b.x);
    const gap1 = bs[1].x - (bs[0].x + bs[0].width);
    const gap2 = bs[2].x - (bs[1].x + bs[1].width);
    expect(Math.abs(gap1 - gap2)).toBeLessThan(2);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(async () => new Set((await boxes(page)).map((b) => Math.round(b.y))).size).toBe(3);
    await context.close();
  });
});
