#!/usr/bin/env node
// `npm run bench [-- --json] [-- --runs 5] [-- --no-build] [-- --only findings,png]`: our own speed and size figures against the
// production build in Chromium (and Node for the pure parts). Prints, for each figure, the median of the runs
// with min and max, beside its target. Figures, not assertions: the machines are shared and noisy.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { serveStatic } from './serveStatic.mjs';

const root = resolve(import.meta.dirname, '..');
const dist = join(root, 'dist');
const args = process.argv.slice(2);
const json = args.includes('--json');
const runs = Number(args[args.indexOf('--runs') + 1]) > 0 && args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : 5;
const log = (...a) => !json && console.error(...a);
// `--only findings,png`: only the figures whose keys start with one of these (js, ready, findings, png, large, checker, tidy).
const only = args.includes('--only') ? String(args[args.indexOf('--only') + 1] ?? '').split(',').filter(Boolean) : null;
const want = (key) => !only || only.some((o) => key.startsWith(o));

if (!args.includes('--no-build')) {
  log('building the production bundle…');
  const r = spawnSync(join(root, 'node_modules/.bin/vite'), ['build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) process.exit(1);
}

const { server, base } = await serveStatic(dist);

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});

const gz = (buf) => gzipSync(buf, { level: 9 }).length;
const median = (a) => {
  const s = [...a].sort((x, y) => x - y);
  return s.length ? (s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2) : NaN;
};

/** Opens the app fresh (new context: cold cache) and waits for window.__ready. */
async function open(query, onResponse) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  if (onResponse) page.on('response', onResponse);
  await page.goto(base + query);
  await page.waitForFunction(() => typeof window.__ready === 'number', null, { timeout: 120_000 });
  return { context, page };
}

const figures = {};
const add = (key, label, unit, values, target, note) => (figures[key] = { label, unit, values, target, note });

// ------------------------------------------------------------ JavaScript: initial (before first paint) and all
if (want('js')) {
  const allJs = readdirSync(join(dist, 'assets')).filter((f) => f.endsWith('.js'));
  const allGz = allJs.reduce((a, f) => a + gz(readFileSync(join(dist, 'assets', f))), 0);
  // What the page loads before its first paint: the entry script and the chunks index.html preloads
  // (deterministic; the same measure as tests/e2e/bundle.test.ts). Chunks fetched once the page has
  // painted are not counted.
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const files = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
  const initial = [files.reduce((a, f) => a + gz(readFileSync(join(dist, f))), 0) / 1024];
  add('initialJsKb', 'initial JS: entry + preloaded chunks (gzip -9)', 'KB', initial, 150);
  add('allJsKb', `all JS in dist, ${allJs.length} files (gzip -9)`, 'KB', [allGz / 1024], null);
}

// ------------------------------------------------------------ ready time of the bench diagram (as peer-bench sees it)
for (const n of want('ready') ? [100, 500] : []) {
  const values = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await open(`?bench=${n}`);
    values.push(await page.evaluate(() => window.__ready));
    await context.close();
  }
  add(`ready${n}`, `ready with ${n} components`, 'ms', values, null, 'peer-bench compares this with Excalidraw');
}

// ------------------------------------------------------------ findings update after an edge is added (500 nodes)
if (want('findings')) {
  const values = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await open('?bench=500');
    const ms = await page.evaluate(async () => {
      const bench = window.__bench;
      const strip = () => document.querySelector('[aria-label="Design check"]');
      const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
      // Wait for the checker (it loads after the first paint).
      for (let i = 0; i < 200 && (!strip() || /Checking/.test(strip().textContent)); i++) await frame();
      const panel = strip();
      if (!bench || !panel) return null;
      // An orphan component first (not timed), then the timed edge that ends its orphan-node finding.
      const id = bench.store.getState().addNode({ kind: 'cache', position: { x: -400, y: 0 } });
      await frame();
      await frame();
      const before = panel.textContent;
      const t0 = performance.now();
      bench.store.getState().connect('n0', id);
      // Resolved when React writes the new text into the strip (a mutation), not a frame later.
      let t1 = 0;
      await new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (panel.textContent !== before) {
            t1 = performance.now();
            mo.disconnect();
            resolve();
          }
        });
        mo.observe(panel, { subtree: true, childList: true, characterData: true });
      });
      return t1 - t0;
    });
    await context.close();
    if (ms === null) break;
    values.push(ms);
  }
  add('findings500', 'findings update after adding an edge, 500 components', 'ms', values, 16, values.length ? undefined : 'no findings panel in this build');
}

// ------------------------------------------------------------ PNG export of the whole diagram
for (const n of want('png') ? [100, 300] : []) {
  const values = [];
  for (let i = 0; i < runs; i++) {
    const { context, page } = await open(`?bench=${n}`);
    const ms = await page.evaluate(async () => {
      const bench = window.__bench;
      if (!bench?.exportPng) return null;
      const t0 = performance.now();
      const blob = await bench.exportPng();
      if (!blob || blob.size < 1000) throw new Error('export produced no image');
      return performance.now() - t0;
    });
    await context.close();
    if (ms === null) break;
    values.push(ms);
  }
  add(`png${n}`, `PNG export, ${n} components`, 'ms', values, n === 100 ? 1000 : null, values.length ? undefined : 'no PNG export in this build');
}

// ------------------------------------------------------------ large designs: time to answer
// A design opened from a file (as a share link or a restart shows it), then a click on a component:
// from the action to the first frame the page paints after it (the main thread answers again).
// 20,000 components in a grid with 19,999 edges; 2,000 components with 60,000 edges (30 each).
function largeFile(n, edgesPerNode) {
  const kinds = ['event-log', 'feature-store', 'training-job', 'model-server', 'cache', 'ranking', 'drift-detection', 'batch-etl'];
  const nodes = Array.from({ length: n }, (_, i) => ({ id: `n${i}`, kind: kinds[i % kinds.length], label: `Component ${i}`, position: { x: (i % 100) * 220, y: Math.floor(i / 100) * 120 } }));
  const edges = [];
  for (let i = 0; i < n; i++) for (let k = 1; k <= edgesPerNode && edges.length < n * edgesPerNode; k++) {
    const j = (i + k) % n;
    if (j !== i) edges.push({ id: `e${edges.length}`, source: `n${i}`, target: `n${j}` });
  }
  return Buffer.from(JSON.stringify({ format: 'mlsd-canvas', version: 1, title: `Large ${n}/${edges.length}`, nodes, edges }));
}
const painted = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0))));
for (const [key, n, per] of want('large') ? [['large20000', 20_000, 1], ['large60000e', 2_000, 30]] : []) {
  const buffer = largeFile(n, per);
  const name = JSON.parse(buffer.toString()).title;
  const open = [];
  const click = [];
  const restart = [];
  for (let i = 0; i < Math.min(runs, 3); i++) {
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.on('crash', () => log(`${key}: the page crashed`));
    page.on('pageerror', (e) => log(`${key}: ${e.message}`));
    await page.goto(base);
    await page.locator('.react-flow__pane').waitFor();
    await painted(page);
    // Dropped on the canvas, as a file from the desktop (the same path as File > Open).
    const text = buffer.toString();
    const transfer = await page.evaluateHandle((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'large.json', { type: 'application/json' }));
      return dt;
    }, text);
    const t0 = Date.now();
    for (const type of ['dragenter', 'dragover', 'drop']) await page.locator('.react-flow__pane').dispatchEvent(type, { dataTransfer: transfer });
    await page.waitForFunction((t) => document.querySelector('[aria-label="Diagram title"]')?.value === t, name, { timeout: 600_000, polling: 50 });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 600_000 });
    await painted(page);
    open.push(Date.now() - t0);
    // A component well inside the view (the page also holds those just around it).
    const id = await page.evaluate(() => {
      const c = document.querySelector('.react-flow').getBoundingClientRect();
      for (const el of document.querySelectorAll('.react-flow__node')) {
        const r = el.getBoundingClientRect();
        if (r.left > c.left + 40 && r.right < c.right - 40 && r.top > c.top + 40 && r.bottom < c.bottom - 40) return el.dataset.id;
      }
      return null;
    });
    const box = await page.locator(`.react-flow__node[data-id="${id}"]`).boundingBox();
    const t1 = Date.now();
    await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    await page.waitForFunction(() => !!document.querySelector('.react-flow__node.selected'), null, { timeout: 600_000, polling: 20 });
    await painted(page);
    click.push(Date.now() - t1);
    log(`${key}: open ${open.at(-1)} ms, click ${click.at(-1)} ms`);
    await page.waitForFunction(() => document.querySelector('.save-state')?.textContent === 'Saved', null, { timeout: 600_000 });
    const t2 = Date.now();
    await page.reload();
    await page.waitForFunction((t) => document.querySelector('[aria-label="Diagram title"]')?.value === t, name, { timeout: 600_000, polling: 50 });
    await page.locator('.react-flow__node').first().waitFor({ timeout: 600_000 });
    await painted(page);
    restart.push(Date.now() - t2);
    await context.close();
  }
  const what = per === 1 ? `${n.toLocaleString('en-US')} components` : `${(n * per).toLocaleString('en-US')} edges`;
  add(`${key}Open`, `large design, ${what}: drop its file to the first frame after`, 'ms', open, 1000);
  add(`${key}Click`, `large design, ${what}: a click to the frame that shows the selection`, 'ms', click, 1000);
  add(`${key}Restart`, `large design, ${what}: reload (restored from storage) to the first frame`, 'ms', restart, 1000);
}

// ------------------------------------------------------------ pure parts in Node
if (want('checker') || want('tidy')) {
  const r = spawnSync(join(root, 'node_modules/.bin/tsx'), [join(root, 'scripts/bench-node.ts'), String(runs)], { cwd: root, encoding: 'utf8' });
  if (r.status !== 0) {
    console.error(r.stderr);
    process.exit(1);
  }
  const node = JSON.parse(r.stdout.trim().split('\n').pop());
  add('checker1000', 'checker, 1,000 components (Node)', 'ms', node.checker1000, null);
  add('checker10000', 'checker, 10,000 components (Node)', 'ms', node.checker10000, 50);
  add('tidy200', 'tidy up, 200 components (Node)', 'ms', node.tidy200, 150);
  add('tidyRoutes300', 'edge detours, 300 overlapping components and 600 edges (Node)', 'ms', node.routes300, 50);
}

await browser.close();
server.close();

// ------------------------------------------------------------ report
const out = {};
for (const [k, f] of Object.entries(figures)) {
  const med = median(f.values);
  out[k] = {
    label: f.label,
    unit: f.unit,
    median: f.values.length ? +med.toFixed(2) : null,
    min: f.values.length ? +Math.min(...f.values).toFixed(2) : null,
    max: f.values.length ? +Math.max(...f.values).toFixed(2) : null,
    runs: f.values.length,
    target: f.target,
    meetsTarget: f.target == null || !f.values.length ? null : med <= f.target,
    ...(f.note ? { note: f.note } : {}),
  };
}
if (json) console.log(JSON.stringify({ date: new Date().toISOString(), runs, figures: out }, null, 2));
else {
  const rows = Object.values(out).map((f) => [
    f.label,
    f.median === null ? 'n/a' : `${f.median} ${f.unit}`,
    f.median === null ? '' : `[${f.min}-${f.max}]`,
    f.target == null ? '' : `<= ${f.target} ${f.unit}`,
    f.meetsTarget === null ? (f.note ?? '') : f.meetsTarget ? 'met' : 'MISSED',
  ]);
  const head = ['figure', `median of ${runs}`, 'min-max', 'target', ''];
  const w = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const line = (r) => r.map((c, i) => c.padEnd(w[i])).join('  ');
  console.log(line(head));
  console.log(w.map((n) => '-'.repeat(n)).join('  '));
  for (const r of rows) console.log(line(r));
}
