import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import Database from 'better-sqlite3';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { DiagramReader } from '../../src/collab/docModel';
import { startSyncProcess, type SyncProcess } from '../support/processes';
import { baseUrl, launchBrowser, nodeOf, pageErrors, screenshot } from './browser';

// Two real browsers on one room of a real sync server (tsx server/main.ts serving dist/, SQLite in a
// temporary folder), nothing mocked.

let browser: Browser;
let server: SyncProcess;
const contexts: BrowserContext[] = [];

beforeAll(async () => {
  [browser, server] = await Promise.all([launchBrowser(), startSyncProcess()]);
});
afterAll(async () => {
  for (const c of contexts) await c.close().catch(() => {});
  await browser?.close();
  await server?.stop();
});

async function open(url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 });
  contexts.push(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  (page as Page & { errors?: string[] }).errors = errors;
  await page.goto(url);
  await page.locator('.react-flow__pane').waitFor();
  return page;
}

/** Waits until the locator is visible (playwright-core has no expect of its own). */
const visible = (l: ReturnType<Page['locator']>) => l.first().waitFor({ state: 'visible', timeout: 10_000 });
const palette = (page: Page, label: string) => page.getByRole('region', { name: 'Components' }).getByRole('button', { name: label, exact: true });
const labels = (page: Page) => page.locator('.react-flow__node .node-label').allTextContents();
const sorted = async (page: Page) => (await labels(page)).sort();

/** Starts a mock interview from the open design through the File menu; returns the three invite links. */
async function startInterview(page: Page, name: string, role: 'candidate' | 'interviewer') {
  await page.getByRole('button', { name: 'File', exact: true }).click();
  await page.getByRole('menuitem', { name: /Start mock interview/ }).click();
  const dialog = page.getByRole('dialog', { name: 'Start mock interview' });
  await dialog.getByLabel('Your name').fill(name);
  await dialog.getByRole('radio', { name: new RegExp(`^${role}`) }).check();
  await dialog.getByRole('button', { name: 'Start', exact: true }).click();
  const links = page.getByRole('dialog', { name: 'Invite to the mock interview' });
  await links.waitFor();
  const out = {
    candidate: await links.getByLabel('Candidate link').inputValue(),
    interviewer: await links.getByLabel('Interviewer link').inputValue(),
    observer: await links.getByLabel('Observer link').inputValue(),
  };
  await links.getByRole('button', { name: 'Done' }).click();
  return out;
}

const connected = (page: Page) => expect.poll(() => page.locator('.room-connection').getAttribute('data-status'), { timeout: 15_000 }).toBe('connected');

async function rename(page: Page, kind: string, label: string) {
  await nodeOf(page, kind).first().click();
  const field = page.getByRole('region', { name: 'Inspector' }).getByRole('textbox', { name: 'Label', exact: true });
  await field.fill(label);
  await field.blur();
}

async function drag(page: Page, kind: string, dx: number, dy: number, steps = 12) {
  const b = (await nodeOf(page, kind).first().boundingBox())!;
  await page.mouse.move(b.x + 60, b.y + 30);
  await page.mouse.down();
  for (let i = 1; i <= steps; i++) await page.mouse.move(b.x + 60 + (dx * i) / steps, b.y + 30 + (dy * i) / steps);
  await page.mouse.up();
}

const nodePos = (page: Page, kind: string) =>
  nodeOf(page, kind)
    .first()
    .evaluate((el) => el.style.transform);

/** A room with a candidate (who started it) and an interviewer on one feature store. */
async function pair() {
  const a = await open(server.url);
  await palette(a, 'Feature store').click();
  const links = await startInterview(a, 'Ada', 'candidate');
  await connected(a);
  const b = await open(links.interviewer);
  await connected(b);
  await expect.poll(() => labels(b)).toEqual(['Feature store']);
  return { a, b, links };
}

describe('mock interviews: two browsers on one room', () => {
  it('an edit on either side shows on the other within a second; presence shows names and cursors; undo undoes only one’s own work', async () => {
    const { a, b } = await pair();
    // Presence: each sees the other's avatar; the candidate sees the interviewer's cursor with a name.
    await expect.poll(() => a.getByRole('group', { name: 'People in this room' }).getByRole('button', { name: /interviewer/ }).count()).toBe(1);
    await b.mouse.move(700, 450);
    await b.mouse.move(720, 460, { steps: 3 });
    await expect.poll(() => a.locator('.peer-cursor').count()).toBe(1);
    expect(await a.locator('.peer-cursor-name').textContent()).toBe('Interviewer');

    const t0 = Date.now();
    await palette(a, 'Training job').click();
    await expect.poll(() => sorted(b), { timeout: 1000, interval: 25 }).toEqual(['Feature store', 'Training job']);
    const aToB = Date.now() - t0;
    const t1 = Date.now();
    await palette(b, 'Model registry').click();
    await expect.poll(() => sorted(a), { timeout: 1000, interval: 25 }).toEqual(['Feature store', 'Model registry', 'Training job']);
    console.log(`edit shown on the other side after ${aToB} ms (A->B) and ${Date.now() - t1} ms (B->A)`);

    // Undo on A takes back A's training job only; B's model registry stays on both sides.
    await a.locator('.react-flow__pane').click({ position: { x: 50, y: 500 } });
    await a.keyboard.press('Control+z');
    await expect.poll(() => sorted(a)).toEqual(['Feature store', 'Model registry']);
    await expect.poll(() => sorted(b)).toEqual(['Feature store', 'Model registry']);
    // Redo brings it back for both.
    await a.keyboard.press('Control+Shift+z');
    await expect.poll(() => sorted(b)).toEqual(['Feature store', 'Model registry', 'Training job']);
    await screenshot(a, 'collab-candidate');
    await screenshot(b, 'collab-interviewer');
    expect(pageErrors(a)).toEqual([]);
    expect(pageErrors(b)).toEqual([]);
  });

  it('two people dragging one component at once converge to one position; a rename and a drag at once both survive', async () => {
    const { a, b } = await pair();
    await Promise.all([drag(a, 'feature-store', 200, 40), drag(b, 'feature-store', -150, 120)]);
    await expect.poll(async () => (await nodePos(a, 'feature-store')) === (await nodePos(b, 'feature-store')), { timeout: 5000 }).toBe(true);
    // A renames while B drags the same component.
    await Promise.all([rename(a, 'feature-store', 'Online features'), drag(b, 'feature-store', 120, -60)]);
    await expect.poll(() => labels(a)).toEqual(['Online features']);
    await expect.poll(() => labels(b)).toEqual(['Online features']);
    await expect.poll(async () => (await nodePos(a, 'feature-store')) === (await nodePos(b, 'feature-store')), { timeout: 5000 }).toBe(true);
  });

  it('an observer sees the design read-only; the interviewer’s rubric reaches the candidate’s write-up only when shared', async () => {
    const { a, b, links } = await pair();
    const o = await open(links.observer);
    await connected(o);
    await expect.poll(() => labels(o)).toEqual(['Feature store']);
    await palette(o, 'Cache').click();
    await visible(o.getByText(/You are observing/));
    expect(await labels(o)).toEqual(['Feature store']);

    // The interviewer scores and writes a note in the private panel; nothing of it shows on the candidate's side.
    const panel = b.getByRole('complementary', { name: 'Interviewer notes' });
    await panel.getByRole('radiogroup', { name: 'Score for Clarify requirements' }).getByRole('radio', { name: '3' }).click();
    await panel.getByRole('textbox', { name: 'Notes on Clarify requirements' }).fill('Asked about scale early');
    await a.waitForTimeout(500);
    expect(await a.content()).not.toContain('Asked about scale early');
    await panel.getByRole('button', { name: /Share the scored rubric/ }).click();
    await visible(a.getByText('Rubric shared'));
    await a.getByRole('button', { name: 'Export' }).click();
    const download = a.waitForEvent('download');
    await a.getByRole('menuitem', { name: /Markdown/ }).click();
    const path = await (await download).path();
    const text = (await import('node:fs')).readFileSync(path!, 'utf8');
    expect(text).toContain('## Interview rubric');
    expect(text).toMatch(/1\. Clarify requirements \| 3 \/ 4 \(solid\) \| Asked about scale early/);
  });

  it('kill the sync server mid-interview and start it again: every edit from before and during the outage is on both clients and in the SQLite file', async () => {
    const { a, b } = await pair();
    await palette(a, 'Training job').click();
    await expect.poll(() => sorted(b)).toEqual(['Feature store', 'Training job']);
    const port = server.port;
    await server.kill();
    await expect.poll(() => a.locator('.room-connection').getAttribute('data-status'), { timeout: 15_000 }).not.toBe('connected');
    // Both keep working offline.
    await palette(a, 'Model registry').click();
    await palette(b, 'Drift detection').click();
    await expect.poll(() => a.locator('.room-connection').textContent()).toMatch(/edits kept/);
    await screenshot(a, 'collab-offline');
    server = await startSyncProcess({ port, dbPath: server.dbPath });
    const all = ['Drift detection', 'Feature store', 'Model registry', 'Training job'];
    await expect.poll(() => sorted(a), { timeout: 20_000 }).toEqual(all);
    await expect.poll(() => sorted(b), { timeout: 20_000 }).toEqual(all);
    await connected(a);
    // The server stores the room shortly after the changes (debounced) and on shutdown.
    await server.stop();
    const db = new Database(server.dbPath, { readonly: true });
    const rows = db.prepare('SELECT name, data FROM documents').all() as { name: string; data: Buffer }[];
    db.close();
    const titles = rows
      .filter((r) => !r.name.endsWith('/private'))
      .map((r) => {
        const doc = new Y.Doc();
        Y.applyUpdate(doc, new Uint8Array(r.data));
        return new DiagramReader(doc).read().diagram.nodes.map((n) => n.label ?? n.kind).sort();
      });
    expect(titles).toContainEqual(['drift-detection', 'feature-store', 'model-registry', 'training-job']);
    server = await startSyncProcess({ port, dbPath: server.dbPath });
  });

  it('a hostile peer with the edit key writes invalid nodes, huge strings and deep nesting: the browsers say so and keep working, the server stays up', async () => {
    const { a, b, links } = await pair();
    const link = new URL(links.candidate).hash.slice(1);
    const q = new URLSearchParams(link);
    const doc = new Y.Doc();
    const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${server.port}/collab`, WebSocketPolyfill: WebSocket });
    const hostile = new HocuspocusProvider({ websocketProvider: socket, name: q.get('room')!, document: doc, token: `candidate.${q.get('key')}` });
    hostile.attach();
    await new Promise<void>((ok) => hostile.on('synced', () => ok()));
    const evil = new Y.Map<unknown>();
    evil.set('kind', 'evil-kind');
    evil.set('at', { x: 1e308, y: 0 });
    doc.getMap('nodes').set('evil', evil);
    await visible(a.getByText(/refused a change from another participant/));
    await visible(b.getByText(/refused a change from another participant/));

    // A huge label and deeply nested props from a fresh connection (the first one was closed by the server).
    const doc2 = new Y.Doc();
    const socket2 = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${server.port}/collab`, WebSocketPolyfill: WebSocket });
    const hostile2 = new HocuspocusProvider({ websocketProvider: socket2, name: q.get('room')!, document: doc2, token: `candidate.${q.get('key')}` });
    hostile2.attach();
    await new Promise<void>((ok) => hostile2.on('synced', () => ok()));
    const huge = new Y.Map<unknown>();
    huge.set('kind', 'cache');
    huge.set('label', 'x'.repeat(2_000_000));
    huge.set('at', { x: 0, y: 0 });
    const props = new Y.Map<unknown>();
    let deep: unknown = 'bottom';
    for (let i = 0; i < 500; i++) deep = { d: deep };
    props.set('nested', deep);
    huge.set('props', props);
    doc2.getMap('nodes').set('huge', huge);
    await a.waitForTimeout(1500);
    hostile.destroy();
    hostile2.destroy();
    socket.destroy();
    socket2.destroy();

    // Nothing of it reached the browsers; both still edit together; the server still answers.
    expect(await sorted(a)).toEqual(['Feature store']);
    await palette(b, 'Cache').click();
    await expect.poll(() => sorted(a)).toEqual(['Cache', 'Feature store']);
    expect((await fetch(`${server.url}api/health`)).status).toBe(200);
    expect(pageErrors(a)).toEqual([]);
  });

  it('a room the server does not have says so and keeps a local copy; without a sync server, starting one says what to do', async () => {
    const page = await open(`${server.url}#room=AAAAAAAAAAAAAAAAAAAAAA&role=candidate&key=AAAAAAAAAAAAAAAAAAAAAA`);
    await visible(page.getByText(/no longer exists on the server/));
    await page.getByRole('button', { name: 'Keep a local copy' }).click();
    await expect.poll(() => page.locator('.room-connection').count()).toBe(0);

    // vite preview serves the app without a sync server.
    const alone = await open(baseUrl());
    await alone.getByRole('button', { name: 'File', exact: true }).click();
    await alone.getByRole('menuitem', { name: /Start mock interview/ }).click();
    await alone.getByRole('dialog', { name: 'Start mock interview' }).getByRole('button', { name: 'Start', exact: true }).click();
    await visible(alone.getByRole('alert').filter({ hasText: /npm run dev or npm run serve/ }));
  });
});
