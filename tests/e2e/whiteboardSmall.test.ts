import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { addByKeyboard, launchBrowser, openApp, pageErrors, screenshot } from './browser';

/** The small things of the whiteboard-speed issue, in the built app: My designs, notices, the tab's title, undo in the palette search. */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser.close();
});

const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });

async function openReference(page: Page, title: string) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('dialog', { name: 'Case studies' }).getByRole('button', { name: `Open ${title} as reference` }).click();
  await poll(() => page.locator('.react-flow__node').count()).toBeGreaterThan(10);
}

async function myDesignTitles(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /My designs/ }).click();
  const dialog = page.getByRole('dialog', { name: 'My designs' });
  await dialog.getByRole('list', { name: 'Designs' }).waitFor();
  await page.waitForTimeout(300);
  const titles = await dialog.locator('.design-row .design-title').evaluateAll((els) => els.map((e) => (e.firstChild?.textContent ?? '').trim()));
  await page.keyboard.press('Escape');
  await poll(() => dialog.count()).toBe(0);
  return titles.sort();
}

describe('whiteboard small things', () => {
  it('opening the same template twice leaves one entry in My designs; once changed, it is kept', async () => {
    const { context, page } = await openApp(browser);
    await openReference(page, 'Fraud detection');
    await openReference(page, 'Fraud detection');
    await openReference(page, 'Fraud detection');
    await poll(() => page.getByText('Saved', { exact: true }).count()).toBe(1);
    expect(await myDesignTitles(page)).toEqual(['Fraud detection']);
    // Changed, it is the user's: opening the template again adds the new look beside it.
    await page.getByRole('textbox', { name: 'Diagram title' }).fill('My fraud answer');
    await page.getByRole('textbox', { name: 'Diagram title' }).press('Enter');
    await poll(() => page.getByText('Saved', { exact: true }).count()).toBe(1);
    await openReference(page, 'Fraud detection');
    await openReference(page, 'Fraud detection');
    await poll(() => page.getByText('Saved', { exact: true }).count()).toBe(1);
    await poll(() => myDesignTitles(page)).toEqual(['Fraud detection', 'My fraud answer']);
    // The look still survives a reload (it is stored while open).
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await poll(() => page.getByRole('textbox', { name: 'Diagram title' }).inputValue()).toBe('Fraud detection');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('notices of a kind replace each other, and the tab names the design', async () => {
    const { context, page } = await openApp(browser);
    await openReference(page, 'Fraud detection');
    await openReference(page, 'ETA prediction');
    await openReference(page, 'Fraud detection');
    await poll(() => page.locator('.notice').count()).toBe(1);
    expect(await page.locator('.notice').textContent()).toContain('Fraud detection');
    await poll(() => page.title()).toBe('Fraud detection — mlsd-canvas');
    await page.getByRole('textbox', { name: 'Diagram title' }).fill('Payments risk');
    await page.getByRole('textbox', { name: 'Diagram title' }).press('Enter');
    await poll(() => page.title()).toBe('Payments risk — mlsd-canvas');
    await screenshot(page, 'one-notice');
    await context.close();
  });

  it('Ctrl+Z in the palette search takes back the component just added from it', async () => {
    const { context, page } = await openApp(browser);
    await addByKeyboard(page, 'feast');
    await addByKeyboard(page, 'triton');
    await poll(() => page.locator('.react-flow__node').count()).toBe(2);
    const search = page.getByRole('searchbox', { name: 'Search components' });
    await poll(() => search.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.press('Control+z');
    await poll(() => page.locator('.react-flow__node').count()).toBe(1);
    expect(await search.inputValue()).toBe('triton');
    await page.keyboard.press('Control+Shift+z');
    await poll(() => page.locator('.react-flow__node').count()).toBe(2);
    // Once the user types again, Ctrl+Z is the text's own undo and the diagram stays.
    await page.keyboard.type('x');
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(200);
    expect(await page.locator('.react-flow__node').count()).toBe(2);
    await context.close();
  });

  it('the Legend toggle shows a chevron that turns when it folds', async () => {
    const { context, page } = await openApp(browser);
    await addByKeyboard(page, 'feast'); // past the start panel
    const toggle = page.locator('.legend-toggle');
    expect(await toggle.locator('svg').count()).toBe(1);
    const open = await toggle.locator('use').getAttribute('href');
    await toggle.click();
    await poll(() => toggle.getAttribute('aria-expanded')).toBe('false');
    expect(await toggle.locator('use').getAttribute('href')).not.toBe(open);
    await context.close();
  });
});
