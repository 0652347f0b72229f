import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { resolve } from 'node:path';
import { inject } from 'vitest';

/** Debian's Chromium (or CHROMIUM_PATH), headless, with the flags this machine needs. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** The URL of the production build under test. */
export const baseUrl = (): string => inject('baseUrl');

/**
 * A new page on the app in a context, collecting uncaught page errors (see pageErrors), waiting until the
 * canvas is there. `before` runs ahead of the navigation (e.g. to route requests).
 */
export async function openPage(context: BrowserContext, query = '', before?: (page: Page) => Promise<void>): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await before?.(page);
  await page.goto(baseUrl() + query);
  await page.locator('.react-flow__pane').waitFor();
  return page;
}

/** A fresh context and page on the app, waiting until the canvas is there. */
export async function openApp(browser: Browser, query = ''): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  return { context, page: await openPage(context, query) };
}

/** Uncaught page errors seen so far. */
export const pageErrors = (page: Page): string[] => (page as Page & { errors?: string[] }).errors ?? [];

/** Saves a screenshot under test-results/ for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = resolve(import.meta.dirname, '../../test-results');
  mkdirSync(dir, { recursive: true });
  const path = resolve(dir, `${name}.png`);
  await page.screenshot({ path });
  return path;
}

/** Drags a palette item onto the canvas at a client point with real pointer events. */
export async function dragFromPalette(page: Page, label: string, to: { x: number; y: number }): Promise<void> {
  const item = page.getByRole('region', { name: 'Components' }).getByRole('button', { name: label, exact: true });
  await item.scrollIntoViewIfNeeded();
  const box = (await item.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2 + 30, box.y + box.height / 2 + 5, { steps: 3 });
  await page.mouse.move(to.x, to.y, { steps: 12 });
  await page.mouse.up();
}

/** Centre of an element's box in client pixels. */
export async function centreOf(page: Page, selector: string): Promise<{ x: number; y: number }> {
  const b = (await page.locator(selector).first().boundingBox())!;
  return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** The React Flow node whose component has this kind. */
export const nodeOf = (page: Page, kind: string) => page.locator(`.react-flow__node:has(> [data-kind="${kind}"])`);

/** Connects two components by dragging from one's out-handle to the other's in-handle. */
export async function connect(page: Page, from: string, to: string): Promise<void> {
  const out = (await nodeOf(page, from).locator('.handle-out').boundingBox())!;
  const inn = (await nodeOf(page, to).locator('.handle-in').boundingBox())!;
  await page.mouse.move(out.x + out.width / 2, out.y + out.height / 2);
  await page.mouse.down();
  await page.mouse.move(inn.x + inn.width / 2, inn.y + inn.height / 2, { steps: 12 });
  await page.mouse.up();
}

/** Adds a component with the keyboard only: "/" focuses the palette search, Enter adds the only match. */
export async function addByKeyboard(page: Page, query: string): Promise<void> {
  await page.keyboard.press('/');
  await page.keyboard.press('Control+A');
  await page.keyboard.type(query);
  await page.keyboard.press('Enter');
}

/** axe-core's rule violations inside an element (ids and the first offending node). */
export async function axeViolations(page: Page, selector: string): Promise<string[]> {
  const source = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: source });
  return page.evaluate(async (sel) => {
    const axe = (window as unknown as { axe: { run(el: Element): Promise<{ violations: { id: string; nodes: { html: string }[] }[] }> } }).axe;
    const r = await axe.run(document.querySelector(sel)!);
    return r.violations.map((v) => `${v.id}: ${v.nodes[0]?.html}`);
  }, selector);
}
