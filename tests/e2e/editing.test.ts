import { createRequire } from 'node:module';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addByKeyboard, baseUrl, connect, dragFromPalette, launchBrowser, nodeOf, openApp, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const nodes = (page: Page) => page.locator('.react-flow__node');



async function boxes(page: Page) {
  return nodes(page).evaluateAll((els) =>
    els.map((el) => {
      const r = el.getBoundingClientRect();
      return { x: r.x, y: r.y, w: r.width, h: r.height, zone: el.classList.contains('react-flow__node-zone') };
    }),
  );
}

describe('editing like a diagram tool', () => {
  it('undo after a drag puts the node back; redo moves it again', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Feature store', { x: canvas.x + 250, y: canvas.y + 300 });
    const before = (await nodeOf(page, 'feature-store').boundingBox())!;
    await page.mouse.move(before.x + 80, before.y + 30);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) await page.mouse.move(before.x + 80 + i * 20, before.y + 30 + i * 10);
    await page.mouse.up();
    const moved = (await nodeOf(page, 'feature-store').boundingBox())!;
    expect(moved.x - before.x).toBeGreaterThan(100);
    await page.keyboard.press('Control+z');
    await expect.poll(async () => (await nodeOf(page, 'feature-store').boundingBox())!.x).toBeCloseTo(before.x, 0);
    // One undo step for the whole drag: a second undo removes the node (it was added before the drag).
    await page.keyboard.press('Control+Shift+Z');
    await expect.poll(async () => (await nodeOf(page, 'feature-store').boundingBox())!.x).toBeCloseTo(moved.x, 0);
    await page.keyboard.press('Control+z');
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodes(page).count()).toBe(0);
    await page.keyboard.press('Control+y');
    await expect.poll(() => nodes(page).count()).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('copy and paste duplicate nodes with their edges, also into another tab', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseUrl() });
    const page = await context.newPage();
    await page.goto(baseUrl());
    await page.locator('.react-flow__pane').waitFor();
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Training job', { x: canvas.x + 200, y: canvas.y + 250 });
    await dragFromPalette(page, 'Model registry', { x: canvas.x + 480, y: canvas.y + 250 });
    await connect(page, 'training-job', 'model-registry');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);

    // Shift-click selects both nodes.
    await nodeOf(page, 'training-job').click();
    await nodeOf(page, 'model-registry').click({ modifiers: ['Shift'] });
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(2);
    await page.keyboard.press('Control+c');
    await page.keyboard.press('Control+v');
    await expect.poll(() => nodes(page).count()).toBe(4);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    // The pasted copies are selected and offset from the originals.
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(2);
    const copies = await page.locator('.react-flow__edge path.edge-model').count();
    expect(copies).toBe(2);
    // Duplicate works the same way.
    await page.keyboard.press('Control+d');
    await expect.poll(() => nodes(page).count()).toBe(6);

    // A second tab pastes through the system clipboard.
    const other = await context.newPage();
    await other.goto(baseUrl());
    await other.locator('.react-flow__pane').waitFor();
    // The second tab opens the same stored design; whatever it shows, the paste adds two nodes and their edge.
    await other.waitForTimeout(300);
    const nodesBefore = await other.locator('.react-flow__node').count();
    const edgesBefore = await other.locator('.react-flow__edge').count();
    await other.locator('.react-flow__pane').click();
    await other.keyboard.press('Control+v');
    await expect.poll(() => other.locator('.react-flow__node').count()).toBe(nodesBefore + 2);
    await expect.poll(() => other.locator('.react-flow__edge').count()).toBe(edgesBefore + 1);
    await context.close();
  });

  it('tidy up arranges overlapping nodes into stage columns with no overlap, as one undo step', async () => {
    const { context, page } = await openApp(browser);
    // Dropped on top of each other at one point (keyboard adds no longer stack, so drops make the mess).
    const pane = (await page.locator('.react-flow__pane').boundingBox())!;
    const labels = ['Drift detection', 'Model server', 'Model registry', 'Offline evaluation', 'Training job', 'Feature store', 'Event log (clicks, views)', 'Requirements'];
    for (const [i, label] of labels.entries()) await dragFromPalette(page, label, { x: pane.x + pane.width / 2 + (i % 3) * 30, y: pane.y + pane.height / 2 + (i % 2) * 20 });
    await expect.poll(() => nodes(page).count()).toBe(8);
    const overlaps = (bs: Awaited<ReturnType<typeof boxes>>) =>
      bs.filter((a, i) => bs.some((b, j) => j > i && a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h)).length;
    expect(overlaps(await boxes(page))).toBeGreaterThan(0);
    await page.getByRole('button', { name: 'Tidy up' }).click();
    await page.waitForTimeout(400);
    expect(overlaps(await boxes(page))).toBe(0);
    // Stage order left to right.
    const x = async (kind: string) => (await nodeOf(page, kind).boundingBox())!.x;
    expect(await x('requirements')).toBeLessThan(await x('feature-store'));
    expect(await x('feature-store')).toBeLessThan(await x('training-job'));
    expect(await x('training-job')).toBeLessThan(await x('offline-eval'));
    expect(await x('offline-eval')).toBeLessThan(await x('model-server'));
    expect(await x('model-server')).toBeLessThan(await x('drift-detection'));
    await screenshot(page, 'tidy-up');
    await page.keyboard.press('Control+z');
    await page.waitForTimeout(300);
    expect(overlaps(await boxes(page))).toBeGreaterThan(0);
    await context.close();
  });

  it('lets a keyboard-only user add components and connect them', async () => {
    const { context, page } = await openApp(browser);
    await addByKeyboard(page, 'feast');
    // Added with the feature store selected: beside it and connected from it.
    await addByKeyboard(page, 'triton');
    await expect.poll(() => nodes(page).count()).toBe(2);
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    expect(await page.locator('.react-flow__edge path.edge-data').count()).toBe(1);
    await addByKeyboard(page, 'drift');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(2);
    // Any other connection through the inspector's "Connect to…": from the feature store to the drift detection.
    let found = false;
    for (let i = 0; i < 60 && !found; i++) {
      await page.keyboard.press('Tab');
      found = await page.evaluate(() => !!document.activeElement?.querySelector?.('[data-kind="feature-store"]'));
    }
    expect(found).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__node.selected [data-kind="feature-store"]').count()).toBe(1);
    let onSelect = false;
    for (let i = 0; i < 60 && !onSelect; i++) {
      await page.keyboard.press('Tab');
      onSelect = await page.evaluate(() => document.activeElement?.id !== '' && document.activeElement?.tagName === 'SELECT' &&
        document.querySelector(`label[for="${document.activeElement.id}"]`)?.textContent === 'Connect to…');
    }
    expect(onSelect).toBe(true);
    const option = await page.evaluate(() => [...(document.activeElement as HTMLSelectElement).options].findIndex((o) => o.text.startsWith('Drift')));
    expect(option).toBeGreaterThan(0);
    for (let k = 0; k < option; k++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(3);
    await context.close();
  });

  it('has a visible focus ring, a shortcuts dialog and a command palette that adds components', async () => {
    const { context, page } = await openApp(browser);
    // Every toolbar button is reached with Tab and shows a focus ring.
    const reached = new Set<string>();
    for (let i = 0; i < 30; i++) {
      await page.keyboard.press('Tab');
      const info = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        if (!el?.closest('[role="toolbar"]')) return null;
        const st = getComputedStyle(el);
        return { name: el.getAttribute('aria-label') ?? el.textContent ?? '', ring: st.outlineStyle !== 'none' && st.outlineWidth !== '0px' };
      });
      if (info) {
        expect(info.ring, info.name).toBe(true);
        reached.add(info.name);
      }
    }
    for (const name of ['Toggle snap to grid', 'Fit diagram to view', 'Toggle dark mode', 'Keyboard shortcuts', 'Command palette'])
      expect([...reached]).toContain(name);
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    expect(await dialog.getByText('Undo', { exact: true }).count()).toBe(1);
    expect(await dialog.getByText('Tidy up', { exact: true }).count()).toBe(1);
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);

    await page.keyboard.press('Control+k');
    const palette = page.getByRole('combobox', { name: 'Search commands and components' });
    await palette.waitFor();
    await page.keyboard.type('vector');
    await page.keyboard.press('Enter');
    await expect.poll(() => nodeOf(page, 'vector-db').count()).toBe(1);
    await page.keyboard.press('Control+k');
    await page.keyboard.type('dark');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await screenshot(page, 'dark-mode');
    // The choice persists across a reload.
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    await context.close();
  });

  it('edits an edge label by double-click, reconnects an edge end, and wraps a selection in a zone', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Event log (clicks, views)', { x: canvas.x + 160, y: canvas.y + 250 });
    await dragFromPalette(page, 'Batch ETL', { x: canvas.x + 430, y: canvas.y + 200 });
    await dragFromPalette(page, 'Data warehouse / lake', { x: canvas.x + 430, y: canvas.y + 360 });
    await connect(page, 'event-log', 'batch-etl');
    await expect.poll(() => page.locator('.react-flow__edge').count()).toBe(1);
    const hit = (await page.locator('.react-flow__edge-interaction').boundingBox())!;
    await page.mouse.dblclick(hit.x + hit.width / 2, hit.y + hit.height / 2);
    const input = page.getByRole('textbox', { name: 'Connection label' });
    await input.waitFor();
    await input.fill('raw events');
    await page.keyboard.press('Enter');
    await expect.poll(() => page.locator('.edge-label').textContent()).toBe('raw events');

    // Drag the edge's target end from Batch ETL to the warehouse.
    const end = (await page.locator('.react-flow__edgeupdater-target').boundingBox())!;
    const wh = (await nodeOf(page, 'data-warehouse').locator('.handle-in').boundingBox())!;
    await page.mouse.move(end.x + end.width / 2, end.y + end.height / 2);
    await page.mouse.down();
    await page.mouse.move(wh.x + wh.width / 2, wh.y + wh.height / 2, { steps: 12 });
    await page.mouse.up();
    await expect.poll(async () => {
      const p = (await page.locator('.react-flow__edge-path').getAttribute('d')) ?? '';
      const last = p.trim().split(/[ ,C]+/).filter(Boolean).slice(-2).map(Number);
      return Math.abs(last[1] - (wh.y + wh.height / 2 - canvas.y)) < 80;
    }).toBe(true);

    await page.keyboard.press('Control+a');
    await page.keyboard.press('Control+g');
    await expect.poll(() => page.locator('.react-flow__node-zone').count()).toBe(1);
    const zone = (await page.locator('.react-flow__node-zone').boundingBox())!;
    for (const kind of ['event-log', 'batch-etl', 'data-warehouse']) {
      const b = (await nodeOf(page, kind).boundingBox())!;
      expect(b.x).toBeGreaterThan(zone.x);
      expect(b.x + b.width).toBeLessThan(zone.x + zone.width);
      expect(b.y + b.height).toBeLessThan(zone.y + zone.height);
    }
    await context.close();
  });

  it('drags nodes into and out of a zone, box-selects, nudges with arrows and snaps to the grid', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Zone (offline / online)', { x: canvas.x + 450, y: canvas.y + 420 });
    await dragFromPalette(page, 'Cache', { x: canvas.x + 120, y: canvas.y + 120 });
    const zone = () => page.locator('.react-flow__node-zone');
    const z = (await zone().boundingBox())!;
    // Drag the cache into the zone.
    const c = (await nodeOf(page, 'cache').boundingBox())!;
    await page.mouse.move(c.x + 60, c.y + 30);
    await page.mouse.down();
    await page.mouse.move(z.x + z.width / 2, z.y + z.height / 2, { steps: 15 });
    await page.mouse.up();
    const inZone = (await nodeOf(page, 'cache').boundingBox())!;
    // Move the zone by its header: the cache comes along, so it is now the zone's child.
    const moveZone = async (dx: number, dy: number) => {
      const h = (await page.locator('.zone-header').boundingBox())!;
      await page.mouse.move(h.x + 40, h.y + h.height / 2);
      await page.mouse.down();
      await page.mouse.move(h.x + 40 + dx, h.y + h.height / 2 + dy, { steps: 10 });
      await page.mouse.up();
    };
    const z0 = (await zone().boundingBox())!;
    await moveZone(-60, -40);
    const z1 = (await zone().boundingBox())!;
    const after = (await nodeOf(page, 'cache').boundingBox())!;
    expect(after.x - inZone.x).toBeCloseTo(z1.x - z0.x, 0);
    expect(after.y - inZone.y).toBeCloseTo(z1.y - z0.y, 0);
    // Drag it back out: moving the zone leaves it where it is.
    await page.mouse.move(after.x + 60, after.y + 30);
    await page.mouse.down();
    await page.mouse.move(canvas.x + 100, canvas.y + 100, { steps: 15 });
    await page.mouse.up();
    const out = (await nodeOf(page, 'cache').boundingBox())!;
    expect(out.x).toBeLessThan(z1.x);
    await moveZone(50, 30);
    const still = (await nodeOf(page, 'cache').boundingBox())!;
    expect(still.x).toBeCloseTo(out.x, 0);
    expect(still.y).toBeCloseTo(out.y, 0);

    // Box select with Shift+drag over the cache only.
    await page.keyboard.down('Shift');
    await page.mouse.move(out.x - 20, out.y - 20);
    await page.mouse.down();
    await page.mouse.move(out.x + out.width + 20, out.y + out.height + 20, { steps: 8 });
    await page.mouse.up();
    await page.keyboard.up('Shift');
    await expect.poll(() => page.locator('.react-flow__node.selected').count()).toBe(1);
    // Arrow keys nudge the selection by 1 px (10 with Shift).
    const b0 = (await nodeOf(page, 'cache').boundingBox())!;
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Shift+ArrowDown');
    await expect.poll(async () => (await nodeOf(page, 'cache').boundingBox())!.x - b0.x).toBeCloseTo(2, 0);
    expect((await nodeOf(page, 'cache').boundingBox())!.y - b0.y).toBeCloseTo(10, 0);

    // Snap to grid: after a drag the node sits on the 20 px grid.
    await page.getByRole('button', { name: 'Toggle snap to grid' }).click();
    expect(await page.getByRole('button', { name: 'Toggle snap to grid' }).getAttribute('aria-pressed')).toBe('true');
    const s0 = (await nodeOf(page, 'cache').boundingBox())!;
    await page.mouse.move(s0.x + 50, s0.y + 30);
    await page.mouse.down();
    await page.mouse.move(s0.x + 50 + 37, s0.y + 30 + 23, { steps: 6 });
    await page.mouse.up();
    const transform = await nodeOf(page, 'cache').evaluate((el) => getComputedStyle(el).transform);
    const [, , , , tx, ty] = transform.match(/-?[\d.]+/g)!.map(Number);
    expect(tx % 20).toBe(0);
    expect(ty % 20).toBe(0);
    await context.close();
  });

  it('has no serious or critical accessibility violation on the main screen (axe-core)', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Feature store', { x: canvas.x + 200, y: canvas.y + 250 });
    await dragFromPalette(page, 'Model server', { x: canvas.x + 480, y: canvas.y + 250 });
    await connect(page, 'feature-store', 'model-server');
    const axePath = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
    await page.addScriptTag({ path: axePath });
    const violations = await page.evaluate(async () => {
      const r = await (window as unknown as { axe: { run: (o?: unknown) => Promise<{ violations: { id: string; impact: string; nodes: { target: string[] }[] }[] }> } }).axe.run();
      return r.violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(', ')}`);
    });
    expect(violations).toEqual([]);
    await context.close();
  });
});
