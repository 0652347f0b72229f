#!/usr/bin/env node
// `node scripts/bench-drag.mjs [--rounds 8] [--dist dist] [--peer /tmp/peer-bench/dist-rf] [--css "..."]`
// The peer benchmark's drag "stream" phase alone (125 moves 8 ms apart on box 1 of ?bench=500 while every
// frame is recorded), repeated in many fresh browsers, our build interleaved with the bare React Flow app's
// (when --peer points at peer-bench's built dist-rf). A frame-interval p95 moves by +-0.5 ms between runs of
// five, so deciding whether a change helps needs more rounds than peer-bench makes; this prints each round's
// p95 and their median and mean. --css injects a stylesheet into our app first (to try a change quickly).
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { serveStatic } from './serveStatic.mjs';

const args = process.argv.slice(2);
const opt = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const rounds = Number(opt('rounds', 8));
const ours = resolve(opt('dist', 'dist'));
const peer = opt('peer', null);
const css = opt('css', '');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-frame-rate-limit', '--disable-gpu-vsync'];
const frame = (page) => page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 0))))));

async function streamP95(dist, query, style) {
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ARGS });
  const { server, base } = await serveStatic(dist);
  try {
    const page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })).newPage();
    await page.goto(`${base}?${query}`);
    await page.waitForFunction(() => typeof window.__ready === 'number', null, { timeout: 120_000 });
    if (style) await page.addStyleTag({ content: style });
    await page.waitForTimeout(500);
    let { x, y } = await page.evaluate(() => {
      if (window.__dragPoint) return window.__dragPoint();
      const r = document.querySelector('.react-flow__node').getBoundingClientRect();
      return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
    });
    await page.mouse.move(x, y);
    await page.mouse.down();
    await page.mouse.move(x + 3, y + 2);
    await page.mouse.move(x + 6, y + 3);
    x += 6;
    y += 3;
    await frame(page);
    await page.evaluate(() => {
      const rec = { frames: [], moves: [], pending: 0, on: true };
      window.__rec = rec;
      rec.onMove = () => rec.pending++;
      window.addEventListener('pointermove', rec.onMove, true);
      const loop = (t) => {
        if (!rec.on) return;
        rec.frames.push(t);
        rec.moves.push(rec.pending);
        rec.pending = 0;
        requestAnimationFrame(loop);
      };
      requestAnimationFrame(loop);
    });
    const sent = 125;
    const inFlight = [];
    const t0 = performance.now();
    for (let i = 1; i <= sent; i++) {
      const move = page.mouse.move(x + (480 * i) / sent, y + (240 * i) / sent);
      move.catch(() => {});
      inFlight.push(move);
      const wait = t0 + i * 8 - performance.now();
      if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    }
    await Promise.all(inFlight);
    await frame(page);
    const { frames, moves } = await page.evaluate(() => ((window.__rec.on = false), { frames: window.__rec.frames, moves: window.__rec.moves }));
    await page.mouse.up();
    const first = moves.findIndex((m) => m > 0);
    const last = moves.length - 1 - [...moves].reverse().findIndex((m) => m > 0);
    const intervals = [];
    for (let i = first; i <= last && i + 1 < frames.length; i++) intervals.push(frames[i + 1] - frames[i]);
    const s = intervals.sort((a, b) => a - b);
    return s[Math.min(s.length - 1, Math.floor(0.95 * (s.length - 1)))];
  } finally {
    await browser.close();
    server.close();
  }
}

const apps = [['mlsd-canvas', ours, 'bench=500', css], ...(peer ? [['previous build', resolve(peer), 'bench=500', '']] : [])];
const p95 = new Map(apps.map(([name]) => [name, []]));
for (let r = 0; r < rounds; r++) for (const [name, dist, query, style] of apps) p95.get(name).push(await streamP95(dist, query, style));
for (const [name, v] of p95) {
  const s = [...v].sort((a, b) => a - b);
  const mean = v.reduce((a, b) => a + b, 0) / v.length;
  console.log(`${name.padEnd(16)} frame p95: median ${s[s.length >> 1].toFixed(1)} ms, mean ${mean.toFixed(2)} ms  [${s.map((x) => x.toFixed(1)).join(' ')}]`);
}
