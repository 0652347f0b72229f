import { describe, expect, it } from 'vitest';
import { KIND_IDS } from '../../../src/domain/catalogue';
import { MAX_NODES, parseDiagramText } from '../../../src/domain/format/parse';
import { serializeDiagram } from '../../../src/domain/format/serialize';

/** A file at the node limit: 200 zones (half after their children), nested pairs, 20,000 edges, props on every node. */
function bigFileText(): string {
  const zones = 200;
  const kinds = KIND_IDS.filter((k) => k !== 'group');
  const nodes: unknown[] = [];
  const children: unknown[] = [];
  for (let z = 0; z < zones; z++) {
    const zone: Record<string, unknown> = { id: `zone-${z}`, kind: 'group', label: `Zone ${z}`, position: { x: z * 600, y: 0 }, props: { width: 520, height: 320, zone: z % 2 ? 'online' : 'offline' } };
    if (z % 10 === 1) zone.parent = `zone-${z - 1}`;
    nodes.push(zone);
  }
  for (let i = 0; nodes.length + children.length < MAX_NODES; i++) {
    children.push({
      id: `n-${i}`,
      kind: kinds[i % kinds.length],
      label: `Component ${i}`,
      parent: i % 3 === 0 ? undefined : `zone-${i % zones}`,
      position: { x: (i % 40) * 10.5, y: Math.floor(i / 40) * 8.25 },
      props: { tool: 'Kafka', notes: 'a trade-off worth writing down', latencyMs: i % 50, custom: { owner: 'team', tags: ['a', 'b'] } },
    });
  }
  // Half of the zones come after their children, so the parser must reorder.
  const all = [...nodes.slice(0, zones / 2), ...children, ...nodes.slice(zones / 2)];
  const edges = Array.from({ length: MAX_NODES }, (_, i) => ({
    id: `e-${i}`,
    source: `n-${i % children.length}`,
    target: `n-${(i * 7 + 1) % children.length}`,
    kind: 'data',
  }));
  return JSON.stringify({ format: 'mlsd-canvas', version: 1, title: 'Big', problem: 'generic', nodes: all, edges }, null, 2);
}

describe('files at the node limit', () => {
  // Their speed is a benchmark figure (npm run bench), not an assertion: the machines are shared and noisy.
  it('parses a 20,000-node file, zones before their children', () => {
    const text = bigFileText();
    const times: number[] = [];
    let nodes = 0;
    for (let run = 0; run < 3; run++) {
      const t0 = performance.now();
      const r = parseDiagramText(text);
      times.push(performance.now() - t0);
      if (!r.ok) throw new Error(r.error.message);
      nodes = r.value.nodes.length;
      // zones first
      const seen = new Set<string>();
      for (const n of r.value.nodes) {
        if (n.parent) expect(seen.has(n.parent)).toBe(true);
        seen.add(n.id);
      }
    }
    console.info(`parse of ${nodes} nodes (${(text.length / 1e6).toFixed(1)} MB): ${times.map((t) => t.toFixed(0)).join(', ')} ms`);
    expect(nodes).toBe(MAX_NODES);
  });

  it('serialises a 20,000-node diagram', () => {
    const r = parseDiagramText(bigFileText());
    if (!r.ok) throw new Error(r.error.message);
    const t0 = performance.now();
    const text = serializeDiagram(r.value);
    const ms = performance.now() - t0;
    console.info(`serialise of ${r.value.nodes.length} nodes: ${ms.toFixed(0)} ms`);
    expect(text.length).toBeGreaterThan(1e6);
    expect(parseDiagramText(text).ok).toBe(true);
  });
});
