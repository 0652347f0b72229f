import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram } from '../../../src/domain/diagram';
import { parseDiagramText } from '../../../src/domain/format/parse';
import {
  checkJournalEntry,
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
    const r = readStoredDesign('d_1', designMeta('d_1', d, 1, 5), { id: 'd_1', text: designText(d) });
    expect(r.ok && r.value.diagram).toEqual(d);
    expect(r.ok && r.value.meta.rev).toBe(1);
  });

  it('refuses corrupt or newer stored data with a reason, so it is kept aside instead of overwritten', () => {
    const d = sample();
    const meta = designMeta('d_1', d, 1, 5);
    const text = designText(d);
    const reason = (m: unknown, data: unknown) => {
      const r = readStoredDesign('d_1', m, data);
      return r.ok ? (r.value.repairs.length ? r.value.repairs.join('; ') : 'read') : r.error;
    };
    expect(reason(meta, { id: 'd_1', text: text.slice(0, 50) })).toMatch(/^not a JSON file/);
    expect(reason(meta, { id: 'd_1', text: text.replace('"version":1', '"version":2') })).toContain('newer mlsd-canvas');
    expect(reason(meta, { id: 'd_1', text: text.replace('"model-server"', '"model-servr"') })).toBe('nodes[2].kind: unknown kind "model-servr"');
    expect(reason(meta, undefined)).toBe('its diagram data is missing');
    expect(reason(meta, { id: 'd_1', text: 42 })).toBe('its diagram data is missing');
    // A listing record that is damaged or missing beside intact data is rebuilt, not a reason to keep the design aside.
    expect(reason({ ...meta, rev: 0 }, { id: 'd_1', text })).toBe('its listing record was damaged and was rebuilt from its data');
    expect(reason({ ...meta, problem: 'astrology' }, { id: 'd_1', text })).toBe('its listing record was damaged and was rebuilt from its data');
    expect(reason(undefined, { id: 'd_1', text })).toBe('its listing record was missing and was rebuilt from its data');
    expect(reason(undefined, undefined)).toBe('its listing record is damaged and its diagram data is missing');
    expect(reason(meta, { id: 'd_1', text })).toBe('read');
  });

  it('rebuilds a missing listing record from intact data, with the revision a write must expect', () => {
    const d = sample();
    const r = readStoredDesign('d_9', undefined, { id: 'd_9', text: designText(d) }, 77);
    expect(r.ok && r.value).toMatchObject({ diagram: d, rev: 0, dataRepaired: false, meta: { id: 'd_9', title: 'Fraud detection', componentCount: 2, updatedAt: 77 } });
    const damaged = readStoredDesign('d_9', { id: 'd_9', rev: 'x' }, { id: 'd_9', text: designText(d) });
    expect(damaged.ok && damaged.value.rev).toBe(-1);
  });

  it('opens a design stored beyond the file limits, repaired, and says what was repaired', () => {
    const d = sample();
    const meta = designMeta('d_1', d, 4, 5);
    const file = JSON.parse(designText(d));
    file.nodes[0].position.x = 1_000_001;
    file.nodes[1].position.y = -5e9;
    const far = readStoredDesign('d_1', meta, { id: 'd_1', text: JSON.stringify(file) });
    expect(far.ok && far.value.repairs).toEqual(['2 coordinates beyond ±1,000,000 were brought to that edge']);
    expect(far.ok && far.value.dataRepaired).toBe(true);
    expect(far.ok && far.value.diagram.nodes.map((n) => n.position)).toEqual([{ x: 1_000_000, y: d.nodes[0].position.y }, { x: d.nodes[1].position.x, y: -1_000_000 }, d.nodes[2].position, d.nodes[3].position]);

    // Over 20 MB (a title grown by an older version): the longest text is cut to fit.
    file.nodes[0].position.x = 0;
    file.nodes[1].position.y = 0;
    file.nodes[2].props = { notes: 'n'.repeat(20 * 1024 * 1024) };
    const big = readStoredDesign('d_1', meta, { id: 'd_1', text: JSON.stringify(file) });
    expect(big.ok).toBe(true);
    if (!big.ok) return;
    expect(big.value.repairs).toHaveLength(1);
    expect(big.value.repairs[0]).toMatch(/^the notes of “.+” was cut to [\d,]+ characters to fit the 20 MB of a design file$/);
    expect(parseDiagramText(designText(big.value.diagram)).ok).toBe(true);
    expect((big.value.diagram.nodes[2].props.notes as string).length).toBeGreaterThan(20 * 1024 * 1024 - 2000);

    // More nodes than a design holds: the first 20,000 are kept, with the connections between them.
    const many = { ...file, nodes: Array.from({ length: 20_005 }, (_, i) => ({ id: `n${i}`, kind: 'cache', position: { x: 0, y: 0 } })), edges: [{ id: 'a', source: 'n0', target: 'n1' }, { id: 'b', source: 'n0', target: 'n20004' }] };
    const cut = readStoredDesign('d_1', meta, { id: 'd_1', text: JSON.stringify(many) });
    expect(cut.ok && cut.value.repairs).toEqual(['only its first 20,000 of 20,005 nodes were kept', 'connections to the nodes that were not kept were dropped']);
    expect(cut.ok && cut.value.diagram.edges.map((e) => e.id)).toEqual(['a']);
  });

  it('reads a journal entry before it may replace anything: garbage text is refused', () => {
    const d = sample();
    const good = { key: 'd_1#tab', id: 'd_1', base: 3, meta: designMeta('d_1', d, 0, 9), text: designText(d) };
    const r = checkJournalEntry(good);
    expect(r.ok && r.value).toMatchObject({ key: 'd_1#tab', id: 'd_1', base: 3, text: designText(d) });
    expect(checkJournalEntry({ ...good, text: 'garbage' })).toEqual({ ok: false, error: expect.stringMatching(/^not a JSON file/) });
    expect(checkJournalEntry({ ...good, text: designText(d).replace('"model-server"', '"model-servr"') }).ok).toBe(false);
    expect(checkJournalEntry({ ...good, text: undefined }).ok).toBe(false);
    expect(checkJournalEntry({ ...good, base: -1 }).ok).toBe(false);
    expect(checkJournalEntry(null).ok).toBe(false);
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
