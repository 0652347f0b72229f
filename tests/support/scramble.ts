import { nodesBounds, nodeSize, type Diagram } from '../../src/domain/diagram';

/** A small seeded generator (mulberry32): the same seed gives the same sequence. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A truly messy copy of a diagram: every top-level node is thrown somewhere in an area three times
 * the diagram's width and height, and every node inside a zone somewhere within and around its zone (so some stick
 * out), all from a seeded generator. Zone sizes and edges are kept.
 */
export function scramble(d: Diagram, seed = 1): Diagram {
  const rnd = seededRandom(seed);
  const box = nodesBounds(d.nodes);
  const spreadW = Math.max(2400, box.width * 3);
  const spreadH = Math.max(1600, box.height * 3);
  const byId = new Map(d.nodes.map((n) => [n.id, n]));
  return {
    ...d,
    nodes: d.nodes.map((n) => {
      const zone = n.parent ? byId.get(n.parent) : undefined;
      if (!zone) {
        const { width, height } = nodeSize(n);
        return { ...n, position: { x: Math.round(box.x + rnd() * (spreadW - width)), y: Math.round(box.y + rnd() * (spreadH - height)) } };
      }
      const z = nodeSize(zone);
      return { ...n, position: { x: Math.round((rnd() * 1.3 - 0.15) * z.width), y: Math.round((rnd() * 1.3 - 0.15) * z.height) } };
    }),
  };
}
