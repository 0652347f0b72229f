#!/usr/bin/env node
// PNG export benchmark: builds scripts/bench (the real app with a 100-node diagram), serves it,
// and times the app's route (SVG -> Image -> canvas) against html-to-image in Chromium.
// Usage: node scripts/bench-export.mjs [runs=7]. Saves the last PNG of each route, and the fraud-detection
// template drawn light and dark, in test-results/.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import react from '@vitejs/plugin-react';

const root = resolve(import.meta.dirname, '..');
const outDir = resolve(root, 'node_modules/.cache/bench-export');
const runs = Number(process.argv[2] ?? 7);

await build({ root: resolve(root, 'scripts/bench'), base: './', plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true, target: 'es2022' } });
const server = await preview({ root: resolve(root, 'scripts/bench'), base: './', logLevel: 'warn', build: { outDir }, preview: { host: '127.0.0.1', port: 0 } });
const addr = server.httpServer.address();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await page.goto(`http://127.0.0.1:${addr.port}/`);
  await page.locator('.react-flow__node').first().waitFor();
  await page.waitForTimeout(500);
  const rendered = await page.locator('.react-flow__node').count();
  console.log(`100-node diagram, ${rendered} nodes rendered by React Flow; ${runs} runs per route (first is a warm-up)`);
  mkdirSync(resolve(root, 'test-results'), { recursive: true });
  for (const route of ['svg', 'html']) {
    const times = [];
    let last;
    for (let i = 0; i <= runs; i++) {
      last = await page.evaluate((r) => window.bench[r](), route);
      if (i > 0) times.push(last.ms);
    }
    times.sort((a, b) => a - b);
    const png = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), last.url);
    writeFileSync(resolve(root, `test-results/bench-${route}.png`), Buffer.from(png));
    console.log(
      `${route.padEnd(4)} median ${times[times.length >> 1].toFixed(0)} ms, min ${times[0].toFixed(0)}, max ${times[times.length - 1].toFixed(0)}; ${last.width} x ${last.height} px, ${(last.size / 1024).toFixed(0)} KiB`,
    );
  }
  // A template, light and dark, to look at.
  const template = readFileSync(resolve(root, 'templates/fraud-detection.json'), 'utf8');
  for (const dark of [false, true]) {
    const r = await page.evaluate(([t, d]) => window.bench.file(t, d), [template, dark]);
    const png = await page.evaluate(async (url) => Array.from(new Uint8Array(await (await fetch(url)).arrayBuffer())), r.url);
    writeFileSync(resolve(root, `test-results/bench-template${dark ? '-dark' : ''}.png`), Buffer.from(png));
    console.log(`fraud-detection template${dark ? ' (dark)' : ''}: ${r.ms.toFixed(0)} ms, ${r.width} x ${r.height} px`);
  }
} finally {
  await browser.close();
  await server.close();
}
