import fc from 'fast-check';
// @ts-expect-error jsdom (a dev dependency for the component tests) ships no types, and @types/jsdom is not installed
import { JSDOM } from 'jsdom';
import { marked } from 'marked';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src/domain/checker/types';
import { compareDiagrams } from '../../../src/domain/compare';
import { comparisonToMarkdown } from '../../../src/domain/compareMarkdown';
import { toMarkdown } from '../../../src/domain/export/markdown';
import { NASTY_LABELS, diagram, edge, node } from './fixtures';

/**
 * The Markdown write-up and the comparison notes rendered as a reader sees them: by marked (GFM,
 * raw HTML allowed, as GitHub, Obsidian and most note apps do) into a DOM, where no user text may
 * become an element, an attribute or a link of its own.
 */

/** Elements our own Markdown makes: headings, paragraphs, quotes, lists, tables, emphasis, code, line breaks. */
const ALLOWED = new Set(['HTML', 'HEAD', 'BODY', 'H1', 'H2', 'H3', 'P', 'BLOCKQUOTE', 'UL', 'LI', 'STRONG', 'EM', 'CODE', 'TABLE', 'THEAD', 'TBODY', 'TR', 'TH', 'TD', 'BR', 'A']);

/** What a rendered write-up holds that our Markdown never makes: foreign elements, handlers, script links. */
const doc: Document = new JSDOM('').window.document;
function render(markdown: string): Document {
  doc.body.innerHTML = marked.parse(markdown, { gfm: true, async: false });
  return doc;
}

function intrusions(markdown: string): string[] {
  render(markdown);
  const out: string[] = [];
  for (const el of doc.querySelectorAll('*')) {
    if (!ALLOWED.has(el.tagName)) out.push(`<${el.tagName.toLowerCase()}>`);
    for (const attr of el.attributes) {
      if (attr.name.startsWith('on') || attr.name === 'style' || attr.name === 'src') out.push(`${el.tagName.toLowerCase()}[${attr.name}]`);
      if (attr.name === 'href' && !/^(https?:|mailto:)/i.test(attr.value)) out.push(`a[href=${attr.value}]`);
    }
  }
  return out;
}

/** The attack run's payload: a URL right before the tag makes a GFM autolink that took the old backslash escape into itself. */
const PAYLOAD = 'https://a.example/<img src=x onerror=alert(1)>';
const HOSTILE = [
  PAYLOAD,
  'www.a.example/<img src=x onerror=alert(1)>',
  'https://a.example/\\<img src=x onerror=alert(1)>',
  'x@a.example<svg onload=alert(1)>',
  '[click](javascript:alert(1))',
  'https://a.example/[click](javascript:alert(1))',
  '<a href="javascript:alert(1)">x</a>',
  '<https://a.example/"onmouseover="alert(1)>',
  '![x](x" onerror="alert(1))',
  '`<img src=x onerror=alert(1)>`',
  '&lt;img src=x onerror=alert(1)&gt;',
  '&#60;img src=x onerror=alert(1)&#62;',
  '<!-- --><img src=x onerror=alert(1)>',
  '<details open ontoggle=alert(1)>',
  ...NASTY_LABELS,
];

const finding = (message: string): Finding => ({ rule: 'orphan-node', severity: 'warning', nodeIds: [], message, hint: '' });

/** A design with the text in every field the write-up shows. */
function everywhere(text: string) {
  return diagram(
    [
      node('z', 'group', { label: text, props: { zone: 'online' } }),
      node('a', 'model-server', { label: text, parent: 'z', props: { tool: text, notes: text } }),
      node('b', 'cache', { label: `${text} b` }),
      node('req', 'requirements', { props: { goal: text, scale: text } }),
      node('obj', 'ml-objective', { props: { label: text, loss: text, offlineMetric: text, onlineMetric: text } }),
      node('note', 'note', { props: { text } }),
    ],
    [edge('e1', 'a', 'b', 'request', text)],
    { title: text, brief: text },
  );
}

describe('the Markdown write-up, rendered by marked', () => {
  it('turns no hostile text into HTML, in any field: title, brief, label, tool, notes, note, edge label, finding', () => {
    for (const text of HOSTILE) {
      const md = toMarkdown(everywhere(text), [finding(text)], { suppressed: [{ finding: finding(text), reason: text }] });
      expect(intrusions(md), text).toEqual([]);
    }
  });

  it('shows the hostile text itself, as text', () => {
    // (A URL in the text stays a link, and a renderer may show "&lt;" inside one: no URL here.)
    const text = '<img src=x onerror=alert(1)> & *b* _c_ [d](e) `f` | g \\ h ~i~ $j$ #k';
    const doc = render(toMarkdown(everywhere(text), []));
    expect(doc.querySelector('h1')!.textContent).toBe(text);
    const row = [...doc.querySelectorAll('tr')].find((tr) => tr.textContent!.includes('Model server'))!;
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual([text, 'Model server', text, '', text]);
    expect(doc.querySelector('blockquote')!.textContent!.trim()).toBe(text);
  });

  it('holds for any text (property)', () => {
    const piece = fc.constantFrom('<', '>', '&', '\\', '`', '*', '_', '[', ']', '(', ')', '|', '!', '"', "'", ' ', '\n', '#', 'img', 'a', 'src=x', 'onerror=alert(1)', 'javascript:', 'https://a.example/', 'www.a.example', '&lt;', '&#60;', '<!--', '-->');
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 16 }).map((p) => p.join('')), (text) => {
        const md = toMarkdown(everywhere(text), [finding(text)]);
        expect(intrusions(md)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  }, 60_000);

  it('the comparison notes too', () => {
    for (const text of HOSTILE) {
      const yours = everywhere(text);
      const md = comparisonToMarkdown(compareDiagrams(yours, everywhere('reference')), { questions: [text] });
      expect(intrusions(md), text).toEqual([]);
    }
  });
});
