import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { parseDiagramText } from '../../src/domain/format/parse';
import { toSvg } from '../../src/domain/export/svg';
import type { Diagram } from '../../src/domain/diagram';
import { launchBrowser } from './browser';

/**
 * Exported text, measured by Chromium's own text layout: every line of every component, note, zone header and
 * edge label stays inside its box, in the light and the dark export, on all fourteen templates and on a design
 * of long names and notes. Notes show their whole text.
 */

const dir = join(import.meta.dirname, '../../templates');
const templates: Diagram[] = readdirSync(dir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const r = parseDiagramText(readFileSync(join(dir, f), 'utf8'));
    if (!r.ok) throw new Error(`${f}: ${r.error.message}`);
    return r.value;
  });

const long = 'Online evaluation with interleaving, guardrail metrics, novelty effects, a holdout and sequential testing';
const note =
  'A note that runs on: the label window is seven days because conversions arrive late; calibrate after downsampling the negatives, once; re-check the positive rate every week and alert when it moves by more than a fifth.';
const stress: Diagram = {
  title: 'Long texts',
  problem: 'generic',
  nodes: [
    { id: 'a', kind: 'ab-test', position: { x: 0, y: 0 }, props: { tool: 'Optimizely with CUPED' } },
    { id: 'b', kind: 'model-server', label: long, position: { x: 300, y: 0 }, props: { tool: 'Triton', latencyMs: 20 } },
    { id: 'c', kind: 'note', position: { x: 0, y: 200 }, props: { text: note } },
    { id: 'd', kind: 'feature-store', label: 'Feature store for every online and offline feature of the ranking models', position: { x: 300, y: 200 }, props: {} },
  ],
  edges: [{ id: 'e', source: 'a', target: 'b', kind: 'model', label: 'a long edge label that says a great deal about this edge' }],
  suppressions: [],
};

/** A stand-in icon: the text's room is that of the app's exports, which draw one on each component. */
const ICON = () => '<circle cx="12" cy="12" r="9"/>';

let browser: Browser;
let page: Page;
beforeAll(async () => {
  browser = await launchBrowser();
  page = await browser.newPage();
});
afterAll(async () => {
  await browser.close();
});

/** Every text line that leaves the box it is drawn in (the smallest rect of its group around its anchor), as "text: how far". */
async function overflows(svg: string): Promise<string[]> {
  await page.setContent(`<!doctype html><html><body style="margin:0">${svg}</body></html>`);
  return page.evaluate(() => {
    const out: string[] = [];
    for (const t of document.querySelectorAll('svg text')) {
      const g = t.closest('g');
      if (!g) continue;
      const x = Number(t.getAttribute('x'));
      const y = Number(t.getAttribute('y'));
      const rects = [...g.querySelectorAll(':scope > rect')]
        .map((r) => ({ x: Number(r.getAttribute('x')), y: Number(r.getAttribute('y')), w: Number(r.getAttribute('width')), h: Number(r.getAttribute('height')) }))
        .filter((r) => x >= r.x - 0.5 && x <= r.x + r.w + 0.5 && y >= r.y && y <= r.y + r.h + 4)
        .sort((a, b) => a.w * a.h - b.w * b.h);
      const box = rects[0];
      if (!box) continue;
      const b = (t as SVGTextElement).getBBox();
      const over = Math.max(box.x - b.x, b.x + b.width - (box.x + box.w), box.y - b.y, b.y + b.height - (box.y + box.h));
      if (over > 0.5) out.push(`${t.textContent}: ${over.toFixed(1)} px`);
    }
    return out;
  });
}

describe('exported text stays inside its box', () => {
  for (const dark of [false, true]) {
    it(`${dark ? 'dark' : 'light'}: on all fourteen templates`, async () => {
      expect(templates).toHaveLength(14);
      const bad: string[] = [];
      for (const d of templates) for (const icons of [false, true])
        for (const o of await overflows(toSvg(d, { dark, ...(icons ? { iconSvg: ICON } : {}) }).svg)) bad.push(`${d.title}${icons ? ' (icons)' : ''}: ${o}`);
      expect(bad).toEqual([]);
    });

    it(`${dark ? 'dark' : 'light'}: long names, a long note and a long tool wrap instead of being cut`, async () => {
      const { svg } = toSvg(stress, { dark });
      expect(await overflows(svg)).toEqual([]);
      const texts = await page.evaluate(() => [...document.querySelectorAll('svg text')].map((t) => t.textContent ?? ''));
      // The note, whole: every word of it is drawn, nothing ends in an ellipsis.
      const noteText = texts.join(' ');
      for (const word of note.split(/\s+/)) expect(noteText).toContain(word);
      // "Online evaluation" is drawn whole (on one line or two, never cut); the long tool wraps over two lines.
      expect(texts.join(' ')).toMatch(/(^| )Online evaluation( |$)/);
      expect(texts.filter((t) => t.startsWith('Optimizely'))).toHaveLength(1);
      expect(texts.some((t) => t.includes('CUPED'))).toBe(true);
      // A label longer than two lines ends in an ellipsis on its second line, never past the box.
      expect(texts.filter((t) => t.endsWith('…')).length).toBeLessThanOrEqual(3);
    });
  }
});
