#!/usr/bin/env node
// The kill window of autosave: how long after an edit a SIGKILL of the browser still loses it.
// `node scripts/bench-kill.mjs [--dist dist] [--rounds 3] [--delays 0,25,50,100,200,300,400]`
// For each delay and round: a fresh Chromium profile, the app with one component saved, a quiet
// spell, then a second component added by a click; `delay` ms after the click returns, the browser
// process gets SIGKILL; a new browser on the same profile opens the app and counts what came back.
// Prints, per delay, how many of the rounds kept the edit. Needs a built dist/ (npm run build).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serveStatic.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const dist = resolve(opt('--dist', resolve(import.meta.dirname, '..', 'dist')));
const rounds = Number(opt('--rounds', '3'));
const delays = opt('--delays', '0,25,50,100,200,300,400').split(',').map(Number);

async function launch(profile) {
  const proc = spawn(
    process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', `--user-data-dir=${profile}`, '--remote-debugging-port=0', 'about:blank'],
    { stdio: ['ignore', 'ignore', 'pipe'], detached: true },
  );
  const endpoint = await new Promise((res, rej) => {
    let err = '';
    proc.stderr.on('data', (d) => {
      err += d;
      const m = /DevTools listening on (ws:\/\/\S+)/.exec(err);
      if (m) res(m[1]);
    });
    proc.on('exit', () => rej(new Error(err)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const page = await browser.contexts()[0].newPage();
  return { browser, proc, page };
}

const labels = (page) => page.locator('.react-flow__node .node-label').allTextContents();
const add = (page, name) => page.getByRole('region', { name: 'Components' }).getByRole('button', { name, exact: true }).click();

const { server, base } = await serveStatic(dist);
const rows = [];
for (const delay of delays) {
  let kept = 0;
  for (let r = 0; r < rounds; r++) {
    const profile = mkdtempSync(join(tmpdir(), 'mlsd-bench-kill-'));
    const started = [];
    try {
      let { proc, page } = await launch(profile);
      started.push(proc);
      await page.goto(base);
      await page.locator('.react-flow__pane').waitFor();
      await add(page, 'Feature store');
      await page.waitForFunction(() => document.querySelector('.save-state')?.textContent === 'Saved', null, { timeout: 10_000 });
      await page.waitForTimeout(800); // a quiet spell
      await add(page, 'Cache');
      await new Promise((res) => setTimeout(res, delay));
      process.kill(-proc.pid, 'SIGKILL'); // the browser and every process it started, as a crash takes them
      await new Promise((res) => proc.once('exit', res));
      ({ proc, page } = await launch(profile));
      started.push(proc);
      await page.goto(base);
      await page.locator('.react-flow__pane').waitFor();
      await page.waitForTimeout(1500);
      if ((await labels(page)).includes('Cache')) kept++;
      process.kill(-proc.pid, 'SIGKILL'); // the browser and every process it started, as a crash takes them
      await new Promise((res) => proc.once('exit', res));
    } finally {
      for (const p of started) {
        try {
          process.kill(-p.pid, 'SIGKILL');
        } catch {
          // gone already
        }
      }
      rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    }
  }
  rows.push({ delay, kept, rounds });
  console.log(`SIGKILL ${String(delay).padStart(3)} ms after the edit: kept ${kept} of ${rounds}`);
}
server.close();
