import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

// The one performance budget enforced in the tests, because it is deterministic: the JavaScript the
// page loads before its first paint (the entry and the chunks it preloads), gzip level 9.
const BUDGET_KB = 160;
const dist = resolve(import.meta.dirname, '../../dist');

/** The entry script and its modulepreload chunks, as index.html lists them. */
function initialScripts(): string[] {
  const html = readFileSync(resolve(dist, 'index.html'), 'utf8');
  return [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\.?\/?([^"]+\.js)"/g)].map((m) => m[1]);
}

describe('bundle budget', () => {
  it(`loads at most ${BUDGET_KB} KB gzip of JavaScript before the first paint`, () => {
    const files = initialScripts();
    expect(files.length).toBeGreaterThan(0);
    const sizes = files.map((f) => ({ f, kb: gzipSync(readFileSync(resolve(dist, f)), { level: 9 }).length / 1024 }));
    const total = sizes.reduce((a, s) => a + s.kb, 0);
    console.log(`initial JS ${total.toFixed(1)} KB gzip: ${sizes.map((s) => `${s.f.replace('assets/', '')} ${s.kb.toFixed(1)}`).join(', ')}`);
    expect(total).toBeLessThanOrEqual(BUDGET_KB);
  });

  it('keeps templates, exporters, the checker and dialogs out of the first load', () => {
    // The first load is one entry chunk: a module imported statically from the page would be folded into
    // it and lose its own chunk file, so each lazy part must still have one, and index.html must not list it.
    const initial = initialScripts().join(' ');
    const chunks = readdirSync(resolve(dist, 'assets'));
    for (const lazy of ['exporters', 'exportActions', 'fileActions', 'runChecks', 'checkCache', 'MyDesignsDialog', 'CommandPalette', 'layout', 'startup', 'CanvasMiniMap', 'slots', 'StartInterviewDialog']) {
      expect(chunks.some((f) => f.startsWith(`${lazy}-`) && f.endsWith('.js')), `${lazy} has its own chunk`).toBe(true);
      expect(initial, lazy).not.toContain(lazy);
    }
  });

  it('keeps the room code (Yjs, the Hocuspocus provider, y-indexeddb) out of the first load', () => {
    const text = initialScripts().map((f) => readFileSync(resolve(dist, f), 'utf8')).join('\n');
    for (const marker of ['mlsd-room:', 'provider_initiated', 'y-indexeddb', 'Unexpected content type']) expect(text, marker).not.toContain(marker);
    const all = readdirSync(resolve(dist, 'assets')).filter((f) => f.endsWith('.js')).map((f) => readFileSync(resolve(dist, 'assets', f), 'utf8')).join('\n');
    expect(all).toContain('mlsd-room:'); // it is in a lazy chunk
  });
});
