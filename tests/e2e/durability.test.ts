import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseDiagramText } from '../../src/domain/format/parse';
import { baseUrl, launchBrowser, openApp, openPage, pageErrors } from './browser';

/**
 * What the app promises about losing work (README, Files): what the editor holds always opens again,
 * starting the app writes nothing, typed text is kept on close, an edit goes to storage at once, and
 * a closed tab's damaged journal never replaces a design. The attack run's cases, in Chromium.
 */

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const nodeCount = (page: Page) => page.locator('.react-flow__node').count();
const labels = (page: Page) => page.locator('.react-flow__node .node-label').allTextContents();
const title = (page: Page) => page.getByRole('textbox', { name: 'Diagram title' }).inputValue();
const saveState = (page: Page) => page.locator('.save-state').first().textContent().catch(() => null);
const waitSaved = (page: Page) => expect.poll(() => saveState(page), { timeout: 10_000 }).toBe('Saved');

/** Runs a function body on one object store of the app's database (`os`, and `done(value)` to answer). */
const raw = (page: Page, store: string, mode: IDBTransactionMode, body: string) =>
  page.evaluate(
    ({ store, mode, body }) =>
      new Promise<unknown>((resolve, reject) => {
        const req = indexedDB.open('mlsd-canvas');
        req.onsuccess = () => {
          const db = req.result;
          const tx = db.transaction(store, mode);
          let out: unknown;
          new Function('os', 'done', body)(tx.objectStore(store), (v: unknown) => (out = v));
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { store, mode, body },
  );
const lastId = async (page: Page) => (await raw(page, 'settings', 'readonly', "const r = os.get('last'); r.onsuccess = () => done(r.result);")) as string;
const storedMeta = async (page: Page, id: string) => (await raw(page, 'designs', 'readonly', `const r = os.get(${JSON.stringify(id)}); r.onsuccess = () => done(r.result);`)) as { rev: number; title: string } | undefined;
const storedText = async (page: Page, id: string) => ((await raw(page, 'data', 'readonly', `const r = os.get(${JSON.stringify(id)}); r.onsuccess = () => done(r.result && r.result.text);`)) as string | undefined) ?? '';
const backups = async (page: Page) => (await raw(page, 'backups', 'readonly', 'const r = os.getAll(); r.onsuccess = () => done(r.result);')) as { reason: string; data: { text?: string } }[];

async function openFile(page: Page, value: unknown) {
  const chooser = page.waitForEvent('filechooser');
  await page.evaluate(() => 0);
  await page.keyboard.press('Control+O');
  await (await chooser).setFiles({ name: 'design.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });
}

const file = (title: string, nodes: unknown[]) => ({ format: 'mlsd-canvas', version: 1, title, nodes, edges: [] });

async function addComponent(page: Page, label: string) {
  const before = await nodeCount(page);
  await page.getByRole('region', { name: 'Components' }).getByRole('button', { name: label, exact: true }).click();
  await expect.poll(() => nodeCount(page)).toBe(before + 1);
}

describe('what the editor holds always opens again', () => {
  it('a component at x = 999,995 nudged right stays within range; the autosave and a saved file open again', async () => {
    const { context, page } = await openApp(browser);
    await openFile(page, file('At the edge', [{ id: 'a', kind: 'cache', label: 'Far cache', position: { x: 999_995, y: 0 } }]));
    await expect.poll(() => title(page)).toBe('At the edge');
    await page.locator('.react-flow__node').first().click();
    for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowRight');
    await waitSaved(page);
    const id = await lastId(page);
    expect(JSON.parse(await storedText(page, id)).nodes[0].position.x).toBe(1_000_000);
    const [download] = await Promise.all([page.waitForEvent('download'), page.keyboard.press('Control+S')]);
    expect(parseDiagramText(readFileSync((await download.path())!, 'utf8')).ok).toBe(true);
    // The next start opens it (it used to be kept aside, and the canvas was empty).
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await expect.poll(() => title(page)).toBe('At the edge');
    expect(await labels(page)).toEqual(['Far cache']);
    expect(await backups(page)).toEqual([]);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });

  it('a design an older version stored beyond the limits opens repaired, says so, and keeps the original aside', async () => {
    const { context, page } = await openApp(browser);
    await addComponent(page, 'Feature store');
    await waitSaved(page);
    const id = await lastId(page);
    const beyond = (await storedText(page, id)).replace(/"position":\{"x":-?[\d.]+/, '"position":{"x":1000500');
    await raw(page, 'data', 'readwrite', `os.put({ id: ${JSON.stringify(id)}, text: ${JSON.stringify(beyond)} }, ${JSON.stringify(id)});`);
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    const notice = page.getByRole('status').filter({ hasText: 'was repaired' });
    await expect.poll(() => notice.textContent()).toContain('a coordinate beyond ±1,000,000 was brought to that edge');
    expect(await notice.textContent()).toContain('kept aside in My designs');
    expect(await labels(page)).toEqual(['Feature store']);
    expect((await backups(page)).map((b) => b.data.text)).toEqual([beyond]);
    await expect.poll(async () => JSON.parse(await storedText(page, id)).nodes[0].position.x).toBe(1_000_000);
    await context.close();
  });
});

describe('starting the app writes nothing', () => {
  it('a second tab opening the design leaves its revision, and the first tab keeps its undo history', async () => {
    const { context, page: first } = await openApp(browser);
    await addComponent(first, 'Feature store');
    await addComponent(first, 'Cache');
    await waitSaved(first);
    const id = await lastId(first);
    const rev = (await storedMeta(first, id))!.rev;
    const second = await openPage(context);
    await expect.poll(() => nodeCount(second)).toBe(2);
    await waitSaved(second);
    await second.waitForTimeout(1000); // what a start would write, it has written by now
    expect((await storedMeta(second, id))!.rev).toBe(rev);
    // The first tab was not made to reload: its undo history is still there.
    await first.keyboard.press('Control+Z');
    await expect.poll(() => nodeCount(first)).toBe(1);
    expect(pageErrors(first)).toEqual([]);
    await context.close();
  });
});

describe('typed text is kept on close', () => {
  it('a title typed without Enter says "Saving…" and survives a reload; so does a rename on the canvas', async () => {
    const { context, page } = await openApp(browser);
    await addComponent(page, 'Feature store');
    await waitSaved(page);
    const field = page.getByRole('textbox', { name: 'Diagram title' });
    await field.click();
    await field.press('Control+A');
    await page.keyboard.type('Typed, not committed');
    await expect.poll(() => saveState(page)).toBe('Saving…');
    await page.waitForTimeout(1000);
    expect(await saveState(page)).toBe('Saving…'); // still: the text is not in the design yet
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await expect.poll(() => title(page)).toBe('Typed, not committed');

    await page.locator('.react-flow__node .node-label').first().dblclick();
    const name = page.getByRole('textbox', { name: 'Component name' });
    await name.fill('Renamed, not committed');
    await expect.poll(() => saveState(page)).toBe('Saving…');
    await page.close({ runBeforeUnload: true });
    const next = await openPage(context);
    await expect.poll(() => labels(next)).toEqual(['Renamed, not committed']);
    await context.close();
  });
});

describe('a closed tab’s damaged journal', () => {
  it('never replaces a stored design: it is kept aside and the design stays as it was', async () => {
    const { context, page } = await openApp(browser);
    await addComponent(page, 'Feature store');
    await waitSaved(page);
    const id = await lastId(page);
    const meta = (await storedMeta(page, id))!;
    const text = await storedText(page, id);
    const entry = { key: `${id}#gone`, id, base: meta.rev, meta: { ...meta, rev: undefined }, text: 'garbage' };
    await raw(page, 'unsaved', 'readwrite', `os.put(${JSON.stringify(entry)}, ${JSON.stringify(entry.key)});`);
    await page.reload();
    await page.locator('.react-flow__pane').waitFor();
    await expect.poll(() => page.getByRole('alert').filter({ hasText: 'from a tab that closed could not be read' }).count()).toBe(1);
    expect(await labels(page)).toEqual(['Feature store']);
    expect(await storedText(page, id)).toBe(text);
    expect((await backups(page)).map((b) => b.data.text)).toEqual(['garbage']);
    await context.close();
  });
});

/** Chromium on a profile of its own that a test can SIGKILL, and start again on the same profile. */
async function launchOwn(profile: string): Promise<{ browser: Browser; proc: ChildProcess }> {
  const proc = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise<string>((resolve, reject) => {
    let err = '';
    proc.stderr!.on('data', (d: Buffer) => {
      err += d.toString();
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    proc.on('exit', () => reject(new Error(`chromium exited: ${err}`)));
  });
  return { browser: await chromium.connectOverCDP(endpoint), proc };
}

describe('a killed browser', () => {
  it('keeps an edit written without waiting for any timer (the autosave writes on the leading edge)', async () => {
    const profile = mkdtempSync(join(tmpdir(), 'mlsd-kill-'));
    const started: ChildProcess[] = [];
    const launch = async () => {
      const r = await launchOwn(profile);
      started.push(r.proc);
      return r;
    };
    try {
      let { browser: own, proc } = await launch();
      let page = await own.contexts()[0].newPage();
      await page.goto(baseUrl());
      await page.locator('.react-flow__pane').waitFor();
      await addComponent(page, 'Feature store');
      await waitSaved(page);
      // From now on no timer of 100 ms or more ever fires: a write that waits for one never happens.
      await page.evaluate(() => {
        const real = window.setTimeout.bind(window);
        (window as unknown as { setTimeout: unknown }).setTimeout = (fn: () => void, ms?: number) => (ms !== undefined && ms >= 100 ? 0 : real(fn, ms));
      });
      await page.waitForTimeout(400); // a quiet spell
      await addComponent(page, 'Cache');
      const id = await lastId(page);
      await expect.poll(async () => JSON.parse(await storedText(page, id)).nodes.length, { timeout: 5_000 }).toBe(2);
      process.kill(-proc.pid!, 'SIGKILL'); // the browser and every process it started, as a crash takes them
      await new Promise((r) => proc.once('exit', r));
      ({ browser: own, proc } = await launch());
      page = await own.contexts()[0].newPage();
      await page.goto(baseUrl());
      await page.locator('.react-flow__pane').waitFor();
      await expect.poll(() => labels(page)).toEqual(['Feature store', 'Cache']);
      await own.close();
    } finally {
      // Every browser this test started, with all its processes (also when the test failed midway).
      for (const p of started) {
        try {
          process.kill(-p.pid!, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  });
});

describe('a large design the parser accepts', () => {
  it('opens on its first components and draws only what is in view; a huge label is shown cut (speed: npm run bench)', async () => {
    const { context, page } = await openApp(browser);
    const n = 20_000;
    const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: 'cache', label: i === 0 ? 'L'.repeat(1_000_000) : `Cache ${i}`, position: { x: (i % 100) * 220, y: Math.floor(i / 100) * 120 } }));
    const edges = Array.from({ length: n - 1 }, (_, i) => ({ id: `e${i}`, source: `n${i}`, target: `n${i + 1}` }));
    await openFile(page, { format: 'mlsd-canvas', version: 1, title: 'Twenty thousand', nodes, edges });
    await expect.poll(() => title(page), { timeout: 60_000 }).toBe('Twenty thousand');
    await page.locator('.react-flow__node').first().waitFor({ timeout: 60_000 });
    // The first 300 components fill the view; what lies beyond it is not in the page at all.
    const drawn = await nodeCount(page);
    expect(drawn).toBeGreaterThan(50);
    expect(drawn).toBeLessThan(1_000);
    expect(await page.locator('.react-flow__edge').count()).toBeLessThan(2_000);
    const first = await page.locator('.react-flow__node[data-id="n0"] .node-label').textContent();
    expect(first!.length).toBeLessThanOrEqual(201);
    expect(first!.endsWith('…')).toBe(true);
    // Clicking answers: the component is selected and the inspector shows its full name.
    await page.locator('.react-flow__node[data-id="n1"]').click();
    await expect.poll(() => page.locator('.react-flow__node[data-id="n1"].selected').count(), { timeout: 30_000 }).toBe(1);
    expect(pageErrors(page)).toEqual([]);
    await context.close();
  });
});
