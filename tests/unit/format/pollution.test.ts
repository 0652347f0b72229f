import { afterEach, describe, expect, it } from 'vitest';
import type { Diagram } from '../../../src/domain/diagram';
import { parseDiagram, parseDiagramText } from '../../../src/domain/format/parse';
import { serializeDiagram } from '../../../src/domain/format/serialize';

/** Prototype-pollution attempts must leave Object.prototype clean and the keys out of the result. */

const DANGEROUS = ['__proto__', 'constructor', 'prototype'];

function prototypeIsClean(): void {
  for (const proto of [Object.prototype, Array.prototype, Function.prototype]) {
    expect(Object.prototype.hasOwnProperty.call(proto, 'polluted')).toBe(false);
  }
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  expect(Object.getPrototypeOf({})).toBe(Object.prototype);
}

/** No object anywhere in the value has a dangerous own key or a prototype other than Object's/Array's. */
function assertNoDangerousKeys(value: unknown, path = 'diagram'): void {
  if (typeof value !== 'object' || value === null) return;
  expect(Object.getPrototypeOf(value), path).toBe(Array.isArray(value) ? Array.prototype : Object.prototype);
  for (const key of DANGEROUS) expect(Object.prototype.hasOwnProperty.call(value, key), `${path} has own ${key}`).toBe(false);
  for (const [k, v] of Object.entries(value)) assertNoDangerousKeys(v, `${path}.${k}`);
}

const POISON = '{"polluted": true}';
const CTOR_POISON = '{"prototype": {"polluted": true}}';

function fileText(parts: { top?: string; node?: string; props?: string; position?: string; edge?: string; suppression?: string }): string {
  return `{
    "format": "mlsd-canvas", "version": 1, ${parts.top ?? ''}
    "nodes": [
      { ${parts.node ?? ''} "id": "a", "kind": "database",
        "position": { ${parts.position ?? ''} "x": 1, "y": 2 },
        "props": { ${parts.props ?? ''} "tool": "PostgreSQL" } },
      { "id": "b", "kind": "batch-etl", "position": { "x": 3, "y": 4 } }
    ],
    "edges": [ { ${parts.edge ?? ''} "id": "e", "source": "a", "target": "b" } ],
    "suppressions": [ { ${parts.suppression ?? ''} "rule": "orphan-node", "reason": "demo" } ]
  }`;
}

function parsedFrom(text: string): Diagram {
  // Both entry points: from text, and from an object JSON.parse made (with own __proto__ keys).
  const fromText = parseDiagramText(text);
  const fromValue = parseDiagram(JSON.parse(text));
  if (!fromText.ok) throw new Error(fromText.error.message);
  expect(fromValue).toEqual(fromText);
  return fromText.value;
}

afterEach(() => {
  prototypeIsClean();
});

describe('prototype pollution', () => {
  const attempts = {
    'top level': { top: `"__proto__": ${POISON}, "constructor": ${CTOR_POISON}, "prototype": ${POISON},` },
    'a node': { node: `"__proto__": ${POISON}, "constructor": ${CTOR_POISON},` },
    'props': { props: `"__proto__": ${POISON}, "constructor": ${CTOR_POISON}, "prototype": ${POISON},` },
    'a nested unknown prop': {
      props: `"owner": { "__proto__": ${POISON}, "team": "risk", "list": [ { "constructor": ${CTOR_POISON}, "ok": 1 } ] },`,
    },
    'a position': { position: `"__proto__": ${POISON},` },
    'an edge': { edge: `"__proto__": ${POISON}, "constructor": ${CTOR_POISON},` },
    'a suppression': { suppression: `"__proto__": ${POISON},` },
  } as const;

  for (const [where, parts] of Object.entries(attempts)) {
    it(`in ${where}: Object.prototype stays clean and the keys are absent`, () => {
      const d = parsedFrom(fileText(parts));
      assertNoDangerousKeys(d);
      expect(d.nodes[0].props.tool).toBe('PostgreSQL');
      // ...and saving writes none of them back.
      expect(serializeDiagram(d)).not.toMatch(/__proto__|constructor|prototype|polluted/);
    });
  }

  it('keeps the harmless siblings of dropped keys inside unknown props', () => {
    const d = parsedFrom(fileText(attempts['a nested unknown prop']));
    expect(d.nodes[0].props.owner).toEqual({ team: 'risk', list: [{ ok: 1 }] });
  });

  it('never reads a required field through a __proto__ member', () => {
    const text = `{ "format": "mlsd-canvas", "version": 1, "nodes": [
      { "id": "a", "__proto__": { "kind": "group" }, "position": { "__proto__": { "x": 1, "y": 2 } } } ], "edges": [] }`;
    const r = parseDiagramText(text);
    expect(r.ok ? '' : r.error.message).toBe('nodes[0].kind: missing');
    const noFormat = parseDiagramText('{ "__proto__": { "format": "mlsd-canvas", "version": 1, "nodes": [], "edges": [] } }');
    expect(noFormat.ok ? '' : noFormat.error.message).toBe('format: missing; this is not an mlsd-canvas file');
  });

  it('survives an object whose __proto__ member was set by assignment in JS (a real prototype)', () => {
    const node: Record<string, unknown> = { id: 'a', position: { x: 0, y: 0 } };
    Object.setPrototypeOf(node, { kind: 'group', polluted: true });
    const r = parseDiagram({ format: 'mlsd-canvas', version: 1, nodes: [node], edges: [] });
    expect(r.ok ? '' : r.error.message).toBe('nodes[0].kind: missing');
  });

  it('does not treat "constructor" or "__proto__" as node ids that reach the prototype', () => {
    const text = `{ "format": "mlsd-canvas", "version": 1, "nodes": [
      { "id": "__proto__", "kind": "group", "position": { "x": 0, "y": 0 } },
      { "id": "constructor", "kind": "cache", "parent": "__proto__", "position": { "x": 0, "y": 0 } } ],
      "edges": [ { "id": "__proto__", "source": "constructor", "target": "__proto__" } ] }`;
    const d = parsedFrom(text);
    expect(d.nodes.map((n) => n.id)).toEqual(['__proto__', 'constructor']);
    expect(d.edges[0]).toEqual({ id: '__proto__', source: 'constructor', target: '__proto__', kind: 'data' });
    // Ids are values, not keys: an edge to a node named after an Object.prototype member must still be refused.
    const ghost = parseDiagramText(text.replace('"target": "__proto__"', '"target": "toString"'));
    expect(ghost.ok ? '' : ghost.error.message).toBe('edges[0].target: no node with id "toString"');
  });
});
