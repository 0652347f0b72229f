import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axeViolations, connect, dragFromPalette, launchBrowser, nodeOf, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});




/** Waits until the viewport stops moving (after an animated zoom). */
async function settled(page: Page) {
  const transform = () => page.locator('.react-flow__viewport').evaluate((v) => getComputedStyle(v).transform);
  let last = '';
  await expect
    .poll(async () => {
      const now = await transform();
      const same = now === last;
      last = now;
      return same;
    }, { interval: 150 })
    .toBe(true);
}

describe('the design checker in Chromium', () => {
  it('updates findings and "N/7 stages" as a design is built, and a finding selects its node', async () => {
    const { context, page } = await openApp(browser);
    const strip = page.getByRole('region', { name: 'Design check' });
    const findings = page.getByRole('region', { name: 'Findings' });
    const rules = () => findings.locator('li.finding:not(.finding-suppressed)').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rule')));
    const canvas = (await page.locator('.canvas').boundingBox())!;

    await expect.poll(() => strip.textContent()).toContain('0/7 stages');
    await page.getByRole('tab', { name: /^Findings/ }).click();
    // An empty canvas is a to-do list of the seven stages, not a wall of errors.
    const steps = () => findings.locator('li.todo').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-stage')));
    await expect.poll(steps).toEqual(['requirements', 'framing', 'data', 'model', 'evaluation', 'serving', 'monitoring']);
    expect(await rules()).toEqual([]);
    expect(await strip.textContent()).toContain('7 steps to go');

    await dragFromPalette(page, 'Event log (clicks, views)', { x: canvas.x + 140, y: canvas.y + 200 });
    await expect.poll(() => strip.textContent()).toContain('1/7 stages');
    await expect.poll(steps).not.toContain('data');
    await expect.poll(rules).toContain('orphan-node');
    // The new node carries a badge that says what it is.
    await expect.poll(() => nodeOf(page, 'event-log').getByRole('img').getAttribute('aria-label')).toBe('1 finding: 1 warning');

    await dragFromPalette(page, 'Training job', { x: canvas.x + 360, y: canvas.y + 200 });
    await dragFromPalette(page, 'Model server', { x: canvas.x + 580, y: canvas.y + 200 });
    await expect.poll(() => strip.textContent()).toContain('3/7 stages');
    // Adding from the palette kept the Findings tab in front.
    expect(await findings.isVisible()).toBe(true);

    // Clicking a finding selects its node (and zooms to it); the list stays.
    const orphanServer = findings.locator('li.finding[data-rule="orphan-node"]', { hasText: 'Model server' });
    await orphanServer.click();
    await expect.poll(() => page.locator('.react-flow__node.selected').evaluateAll((ns) => ns.map((n) => n.querySelector('[data-kind]')?.getAttribute('data-kind')))).toEqual(['model-server']);
    expect(await findings.isVisible()).toBe(true);
    await expect.poll(() => orphanServer.getAttribute('class')).toContain('is-active');

    await settled(page);
    await page.getByRole('button', { name: 'Fit diagram to view' }).click();
    await settled(page);
    await connect(page, 'event-log', 'training-job');
    await connect(page, 'training-job', 'model-server');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    // Connected: no orphans left, and the trained model now reaches serving.
    await expect.poll(rules).not.toContain('orphan-node');
    expect(await rules()).not.toContain('no-model-handoff');
    expect(await rules()).toContain('no-model-registry');
    await expect.poll(() => nodeOf(page, 'event-log').locator('.node-badge').count()).toBe(0);

    // A keyboard user reaches a finding and opens it with Enter.
    await findings.locator('li.finding[data-rule="no-model-registry"] button.finding-message').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node.selected [data-kind]').first().getAttribute('data-kind')).toBe('training-job');

    await screenshot(page, 'checker-findings');

    // Clicking a component on the canvas brings its Inspector forward.
    await nodeOf(page, 'model-server').click();
    await expect.poll(() => page.getByRole('tab', { name: 'Inspector' }).getAttribute('aria-selected')).toBe('true');
    await page.getByRole('region', { name: 'Inspector' }).getByRole('textbox', { name: /^Latency/ }).fill('12');

    // The problem changes the checks at once.
    await page.getByRole('banner').getByRole('combobox', { name: 'Problem' }).selectOption('recommendation');
    await page.getByRole('tab', { name: /^Findings/ }).click();
    await expect.poll(() => findings.locator('li.finding[data-rule="missing-component"]').count()).toBe(3);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('suppresses a finding with a reason, undoably, and restores it', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Cache', { x: canvas.x + 300, y: canvas.y + 300 });
    await page.getByRole('tab', { name: /^Findings/ }).click();
    const findings = page.getByRole('region', { name: 'Findings' });
    const orphan = findings.locator('li.finding[data-rule="orphan-node"]:not(.finding-suppressed)');
    // The column passes axe with the to-do list, an open hint and an open suppress form...
    await orphan.getByRole('button', { name: 'Why it matters' }).click();
    await orphan.getByRole('button', { name: 'Suppress' }).click();
    // (polled: the active finding's background fades in over 120 ms)
    await expect.poll(() => axeViolations(page, '.side')).toEqual([]);
    await page.keyboard.type('shown for completeness');
    await page.keyboard.press('Enter');
    const suppressed = findings.getByRole('group', { name: /Suppressed/ }).locator('li.finding[data-rule="orphan-node"]');
    await expect.poll(() => suppressed.textContent()).toContain('shown for completeness');
    await expect.poll(() => nodeOf(page, 'cache').locator('.node-badge').count()).toBe(0);
    // ...and with a suppressed group.
    await expect.poll(() => axeViolations(page, '.side')).toEqual([]);
    // Undo brings it back, redo suppresses it again.
    await page.keyboard.press('Control+Z');
    await expect.poll(() => orphan.count()).toBe(1);
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(() => suppressed.count()).toBe(1);
    await suppressed.getByRole('button', { name: 'Restore' }).click();
    await expect.poll(() => orphan.count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
