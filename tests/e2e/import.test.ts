import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, openApp, pageErrors, screenshot } from './browser';

const FIX = resolve(import.meta.dirname, '../fixtures/import');
const TEMPLATES = resolve(import.meta.dirname, '../../templates');

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Drops a file (any bytes) on the canvas, as a user dragging it from the desktop does. */
async function dropFile(page: Page, name: string, bytes: Buffer, type = '') {
  const transfer = await page.evaluateHandle(
    ({ name, b64, type }) => {
      const raw = atob(b64);
      const data = new Uint8Array(raw.length);
      for (let i = 0; i < raw.length; i++) data[i] = raw.charCodeAt(i);
      const dt = new DataTransfer();
      dt.items.add(new File([data], name, { type }));
      return dt;
    },
    { name, b64: bytes.toString('base64'), type },
  );
  for (const t of ['dragenter', 'dragover', 'drop']) await page.locator('.react-flow__pane').dispatchEvent(t, { dataTransfer: transfer });
}

const fixture = (name: string) => readFileSync(resolve(FIX, name));
const nodeCount = (page: Page) => page.locator('.react-flow__node').count();
const edgeCount = (page: Page) => page.locator('.react-flow__edge').count();
const names = (page: Page) => page.locator('.react-flow__node').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label') ?? e.textContent ?? '').sort());
const title = (page: Page) => page.getByRole('textbox', { name: 'Diagram title' }).inputValue();
const importDialog = (page: Page) => page.getByRole('dialog', { name: /^Import from / });

async function exportFile(page: Page, item: string): Promise<{ name: string; bytes: Buffer }> {
  const [dl] = await Promise.all([
    page.waitForEvent('download'),
    (async () => {
      await page.getByRole('button', { name: 'Export', exact: true }).click();
      await page.getByRole('menuitem', { name: item, exact: true }).click();
    })(),
  ]);
  return { name: dl.suggestedFilename(), bytes: readFileSync((await dl.path())!) };
}

/** Opens a template file as the design on screen. */
async function openTemplate(page: Page, file: string) {
  await dropFile(page, file, readFileSync(resolve(TEMPLATES, file)), 'application/json');
  const t = JSON.parse(readFileSync(resolve(TEMPLATES, file), 'utf8'));
  await expect.poll(() => nodeCount(page)).toBe(t.nodes.length);
  await expect.poll(() => edgeCount(page)).toBe(t.edges.length);
  return t as { title: string; nodes: unknown[]; edges: unknown[] };
}

describe('imports and editable exports in Chromium', () => {
  it('drops an Excalidraw file: a summary first, then the design; Cancel changes nothing', async () => {
    const { context, page } = await openApp(browser);
    await dropFile(page, 'recsys.excalidraw', fixture('recsys.excalidraw'));
    const dialog = importDialog(page);
    await dialog.waitFor();
    expect(await dialog.locator('.import-headline').textContent()).toBe('7 components recognised, 1 custom, 3 skipped');
    expect(await dialog.locator('.import-counts').textContent()).toBe('5 connections · 2 zones · 1 note');
    expect(await dialog.getByText('one end is not attached to a box (none within 48 px)').count()).toBe(2);
    expect(await dialog.getByRole('listitem').filter({ hasText: 'Feature store' }).textContent()).toContain('Feature store · Feast');
    await screenshot(page, 'import-excalidraw-summary');
    // Cancel: the canvas is as it was (empty).
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    expect(await nodeCount(page)).toBe(0);
    await dropFile(page, 'recsys.excalidraw', fixture('recsys.excalidraw'));
    await importDialog(page).getByRole('button', { name: 'Open as new design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(11); // 8 components, 2 zones, 1 note
    await expect.poll(() => edgeCount(page)).toBe(5);
    expect(await title(page)).toBe('recsys');
    expect(await page.getByRole('status').filter({ hasText: 'Imported “recsys” from Excalidraw.' }).count()).toBe(1);
    await screenshot(page, 'import-excalidraw-canvas');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('drops a compressed draw.io file, and asks which page of a file with several', async () => {
    const { context, page } = await openApp(browser);
    await dropFile(page, 'compressed.drawio', fixture('compressed.drawio'));
    await importDialog(page).getByRole('button', { name: 'Open as new design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(9);
    await expect.poll(() => edgeCount(page)).toBe(4);
    expect(await names(page)).toContain('Prediction API');

    await dropFile(page, 'two-pages.drawio', fixture('two-pages.drawio'));
    const dialog = importDialog(page);
    await dialog.waitFor();
    expect(await dialog.locator('.import-source').textContent()).toBe('“two-pages.drawio” has 2 pages. Which one?');
    expect(await dialog.getByRole('radio', { name: /Serving/ }).isChecked()).toBe(true);
    await dialog.getByRole('radio', { name: /Training/ }).check();
    await expect.poll(() => dialog.locator('.import-headline').textContent()).toBe('3 components recognised, 0 custom, 0 skipped');
    await screenshot(page, 'import-drawio-pages');
    await dialog.getByRole('button', { name: 'Open as new design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(3);
    expect(await title(page)).toBe('two-pages – Training');
    // Undo goes back to the previous import.
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(9);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('drops a Mermaid flowchart (read by Mermaid’s own parser) and lays it out left to right', async () => {
    const { context, page } = await openApp(browser);
    await dropFile(page, 'flow.mmd', fixture('flow.mmd'));
    const dialog = importDialog(page);
    await dialog.waitFor({ timeout: 20_000 });
    expect(await dialog.locator('.import-headline').textContent()).toBe('10 components recognised, 1 custom, 3 skipped');
    await dialog.getByRole('button', { name: 'Open as new design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(14); // 11 components, 2 zones, 1 note
    await expect.poll(() => edgeCount(page)).toBe(11);
    expect(await title(page)).toBe('Fraud scoring');
    const x = async (name: string) => (await page.locator(`.react-flow__node[aria-label="${name}"]`).boundingBox())!.x;
    expect(await x('Checkout app')).toBeLessThan(await x('Risk decision service'));
    await page.getByRole('button', { name: 'Fit view' }).click().catch(() => {});
    await screenshot(page, 'import-mermaid-canvas');
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('imports pasted Mermaid text, and shows why text it cannot read is refused', async () => {
    const { context, page } = await openApp(browser);
    await page.getByRole('button', { name: 'File', exact: true }).click();
    await page.getByRole('menuitem', { name: 'Import Mermaid text…' }).click();
    const paste = page.getByRole('dialog', { name: 'Import Mermaid text' });
    const field = paste.getByRole('textbox');
    await field.fill('flowchart LR\n  a[Kafka] --> b[[[');
    await paste.getByRole('button', { name: 'Import' }).click();
    await expect.poll(() => paste.getByRole('alert').textContent(), { timeout: 20_000 }).toMatch(/^Could not import it: Mermaid could not read it: Parse error on line 2/);
    await screenshot(page, 'import-mermaid-paste-error');
    await field.fill('graph TD\n  a[(Kafka)] -->|events| b[Feature store]\n  b --> c[Ranking model]');
    await paste.getByRole('button', { name: 'Import' }).click();
    const dialog = importDialog(page);
    await dialog.waitFor();
    expect(await dialog.locator('.import-headline').textContent()).toBe('3 components recognised, 0 custom, 0 skipped');
    await dialog.getByRole('button', { name: 'Open as new design' }).click();
    await expect.poll(() => nodeCount(page)).toBe(3);
    await expect.poll(() => edgeCount(page)).toBe(2);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('refuses a broken or hostile file with a message and leaves the canvas as it was', async () => {
    const { context, page } = await openApp(browser);
    await openTemplate(page, 'fraud-detection.json');
    const before = await names(page);
    const alert = page.getByRole('alert');
    await dropFile(page, 'broken.drawio', Buffer.from('<mxfile><diagram name="x"><mxGraphModel><root></mxGraphModel></diagram></mxfile>'));
    await expect.poll(() => alert.textContent()).toContain('Could not open “broken.drawio”: not valid XML (line 1): </mxGraphModel> closes <root>');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await dropFile(page, 'bomb.drawio', Buffer.from('<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;">]><mxfile>&b;</mxfile>'));
    await expect.poll(() => alert.textContent()).toContain('a DOCTYPE with its own entity declarations is not read');
    await alert.getByRole('button', { name: 'Dismiss' }).click();
    await dropFile(page, 'photo.png', fixture('../../../public/icon-192.png'), 'image/png');
    await expect.poll(() => alert.textContent()).toContain('this PNG has no mlsd-canvas diagram inside');
    expect(await names(page)).toEqual(before);
    expect(await importDialog(page).count()).toBe(0);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('exports a PNG and an SVG, and dropping either back opens the same diagram, editable', async () => {
    const { context, page } = await openApp(browser);
    const t = await openTemplate(page, 'rag-assistant.json');
    const before = await names(page);
    for (const item of ['Export PNG', 'Export SVG']) {
      const file = await exportFile(page, item);
      // Something else on screen first, so the drop has to bring the design back.
      await page.getByRole('button', { name: 'File', exact: true }).click();
      await page.getByRole('menuitem', { name: 'New design' }).click();
      await expect.poll(() => nodeCount(page)).toBe(0);
      await dropFile(page, file.name, file.bytes, item === 'Export PNG' ? 'image/png' : 'image/svg+xml');
      await expect.poll(() => nodeCount(page)).toBe(t.nodes.length);
      await expect.poll(() => edgeCount(page)).toBe(t.edges.length);
      expect(await names(page)).toEqual(before);
      expect(await title(page)).toBe(t.title);
      expect(await page.getByRole('status').filter({ hasText: `Opened “${t.title}” from “${file.name}”.` }).count()).toBe(1);
    }
    // Editable: a component of the re-opened design can be deleted (and undone) like any other.
    await page.locator('.react-flow__node-component').first().click();
    await page.keyboard.press('Delete');
    await expect.poll(() => nodeCount(page)).toBe(t.nodes.length - 1);
    await page.keyboard.press('Control+z');
    await expect.poll(() => nodeCount(page)).toBe(t.nodes.length);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('exports Mermaid, Excalidraw and draw.io that come back through the importers (Mermaid through its real parser)', async () => {
    const { context, page } = await openApp(browser);
    const t = await openTemplate(page, 'video-recommendation.json');
    const components = (t.nodes as { kind: string }[]).filter((n) => n.kind !== 'group' && n.kind !== 'note').length;
    for (const [item, format] of [
      ['Export Mermaid (.mmd)', 'Mermaid'],
      ['Export Excalidraw', 'Excalidraw'],
      ['Export draw.io', 'draw.io'],
    ] as const) {
      const file = await exportFile(page, item);
      await dropFile(page, file.name, file.bytes);
      const dialog = importDialog(page);
      await dialog.waitFor({ timeout: 20_000 });
      expect(await dialog.getByRole('heading').textContent()).toBe(`Import from ${format}`);
      const headline = await dialog.locator('.import-headline').textContent();
      const [recognised, custom] = /^(\d+) components? recognised, (\d+) custom, 0 skipped$/.exec(headline ?? '')!.slice(1).map(Number);
      expect(recognised + custom, `${format}: ${headline}`).toBe(components);
      if (format !== 'Mermaid') expect(custom).toBe((t.nodes as { kind: string }[]).filter((n) => n.kind === 'custom').length);
      await dialog.getByRole('button', { name: 'Open as new design' }).click();
      await expect.poll(() => nodeCount(page)).toBe(t.nodes.length);
      await expect.poll(() => edgeCount(page)).toBe(t.edges.length);
      await page.keyboard.press('Control+z');
      await expect.poll(() => title(page)).toBe(t.title);
    }
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
