import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareDiagrams } from '../../src/domain/compare';
import { addFromReference, compareContext } from '../../src/domain/compareMatch';
import type { Diagram, DiagramNode } from '../../src/domain/diagram';
import { parseDiagramText } from '../../src/domain/format/parse';
import { axeViolations, baseUrl, launchBrowser, openPage, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Polls with room for a loaded machine: the compare view's code arrives on first use, and the comparison follows edits as a deferred value. */
const poll = <T,>(fn: () => T | Promise<T>) => expect.poll(fn, { timeout: 15_000 });

function template(id: string): Diagram {
  const r = parseDiagramText(readFileSync(resolve(import.meta.dirname, '../../templates', `${id}.json`), 'utf8'));
  if (!r.ok) throw new Error(r.error.message);
  return r.value;
}

/** The first half of a case study's components (no cards, zones or notes), at their absolute places, with the edges between them. */
function halfOf(ref: Diagram): { nodes: DiagramNode[]; edges: Diagram['edges'] } {
  const byId = new Map(ref.nodes.map((n) => [n.id, n]));
  const components = ref.nodes.filter((n) => !['group', 'note', 'requirements'].includes(n.kind));
  const nodes = components.slice(0, Math.ceil(components.length / 2)).map((n) => {
    const { parent: _p, ...rest } = n;
    let { x, y } = n.position;
    for (let p = n.parent; p; p = byId.get(p)?.parent) {
      x += byId.get(p)!.position.x;
      y += byId.get(p)!.position.y;
    }
    return { ...rest, position: { x, y } };
  });
  const ids = new Set(nodes.map((n) => n.id));
  return { nodes, edges: ref.edges.filter((e) => ids.has(e.source) && ids.has(e.target)) };
}

const yours = (page: Page) => page.locator('.file-drop .react-flow__node');
const refPane = (page: Page) => page.getByRole('region', { name: 'Reference answer' });
const panel = (page: Page) => page.getByRole('complementary', { name: 'Comparison with the reference' });
const score = async (page: Page) => Number(await panel(page).locator('.cmp-score-num').textContent());
const edgesOfYours = (page: Page) => page.locator('.file-drop .react-flow__edge');

/** Starts practice on a case study and draws half of its components, pasted as a user would (clipboard JSON, Ctrl+V); then opens the comparison. */
async function practiseHalf(page: Page, id: string, title: string): Promise<{ ref: Diagram; half: Diagram }> {
  const ref = template(id);
  await page.getByRole('button', { name: 'Templates' }).click();
  const gallery = page.getByRole('dialog', { name: 'Case studies' });
  await gallery.getByRole('button', { name: `Practice ${title}` }).click();
  await page.getByRole('region', { name: 'Practice session' }).locator('.practice-timer').waitFor();
  const half = halfOf(ref);
  const fragment = { format: 'mlsd-canvas', version: 1, title: 'mlsd-canvas-fragment', nodes: half.nodes, edges: half.edges };
  await page.evaluate((text) => navigator.clipboard.writeText(text), JSON.stringify(fragment));
  await page.locator('.react-flow__pane').click({ position: { x: 40, y: 40 } });
  await page.keyboard.press('Control+V');
  // The practice card plus the pasted half.
  await poll(() => yours(page).count()).toBe(half.nodes.length + 1);
  await page.getByRole('region', { name: 'Practice session' }).getByRole('button', { name: 'Compare with reference' }).click();
  await panel(page).locator('.cmp-score').waitFor();
  const card = { id: 'card', kind: 'requirements' as const, position: { x: 0, y: 0 }, props: {} };
  return { ref, half: { ...ref, nodes: [card, ...half.nodes], edges: half.edges } };
}

async function openCompareApp(width: number, height: number): Promise<{ page: Page; close(): Promise<void> }> {
  const context = await browser.newContext({ viewport: { width, height }, deviceScaleFactor: 1 });
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
  const page = await openPage(context);
  return { page, close: () => context.close() };
}

describe('compare view in Chromium', () => {
  it('shows both designs, highlights matches on both sides, adds a missing component in one click and undoes it', async () => {
    const { page, close } = await openCompareApp(1280, 800);
    const { ref, half } = await practiseHalf(page, 'fraud-detection', 'Fraud detection');

    // Two canvases: yours (editable) and the reference (read-only), every reference node drawn.
    expect(await page.locator('.react-flow').count()).toBe(2);
    await poll(() => refPane(page).locator('.react-flow__node').count()).toBe(ref.nodes.length);
    expect(await refPane(page).getByRole('heading').textContent()).toBe(`Reference: ${ref.title}`);
    // The palette and the side column make room; the practice card is on your canvas.
    expect(await page.getByRole('region', { name: 'Components' }).isVisible()).toBe(false);

    // Hover one of your components: it and its reference match light up, and a sentence says why.
    const first = half.nodes.find((n) => n.kind === 'feature-store') ?? half.nodes[1];
    const mine = page.locator(`.file-drop .react-flow__node:has(> [data-kind="${first.kind}"])`).first();
    await mine.hover();
    const myId = await mine.getAttribute('data-id');
    await poll(() => page.locator(`.cmp-ring-match[data-for="${myId}"]`).count()).toBe(1);
    await poll(() => refPane(page).locator(`.ref-node.is-highlighted[data-kind="${first.kind}"]`).count()).toBeGreaterThan(0);
    expect(await page.locator('.cmp-caption').textContent()).toMatch(/^Your “.+” matches the reference's “.+”/);
    // And the other way round: hover the reference's node, your match lights up.
    await page.mouse.move(5, 400);
    await poll(() => page.locator('.cmp-ring').count()).toBe(0);
    await refPane(page).locator(`.react-flow__node[data-id="${first.id}"]`).hover();
    await poll(() => page.locator(`.cmp-ring-match[data-for="${myId}"]`).count()).toBe(1);
    expect(await page.locator('.cmp-caption').textContent()).toMatch(/is matched by your/);
    await screenshot(page, 'compare-side-by-side');

    // A missing component that connects to what is drawn, and raises the score when added.
    const ctx = compareContext(half, ref);
    const before = await score(page);
    expect(before).toBe(ctx.comparison.score.total);
    const pick = ctx.plan.ghosts.find((g) => {
      const r = addFromReference(half, ref, [g.id], (p, taken) => { let i = 0; while (taken(`${p}x${i}`)) i++; return `${p}x${i}`; }, ctx);
      return r.ok && r.value.edgeIds.length > 0 && compareDiagrams(r.value.diagram, ref).score.total > before;
    })!;
    expect(pick).toBeDefined();
    const refNode = refPane(page).locator(`.react-flow__node[data-id="${pick.id}"]`);
    expect(await refNode.locator('.ref-node').getAttribute('data-status')).toBe('missing');
    const nodesBefore = await yours(page).count();
    const edgesBefore = await edgesOfYours(page).count();
    await refNode.hover();
    // What it would connect to is marked on your canvas.
    await poll(() => page.locator('.cmp-ring-link').count()).toBeGreaterThan(0);
    await refNode.locator('.ref-add').click();
    await poll(() => yours(page).count()).toBe(nodesBefore + 1);
    await poll(() => score(page)).toBeGreaterThan(before);
    expect(await edgesOfYours(page).count()).toBeGreaterThan(edgesBefore);
    await poll(() => refNode.locator('.ref-node').getAttribute('data-status')).toBe('matched');
    const raised = await score(page);
    expect(await panel(page).locator('.cmp-delta').textContent()).toBe(`+${raised - before}`);

    // One undo step takes it all back: the score falls back.
    await page.keyboard.press('Control+Z');
    await poll(() => yours(page).count()).toBe(nodesBefore);
    await poll(() => score(page)).toBe(before);
    expect(await edgesOfYours(page).count()).toBe(edgesBefore);
    await poll(() => refNode.locator('.ref-node').getAttribute('data-status')).toBe('missing');
    // And redo puts it back.
    await page.keyboard.press('Control+Shift+Z');
    await poll(() => score(page)).toBe(raised);
    await page.keyboard.press('Control+Z');
    await poll(() => score(page)).toBe(before);

    // A "Missing" chip adds the reference's component for that kind, one undo step too.
    const chip = panel(page).getByRole('button', { name: /^Add .+ from the reference$/ }).first();
    const chipName = (await chip.getAttribute('aria-label'))!.replace(/^Add (.+) from the reference$/, '$1');
    await chip.click();
    await poll(() => yours(page).count()).toBe(nodesBefore + 1);
    await poll(() => panel(page).getByRole('button', { name: `Add ${chipName} from the reference` }).count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await poll(() => yours(page).count()).toBe(nodesBefore);

    // The requirements card's gaps fill from the reference, one undo step.
    await panel(page).getByRole('button', { name: 'Fill your Requirements card from the reference' }).click();
    await poll(() => panel(page).locator('[data-stage="requirements"] .cmp-verdict').textContent()).toBe('Matches the reference.');
    await page.keyboard.press('Control+Z');
    await poll(() => panel(page).locator('[data-stage="requirements"] .cmp-verdict').textContent()).toMatch(/does not cover this stage yet/);

    expect(await axeViolations(page, '.compare-panel')).toEqual([]);
    expect(await axeViolations(page, '.cmp-ref-pane')).toEqual([]);

    // The write-up carries a picture of both designs.
    const [download] = await Promise.all([page.waitForEvent('download'), panel(page).getByRole('button', { name: 'Download comparison as Markdown' }).click()]);
    const md = readFileSync((await download.path())!, 'utf8');
    const pictures = [...md.matchAll(/!\[[^\]]*\]\(data:image\/svg\+xml;base64,([A-Za-z0-9+/=]+)\)/g)].map((m) => Buffer.from(m[1], 'base64').toString('utf8'));
    expect(pictures).toHaveLength(2);
    expect(pictures[0]).toMatch(/^<svg /);
    expect(pictures[1]).toContain(`<title>${ref.title}</title>`);
    expect(pageErrors(page)).toEqual([]);
    await close();
  });

  it('overlays the missing components as ghosts on your canvas: one click adds a ghost, a stage adds all of its own', async () => {
    const { page, close } = await openCompareApp(1280, 800);
    const { ref, half } = await practiseHalf(page, 'fraud-detection', 'Fraud detection');
    await panel(page).getByRole('button', { name: 'Overlay' }).click();
    // One canvas, with a ghost for every missing component and their missing connections dashed.
    await poll(() => page.locator('.react-flow').count()).toBe(1);
    const ctx = compareContext(half, ref);
    const ghosts = page.locator('.cmp-ghost');
    await poll(() => ghosts.count()).toBe(ctx.plan.ghosts.length);
    expect(await page.locator('.cmp-ghost-edge').count()).toBe(ctx.plan.edges.length);
    // A ghost sits where the reference has it, as your half does (it was drawn at the reference's places, offset by the paste).
    const g0 = ctx.plan.ghosts[0];
    const pasted = half.nodes.find((n) => n.kind !== 'requirements')!;
    // Measured together and polled: the view may still be settling from its fit when the ghosts first appear.
    const offBy = async (): Promise<number> => {
      const mineBox = (await page.locator(`.file-drop .react-flow__node:has(> [data-kind="${pasted.kind}"])`).first().boundingBox())!;
      const ghostBox = (await page.locator(`.cmp-ghost[data-ghost="${g0.id}"]`).boundingBox())!;
      const zoom = mineBox.width / 168;
      return Math.max(Math.abs(ghostBox.x - mineBox.x - (g0.box.x - pasted.position.x) * zoom), Math.abs(ghostBox.y - mineBox.y - (g0.box.y - pasted.position.y) * zoom));
    };
    await poll(offBy).toBeLessThan(3);
    await screenshot(page, 'compare-overlay');

    // Click a ghost that connects to what you have: it becomes a component, with its connections.
    const linked = ctx.plan.ghosts.find((g) => ctx.plan.edges.some((e) => ('ghost' in e.source && e.source.ghost === g.id && 'yours' in e.target) || ('ghost' in e.target && e.target.ghost === g.id && 'yours' in e.source)))!;
    const before = await score(page);
    const nodesBefore = await yours(page).count();
    const ghost = page.locator(`.cmp-ghost[data-ghost="${linked.id}"]`);
    await ghost.hover();
    await poll(() => page.locator('.cmp-ghost-edge.is-lit').count()).toBeGreaterThan(0);
    await ghost.click();
    await poll(() => yours(page).count()).toBe(nodesBefore + 1);
    await poll(() => ghost.count()).toBe(0);
    const added = page.locator('.file-drop .react-flow__node.selected');
    expect(await added.count()).toBe(1);
    await poll(() => score(page)).not.toBe(before);
    await page.keyboard.press('Control+Z');
    await poll(() => ghost.count()).toBe(1);
    await poll(() => score(page)).toBe(before);

    // "Add all missing in this stage": every ghost of the stage at once, one undo step.
    const stage = (['monitoring', 'data', 'model', 'evaluation', 'serving'] as const).find((s) => ctx.plan.ghosts.filter((g) => g.stages.includes(s)).length > 1)!;
    const inStage = ctx.plan.ghosts.filter((g) => g.stages.includes(stage)).length;
    await panel(page).locator(`[data-stage="${stage}"]`).getByRole('button', { name: `Add all ${inStage} missing in this stage` }).click();
    await poll(() => yours(page).count()).toBe(nodesBefore + inStage);
    await poll(() => panel(page).locator(`[data-stage="${stage}"]`).getByRole('list', { name: 'Missing' }).count()).toBe(0);
    await page.keyboard.press('Control+Z');
    await poll(() => yours(page).count()).toBe(nodesBefore);
    await poll(() => ghosts.count()).toBe(ctx.plan.ghosts.length);
    expect(pageErrors(page)).toEqual([]);
    await close();
  });

  it('stacks the two canvases at 1024 x 768 and follows dark mode', async () => {
    const { page, close } = await openCompareApp(1024, 768);
    const { ref } = await practiseHalf(page, 'visual-search', 'Visual search');
    await poll(() => refPane(page).locator('.react-flow__node').count()).toBe(ref.nodes.length);
    const mine = (await page.locator('.file-drop').boundingBox())!;
    const theirs = (await refPane(page).boundingBox())!;
    const side = (await panel(page).boundingBox())!;
    // One above the other, the same width, both beside the panel, all inside the window.
    expect(theirs.y).toBeGreaterThanOrEqual(mine.y + mine.height - 1);
    expect(Math.abs(theirs.x - mine.x)).toBeLessThan(2);
    expect(Math.abs(theirs.width - mine.width)).toBeLessThan(2);
    expect(mine.height).toBeGreaterThan(200);
    expect(theirs.height).toBeGreaterThan(200);
    expect(side.x).toBeGreaterThanOrEqual(mine.x + mine.width - 1);
    expect(side.x + side.width).toBeLessThanOrEqual(1024);
    expect(theirs.y + theirs.height).toBeLessThanOrEqual(768);
    await screenshot(page, 'compare-1024');

    // Dark mode: both canvases take the dark theme.
    await page.locator('.react-flow__pane').first().click({ position: { x: 10, y: 60 } });
    await page.keyboard.press('Shift+D');
    await poll(() => page.locator('.react-flow.dark').count()).toBe(2);
    await screenshot(page, 'compare-1024-dark');
    expect(await axeViolations(page, '.compare-panel')).toEqual([]);
    // Closing gives the palette and the side column back.
    await panel(page).getByRole('button', { name: 'Close comparison' }).click();
    await poll(() => page.getByRole('region', { name: 'Components' }).isVisible()).toBe(true);
    expect(await page.locator('.react-flow').count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await close();
  });
});
