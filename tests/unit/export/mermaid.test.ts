import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { EDGE_KINDS, nodeLabel, type Diagram } from '../../../src/domain/diagram';
import { KIND_IDS } from '../../../src/domain/catalogue';
import { MERMAID_EDGE_STYLE, MERMAID_EXTENSION, escapeMermaidText, toMermaid } from '../../../src/domain/export/mermaid';
import { cleanText, nodeDetail } from '../../../src/domain/export/text';
import { decodeMermaidText, labelProblems, parseMermaid } from './mermaidGrammar';
import { NASTY_IDS, NASTY_LABELS, diagram, edge, loadTemplates, node } from './fixtures';

/** Parses toMermaid's output and fails the test with every grammar error at once. */
function valid(d: Diagram) {
  const text = toMermaid(d);
  const parsed = parseMermaid(text);
  expect(parsed.errors, text).toEqual([]);
  return { text, parsed };
}

/** What a node shows once Mermaid has decoded its label. */
function shown(label: string): string {
  const s = cleanText(label);
  return s.trim() ? s : ' ';
}

describe('grammar check', () => {
  const good = [
    'flowchart LR',
    '  n0["A #quot;quoted#quot; label<br/>Kafka"]',
    '  subgraph n1["Zone"]',
    '    n2>"a note"]',
    '  end',
    '  n0 -->|"events"| n2',
    '  n2 -.-> n1',
    '  classDef stage_data fill:#dbeafe,stroke:#56b4e9,stroke-width:2px',
    '  class n0,n2 stage_data',
    '  linkStyle 0,1 stroke:#64748b,stroke-dasharray:6 4',
    '',
  ].join('\n');

  it('accepts well-formed text of the subset', () => {
    const p = parseMermaid(good);
    expect(p.errors).toEqual([]);
    expect(p.nodes.get('n0')?.label).toBe('A "quoted" label\nKafka');
    expect(p.nodes.get('n2')).toEqual({ label: 'a note', shape: 'flag', parent: 'n1' });
    expect(p.edges).toEqual([
      { from: 'n0', to: 'n2', arrow: '-->', label: 'events' },
      { from: 'n2', to: 'n1', arrow: '-.->', label: undefined },
    ]);
  });

  // Each broken variant must be refused: proof that the check can fail.
  const broken: [string, string][] = [
    ['unescaped quote', good.replace('#quot;quoted#quot;', '"quoted"')],
    ['unescaped bracket', good.replace('a note', 'a ]note')],
    ['unescaped open bracket', good.replace('a note', 'a [note')],
    ['unescaped pipe in label', good.replace('a note', 'a | note')],
    ['unescaped pipe in edge label', good.replace('"events"', '"ev|ents"')],
    ['quote in edge label', good.replace('"events"', '"ev"ents"')],
    ['unquoted label', good.replace('["Zone"]', '[Zone]')],
    ['unescaped hash', good.replace('a note', 'note #1')],
    ['unescaped angle bracket', good.replace('a note', '<b>note</b>')],
    ['unescaped ampersand', good.replace('a note', 'a & b')],
    ['unescaped semicolon', good.replace('a note', 'a; b')],
    ['unescaped colon in a label that says style', good.replace('a note', 'style: b')],
    ['unescaped backtick', good.replace('a note', '`code`')],
    ['KaTeX delimiters', good.replace('a note', '$$x^2$$')],
    ['unknown entity', good.replace('a note', '#nosuch;')],
    ['raw line break in label', good.replace('a note', 'a\nnote')],
    ['empty label', good.replace('"a note"', '""')],
    ['direction in a label', good.replace('a note', 'direction LR')],
    ['missing end', good.replace('  end\n', '')],
    ['extra end', good + 'end\n'],
    ['missing header', good.replace('flowchart LR\n', '')],
    ['bad header', good.replace('flowchart LR', 'flowchart sideways')],
    ['edge to an undeclared node', good.replace('n2 -.-> n1', 'n2 -.-> n9')],
    ['unsupported arrow', good.replace('-.->', '~>')],
    ['keyword as id', good.replace('n0["A', 'end["A').replace('n0 -->', 'end -->').replace('n0,n2', 'end,n2')],
    ['duplicate declaration', good.replace('  end\n', '  end\n  n0["again"]\n')],
    ['linkStyle out of range', good.replace('linkStyle 0,1', 'linkStyle 0,5')],
    ['class without classDef', good.replace('n0,n2 stage_data', 'n0,n2 nosuch')],
    ['style list with a semicolon', good.replace('stroke-width:2px', 'stroke-width:2px;')],
    ['garbage statement', good + 'this is not mermaid\n'],
    ['carriage return', good.replace('\n', '\r\n')],
  ];
  it.each(broken)('refuses %s', (_, text) => {
    expect(text).not.toBe(good);
    expect(parseMermaid(text).errors).not.toEqual([]);
  });

  it('labelProblems names the culprit', () => {
    expect(labelProblems('a"b')).toContain('unescaped quote in label');
    expect(labelProblems('a|b')).toContain('unescaped pipe | in label');
    expect(labelProblems('a]b')).toContain('unescaped bracket ] in label');
    expect(labelProblems('#quot;#35;#128640;<br/>')).toEqual([]);
  });
});

describe('toMermaid', () => {
  it('uses the .mmd extension', () => {
    expect(MERMAID_EXTENSION).toBe('.mmd');
  });

  it('writes a colon in a label as it is ("Online: real-time", not "Online#58; real-time"), and encodes it next to "style"', () => {
    const { text, parsed } = valid(diagram([node('a', 'model-server', { label: 'Online: real-time' }), node('b', 'cache', { label: 'style: x #1' })], []));
    expect(text).toContain('"Online: real-time"');
    expect(text).not.toContain('Online#58;');
    expect(parsed.nodes.get('n0')?.label).toBe('Online: real-time');
    expect(text).toContain('style#58; x #35;1');
    expect(parsed.nodes.get('n1')?.label).toBe('style: x #1');
  });

  it('exports an empty diagram as a bare, valid flowchart', () => {
    const { text, parsed } = valid(diagram([], [], { title: '' }));
    expect(text).toBe('flowchart LR\n');
    expect(parsed.nodes.size).toBe(0);
  });

  it('carries the title as front matter, in ASCII only', () => {
    const title = 'Fraud "detection" #1: émoji 🚀 \\ <x> & y; %% end';
    const { text, parsed } = valid(diagram([], [], { title }));
    expect(parsed.title).toBe(title);
    expect(text.split('\n')[1]).toMatch(/^title: "[\x20-\x7e]*"$/);
  });

  it('keeps every special character of labels and ids inside valid Mermaid, and every label survives', () => {
    const nodes = NASTY_LABELS.map((label, i) =>
      node(NASTY_IDS[i % NASTY_IDS.length] + '#' + i, KIND_IDS[i % KIND_IDS.length] === 'group' ? 'custom' : KIND_IDS[i % KIND_IDS.length], {
        label,
        props: i % 3 === 0 ? { tool: NASTY_LABELS[(i + 5) % NASTY_LABELS.length] } : {},
      }),
    );
    nodes.push(node('note-1', 'note', { props: { text: 'note "with" | [all] <of> #it;\nand a second line' } }));
    nodes.push(node('zone"]', 'group', { label: 'zone | end ["x"]' }));
    nodes.push(node('inside', 'custom', { label: 'inside [zone]', parent: 'zone"]' }));
    const edges = NASTY_LABELS.map((label, i) => edge(`e${i}`, nodes[i].id, nodes[(i + 1) % nodes.length].id, EDGE_KINDS[i % EDGE_KINDS.length], label));
    const d = diagram(nodes, edges, { title: NASTY_LABELS.join(' ') });
    const { text, parsed } = valid(d);

    // Ids: n0, n1, ... by position; none of the original ids leaks into the text.
    expect([...parsed.nodes.keys()].sort()).toEqual(d.nodes.map((_, i) => `n${i}`).sort());
    // Every label (and its second line) decodes back to what the user typed, controls removed.
    d.nodes.forEach((n, i) => {
      const p = parsed.nodes.get(`n${i}`)!;
      if (n.kind === 'note') expect(p).toMatchObject({ shape: 'flag', label: shown(n.props.text!) });
      else if (n.kind === 'group') expect(p).toMatchObject({ shape: 'subgraph', label: shown(nodeLabel(n)) });
      else {
        const detail = nodeDetail(n);
        expect(p.label).toBe(shown(nodeLabel(n) + (detail ? `\n${detail}` : '')));
      }
    });
    expect(parsed.nodes.get(`n${nodes.length - 1}`)?.parent).toBe(`n${nodes.length - 2}`);
    // Every edge label survives; empty ones are left off.
    expect(parsed.edges).toHaveLength(edges.length);
    parsed.edges.forEach((e, i) => {
      const want = cleanText(NASTY_LABELS[i]);
      expect(e.label).toBe(want.trim() ? want : undefined);
    });
    // The raw label text appears escaped, never raw.
    expect(text).toContain(escapeMermaidText('a "quoted" label'));
    expect(text).not.toContain('a "quoted" label');
    expect(text).not.toContain('<script>');
    expect(text).not.toMatch(/direction\s+(LR|TB)/);
  });

  it('nests zones as subgraphs the way the diagram nests them', () => {
    const d = diagram([
      node('outer', 'group', { label: 'Offline', props: { zone: 'offline' } }),
      node('inner', 'group', { label: 'Training', parent: 'outer' }),
      node('deep', 'group', { label: 'Deep', parent: 'inner', props: { zone: 'online' } }),
      node('t', 'training-job', { label: 'Trainer', parent: 'inner', props: { tool: 'PyTorch' } }),
      node('w', 'data-warehouse', { parent: 'outer' }),
      node('x', 'ranking', { parent: 'deep' }),
      node('free', 'client-app'),
      node('ghost', 'cache', { parent: 'missing-zone' }),
      node('in-non-zone', 'cache', { parent: 't' }),
      // A parent cycle must not hang or lose nodes.
      node('c1', 'group', { parent: 'c2' }),
      node('c2', 'group', { parent: 'c1' }),
      node('c3', 'model-server', { parent: 'c1' }),
    ]);
    const { text, parsed } = valid(d);
    const parentOf = (i: number) => parsed.nodes.get(`n${i}`)?.parent;
    expect(parentOf(0)).toBeUndefined();
    expect(parentOf(1)).toBe('n0');
    expect(parentOf(2)).toBe('n1');
    expect(parentOf(3)).toBe('n1');
    expect(parentOf(4)).toBe('n0');
    expect(parentOf(5)).toBe('n2');
    expect(parentOf(6)).toBeUndefined();
    expect(parentOf(7)).toBeUndefined();
    expect(parentOf(8)).toBeUndefined();
    expect(parsed.nodes.size).toBe(d.nodes.length);
    expect(parsed.nodes.get('n3')?.label).toBe('Trainer\nPyTorch');
    expect(parsed.classOf.get('n0')).toBe('zone_offline');
    expect(parsed.classOf.get('n1')).toBe('zone');
    expect(parsed.classOf.get('n2')).toBe('zone_online');
    expect(text).toContain('    subgraph n1["Training"]');
  });

  it('draws every edge kind with its own arrow or colour, coloured by linkStyle', () => {
    const nodes = [node('a', 'batch-etl'), node('b', 'training-job')];
    const edges = EDGE_KINDS.map((k, i) => edge(`e${i}`, i % 2 ? 'b' : 'a', i % 2 ? 'a' : 'b', k, `${k} edge`));
    edges.push(edge('dangling', 'a', 'nowhere', 'data'));
    const { parsed } = valid(diagram(nodes, edges));
    expect(parsed.edges).toHaveLength(EDGE_KINDS.length);
    EDGE_KINDS.forEach((k, i) => {
      expect(parsed.edges[i].arrow).toBe(MERMAID_EDGE_STYLE[k].arrow);
      expect(parsed.edges[i].label).toBe(`${k} edge`);
      expect(parsed.linkStyles.get(i)).toBe(MERMAID_EDGE_STYLE[k].style);
    });
    // Each kind is distinguishable: by arrow, or by style where arrows repeat.
    const looks = new Set(EDGE_KINDS.map((k) => MERMAID_EDGE_STYLE[k].arrow + MERMAID_EDGE_STYLE[k].style));
    expect(looks.size).toBe(EDGE_KINDS.length);
  });

  it('classes every node by its stage, notes and zones apart', () => {
    const d = diagram([
      node('r', 'requirements', { props: { qps: 5000, latencyBudgetMs: 100 } }),
      node('s', 'custom', { label: 'Custom', props: { stage: 'monitoring' } }),
      node('n', 'note', { props: { text: 'Trade-off' } }),
      node('c', 'client-app'),
    ]);
    const { parsed } = valid(d);
    expect(parsed.classOf.get('n0')).toBe('stage_requirements');
    expect(parsed.classOf.get('n1')).toBe('stage_monitoring');
    expect(parsed.classOf.get('n2')).toBe('note');
    expect(parsed.classOf.get('n3')).toBe('stage_none');
    expect(parsed.classDefs.get('stage_monitoring')).toContain('stroke:#d55e00');
    expect(parsed.nodes.get('n0')?.label).toBe('Requirements\nQPS 5,000 · 100 ms');
  });

  it('is valid and lossless for any label (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: 'binary', maxLength: 40 }), { minLength: 1, maxLength: 6 }), fc.string({ unit: 'binary' }), (labels, edgeLabel) => {
        const nodes = labels.map((label, i) => node(label + i, i === 0 ? 'group' : 'custom', { label, parent: i > 1 ? labels[0] + 0 : undefined }));
        const d = diagram(nodes, [edge('e', nodes[0].id, nodes.at(-1)!.id, 'feedback', edgeLabel)], { title: edgeLabel });
        const parsed = parseMermaid(toMermaid(d));
        expect(parsed.errors).toEqual([]);
        labels.forEach((label, i) => expect(parsed.nodes.get(`n${i}`)?.label).toBe(shown(label)));
      }),
      { numRuns: 300 },
    );
  });

  it('decodes what it escapes', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(decodeMermaidText(escapeMermaidText(s))).toBe(cleanText(s));
      }),
    );
  });

  it('exports every case-study template that exists as valid Mermaid', () => {
    const templates = loadTemplates();
    for (const { file, diagram: d } of templates) {
      const text = toMermaid(d);
      const parsed = parseMermaid(text);
      expect(parsed.errors, file).toEqual([]);
      expect(parsed.nodes.size, file).toBe(new Set(d.nodes.map((n) => n.id)).size);
    }
  });
});
