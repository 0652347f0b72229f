import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram } from '../../../src/domain/diagram';
import {
  backupKey,
  backupTitle,
  componentCount,
  copyRecord,
  copyTitle,
  designMeta,
  designText,
  formatWhen,
  isBlankDiagram,
  isDesignMeta,
  isQuotaError,
  onRemoteSave,
  readStoredDesign,
  saveFailureMessage,
  sortDesigns,
} from '../../../src/io/designRecords';
import { fileNameFor } from '../../../src/io/files';
import { hasShareHash } from '../../../src/io/startup';

function sample(): Diagram {
  return {
    title: 'Fraud detection',
    problem: 'fraud',
    nodes: [
      { id: 'z', kind: 'group', position: { x: 0, y: 0 }, props: { zone: 'online' } },
      { id: 'tx', kind: 'message-queue', parent: 'z', position: { x: 10, y: 20 }, props: { tool: 'Kafka' } },
      { id: 'm', kind: 'model-server', position: { x: 400, y: 0 }, props: {} },
      { id: 'n', kind: 'note', position: { x: 0, y: 300 }, props: { text: 'remember the SLA' } },
    ],
    edges: [{ id: 'e', source: 'tx', target: 'm', kind: 'request' }],
    suppressions: [],
  };
}

describe('stored design records', () => {
  it('lists a design by title, problem, number of components (not zones or notes) and revision', () => {
    const meta = designMeta('d_1', sample(), 3, 1000);
    expect(meta).toEqual({ id: 'd_1', title: 'Fraud detection', problem: 'fraud', componentCount: 2, updatedAt: 1000, rev: 3 });
    expect(componentCount(emptyDiagram())).toBe(0);
    expect(isDesignMeta(meta)).toBe(true);
  });

  it('reads a stored design back through the parser', () => {
    const d = sample();
    const r = readStoredDesign(designMeta('d_1', d, 1, 5), { id: 'd_1', text: designText(d) });
    expect(r.ok && r.value.diagram).toEqual(d);
    expect(r.ok && r.value.meta.rev).toBe(1);
  });

  it('refuses corrupt or newer stored data with a reason, so it is kept aside instead of overwritten', () => {
    const d = sample();
    const meta = designMeta('d_1', d, 1, 5);
    const text = designText(d);
    const reason = (m: unknown, data: unknown) => {
      const r = readStoredDesign(m, data);
      return r.ok ? 'read' : r.error;
    };
    expect(reason(meta, { id: 'd_1', text: text.slice(0, 50) })).toMatch(/^not a JSON file/);
    expect(reason(meta, { id: 'd_1', text: text.replace('"version":1', '"version":2') })).toContain('newer mlsd-canvas');
    expect(reason(meta, { id: 'd_1', text: text.replace('"model-server"', '"model-servr"') })).toBe('nodes[2].kind: unknown kind "model-servr"');
    expect(reason(meta, undefined)).toBe('its diagram data is missing');
    expect(reason(meta, { id: 'd_1', text: 42 })).toBe('its diagram data is missing');
    expect(reason({ ...meta, rev: 0 }, { id: 'd_1', text })).toBe('its listing record is damaged');
    expect(reason({ ...meta, problem: 'astrology' }, { id: 'd_1', text })).toBe('its listing record is damaged');
    expect(reason(null, { id: 'd_1', text })).toBe('its listing record is damaged');
    expect(reason(meta, { id: 'd_1', text })).toBe('read');
  });

  it('keeps aside under a key that names the design and the moment, never the design key itself', () => {
    const key = backupKey('d_1', Date.UTC(2025, 2, 4, 10, 30));
    expect(key).toBe('d_1@2025-03-04T10:30:00.000Z');
    expect(key).not.toBe('d_1');
    expect(backupKey('d_1', 1)).not.toBe(backupKey('d_1', 2));
    expect(backupTitle({ title: 'Ads' }, 'd_1')).toBe('Ads');
    expect(backupTitle('garbage', 'd_1')).toBe('Design d_1');
    expect(backupTitle({ title: '  ' }, 'd_1')).toBe('Design d_1');
  });

  it('does not store a blank design until something is in it', () => {
    expect(isBlankDiagram(emptyDiagram())).toBe(true);
    expect(isBlankDiagram({ ...emptyDiagram(), title: 'Ads' })).toBe(false);
    expect(isBlankDiagram({ ...emptyDiagram(), brief: 'Design ads ranking' })).toBe(false);
    expect(isBlankDiagram({ ...emptyDiagram(), problem: 'ad-click' })).toBe(false);
    expect(isBlankDiagram(sample())).toBe(false);
  });

  it('names copies without clashing with existing titles', () => {
    expect(copyTitle('Ads', [])).toBe('Ads (copy)');
    expect(copyTitle('Ads', ['Ads', 'Ads (copy)'])).toBe('Ads (copy 2)');
    expect(copyTitle('Ads (copy)', ['Ads', 'Ads (copy)', 'Ads (copy 2)'])).toBe('Ads (copy 3)');
  });

  it('makes a copy record under a new id with a "(copy)" title, or none for unreadable text', () => {
    const copy = copyRecord(designText(sample()), 'd_2', 7)!;
    expect(copy.meta).toMatchObject({ id: 'd_2', title: 'Fraud detection (copy)', componentCount: 2, updatedAt: 7 });
    expect(JSON.parse(copy.text).title).toBe('Fraud detection (copy)');
    expect(copyRecord('{"broken', 'd_2', 7)).toBeNull();
  });

  it('sorts My designs by last change, newest first', () => {
    const row = (title: string, updatedAt: number) => ({ id: title, title, problem: 'generic' as const, componentCount: 0, updatedAt });
    expect(sortDesigns([row('b', 1), row('c', 3), row('a', 1)]).map((d) => d.title)).toEqual(['c', 'a', 'b']);
  });

  it('says when a design last changed', () => {
    const now = new Date(2025, 5, 15, 14, 0).getTime();
    expect(formatWhen(now - 10_000, now)).toBe('just now');
    expect(formatWhen(now - 5 * 60_000, now)).toBe('5 min ago');
    expect(formatWhen(now - 3 * 3600_000, now)).toBe('3 h ago');
    expect(formatWhen(new Date(2025, 5, 14, 9, 0).getTime(), now)).toBe('yesterday');
    expect(formatWhen(new Date(2025, 2, 3, 9, 0).getTime(), now)).toBe('3 Mar');
    expect(formatWhen(new Date(2023, 2, 3, 9, 0).getTime(), now)).toBe('3 Mar 2023');
  });
});

describe('two tabs', () => {
  it('shows the other tab’s save when nothing is unsaved here, asks when something is, ignores old news', () => {
    const base = { isOpen: true, unsaved: false, knownRev: 4, remoteRev: 5 };
    expect(onRemoteSave(base)).toBe('reload');
    expect(onRemoteSave({ ...base, unsaved: true })).toBe('conflict');
    expect(onRemoteSave({ ...base, remoteRev: 4 })).toBe('ignore');
    expect(onRemoteSave({ ...base, remoteRev: 3, unsaved: true })).toBe('ignore');
    expect(onRemoteSave({ ...base, isOpen: false, unsaved: true })).toBe('ignore');
  });
});

describe('save failures', () => {
  it('recognises a full quota, thrown or as an aborted transaction’s error', () => {
    expect(isQuotaError({ name: 'QuotaExceededError', message: 'full' })).toBe(true);
    expect(isQuotaError(new DOMException('The quota has been exceeded.', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaError(new DOMException('aborted', 'AbortError'))).toBe(false);
    expect(isQuotaError(null)).toBe(false);
    expect(isQuotaError('QuotaExceededError')).toBe(false);
  });

  it('tells the user what to do: save a file', () => {
    expect(saveFailureMessage(new DOMException('x', 'QuotaExceededError'), '⌘S')).toBe(
      'Browser storage is full. Save a file (⌘S) to keep this design, or delete designs you no longer need in My designs.',
    );
    expect(saveFailureMessage(new Error('disk on fire'))).toBe('This browser refused to save (disk on fire). Save a file (Ctrl+S) to keep this design.');
  });
});

describe('file names and share hashes', () => {
  it('downloads as <title>.mlsd.json with characters file systems refuse taken out', () => {
    expect(fileNameFor('Fraud detection')).toBe('Fraud detection.mlsd.json');
    expect(fileNameFor('Ads: CTR / v2 "final"?')).toBe('Ads CTR v2 final.mlsd.json');
    expect(fileNameFor('  ...  ')).toBe('Untitled design.mlsd.json');
    expect(fileNameFor('a\u0000b\nc')).toBe('a b c.mlsd.json');
    expect(fileNameFor('x'.repeat(300))).toBe(`${'x'.repeat(100)}.mlsd.json`);
    expect(fileNameFor('Ünïcödé ✓')).toBe('Ünïcödé ✓.mlsd.json');
  });

  it('recognises a share link in the hash', () => {
    expect(hasShareHash('#d=v1.abc')).toBe(true);
    expect(hasShareHash('#x=1&d=v1.abc')).toBe(true);
    expect(hasShareHash('#dd=1')).toBe(false);
    expect(hasShareHash('')).toBe(false);
    expect(hasShareHash('#section')).toBe(false);
  });
});
