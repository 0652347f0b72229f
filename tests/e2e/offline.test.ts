import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dragFromPalette, launchBrowser, openPage, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens the app with some of its on-demand chunks failing, as they do when the connection drops after the page loaded. */
async function openWithout(chunks: RegExp[]) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  const page = await openPage(context, '', async (p) => {
    for (const chunk of chunks) await p.route(chunk, (route) => route.abort('internetdisconnected'));
  });
  return { context, page };
}

const SIDE = /\/assets\/SidePanel-[^/]+\.js$/;
const CHECKER = /\/assets\/runChecks-[^/]+\.js$/;
const SHORTCUTS = /\/assets\/ShortcutsDialog-[^/]+\.js$/;
const FILES = /\/assets\/files-[^/]+\.js$/;

describe('parts of the app that load on demand, when the network fails them', () => {
  it('the side column says so and comes back on "Try again"; the canvas keeps working meanwhile', async () => {
    const { context, page } = await openWithout([SIDE]);
    const side = page.locator('.side-failed');
    await expect.poll(() => side.getAttribute('role')).toBe('alert');
    expect(await side.textContent()).toMatch(/The design check, inspector and findings could not be loaded \(.+\); check the connection and try again\. The diagram is safe/);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Feature store', { x: canvas.x + 200, y: canvas.y + 200 });
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);
    await screenshot(page, 'offline-side-column');
    await page.unroute(SIDE);
    await side.getByRole('button', { name: 'Try again' }).click();
    await expect.poll(() => page.getByRole('region', { name: 'Design check' }).count()).toBe(1);
    expect(await page.locator('.side-failed').count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('the design check says it is unavailable, and checks once it can load', async () => {
    const { context, page } = await openWithout([CHECKER]);
    const counts = page.locator('.check-counts');
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).toMatch(/Check unavailable/);
    expect(await counts.getAttribute('title')).toMatch(/The design check could not be loaded/);
    await page.getByRole('tab', { name: /Findings/ }).click();
    await expect.poll(() => page.locator('.findings-pending[role="alert"]').textContent()).toMatch(/The design check could not be loaded/);
    await page.unroute(CHECKER);
    await counts.click();
    // The empty canvas has its seven stages to go: the check ran.
    await expect.poll(() => counts.textContent(), { timeout: 10_000 }).toMatch(/7 steps to go/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('a dialog that cannot load closes with a notice instead of blanking the page, and opens next time', async () => {
    const { context, page } = await openWithout([SHORTCUTS]);
    await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/The keyboard shortcuts could not be loaded \(.+\); check the connection and try again\./);
    expect(await page.locator('.react-flow__pane').count()).toBe(1);
    expect(await page.getByRole('dialog').count()).toBe(0);
    await page.unroute(SHORTCUTS);
    await page.getByRole('button', { name: /Keyboard shortcuts/ }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
  it('when the file code cannot load at start: "Not saved" says why, opening a file says so and leaves the diagram; both recover', async () => {
    const { context, page } = await openWithout([FILES]);
    // No restore and no autosave without that code: the header says so instead of pretending to save.
    const notSaved = page.locator('.save-state-failed');
    await expect.poll(() => notSaved.count()).toBe(1);
    expect(await notSaved.textContent()).toMatch(/Not saved/);
    expect(await page.locator('.save-detail').textContent()).toMatch(/Autosave could not start: its code could not be loaded \(.+\); check the connection and try again\. Until then, save a file/);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Cache', { x: canvas.x + 200, y: canvas.y + 200 });
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(1);
    const file = {
      name: 'mine.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify({ format: 'mlsd-canvas', version: 1, title: 'Mine', problem: 'generic', nodes: [{ id: 'a', kind: 'feature-store', position: { x: 0, y: 0 }, props: {} }, { id: 'b', kind: 'model-server', position: { x: 300, y: 0 }, props: {} }], edges: [], suppressions: [] })),
    };
    const open = async () => {
      const chooser = page.waitForEvent('filechooser');
      await page.evaluate(() => 0);
      await page.keyboard.press('Control+O');
      await (await chooser).setFiles(file);
    };
    await open();
    const notice = page.locator('.notice-error');
    await expect.poll(() => notice.textContent()).toMatch(/The code that opens “mine.json” could not be loaded \(.+\); check the connection and try again\./);
    expect(await page.locator('.react-flow__node').count()).toBe(1);
    await page.unroute(FILES);
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    await open();
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    expect(pageErrors(page), pageErrors(page).join('\n')).toEqual([]);
    await context.close();
  });
});
