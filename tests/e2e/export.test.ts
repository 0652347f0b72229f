import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stageById } from '../../src/domain/stages';
import { connect, dragFromPalette, launchBrowser, nodeOf, openApp, pageErrors, screenshot } from './browser';
import { decodePng, nearestColour, pixel, type Pixels } from './png';

const PADDING = 32;
const RESULTS = resolve(import.meta.dirname, '../../test-results');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

interface FlowBox {
  kind: string;
  x: number;
  y: number;
  width: number;
  height: number;
}


/** Every node's box in diagram coordinates, read from React Flow's DOM (absolute transform, layout size). */
async function flowBoxes(page: Page): Promise<FlowBox[]> {
  return page.$$eval('.react-flow__node', (els) =>
    els.map((el) => {
      const m = /translate\(([-\d.]+)px,\s*([-\d.]+)px\)/.exec((el as HTMLElement).style.transform)!;
      const kind = el.querySelector('[data-kind]')?.getAttribute('data-kind') ?? '?';
      return { kind, x: Number(m[1]), y: Number(m[2]), width: (el as HTMLElement).offsetWidth, height: (el as HTMLElement).offsetHeight };
    }),
  );
}

function boundsOf(boxes: FlowBox[]) {
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  return { x, y, width: Math.max(...boxes.map((b) => b.x + b.width)) - x, height: Math.max(...boxes.map((b) => b.y + b.height)) - y };
}

/** Drags the empty canvas by (dx, dy) screen pixels, starting at a client point. */
async function pan(page: Page, from: { x: number; y: number }, dx: number, dy: number) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(from.x + dx, from.y + dy, { steps: 15 });
  await page.mouse.up();
}

async function runExport(page: Page, name: string) {
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** Runs an Export menu item and returns the downloaded file. */
async function download(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([page.waitForEvent('download'), runExport(page, item)]);
  const bytes = readFileSync((await dl.path())!);
  return { name: dl.suggestedFilename(), bytes };
}

function save(name: string, bytes: Buffer): string {
  mkdirSync(RESULTS, { recursive: true });
  const path = resolve(RESULTS, name);
  writeFileSync(path, bytes);
  return path;
}

/** Where a diagram point lands in an exported picture of `bounds` at `scale`. */
const toPixel = (bounds: { x: number; y: number }, scale: number, p: { x: number; y: number }) => ({
  x: (p.x - bounds.x + PADDING) * scale,
  y: (p.y - bounds.y + PADDING) * scale,
});

/** The point halfway along an edge drawn from the source's right middle to the target's left middle. */
const edgeMidpoint = (s: FlowBox, t: FlowBox) => ({ x: (s.x + s.width + t.x) / 2, y: (s.y + s.height / 2 + t.y + t.height / 2) / 2 });

/** Share of sampled pixels that are not the background colour. */
function inkShare(img: Pixels, background: [number, number, number, number]): number {
  let ink = 0;
  let all = 0;
  for (let y = 0; y < img.height; y += 3)
    for (let x = 0; x < img.width; x += 3) {
      const p = pixel(img, x, y);
      all++;
      if (p.some((v, i) => Math.abs(v - background[i]) > 8)) ink++;
    }
  return ink / all;
}

describe('export of a diagram larger than the view', () => {
  let context: BrowserContext;
  let page: Page;
  let boxes: FlowBox[];

  beforeAll(async () => {
    ({ context, page } = await openApp(browser));
    const canvas = (await page.locator('.canvas').boundingBox())!;
    const at = (x: number, y: number) => ({ x: canvas.x + x, y: canvas.y + y });

    await page.getByRole('textbox', { name: 'Diagram title' }).fill('Fraud detection');
    await page.keyboard.press('Enter');

    // Top left: a client calling the prediction API (a request edge), and a note.
    await dragFromPalette(page, 'Client app', at(150, 120));
    await dragFromPalette(page, 'Prediction service / API', at(450, 120));
    await connect(page, 'client-app', 'prediction-api');
    await dragFromPalette(page, 'Note', at(150, 260));
    // Move the view 500 px right and down, then a zone with a training job, and a model registry (a model edge).
    await pan(page, at(620, 560), -500, -480);
    await dragFromPalette(page, 'Zone (offline / online)', at(330, 300));
    await dragFromPalette(page, 'Training job', at(230, 300));
    await dragFromPalette(page, 'Model registry', at(560, 580));
    await connect(page, 'training-job', 'model-registry');
    await page.locator('.react-flow__edge').nth(1).waitFor();
    await page.keyboard.press('Escape');

    boxes = await flowBoxes(page);
    expect(boxes.map((b) => b.kind).sort()).toEqual(['client-app', 'group', 'model-registry', 'note', 'prediction-api', 'training-job']);
    // The client, the API, the note and the edge between the first two are outside the view.
    expect(await nodeOf(page, 'client-app').boundingBox().then((b) => b!.y + b!.height < canvas.y)).toBe(true);
    expect(await nodeOf(page, 'prediction-api').boundingBox().then((b) => b!.y + b!.height < canvas.y)).toBe(true);
    await screenshot(page, 'export-view-before');
  });
  afterAll(async () => {
    await context?.close();
  });

  const box = (kind: string) => boxes.find((b) => b.kind === kind)!;

  it('exports the whole diagram as a 2x PNG: every node and edge, padded, white, named after the title', async () => {
    const { name, bytes } = await download(page, 'Export PNG');
    expect(name).toBe('Fraud detection.png');
    save('export-whole-diagram.png', bytes);
    const img = decodePng(bytes);
    const b = boundsOf(boxes);
    expect(img.width).toBeCloseTo(2 * (b.width + 2 * PADDING), -1);
    expect(img.height).toBeCloseTo(2 * (b.height + 2 * PADDING), -1);
    expect(Math.abs(img.width - 2 * (b.width + 2 * PADDING))).toBeLessThanOrEqual(2);
    expect(Math.abs(img.height - 2 * (b.height + 2 * PADDING))).toBeLessThanOrEqual(2);

    // White background in the padding, and not blank.
    expect(pixel(img, 3, 3)).toEqual([255, 255, 255, 255]);
    expect(pixel(img, img.width - 3, img.height - 3)).toEqual([255, 255, 255, 255]);
    expect(inkShare(img, [255, 255, 255, 255])).toBeGreaterThan(0.01);

    // Each node's stage band, in view or not.
    for (const kind of ['client-app', 'prediction-api', 'training-job', 'model-registry']) {
      const n = box(kind);
      const colour = kind === 'client-app' ? '#94a3b8' : stageById(kind === 'training-job' ? 'model' : 'serving').color;
      const p = toPixel(b, 2, { x: n.x + 2.5, y: n.y + n.height / 2 });
      expect(nearestColour(img, p.x, p.y, 1, colour), `${kind} band`).toBeLessThan(24);
    }
    // The note's fill.
    const note = box('note');
    const np = toPixel(b, 2, { x: note.x + 6, y: note.y + note.height - 6 });
    expect(nearestColour(img, np.x, np.y, 1, '#fef9c3')).toBeLessThan(12);

    // Edge pixels halfway along each edge: the request edge (off-screen, dark and solid) and the model edge (purple, dashed).
    const req = toPixel(b, 2, edgeMidpoint(box('client-app'), box('prediction-api')));
    expect(nearestColour(img, req.x, req.y, 3, '#1e293b')).toBeLessThan(40);
    const model = toPixel(b, 2, edgeMidpoint(box('training-job'), box('model-registry')));
    expect(nearestColour(img, model.x, model.y, 8, '#7c3aed')).toBeLessThan(40);
    // ... and no such colour where there is no edge (the same distance below the request edge).
    expect(nearestColour(img, req.x, req.y + 80, 3, '#1e293b')).toBeGreaterThan(100);
    expect(pageErrors(page)).toEqual([]);
  });

  it('exports on a transparent background when asked', async () => {
    const { name, bytes } = await download(page, 'Export PNG (transparent)');
    expect(name).toBe('Fraud detection.png');
    const img = decodePng(bytes);
    expect(pixel(img, 3, 3)[3]).toBe(0);
    const b = boundsOf(boxes);
    const n = box('prediction-api');
    const p = toPixel(b, 2, { x: n.x + 2.5, y: n.y + n.height / 2 });
    expect(nearestColour(img, p.x, p.y, 1, stageById('serving').color)).toBeLessThan(24);
  });

  it('exports with the dark palette when dark mode is on', async () => {
    const toggle = page.getByRole('button', { name: 'Toggle dark mode' });
    await toggle.click();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    try {
      await screenshot(page, 'export-view-dark');
      const { bytes } = await download(page, 'Export PNG');
      save('export-dark.png', bytes);
      const img = decodePng(bytes);
      expect(pixel(img, 3, 3)).toEqual([15, 20, 32, 255]); // --bg of the dark theme, #0f1420
      const b = boundsOf(boxes);
      const n = box('training-job');
      const p = toPixel(b, 2, { x: n.x + n.width - 6, y: n.y + 6 });
      expect(nearestColour(img, p.x, p.y, 1, '#1b2232')).toBeLessThan(12); // --node-bg
      const req = toPixel(b, 2, edgeMidpoint(box('client-app'), box('prediction-api')));
      expect(nearestColour(img, req.x, req.y, 3, '#e6eaf2')).toBeLessThan(40); // --edge-request, light on dark
    } finally {
      await toggle.click();
      await expect.poll(() => page.evaluate(() => document.documentElement.dataset.theme)).toBe('light');
    }
  });

  it('exports an SVG that loads as an image and holds every label', async () => {
    const { name, bytes } = await download(page, 'Export SVG');
    expect(name).toBe('Fraud detection.svg');
    const svg = bytes.toString('utf8');
    save('export-whole-diagram.svg', bytes);
    for (const label of ['Client app', 'Prediction service / API', 'Training job', 'Model registry', 'Double-click to write a note']) expect(svg).toContain(label);
    const size = await page.evaluate(async (text) => {
      const url = URL.createObjectURL(new Blob([text], { type: 'image/svg+xml' }));
      const img = new Image();
      img.src = url;
      await img.decode();
      return { w: img.naturalWidth, h: img.naturalHeight };
    }, svg);
    const b = boundsOf(boxes);
    expect(size.w).toBeCloseTo(b.width + 2 * PADDING, -1);
    expect(size.h).toBeCloseTo(b.height + 2 * PADDING, -1);
  });

  it('copies the PNG to the clipboard', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await runExport(page, 'Copy image');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied the image to the clipboard.' }).count()).toBe(1);
    const copied = await page.evaluate(async () => {
      const items = await navigator.clipboard.read();
      const item = items[0];
      const blob = await item.getType('image/png');
      const bmp = await createImageBitmap(blob);
      return { types: item.types, width: bmp.width, height: bmp.height };
    });
    const b = boundsOf(boxes);
    expect(copied.types).toContain('image/png');
    expect(Math.abs(copied.width - 2 * (b.width + 2 * PADDING))).toBeLessThanOrEqual(2);
    expect(Math.abs(copied.height - 2 * (b.height + 2 * PADDING))).toBeLessThanOrEqual(2);
  });

  it('copies Mermaid to the clipboard and downloads it as .mmd', async () => {
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await runExport(page, 'Copy Mermaid');
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Copied the Mermaid flowchart' }).count()).toBe(1);
    const text = await page.evaluate(() => navigator.clipboard.readText());
    expect(text).toMatch(/^(---\n[\s\S]*?\n---\n)?flowchart LR\n/);
    expect(text).toContain('title: "Fraud detection"');
    for (const label of ['Client app', 'Training job', 'Model registry']) expect(text).toContain(label);
    expect(text).toMatch(/n\d+ ==> n\d+/); // the request edge
    const { name, bytes } = await download(page, 'Export Mermaid (.mmd)');
    expect(name).toBe('Fraud detection.mmd');
    expect(bytes.toString('utf8')).toBe(text);
  });

  it('downloads the Markdown write-up with the components and the current findings', async () => {
    const { name, bytes } = await download(page, 'Export Markdown write-up');
    expect(name).toBe('Fraud detection.md');
    const md = bytes.toString('utf8');
    expect(md).toMatch(/^# Fraud detection\n/);
    for (const label of ['Client app', 'Prediction service / API', 'Training job', 'Model registry']) expect(md).toContain(label);
    expect(md).toContain('## Findings');
    expect(md).toContain('(`missing-stage`)'); // no data stage yet
    expect(pageErrors(page)).toEqual([]);
  });
});

describe('export limits and failures', () => {
  it('scales a very large diagram down to the canvas limits instead of failing, with progress', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    // Zoomed out all the way (the wheel over the canvas), 500 screen pixels are 10,000 diagram units.
    await page.mouse.move(canvas.x + 300, canvas.y + 300);
    for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 400);
    await expect.poll(() => page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)).toContain('scale(0.05)');
    await dragFromPalette(page, 'Cache', { x: canvas.x + 60, y: canvas.y + 60 });
    await dragFromPalette(page, 'Drift detection', { x: canvas.x + 560, y: canvas.y + 560 });
    await expect.poll(() => page.locator('.react-flow__node').count()).toBe(2);
    const boxes = await flowBoxes(page);
    const b = boundsOf(boxes);
    expect(Math.min(b.width, b.height)).toBeGreaterThan(8000);

    // Watch for the progress notice while the export runs, on a CPU slowed 6x (a slower machine).
    await page.evaluate(() => {
      const w = window as unknown as { progressSeen: string[] };
      w.progressSeen = [];
      new MutationObserver(() => {
        const t = document.querySelector('.notice-progress')?.textContent;
        if (t && !w.progressSeen.includes(t)) w.progressSeen.push(t);
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    const cdp = await context.newCDPSession(page);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
    const started = Date.now();
    const shot = page.locator('.notice-progress').waitFor({ timeout: 5000 }).then(() => screenshot(page, 'export-progress'), () => null);
    const { bytes } = await download(page, 'Export PNG');
    const took = Date.now() - started;
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
    await expect.poll(() => page.locator('.notice').allTextContents()).toContainEqual(
      expect.stringMatching(/too large for a 2x picture: exported Untitled design\.png at 0\.\d\dx \(\d,\d{3} × \d,\d{3} px\)/),
    );
    const seen = await page.evaluate(() => (window as unknown as { progressSeen: string[] }).progressSeen);
    // Progress appears only for exports that take over 300 ms: asserted when this one did (measured, not assumed).
    if (took > 1000) expect(seen.some((t) => /Rendering|Encoding/.test(t))).toBe(true);
    await expect.poll(() => page.locator('.notice-progress').count()).toBe(0);
    if (seen.length) await shot;
    console.log(`large export: ${took} ms at 6x CPU throttling; progress steps seen: ${seen.join(' | ')}`);
    const img = decodePng(bytes);
    expect(img.width).toBeLessThanOrEqual(16_384);
    expect(img.height).toBeLessThanOrEqual(16_384);
    expect(img.width * img.height).toBeLessThanOrEqual(16_777_216);
    expect(img.width * img.height).toBeGreaterThan(16_777_216 * 0.98);
    const scale = img.width / (b.width + 2 * PADDING);
    expect(img.height / (b.height + 2 * PADDING)).toBeCloseTo(scale, 2);
    for (const n of boxes) {
      const colour = stageById(n.kind === 'cache' ? 'serving' : 'monitoring').color;
      const p = toPixel(b, scale, { x: n.x + 2.5, y: n.y + n.height / 2 });
      expect(nearestColour(img, p.x, p.y, 1, colour), n.kind).toBeLessThan(40);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('says clearly when the browser cannot encode the PNG, and downloads nothing', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Cache', { x: canvas.x + 200, y: canvas.y + 200 });
    let downloads = 0;
    page.on('download', () => downloads++);
    // The one fault injected: the browser's PNG encoder gives up, as it does when out of memory.
    await page.evaluate(() => {
      HTMLCanvasElement.prototype.toBlob = function (callback: BlobCallback) {
        setTimeout(() => callback(null));
      };
    });
    await runExport(page, 'Export PNG');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^Could not export the PNG: The browser could not encode the 464 × 248 px PNG/);
    expect(await alert.textContent()).toContain('Export SVG');
    expect(downloads).toBe(0);
    expect(await page.locator('.notice-progress').count()).toBe(0);
    // The same failure on Copy image is reported once, with its cause.
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.getByRole('button', { name: 'Dismiss' }).click();
    await runExport(page, 'Copy image');
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await page.getByRole('alert').textContent()).toMatch(/^Could not copy the image: The browser could not encode/);
    await context.close();
  });

  it('explains when the clipboard is refused', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Cache', { x: canvas.x + 200, y: canvas.y + 200 });
    // Deny clipboard writes for this site, as a user answering "Block" does (Playwright can only grant).
    // The override lasts while this CDP session is attached.
    const cdp = await browser.newBrowserCDPSession();
    const { browserContextIds } = await cdp.send('Target.getBrowserContexts');
    const origin = new URL(page.url()).origin;
    for (const browserContextId of browserContextIds)
      await cdp.send('Browser.setPermission', { permission: { name: 'clipboard-write' }, setting: 'denied', origin, browserContextId });
    expect(await page.evaluate(() => navigator.permissions.query({ name: 'clipboard-write' as PermissionName }).then((p) => p.state))).toBe('denied');
    await runExport(page, 'Copy image');
    await expect.poll(() => page.locator('.notice').allTextContents()).toContainEqual(expect.stringMatching(/did not allow/));
    expect(await page.getByRole('alert').textContent()).toMatch(/did not allow this page to write to the clipboard.*export a file instead/);
    // The same refusal for a text copy (dismiss the first notice, so the second is seen to come).
    await page.getByRole('alert').getByRole('button', { name: /Dismiss|Close/ }).click();
    await expect.poll(() => page.getByRole('alert').count()).toBe(0);
    await runExport(page, 'Copy Mermaid');
    await expect.poll(() => page.getByRole('alert').count()).toBe(1);
    expect(await page.getByRole('alert').textContent()).toMatch(/did not allow this page to write to the clipboard/);
    // A refused copy leaves no export running: Export PNG still works.
    const { name } = await download(page, 'Export PNG');
    expect(name).toBe('Untitled design.png');
    await cdp.detach();
    await context.close();
  });

  it('says clearly when the export code cannot be loaded (offline), and exports once it can', async () => {
    const { context, page } = await openApp(browser);
    const canvas = (await page.locator('.canvas').boundingBox())!;
    await dragFromPalette(page, 'Cache', { x: canvas.x + 200, y: canvas.y + 200 });
    await context.grantPermissions(['clipboard-read', 'clipboard-write']);
    // The export commands' code is fetched on first use: the network fails it, as it does offline.
    await page.route(/\/assets\/exportActions-[^/]+\.js$/, (route) => route.abort('internetdisconnected'));
    await runExport(page, 'Export PNG');
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toMatch(/^The export code could not be loaded \(.+\); check the connection and try again\./);
    await screenshot(page, 'export-code-offline');
    await page.getByRole('button', { name: 'Dismiss' }).click();
    // Copy image starts its clipboard write at once; the failed load is still one clear notice.
    await runExport(page, 'Copy image');
    await expect.poll(() => alert.count()).toBe(1);
    expect(await alert.textContent()).toMatch(/^The export code could not be loaded/);
    expect(await page.locator('.notice-progress').count()).toBe(0);
    await page.unroute(/\/assets\/exportActions-[^/]+\.js$/);
    const { name } = await download(page, 'Export PNG');
    expect(name).toBe('Untitled design.png');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('offers no picture export for an empty canvas', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: 'Export', exact: true }).click();
    for (const name of ['Export PNG', 'Copy image', 'Export SVG', 'Copy Mermaid'])
      expect(await page.getByRole('menuitem', { name, exact: true }).getAttribute('aria-disabled')).toBe('true');
    expect(await page.getByRole('menuitem', { name: 'Export Markdown write-up' }).getAttribute('aria-disabled')).toBeNull();
    await screenshot(page, 'export-menu-empty');
    await context.close();
  });
});
