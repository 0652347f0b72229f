import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { UNTITLED_FILE_NAME, exportFileName } from '../../../src/domain/export/fileName';

describe('exportFileName', () => {
  it('names the file after the diagram title', () => {
    expect(exportFileName('Fraud detection', '.png')).toBe('Fraud detection.png');
    expect(exportFileName('RAG assistant', 'md')).toBe('RAG assistant.md');
    expect(exportFileName('  Video   search\n(v2)  ', '.svg')).toBe('Video search (v2).svg');
  });

  it('replaces characters no file system accepts and trims dots and spaces', () => {
    expect(exportFileName('A/B test: "ranking" <v2>?*|\\', '.png')).toBe('A-B test- -ranking- -v2.png');
    expect(exportFileName('...hidden. ', '.mmd')).toBe('hidden.mmd');
    expect(exportFileName('tab\there\u0000nul', '.png')).toBe('tab herenul.png');
  });

  it('falls back to a name when the title is empty or nothing of it survives', () => {
    for (const t of [undefined, '', '   ', '...', '///', '\u0000']) expect(exportFileName(t, '.png')).toBe(`${UNTITLED_FILE_NAME}.png`);
  });

  it('keeps Windows device names from being the whole name', () => {
    expect(exportFileName('CON', '.png')).toBe('CON-diagram.png');
    expect(exportFileName('lpt1', '.md')).toBe('lpt1-diagram.md');
    expect(exportFileName('Console', '.md')).toBe('Console.md');
  });

  it('keeps unicode whole and cuts long titles at 100 characters', () => {
    expect(exportFileName('推荐系统 🚀', '.png')).toBe('推荐系统 🚀.png');
    const long = exportFileName('🚀'.repeat(150), '.png');
    expect(Array.from(long.replace(/\.png$/, ''))).toHaveLength(100);
    expect(long).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/); // no split surrogate pair
  });

  it('is always a plain, non-empty file name with the extension (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 300 }), (title) => {
        const name = exportFileName(title, '.png');
        expect(name.endsWith('.png')).toBe(true);
        const stem = name.slice(0, -4);
        expect(stem.length).toBeGreaterThan(0);
        expect(stem).not.toMatch(/[\\/:*?"<>|\u0000-\u001f]/);
        expect(stem).not.toMatch(/^[.\s-]|[.\s-]$/);
        expect(Array.from(stem).length).toBeLessThanOrEqual(100);
      }),
    );
  });
});
