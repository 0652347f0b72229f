import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { componentCard } from '../../src/domain/content/componentCards';
import { axeViolations, baseUrl, dragFromPalette, launchBrowser, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Polls with room for a loaded machine: lazy chunks (gallery, templates, panels) arrive on first use. */
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 10_000 });
const template = (id: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, '../../templates', `${id}.json`), 'utf8')) as { nodes: unknown[]; title: string; brief: string };
const nodes = (page: Page) => page.locator('.react-flow__node');
const gallery = (page: Page) => page.getByRole('dialog', { name: 'Case studies' });


async function openGallery(page: Page) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await poll(() => gallery(page).locator('.gallery-card:not(.gallery-skeleton)').count()).toBe(14);
}

async function startPractice(page: Page, title: string) {
  await openGallery(page);
  await gallery(page).getByRole('button', { name: `Practice ${title}` }).click();
  await page.getByRole('region', { name: 'Practice session' }).locator('.practice-timer').waitFor();
}

describe('case studies, practice and compare in Chromium', () => {
  it('shows a start panel on an empty canvas that goes away with the first component, and never in bench mode', async () => {
    const { context, page } = await openApp(browser);
    const panel = page.getByRole('region', { name: /Design ML systems/ });
    await poll(() => panel.isVisible()).toBe(true);
    await panel.evaluate((el) => Promise.all(el.getAnimations().map((a) => a.finished)));
    await screenshot(page, 'start-panel');
    expect(await axeViolations(page, '.start-panel')).toEqual([]);
    // The panel is no obstacle: the wheel over its buttons zooms the canvas...
    const scale = () => page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrix(getComputedStyle(el).transform).a);
    const before = await scale();
    const blankBox = (await panel.getByRole('button', { name: /Start blank/ }).boundingBox())!;
    await page.mouse.move(blankBox.x + 20, blankBox.y + 20);
    await page.mouse.wheel(0, 400);
    await poll(scale).toBeLessThan(before);
    // ...and a component dropped on its text lands on the canvas there.
    const text = (await panel.locator('.start-lead').boundingBox())!;
    const drop = { x: text.x + text.width / 2, y: text.y + text.height / 2 };
    await dragFromPalette(page, 'Feature store', drop);
    await poll(() => nodes(page).count()).toBe(1);
    expect(await panel.count()).toBe(0);
    const node = (await nodes(page).boundingBox())!;
    expect(Math.abs(node.x + node.width / 2 - drop.x)).toBeLessThan(4);
    // Undo empties the canvas: the panel is back.
    await page.keyboard.press('Control+Z');
    await poll(() => panel.count()).toBe(1);
    // Start blank: the panel goes and the palette search has focus.
    await panel.getByRole('button', { name: /Start blank/ }).click();
    expect(await panel.count()).toBe(0);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Search components');
    await context.close();

    const bench = await openApp(browser, '?bench=0');
    expect(await bench.page.locator('.start-panel').count()).toBe(0);
    await bench.context.close();
  });

  it('keeps templates and learning content out of the first load, fetching them when the gallery opens', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const scripts: string[] = [];
    page.on('request', (r) => {
      if (r.resourceType() === 'script') scripts.push(r.url());
    });
    await page.goto(baseUrl());
    await page.locator('.react-flow__pane').waitFor();
    await page.waitForLoadState('networkidle');
    const lazy = /fraud-detection|visual-search|componentCards|practiceHints|TemplateGallery|ComparePanel|PracticeBar/;
    expect(scripts.filter((u) => lazy.test(u))).toEqual([]);
    await openGallery(page);
    expect(scripts.filter((u) => /fraud-detection|TemplateGallery/.test(u))).toHaveLength(2);
    expect(scripts.some((u) => /componentCards/.test(u))).toBe(false);
    await context.close();
  });

  it('opens the gallery, searches it, and loads Fraud detection as a reference that Undo takes back', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Cache', { x: canvas.x + 200, y: canvas.y + 200 });
    await poll(() => nodes(page).count()).toBe(1);

    await openGallery(page);
    const cards = gallery(page).locator('.gallery-card');
    // Each card: title, brief, component count and a preview drawn from the diagram.
    const fraud = gallery(page).locator('[data-template="fraud-detection"]');
    expect(await fraud.locator('h3').textContent()).toBe('Fraud detection');
    expect(await fraud.locator('.gallery-brief').textContent()).toBe(template('fraud-detection').brief);
    expect(await fraud.locator('.gallery-meta').textContent()).toMatch(/\d+ components/);
    expect(await fraud.locator('svg.diagram-preview rect.pv-node').count()).toBeGreaterThan(15);
    await screenshot(page, 'gallery');
    expect(await axeViolations(page, '.dialog')).toEqual([]);

    const search = gallery(page).getByRole('searchbox', { name: 'Search case studies' });
    await search.fill('flink');
    await poll(() => cards.count()).toBeLessThan(14);
    expect(await cards.count()).toBeGreaterThan(0);
    await search.fill('chargeback');
    await poll(() => cards.locator('h3').allTextContents()).toEqual(['Fraud detection']);
    await search.fill('zzz nothing');
    await poll(() => gallery(page).getByText(/No case study matches/).count()).toBe(1);
    await search.fill('');

    await gallery(page).getByRole('button', { name: 'Open Fraud detection as reference' }).click();
    expect(await gallery(page).count()).toBe(0);
    await poll(() => nodes(page).count()).toBe(template('fraud-detection').nodes.length);
    expect(await page.getByRole('textbox', { name: /title/i }).inputValue()).toBe('Fraud detection');
    // The reference answer passes the check: all seven stages, no error (nor warning).
    const strip = page.getByRole('region', { name: 'Design check' });
    await poll(() => strip.locator('.stage-count').textContent()).toBe('7/7 stages');
    expect(await strip.locator('.check-count-error').count()).toBe(0);
    await page.getByRole('tab', { name: /^Findings/ }).click();
    await poll(() => page.getByRole('region', { name: 'Findings' }).getByText('All checks pass').count()).toBe(1);
    expect(await page.locator('.node-badge').count()).toBe(0);
    // The earlier design is one Undo away.
    await page.keyboard.press('Control+Z');
    await poll(() => nodes(page).count()).toBe(1);
    expect(await page.locator('.react-flow__node:has(> [data-kind="cache"])').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('practises Visual search: brief, blank canvas, timer strip, then compare lists what is missing', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: /Start from a case study/ }).click();
    await poll(() => gallery(page).locator('.gallery-card:not(.gallery-skeleton)').count()).toBe(14);
    await gallery(page).getByRole('button', { name: 'Practice Visual search' }).click();
    const bar = page.getByRole('region', { name: 'Practice session' });
    await bar.locator('.practice-timer').waitFor();
    expect(await bar.locator('.practice-brief').textContent()).toBe(template('visual-search').brief);
    // A blank canvas with one empty requirements card, selected so its fields are at hand.
    await poll(() => nodes(page).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Inspector' }).getByRole('textbox', { name: 'Business goal' }).inputValue()).toBe('');
    // Seven steps, the first current.
    const steps = bar.getByRole('list', { name: 'Interview steps' }).getByRole('button');
    expect(await steps.count()).toBe(7);
    expect(await steps.first().getAttribute('aria-current')).toBe('step');
    expect(await bar.getByRole('timer').textContent()).toMatch(/^\d+:\d\d\/ 45:00$/);

    // Pause and resume, move on a step.
    await bar.getByRole('button', { name: 'Pause timer' }).click();
    expect(await bar.getByRole('timer').textContent()).toContain('Paused');
    await bar.getByRole('button', { name: 'Resume timer' }).click();
    expect(await bar.getByRole('timer').textContent()).not.toContain('Paused');
    await bar.getByRole('button', { name: 'Next step' }).click();
    expect(await steps.nth(1).getAttribute('aria-current')).toBe('step');

    // Findings wait for a check.
    const strip = page.getByRole('region', { name: 'Design check' });
    expect(await strip.getByRole('button', { name: /Hidden in practice/ }).count()).toBe(1);

    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Embedding model', { x: canvas.x + 380, y: canvas.y + 160 });
    await dragFromPalette(page, 'Vector DB / ANN index', { x: canvas.x + 380, y: canvas.y + 300 });
    await poll(() => nodes(page).count()).toBe(3);
    expect(await page.locator('.node-badge').count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Findings' }).locator('li.finding').count()).toBe(0);
    await screenshot(page, 'practice-mode');
    // Asking for a check shows the findings, with the rule's card behind "Why it matters".
    await bar.getByRole('button', { name: 'Check design' }).click();
    const findings = page.getByRole('region', { name: 'Findings' });
    const stale = findings.locator('li.finding[data-rule="stale-index"]');
    await poll(() => stale.count()).toBe(1);
    // Badges follow the findings by a render (the canvas takes them as a deferred value).
    await poll(() => page.locator('.node-badge').count()).toBeGreaterThan(0);
    await stale.getByRole('button', { name: 'Why it matters' }).click();
    await poll(() => stale.locator('.rule-card-title').count()).toBe(1);
    await screenshot(page, 'practice-checked');
    await bar.getByRole('button', { name: 'Hide findings' }).click();
    await poll(() => findings.locator('li.finding').count()).toBe(0);

    await bar.getByRole('button', { name: 'Compare with reference' }).click();
    const panel = page.getByRole('complementary', { name: 'Comparison with the reference' });
    await panel.locator('.cmp-score').waitFor();
    const serving = panel.locator('[data-stage="serving"]');
    const missing = await serving.getByRole('list', { name: 'Missing' }).getByRole('listitem').allTextContents();
    expect(missing).toContain('Model registry');
    expect(missing).toContain('Prediction service / API');
    expect(missing).not.toContain('Vector DB / ANN index');
    const modelMissing = await panel.locator('[data-stage="model"]').getByRole('list', { name: 'Missing' }).getByRole('listitem').allTextContents();
    expect(modelMissing).toEqual(['Pipeline orchestrator']);
    expect(await panel.locator('[data-stage="data"] .cmp-verdict').textContent()).toMatch(/^Not covered: the reference uses/);
    const score = Number(await panel.locator('.cmp-score-num').textContent());
    expect(score).toBeGreaterThan(0);
    expect(score).toBeLessThan(30);
    // The cards side by side: yours empty, the reference filled.
    const label = panel.getByRole('row', { name: /^Label/ });
    expect(await label.getByRole('cell').first().textContent()).toBe('not set');
    await screenshot(page, 'compare-panel');
    await serving.locator('.cmp-findings-toggle').click();
    expect(await axeViolations(page, '.compare-panel')).toEqual([]);
    expect(await axeViolations(page, '.practice-bar')).toEqual([]);

    // Export as Markdown for interview notes.
    const [download] = await Promise.all([page.waitForEvent('download'), panel.getByRole('button', { name: 'Download comparison as Markdown' }).click()]);
    expect(download.suggestedFilename()).toBe('Practice- Visual search vs Visual search.md');
    const md = readFileSync((await download.path())!, 'utf8');
    expect(md).toContain('# Practice: Visual search compared with the reference');
    expect(md).toContain('| 4. Model development | 1 of 2 covered; missing Pipeline orchestrator. | Pipeline orchestrator | - |');
    expect(md).toContain('## Questions to prepare');

    // End: the timer stops and the bar offers to close practice.
    await panel.getByRole('button', { name: 'Close comparison' }).click();
    await bar.getByRole('button', { name: 'End' }).click();
    await panel.locator('.cmp-score').waitFor();
    expect(await bar.getByRole('timer').textContent()).toContain('Ended');
    await bar.getByRole('button', { name: 'Close practice' }).click();
    expect(await page.getByRole('region', { name: 'Practice session' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Design check' }).getByRole('button', { name: /Hidden in practice/ }).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('practice runs on a new design: Undo returns to the previous one and ends practice', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Cache', { x: canvas.x + 200, y: canvas.y + 200 });
    await poll(() => nodes(page).count()).toBe(1);
    await startPractice(page, 'Fraud detection');
    await poll(() => nodes(page).count()).toBe(1);
    expect(await page.locator('.react-flow__node:has(> [data-kind="requirements"])').count()).toBe(1);
    await page.locator('.react-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+Z');
    await poll(() => page.locator('.react-flow__node:has(> [data-kind="cache"])').count()).toBe(1);
    await poll(() => page.getByRole('region', { name: 'Practice session' }).count()).toBe(0);
    expect(await page.getByRole('textbox', { name: /title/i }).inputValue()).not.toContain('Practice');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('a reload in the middle of practice brings the session back on its design, the timer still running', async () => {
    const { context, page } = await openApp(browser);
    await startPractice(page, 'Visual search');
    const bar = () => page.getByRole('region', { name: 'Practice session' });
    await bar().getByRole('button', { name: 'Next step' }).click();
    await bar().getByRole('button', { name: 'Hint', exact: true }).click();
    await poll(() => bar().locator('.hint-kind').textContent()).toBe('Hint 1 · Where to look');
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Embedding model', { x: canvas.x + 380, y: canvas.y + 200 });
    await poll(() => nodes(page).count()).toBe(2);

    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await poll(() => nodes(page).count()).toBe(2);
    await poll(() => bar().count()).toBe(1);
    await bar().locator('.practice-timer').waitFor();
    expect(await bar().locator('.practice-title').textContent()).toBe('Visual search');
    expect(await bar().getByRole('timer').textContent()).not.toContain('Paused');
    // It runs: the shown time moves on.
    const shown = await bar().getByRole('timer').textContent();
    await poll(() => bar().getByRole('timer').textContent()).not.toBe(shown);
    expect(await page.getByText(/the timer kept running/).count()).toBe(1);
    expect(await bar().getByRole('list', { name: 'Interview steps' }).getByRole('button').nth(1).getAttribute('aria-current')).toBe('step');
    expect(await bar().locator('.hint-kind').textContent()).toBe('Hint 1 · Where to look');
    expect(await page.getByRole('region', { name: 'Design check' }).getByRole('button', { name: /Hidden in practice/ }).count()).toBe(1);
    // A timer paused by the user stays paused through a reload.
    await bar().getByRole('button', { name: 'Pause timer' }).click();
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await bar().locator('.practice-timer').waitFor();
    await poll(() => bar().getByRole('timer').textContent()).toContain('Paused');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('in practice mode, after a feature store is placed, a hint asks one of its follow-up questions', async () => {
    const { context, page } = await openApp(browser);
    await startPractice(page, 'Visual search');
    const bar = page.getByRole('region', { name: 'Practice session' });
    // With nothing placed, the first hint points at the first uncovered stage (the empty requirements card), not at an answer.
    await bar.getByRole('button', { name: 'Hint', exact: true }).click();
    const hint = bar.locator('.practice-hint');
    await poll(() => hint.locator('.hint-kind').textContent()).toBe('Hint 1 · Where to look');
    expect(await hint.locator('.hint-text').textContent()).toMatch(/^Start with the requirements: your Requirements card still needs a goal and a scale or QPS\./);

    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Feature store', { x: canvas.x + 380, y: canvas.y + 220 });
    await poll(() => nodes(page).count()).toBe(2);
    await bar.getByRole('button', { name: 'Hint', exact: true }).click();
    await poll(() => hint.locator('.hint-kind').textContent()).toBe('Hint 2 · Interviewer asks');
    const text = (await hint.locator('.hint-text').textContent())!;
    expect(text.startsWith('Your design has a feature store: ')).toBe(true);
    const asked = text.slice('Your design has a feature store: '.length).toLowerCase();
    expect(componentCard('feature-store').followUps.map((q) => q.toLowerCase())).toContain(asked);
    // Earlier hints stay one click away.
    await hint.getByRole('button', { name: /Earlier hints \(1\)/ }).click();
    expect(await hint.locator('.hint-earlier li').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
