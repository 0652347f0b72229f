import { appendFileSync, cpSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openPage, pageErrors, screenshot } from './browser';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();
const saveState = (page: Page) => page.locator('.save-state').first().textContent().catch(() => null);

/** Waits until the service worker is installed (its precache complete) and active. */
async function workerReady(page: Page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
}

describe('the installable offline app', () => {
  it('has a web app manifest with icons, and a service worker that precaches the app', async () => {
    const manifest = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../dist/manifest.webmanifest'), 'utf8'));
    expect(manifest).toMatchObject({ name: 'mlsd-canvas', display: 'standalone', start_url: './' });
    expect(manifest.icons.map((i: { sizes: string }) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    const sw = readFileSync(resolve(import.meta.dirname, '../../dist/sw.js'), 'utf8');
    // The app's own lazy chunks and Mermaid's flowchart parser are precached; Mermaid's other diagram types are not.
    for (const chunk of ['exporters', 'importFlow', 'ImportDialog', 'TemplateGallery', 'mermaid.core', 'flowDiagram']) expect(sw, chunk).toMatch(new RegExp(`assets/${chunk}-`));
    for (const chunk of ['sequenceDiagram', 'ganttDiagram', 'katex', 'elk']) expect(sw, chunk).not.toMatch(new RegExp(`assets/${chunk}-`));
  });

  it('works with no network after one visit: the app, its lazy parts and the designs are there', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    const page = await openPage(context);
    await workerReady(page);
    // A design of the user's, saved in this browser.
    await page.getByRole('region', { name: 'Components' }).getByRole('button', { name: 'Feature store', exact: true }).click();
    await page.getByRole('region', { name: 'Components' }).getByRole('button', { name: 'Model server', exact: true }).click();
    await expect.poll(() => nodeCount(page)).toBe(2);
    await expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('Saved');

    await context.setOffline(true);
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await expect.poll(() => nodeCount(page), { timeout: 10_000 }).toBe(2);
    expect(await page.evaluate(() => navigator.onLine)).toBe(false);
    // Parts that load on demand load from the precache: the side column, My designs, the templates, Mermaid's parser.
    await expect.poll(() => page.getByRole('region', { name: 'Design check' }).count()).toBe(1);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: /My designs/ }).click();
    const designs = page.getByRole('dialog', { name: 'My designs' });
    await expect.poll(() => designs.locator('.design-row').count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'Templates' }).click();
    const gallery = page.getByRole('dialog').filter({ hasText: 'Fraud detection' });
    await expect.poll(() => gallery.count(), { timeout: 10_000 }).toBe(1);
    await page.keyboard.press('Escape');
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Import Mermaid text…' }).click();
    const paste = page.getByRole('dialog', { name: 'Import Mermaid text' });
    await paste.getByRole('textbox').fill('flowchart LR\n  a[(Kafka)] --> b[Feature store]');
    await paste.getByRole('button', { name: 'Import' }).click();
    const summary = page.getByRole('dialog', { name: 'Import from Mermaid' });
    await expect.poll(() => summary.locator('.import-headline').textContent(), { timeout: 20_000 }).toBe('2 components recognised, 0 custom, 0 skipped');
    await screenshot(page, 'pwa-offline');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('offers a new version with "A new version is ready - Reload" instead of changing under the user', async () => {
    // A copy of the build on its own server, so that a "new deployment" can be made by changing it.
    const dir = mkdtempSync(join(tmpdir(), 'mlsd-pwa-'));
    cpSync(resolve(import.meta.dirname, '../../dist'), dir, { recursive: true });
    const { serveStatic } = (await import('../../scripts/serveStatic.mjs' as string)) as {
      serveStatic(dir: string): Promise<{ server: { close(): void }; base: string }>;
    };
    const { server, base } = await serveStatic(dir);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
    try {
      const page = await context.newPage();
      await page.goto(base);
      await page.locator('.react-flow__pane').waitFor();
      await workerReady(page);
      // The next build: its worker script differs (as every build's precache list does).
      appendFileSync(join(dir, 'sw.js'), '\n// the next version\n');
      await page.reload();
      await page.locator('.react-flow__pane').waitFor();
      const notice = page.getByRole('status').filter({ hasText: 'A new version is ready.' });
      await expect.poll(() => notice.count(), { timeout: 30_000 }).toBe(1);
      // Nothing changed by itself: the new worker waits, the page stays the one loaded.
      expect(await page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(true);
      const loaded = await page.evaluate(() => performance.timeOrigin);
      await screenshot(page, 'pwa-update');
      await notice.getByRole('button', { name: 'Reload' }).click();
      await expect.poll(() => page.evaluate(() => performance.timeOrigin).catch(() => loaded), { timeout: 30_000 }).not.toBe(loaded);
      await page.locator('.react-flow__pane').waitFor();
      await expect.poll(() => page.evaluate(async () => !!(await navigator.serviceWorker.getRegistration())?.waiting)).toBe(false);
      expect(await notice.count()).toBe(0);
    } finally {
      await context.close();
      server.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
