#!/usr/bin/env node
// Renders public/icon.svg into the PNG icons the web app manifest lists (192 and 512 px, and a
// maskable 512 px one with the glyph inside the safe zone), with Debian's Chromium. Run it after
// changing the icon: `node scripts/pwaIcons.mjs`; the PNGs are committed.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { chromium } from 'playwright-core';

const root = resolve(import.meta.dirname, '..');
const svg = readFileSync(resolve(root, 'public/icon.svg'), 'utf8');
// Maskable: a full-bleed square, the glyph scaled into the central 80 % circle.
const maskable = svg.replace('rx="112"', 'rx="0"').replace('translate(96 96) scale(13.333)', 'translate(136 136) scale(10)');
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu'] });
try {
  for (const [name, size, source] of [['icon-192.png', 192, svg], ['icon-512.png', 512, svg], ['icon-maskable-512.png', 512, maskable]]) {
    const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
    await page.setContent(`<style>html,body{margin:0;background:transparent}svg{display:block;width:${size}px;height:${size}px}</style>${source}`);
    await page.screenshot({ path: resolve(root, 'public', name), omitBackground: true });
    await page.close();
  }
} finally {
  await browser.close();
}
