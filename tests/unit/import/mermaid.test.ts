import { readdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { kindInfo } from '../../../src/domain/catalogue';
import { nodeLabel } from '../../../src/domain/diagram';
import { toMermaid } from '../../../src/domain/export/mermaid';
import { parseDiagramText } from '../../../src/domain/format/parse';
import { byName, edgeLines, expectWellFormed, imported, refusal } from './helpers';

const TEMPLATES = resolve(import.meta.dirname, '../../../templates');

// Mermaid's own parser, in Node through a jsdom window (as `npm run check` runs it); its first load takes a while.
describe('Mermaid import (Mermaid’s parser)', { timeout: 60_000 }, () => {
  it('reads a flowchart with nested subgraphs, labelled links and arrow styles', async () => {
    const { diagram: d, summary } = await imported('flow.mmd');
    expect(d.title).toBe('Fraud scoring');
    expect(byName(d, 'Risk decision service')).toMatchObject({ kind: 'prediction-api', props: { tool: 'gRPC' } });
    expect(byName(d, 'Fraud scorer')).toMatchObject({ kind: 'model-server', props: { tool: 'Triton' } });
    expect(byName(d, 'Feature store')).toMatchObject({ kind: 'feature-store', props: { tool: 'Feast' } });
    expect(byName(d, kindInfo('message-queue').label).props.tool).toBe('Kafka');
    const online = byName(d, 'Online');
    const features = byName(d, 'Features');
    expect(features.parent).toBe(online.id);
    expect(byName(d, 'Feature store').parent).toBe(features.id);
    expect(byName(d, 'Rules engine').parent).toBe(online.id);
    expect(byName(d, 'Checkout app').parent).toBeUndefined();
    expect(d.nodes.filter((n) => n.kind === 'note').map((n) => n.props.text)).toEqual(['Declines over 2 % page the on-call']);
    expect(edgeLines(d)).toEqual([
      'Checkout app -> Risk decision service (request)',
      'Risk decision service -> Fraud scorer (request: score)',
      'Fraud scorer -> Rules engine (data)',
      'Streaming aggregates -> Feature store (stream)',
      'Feature store -> Fraud scorer (stream: features)',
      `${kindInfo('message-queue').label} -> Streaming aggregates (stream)`,
      'Rules engine -> Analyst review queue (data)',
      'Analyst review queue -> Labeling (stream)',
      'Labeling -> Training job (data)',
      'Training job -> Fraud scorer (model)',
      'Training job -> Flux capacitor (data)',
    ]);
    expect(summary.custom).toEqual(['Flux capacitor']);
    expect(summary.skipped.map((s) => `${s.what}: ${s.why}`)).toEqual([
      'link mystery ~~~ rules: an invisible link only spaces the layout',
      'link rules → note: it connects to a text; only components connect',
      'link api → online: it connects to a zone; only components connect',
    ]);
    // Laid out left to right: the app before the service before the scorer.
    const x = (name: string) => byName(d, name).position.x + (byName(d, name).parent ? byName(d, byName(d, name).parent === online.id ? 'Online' : 'Features').position.x : 0);
    expect(x('Checkout app')).toBeLessThan(x('Risk decision service'));
    expect(x('Risk decision service')).toBeLessThan(x('Fraud scorer'));
    expectWellFormed(d);
  });

  it('refuses a syntax error with Mermaid’s position, and another diagram type by name', async () => {
    expect(await refusal('bad.mmd', 'flowchart LR\n  A --> [[[')).toMatch(/^Mermaid could not read it: Parse error on line 2: Expecting .*got 'SUBROUTINESTART'$/);
    expect(await refusal('seq.mmd', 'sequenceDiagram\n  A->>B: hi')).toBe('it is a Mermaid sequence diagram; only flowcharts ("flowchart" or "graph") can be imported');
    expect(await refusal('empty.mmd', '%% nothing here\n')).toBe('there is no Mermaid diagram in it');
    expect(await refusal('notes.mmd', 'hello there')).toMatch(/^it is not a Mermaid diagram Mermaid knows/);
  });

  it('reads `graph TD` and HTML and entity codes in labels as plain text', async () => {
    const { diagram: d } = await imported('g.mmd', 'graph TD\n  a["Cache #quot;hot#quot; &amp; <b>warm</b>"] --> b["#35;1 ranker"]');
    expect(d.nodes.map((n) => n.label)).toEqual(['Cache "hot" & warm', '#1 ranker']);
    expect(d.nodes.map((n) => n.kind)).toEqual(['cache', 'ranking']);
  });

  it('reads back every template’s Mermaid export: the same components, zones, notes and connections', async () => {
    for (const file of readdirSync(TEMPLATES).filter((f) => f.endsWith('.json'))) {
      const r = parseDiagramText(readFileSync(resolve(TEMPLATES, file), 'utf8'));
      if (!r.ok) throw new Error(r.error.message);
      const t = r.value;
      const { diagram: d, summary } = await imported(`${file}.mmd`, toMermaid(t));
      expect(d.title, file).toBe(t.title);
      const count = (x: typeof t, kind: (k: string) => boolean) => x.nodes.filter((n) => kind(n.kind)).length;
      expect(count(d, (k) => k === 'group'), file).toBe(count(t, (k) => k === 'group'));
      expect(count(d, (k) => k === 'note'), file).toBe(count(t, (k) => k === 'note'));
      expect(count(d, (k) => k !== 'group' && k !== 'note'), file).toBe(count(t, (k) => k !== 'group' && k !== 'note'));
      expect(d.edges.length, file).toBe(t.edges.length);
      expect(summary.skipped, file).toEqual([]);
      // Names come back as shown (the tool, on its own line, is read as the tool).
      const names = (x: typeof t) => x.nodes.filter((n) => n.kind !== 'group' && n.kind !== 'note').map((n) => nodeLabel(n)).sort();
      expect(names(d), file).toEqual(names(t));
    }
  });
});
