/**
 * Screenshots of the templates as the app shows them at fit view, to look at a layout:
 * `npm run build && npm run templates:snapshots [-- --out DIR] [--scale 2] [id ...]`. Each
 * templates/<id>.json opens in the production build (dist/, served on 127.0.0.1) through a share link
 * in a 1440 x 900 Chromium window; the script saves the page and the canvas alone as PNGs and prints
 * the zoom fitView chose (React Flow's viewport transform). Chromium: /usr/bin/chromium or CHROMIUM_PATH.
 */
import { mkdirSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { parseDiagramText } from '../../src/domain/format/parse';
import { encodeShareHash } from '../../src/io/shareLink';
// @ts-expect-error: a plain JavaScript module without types
import { serveStatic } from '../serveStatic.mjs';

async function main() {
  const root = join(import.meta.dirname, '..', '..');
  const args = process.argv.slice(2);
  const opt = (name: string, fallback: string) => {
    const i = args.indexOf(name);
    if (i === -1) return fallback;
    const [, value] = args.splice(i, 2);
    return value;
  };
  const out = opt('--out', join(root, 'test-results', 'templates'));
  const scale = Number(opt('--scale', '1'));
  const ids = args;
  mkdirSync(out, { recursive: true });
  const { server, base } = (await serveStatic(join(root, 'dist'))) as { server: { close(): void }; base: string };
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const dir = join(root, 'templates');
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.json')).sort()) {
      const id = file.slice(0, -'.json'.length);
      if (ids.length && !ids.includes(id)) continue;
      const parsed = parseDiagramText(readFileSync(join(dir, file), 'utf8'));
      if (!parsed.ok) throw new Error(`${file}: ${parsed.error.message}`);
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, deviceScaleFactor: scale });
      const page = await context.newPage();
      await page.goto(base + (await encodeShareHash(parsed.value)));
      await page.locator('.react-flow__node').first().waitFor();
      // fitView runs once every node is measured; wait for the transform to settle.
      let zoom = 0;
      for (let i = 0; i < 20; i++) {
        await page.waitForTimeout(150);
        const t = await page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);
        const z = Number(/matrix\(([^,]+)/.exec(t)?.[1] ?? 1);
        if (z === zoom) break;
        zoom = z;
      }
      // The share-link notice would cover the bottom of the canvas.
      await page.locator('.notice button[aria-label="Dismiss"]').first().click({ timeout: 1000 }).catch(() => {});
      await page.screenshot({ path: join(out, `${id}.png`) });
      const canvas = (await page.locator('.react-flow').boundingBox())!;
      await page.screenshot({ path: join(out, `${id}-canvas.png`), clip: canvas });
      console.log(`${id.padEnd(28)} zoom ${(zoom * 100).toFixed(1)} %  ${join(out, `${id}-canvas.png`)}`);
      await context.close();
    }
  } finally {
    await browser.close();
    server.close();
  }
}

void main();
