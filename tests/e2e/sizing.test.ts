// Back-of-envelope sizing in the built app (issue 21): a vector index's items and dimensions give its
// memory, shown on the node, in the Inspector with the sum, in the Capacity tab and in the Markdown write-up.
import { readFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addByKeyboard, launchBrowser, nodeOf, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('sizing in Chromium', () => {
  it('fills a vector index\'s items and dimensions and sees the memory on the node and in the write-up', async () => {
    const { context, page } = await openApp(browser);
    await addByKeyboard(page, 'Vector DB');
    const node = nodeOf(page, 'vector-db');
    await expect.poll(() => node.count()).toBe(1);
    await node.click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    const sizing = inspector.getByRole('group', { name: 'Sizing' });
    await sizing.getByRole('textbox', { name: 'Items in the index' }).fill('5000000000');
    await sizing.getByRole('textbox', { name: 'Dimensions' }).fill('768');

    // On the node: the memory per replica (fp32 when no bytes per dimension are given).
    await expect.poll(() => node.locator('.node-sizing').textContent()).toBe('15.4 TB RAM');
    // In the Inspector: the figure and the sum behind it, and that one node cannot hold it.
    const memory = sizing.locator('[data-figure="memory-per-replica"]');
    expect(await memory.textContent()).toContain('5,000,000,000 items x 768 dimensions x 4 B = 15.4 TB');
    expect(await sizing.locator('.sizing-short').textContent()).toContain('15.4 TB per node exceeds the 512 GB one index node holds');
    await screenshot(page, 'sizing-inspector');

    // int8 vectors: a quarter of it, and the node follows.
    await sizing.getByRole('textbox', { name: /Bytes per dimension/ }).fill('1');
    await expect.poll(() => node.locator('.node-sizing').textContent()).toBe('3.84 TB RAM');
    // Undo returns to fp32.
    await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+Z');
    await expect.poll(() => node.locator('.node-sizing').textContent()).toBe('15.4 TB RAM');

    // The Capacity tab lists the index with the same figure.
    await page.getByRole('tab', { name: 'Capacity' }).click();
    const capacity = page.getByRole('region', { name: 'Capacity' });
    await expect.poll(() => capacity.textContent()).toContain('Memory per replica15.4 TB');
    expect(await capacity.textContent()).toContain('Shards needed30 shards');
    await screenshot(page, 'sizing-capacity');

    // The Markdown write-up carries it in its Capacity section.
    const [dl] = await Promise.all([
      page.waitForEvent('download'),
      (async () => {
        await page.getByRole('button', { name: 'Export', exact: true }).click();
        await page.getByRole('menuitem', { name: 'Export Markdown write-up', exact: true }).click();
      })(),
    ]);
    const md = readFileSync((await dl.path())!, 'utf8');
    expect(md).toContain('## Capacity');
    expect(md).toContain('- **Memory per replica:** 15.4 TB (5,000,000,000 items x 768 dimensions x 4 B = 15.4 TB');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
