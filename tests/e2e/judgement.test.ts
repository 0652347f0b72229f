// The checker's judgement in the built app (issue: judgement a senior interviewer agrees with):
// empty cards cover nothing and say why; what the objective's texts say is read back as chips
// and judged; a mismatched edge is fixed in one click and undo restores it.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addByKeyboard, launchBrowser, nodeOf, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Opens a design file through File > Open (Ctrl+O). */
async function openDesign(page: Page, design: unknown) {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => 0);
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles({ name: 'fraud.mlsd.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(design)) });
}

const at = (i: number) => ({ x: (i % 5) * 220, y: Math.floor(i / 5) * 140 });

/** A small online fraud design whose release path draws the registry-to-server edge as data. */
const FRAUD = {
  format: 'mlsd-canvas',
  version: 1,
  title: 'Card fraud',
  problem: 'fraud',
  nodes: [
    ['req', 'requirements', { goal: 'cut fraud losses', qps: 3000, latencyBudgetMs: 100, realtime: true }],
    ['obj', 'ml-objective', { task: 'classification', label: 'chargeback within 90 days', labelDelay: 'chargebacks mature in 60-90 days', offlineMetric: 'PR-AUC', onlineMetric: 'fraud loss; decline rate' }],
    ['app', 'client-app', {}, 'Checkout'],
    ['tx', 'event-log', { tool: 'Kafka topic' }, 'Transactions'],
    ['sp', 'stream-processor', { tool: 'Flink' }, 'Streaming aggregates'],
    ['fs', 'feature-store', { tool: 'Feast' }],
    ['train', 'training-job', { tool: 'XGBoost' }, 'GBDT training'],
    ['reg', 'model-registry', {}, 'Registry'],
    ['ms', 'model-server', { tool: 'Triton', fallback: 'rules only' }, 'Scorer'],
  ].map(([id, kind, props, label], i) => ({ id, kind, ...(label ? { label } : {}), position: at(i), props })),
  edges: [
    ['app', 'ms', 'request'],
    ['app', 'tx', 'stream'],
    ['tx', 'sp', 'stream'],
    ['sp', 'fs', 'stream'],
    ['fs', 'train', 'data'],
    ['fs', 'ms', 'data'],
    ['train', 'reg', 'model'],
    ['reg', 'ms', 'data'],
  ].map(([source, target, kind], i) => ({ id: `e${i}`, source, target, kind })),
};

describe('the judgement of revision 2 in Chromium', () => {
  it('leaves Requirements and Framing uncovered by empty cards, and says what each lacks', async () => {
    const { context, page } = await openApp(browser);
    await addByKeyboard(page, 'Requirements');
    await addByKeyboard(page, 'ML objective');
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    const strip = page.getByRole('region', { name: 'Design check' });
    const chip = (stage: string) => strip.locator(`.stage-chip[data-stage="${stage}"]`);
    await expect.poll(() => chip('requirements').getAttribute('class')).toContain('is-missing');
    expect(await chip('framing').getAttribute('class')).toContain('is-missing');
    expect(await chip('requirements').getAttribute('title')).toMatch(/not covered yet.*needs a goal and a scale or QPS/);
    expect(await chip('framing').getAttribute('title')).toMatch(/needs a task, a label and an offline metric/);
    expect(await strip.textContent()).toContain('0/7 stages');
    await page.getByRole('tab', { name: /^Findings/ }).click();
    const todo = page.getByRole('region', { name: 'Findings' }).locator('li.todo');
    await expect.poll(() => todo.first().textContent()).toMatch(/Clarify requirements.*Next.*does not cover the requirements yet: it needs a goal and a scale or QPS/);
    expect(await todo.nth(1).textContent()).toMatch(/does not cover the ML task yet: it needs a task, a label and an offline metric/);
    await screenshot(page, 'judgement-empty-cards');

    // Filling the requirements card covers its stage (the to-do selects its card).
    await todo.first().getByRole('button').click();
    await page.getByRole('tab', { name: 'Inspector' }).click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    await inspector.getByRole('textbox', { name: 'Business goal' }).fill('cut fraud losses');
    await inspector.getByRole('textbox', { name: 'Peak QPS' }).fill('3000');
    await expect.poll(() => chip('requirements').getAttribute('class')).toContain('is-covered');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('reads "accuracy on a random split" in a fraud objective: chips, and the metric and split warnings', async () => {
    const { context, page } = await openApp(browser);
    await openDesign(page, FRAUD);
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(FRAUD.nodes.length);
    await page.getByRole('tab', { name: /^Findings/ }).click();
    const findings = page.getByRole('region', { name: 'Findings' });
    const rules = () => findings.locator('li.finding:not(.finding-suppressed)').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-rule')));
    await expect.poll(rules).toContain('edge-kind-mismatch');
    expect(await rules()).not.toContain('metric-mismatch');
    expect(await rules()).not.toContain('leaky-split');

    await nodeOf(page, 'ml-objective').click();
    const inspector = page.getByRole('region', { name: 'Inspector' });
    const metric = inspector.getByRole('textbox', { name: 'Offline metric' });
    await metric.fill('');
    await metric.pressSequentially('accuracy on a random split');
    const chips = inspector.locator('.field', { has: page.getByRole('textbox', { name: 'Offline metric' }) }).locator('.term-chip');
    await expect.poll(() => chips.allTextContents()).toEqual(['accuracy', 'random split']);
    await screenshot(page, 'judgement-objective-chips');

    await page.getByRole('tab', { name: /^Findings/ }).click();
    await expect.poll(rules).toEqual(expect.arrayContaining(['metric-mismatch', 'leaky-split']));
    expect(await findings.locator('li.finding[data-rule="metric-mismatch"]').textContent()).toMatch(/accuracy/);
    expect(await findings.locator('li.finding[data-rule="leaky-split"]').textContent()).toMatch(/random split/);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('fixes a registry-to-server data edge with "Make it a model edge", and undo restores it', async () => {
    const { context, page } = await openApp(browser);
    await openDesign(page, FRAUD);
    await page.getByRole('tab', { name: /^Findings/ }).click();
    const findings = page.getByRole('region', { name: 'Findings' });
    const mismatch = findings.locator('li.finding[data-rule="edge-kind-mismatch"]');
    await expect.poll(() => mismatch.count()).toBe(1);
    expect(await mismatch.textContent()).toMatch(/"Registry" -> "Scorer" carries a model but is drawn as a data edge/);
    const edge = page.locator('.react-flow__edge[data-id="e7"] path.react-flow__edge-path');
    await expect.poll(() => edge.getAttribute('class')).toContain('edge-data');

    await mismatch.getByRole('button', { name: 'Make it a model edge', exact: true }).click();
    await expect.poll(() => edge.getAttribute('class')).toContain('edge-model');
    await expect.poll(() => mismatch.count()).toBe(0);
    await screenshot(page, 'judgement-fixed-edge');

    await page.locator('.react-flow__pane').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+Z');
    await expect.poll(() => edge.getAttribute('class')).toContain('edge-data');
    await expect.poll(() => mismatch.count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
