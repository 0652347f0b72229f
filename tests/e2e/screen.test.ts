import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, openPage, pageErrors, screenshot } from './browser';

/** Screen room: folding panels, focus mode, the minimap on small canvases, find and zoom to selection. */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const canvasBox = async (page: Page) => (await page.locator('.canvas .react-flow').boundingBox())!;
const zoomOf = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => Number(/scale\(([\d.]+)\)/.exec((el as HTMLElement).style.transform)?.[1] ?? 1));

async function openTemplate(page: Page, title: string) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('dialog', { name: 'Case studies' }).getByRole('button', { name: `Open ${title} as reference` }).click();
  await expect.poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(10);
  await page.waitForTimeout(400);
}

describe('screen', () => {
  it('the side column and the palette fold away, the canvas grows, and they stay folded after a reload', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
    const page = await openPage(context);
    const before = await canvasBox(page);
    await page.getByRole('button', { name: 'Hide side panel' }).click();
    await expect.poll(async () => (await canvasBox(page)).width).toBeGreaterThan(before.width + 200);
    await page.getByRole('button', { name: 'Hide palette' }).click();
    await expect.poll(async () => (await canvasBox(page)).width).toBeGreaterThan(before.width + 400);
    const folded = await canvasBox(page);
    expect(await page.getByRole('region', { name: 'Components' }).count()).toBe(0);
    await screenshot(page, 'screen-folded-1024');
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await expect.poll(async () => Math.round((await canvasBox(page)).width)).toBe(Math.round(folded.width));
    // Brought back with the strips' chevrons, by keyboard.
    await page.getByRole('button', { name: 'Show palette' }).focus();
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Show side panel' }).click();
    await expect.poll(async () => Math.round((await canvasBox(page)).width)).toBe(Math.round(before.width));
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('focus mode hides both panels, and Esc brings them back', async () => {
    const context = await browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
    const page = await openPage(context);
    await openTemplate(page, 'Video recommendation');
    const before = await canvasBox(page);
    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Shift+F');
    await expect.poll(async () => (await canvasBox(page)).width).toBeGreaterThan(1000);
    expect(await page.getByRole('region', { name: 'Components' }).count()).toBe(0);
    expect(await page.locator('.side').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Exit focus' }).isVisible()).toBe(true);
    await screenshot(page, 'screen-focus-1024');
    await page.keyboard.press('Escape');
    await expect.poll(async () => Math.round((await canvasBox(page)).width)).toBe(Math.round(before.width));
    await page.keyboard.press('Shift+F');
    await page.getByRole('button', { name: 'Exit focus' }).click();
    await expect.poll(async () => Math.round((await canvasBox(page)).width)).toBe(Math.round(before.width));
    await context.close();
  });

  it('the minimap hides itself on a small canvas and shows on a large one', async () => {
    const small = await browser.newContext({ viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1 });
    const page = await openPage(small);
    await openTemplate(page, 'Fraud detection');
    expect(await page.locator('.minimap').count()).toBe(0);
    // Folding both panels gives the canvas room: the minimap comes back.
    await page.getByRole('button', { name: 'Hide side panel' }).click();
    await page.getByRole('button', { name: 'Hide palette' }).click();
    await expect.poll(() => page.locator('.minimap').count()).toBe(1);
    await small.close();
    const large = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: 1 });
    const big = await openPage(large);
    await openTemplate(big, 'Fraud detection');
    await expect.poll(() => big.locator('.minimap').count()).toBe(1);
    await large.close();
  });

  it('Ctrl+F finds "Feature store", selects it and brings it on screen; Esc closes the box', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await openPage(context);
    await openTemplate(page, 'Video recommendation');
    // Start zoomed in far away from it.
    for (let i = 0; i < 6; i++) await page.keyboard.press('+');
    await page.keyboard.press('Control+f');
    const box = page.getByRole('search', { name: 'Find components' });
    await expect.poll(() => box.isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find a component by name or tool');
    await page.keyboard.type('feature store');
    await expect.poll(() => box.locator('.find-count').textContent(), { timeout: 5000 }).toMatch(/^1 of \d+$/);
    const node = page.locator('.react-flow__node.selected:has([data-kind="feature-store"])');
    await expect.poll(() => node.count(), { timeout: 5000 }).toBe(1);
    await page.waitForTimeout(500);
    const b = (await node.boundingBox())!;
    const c = await canvasBox(page);
    expect(b.x).toBeGreaterThanOrEqual(c.x);
    expect(b.x + b.width).toBeLessThanOrEqual(c.x + c.width);
    expect(b.y).toBeGreaterThanOrEqual(c.y);
    expect(b.y + b.height).toBeLessThanOrEqual(c.y + c.height);
    await screenshot(page, 'screen-find');
    // Esc closes the box; the match stays selected.
    await page.keyboard.press('Escape');
    await expect.poll(() => box.count()).toBe(0);
    expect(await node.count()).toBe(1);
    // By tool: "redis" finds the feature store's online store; a query matching nothing gives the selection back.
    await page.keyboard.press('Escape');
    await expect.poll(() => page.locator('.react-flow__node.selected').count(), { timeout: 5000 }).toBe(0);
    await page.keyboard.press('Control+f');
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Find a component by name or tool');
    await page.keyboard.type('redis');
    await expect.poll(() => page.locator('.react-flow__node.selected').allTextContents(), { timeout: 5000 }).toEqual([expect.stringContaining('Redis')]);
    await page.keyboard.type('-nothing-like-it');
    await expect.poll(() => box.locator('.find-count').textContent()).toBe('No match');
    await expect.poll(() => page.locator('.react-flow__node.selected').count(), { timeout: 5000 }).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('Shift+2 zooms to the selection', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await openPage(context);
    await openTemplate(page, 'Video recommendation');
    const fitted = await zoomOf(page);
    await page.locator('.react-flow__node:has([data-kind="feature-store"])').first().click();
    await page.keyboard.press('Shift+2');
    await expect.poll(() => zoomOf(page)).toBeGreaterThan(fitted * 1.3);
    const b = (await page.locator('.react-flow__node.selected').first().boundingBox())!;
    const c = await canvasBox(page);
    expect(Math.abs(b.x + b.width / 2 - (c.x + c.width / 2))).toBeLessThan(40);
    // With nothing selected it says what to do.
    await page.keyboard.press('Escape');
    await page.keyboard.press('Shift+2');
    await expect.poll(() => page.getByText(/Nothing selected/).count()).toBe(1);
    await context.close();
  });
});
