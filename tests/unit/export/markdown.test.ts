import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { Finding } from '../../../src/domain/checker/types';
import { kindInfo } from '../../../src/domain/catalogue';
import { nodeLabel, type Diagram } from '../../../src/domain/diagram';
import { STAGES } from '../../../src/domain/stages';
import { escapeMarkdownInline, toMarkdown } from '../../../src/domain/export/markdown';
import { NASTY_LABELS, diagram, edge, loadTemplates, node } from './fixtures';

const finding = (rule: Finding['rule'], severity: Finding['severity'], message: string): Finding => ({
  rule,
  severity,
  nodeIds: [],
  message,
  hint: 'why it matters',
});

const design = diagram(
  [
    node('off', 'group', { label: 'Offline', props: { zone: 'offline' } }),
    node('mon', 'drift-detection', { label: 'Drift', props: { tool: 'Evidently' } }),
    node('srv', 'model-server', { label: 'Scorer', props: { tool: 'Triton', latencyMs: 15, notes: 'GPU pool\nautoscaled on QPS' } }),
    node('req', 'requirements', { props: { goal: 'cut fraud losses', scale: '50M users', qps: 5000, latencyBudgetMs: 100, realtime: true } }),
    node('obj', 'ml-objective', {
      props: { task: 'classification', label: 'chargeback within 90 days', loss: 'weighted log loss', offlineMetric: 'PR-AUC', onlineMetric: 'fraud $ caught' },
    }),
    node('train', 'training-job', { label: 'Trainer', parent: 'off', props: { tool: 'XGBoost' } }),
    node('tx', 'message-queue', { label: 'Transactions', props: { tool: 'Kafka' } }),
    node('app', 'client-app', { label: 'Checkout', props: { tool: 'web' } }),
    node('eval', 'offline-eval', { label: 'Backtest', parent: 'off', props: { tool: 'replay' } }),
    node('note', 'note', { props: { text: 'Labels arrive weeks late:\nuse delayed-label joins' } }),
    node('custom', 'custom', { label: 'Label joiner', parent: 'off', props: { stage: 'data', tool: 'Spark' } }),
  ],
  [
    edge('e1', 'tx', 'custom', 'stream', 'events'),
    edge('e2', 'custom', 'train'),
    edge('e3', 'train', 'eval', 'model'),
    edge('e4', 'app', 'srv', 'request', 'score'),
    edge('e5', 'srv', 'mon', 'feedback'),
  ],
  { title: 'Fraud detection', problem: 'fraud', brief: 'Design a system that flags fraudulent card payments in real time.\n\n# not a heading\n- not a list' },
);

/** Cells of a Markdown table row, split on unescaped pipes. */
function cells(row: string): string[] {
  return row.split('|').slice(1, -1).map((c) => c.trim());
}

describe('toMarkdown', () => {
  const md = toMarkdown(design, [
    finding('no-online-eval', 'warning', 'Add an A/B test before the scorer goes live.'),
    finding('no-model-handoff', 'error', 'No path from Trainer to Scorer.'),
    finding('orphan-node', 'info', 'Something to look at.'),
  ], { suppressed: [{ finding: finding('no-retraining-loop', 'warning', 'No retraining loop.'), reason: 'retrained by hand monthly' }] });

  it('starts with the title, the brief as a blockquote and the problem', () => {
    const lines = md.split('\n');
    expect(lines[0]).toBe('# Fraud detection');
    expect(md).toContain('> Design a system that flags fraudulent card payments in real time.\n>\n> &#35; not a heading\n> &#45; not a list');
    expect(md).toContain('**Problem:** Fraud detection');
  });

  it('writes the requirements and the ML objective', () => {
    for (const line of [
      '- **Goal:** cut fraud losses',
      '- **Scale:** 50M users',
      '- **QPS:** 5,000',
      '- **Latency budget:** 100 ms',
      '- **Real-time:** yes',
      '- **Task:** classification',
      '- **Label:** chargeback within 90 days',
      '- **Loss:** weighted log loss',
      '- **Offline metric:** PR-AUC',
      '- **Online metric:** fraud &#36; caught',
    ]) {
      expect(md).toContain(line);
    }
  });

  it('lists every component with its label, kind and tool, under its stage, stages in interview order', () => {
    const headings = [...STAGES.map((s) => `### ${s.step}. ${s.name}`), '### Other'];
    const at = headings.map((h) => md.indexOf(`\n${h}\n`));
    expect(at.every((i) => i > 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    const sectionOf = (text: string) => {
      const i = md.indexOf(text);
      expect(i, text).toBeGreaterThan(0);
      return at.filter((h) => h < i).length - 1;
    };
    const expectations: [string, number][] = [
      ['| Requirements | Requirements |', 0],
      ['| ML objective | ML objective |', 1],
      ['| Transactions | Stream / message queue | Kafka |', 2],
      ['| Label joiner | Custom component | Spark |', 2],
      ['| Trainer | Training job | XGBoost |', 3],
      ['| Backtest | Offline evaluation | replay |', 4],
      ['| Scorer | Model server | Triton | 15 ms | GPU pool<br>autoscaled on QPS |', 5],
      ['| Drift | Drift detection | Evidently |', 6],
      ['| Checkout | Client app | web |', 7],
    ];
    for (const [row, section] of expectations) expect(sectionOf(row), row).toBe(section);
    for (const n of design.nodes.filter((x) => x.kind !== 'note' && x.kind !== 'group')) {
      expect(md).toContain(`| ${nodeLabel(n)} | ${kindInfo(n.kind).label} |`);
    }
    expect(md.indexOf('## Requirements')).toBeLessThan(md.indexOf('## ML objective'));
    expect(md.indexOf('## ML objective')).toBeLessThan(md.indexOf('## Components'));
  });

  it('lists zones with their members, notes, and the data flow', () => {
    expect(md).toContain('- **Offline** (offline): Trainer, Backtest, Label joiner');
    expect(md).toContain('## Notes and trade-offs\n\n- Labels arrive weeks late:<br>use delayed-label joins');
    expect(md).toContain('- Transactions → Label joiner (stream: events)');
    expect(md).toContain('- Label joiner → Trainer (data)');
    expect(md).toContain('- Checkout → Scorer (request: score)');
    expect(md.indexOf('## Data flow')).toBeLessThan(md.indexOf('## Findings'));
  });

  it('lists findings grouped by severity, errors first, and suppressed ones with their reasons', () => {
    expect(md).toContain('1 error, 1 warning, 1 note.');
    const errors = md.indexOf('### Errors');
    const warnings = md.indexOf('### Warnings');
    const info = md.indexOf('### Info');
    const suppressed = md.indexOf('### Suppressed');
    expect(errors).toBeGreaterThan(md.indexOf('## Findings'));
    expect(warnings).toBeGreaterThan(errors);
    expect(info).toBeGreaterThan(warnings);
    expect(suppressed).toBeGreaterThan(info);
    expect(md.indexOf('- No path from Trainer to Scorer. (`no-model-handoff`)')).toBeGreaterThan(errors);
    expect(md.indexOf('- Add an A/B test before the scorer goes live. (`no-online-eval`)')).toBeGreaterThan(warnings);
    expect(md).toContain('- No retraining loop. (`no-retraining-loop`) — suppressed: retrained by hand monthly');
    expect(md).not.toContain('found nothing');
  });

  it('says so when the checker found nothing', () => {
    const clean = toMarkdown(diagram([node('a', 'batch-etl')]), []);
    expect(clean).toContain('## Findings\n\nThe checker found nothing to flag.');
    expect(clean).toContain('_No requirements card on the canvas._');
    expect(clean).toContain('_No connections yet._');
    expect(clean).not.toContain('### Other');
  });

  it('handles an empty diagram', () => {
    const empty = toMarkdown(diagram([], [], { title: '' }), []);
    expect(empty.startsWith('# Untitled design\n')).toBe(true);
    expect(empty.endsWith('\n')).toBe(true);
    expect(empty).not.toMatch(/\n\n\n/);
  });

  it('escapes user text that would break the layout', () => {
    const nodes = NASTY_LABELS.map((label, i) => node(`n${i}`, 'batch-etl', { label, props: { tool: NASTY_LABELS[(i + 3) % NASTY_LABELS.length], notes: label } }));
    const out = toMarkdown(diagram(nodes, [], { title: '## Not # a heading #', brief: '# one\n> two\n1. three' }), [finding('orphan-node', 'warning', '| pipe # and `code` <b>x</b>')]);
    expect(out.split('\n')[0]).toBe('# &#35;&#35; Not &#35; a heading &#35;');
    expect(out).toContain('> &#35; one\n> &gt; two\n> 1&#46; three');
    // Every table row keeps exactly five cells, whatever the labels hold.
    const rows = out.split('\n').filter((l) => l.startsWith('| '));
    expect(rows.length).toBe(NASTY_LABELS.length + 2);
    for (const row of rows) expect(cells(row), row).toHaveLength(5);
    // No raw HTML, code span, or control character leaks through.
    expect(out).not.toMatch(/<(?!br>)/i);
    expect(out.replace(/ \(`[a-z-]+`\)/g, '')).not.toMatch(/`/);
    expect(out).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f]/);
  });

  it('keeps any label on one table row with five cells (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), fc.string({ unit: 'binary' }), (label, tool) => {
        const out = toMarkdown(diagram([node('a', 'cache', { label, props: { tool, notes: label } })]), []);
        const rows = out.split('\n').filter((l) => l.startsWith('| '));
        expect(rows).toHaveLength(3);
        expect(cells(rows[2])).toHaveLength(5);
      }),
    );
  }, 30_000);

  it('escapes inline text reversibly enough to read', () => {
    expect(escapeMarkdownInline('a | b')).toBe('a &#124; b');
    expect(escapeMarkdownInline('user_id and _x_')).toBe('user_id and &#95;x&#95;');
    expect(escapeMarkdownInline('latency < 100 ms, <b>')).toBe('latency &lt; 100 ms, &lt;b&gt;');
    expect(escapeMarkdownInline('Weights & Biases &amp;')).toBe('Weights & Biases &amp;amp;');
    // No backslash escapes: a GFM autolink takes the backslash into its URL and leaves the rest raw.
    expect(escapeMarkdownInline('https://a.example/<img src=x onerror=alert(1)>')).toBe('https://a.example/&lt;img src=x onerror=alert(1)&gt;');
  });

  it('writes up every case-study template that exists, with every component label and tool', () => {
    for (const { file, diagram: d } of loadTemplates()) {
      const out = toMarkdown(d, []);
      for (const n of d.nodes) {
        if (n.kind === 'note' || n.kind === 'group') continue;
        expect(out, file).toContain(escapeMarkdownInline(nodeLabel(n)));
        if (typeof n.props.tool === 'string') expect(out, file).toContain(escapeMarkdownInline(n.props.tool));
      }
    }
  });
});

describe('Capacity section', () => {
  it('writes each sized component\'s figures with how they were computed, and what is short', () => {
    const d: Diagram = {
      title: 'Visual search',
      problem: 'visual-search',
      nodes: [
        { id: 'req', kind: 'requirements', position: { x: 0, y: 0 }, props: { dau: 100e6, requestsPerUserPerDay: 20, peakFactor: 3 } },
        { id: 'ann', kind: 'vector-db', label: 'Image index', position: { x: 0, y: 0 }, props: { items: 5e9, dimensions: 768 } },
      ],
      edges: [],
      suppressions: [],
    };
    const md = toMarkdown(d, []);
    const section = md.slice(md.indexOf('## Capacity'), md.indexOf('## Data flow'));
    expect(section).toContain('- **Peak QPS:** 69.4K QPS (100,000,000 DAU x 20 requests per user per day / 86,400 s');
    expect(section).toContain('### Image index');
    expect(section).toContain('- **Memory per replica:** 15.4 TB (5,000,000,000 items x 768 dimensions x 4 B');
    expect(section).toContain('**Short:** 15.4 TB per node exceeds the 512 GB one index node holds');
    expect(md).toContain('- **Daily active users:** 100,000,000');
    // A design without sizing has no Capacity section.
    expect(toMarkdown({ ...d, nodes: [] }, [])).not.toContain('## Capacity');
  });
});
