import { describe, expect, it } from 'vitest';
import { kindInfo } from '../../../src/domain/catalogue';
import { skippedCount } from '../../../src/domain/import/sketch';
import { byName, edgeLines, expectWellFormed, fixture, imported, refusal } from './helpers';

describe('Excalidraw import', () => {
  it('reads boxes, frames, groups, arrows and free text of a real file', async () => {
    const { diagram: d, summary } = await imported('recsys.excalidraw');
    expect(d.title).toBe('recsys');
    expect(byName(d, 'Clickstream')).toMatchObject({ kind: 'event-log', props: { tool: 'Kafka' } });
    expect(byName(d, 'Feature store')).toMatchObject({ kind: 'feature-store', props: { tool: 'Feast' } });
    expect(byName(d, kindInfo('model-server').label)).toMatchObject({ kind: 'model-server', props: { tool: 'Triton' } });
    expect(byName(d, 'Quantum thing').kind).toBe('custom');
    // The frame and the group of two serving boxes are zones holding their boxes.
    const frame = byName(d, 'Offline pipeline');
    expect(frame.kind).toBe('group');
    expect(byName(d, 'Training').parent).toBe(frame.id);
    const group = byName(d, 'Group 1');
    expect(byName(d, 'Ranker').parent).toBe(group.id);
    expect(byName(d, 'Grafana dashboards').parent).toBeUndefined();
    // Free text is a note; the deleted box is not there at all.
    expect(d.nodes.filter((n) => n.kind === 'note').map((n) => n.props.text)).toEqual(['Retrain nightly; features are point-in-time correct']);
    expect(d.nodes.some((n) => n.label === 'Deleted cache')).toBe(false);
    expectWellFormed(d);

    expect(edgeLines(d)).toEqual([
      'Clickstream -> Feature pipeline (data: events)',
      'Feature pipeline -> Feature store (data)',
      'Feature store -> Training (data)',
      `${kindInfo('model-server').label} -> Grafana dashboards (data)`,
      // Bound at its start only; its loose end stops short of "Ranker" and snaps to it.
      'Training -> Ranker (model: model)',
    ]);
    expect(summary.recognised.length).toBe(7);
    expect(summary.custom).toEqual(['Quantum thing']);
    expect(summary.zones).toBe(2);
    expect(summary.skipped.map((s) => `${s.what}: ${s.why}`)).toEqual([
      'arrow from “Grafana dashboards”: one end is not attached to a box (none within 48 px)',
      'arrow between no boxes: one end is not attached to a box (none within 48 px)',
      'freehand drawing: drawings without text do not become components',
    ]);
    expect(skippedCount(summary.skipped)).toBe(3);
  });

  it('reverses an arrow whose head is at its start, and takes text over an empty box as its label', async () => {
    const file = {
      type: 'excalidraw',
      elements: [
        { id: 'a', type: 'rectangle', x: 0, y: 0, width: 200, height: 80 },
        { id: 'a-text', type: 'text', x: 20, y: 20, width: 120, height: 25, text: 'Kafka' },
        { id: 'b', type: 'rectangle', x: 400, y: 0, width: 200, height: 80, boundElements: [{ id: 'b-text', type: 'text' }] },
        { id: 'b-text', type: 'text', x: 420, y: 20, width: 120, height: 25, text: 'Stream processor', containerId: 'b' },
        { id: 'arr', type: 'arrow', x: 200, y: 40, points: [[0, 0], [200, 0]], startBinding: { elementId: 'b' }, endBinding: { elementId: 'a' }, startArrowhead: null, endArrowhead: 'arrow' },
        { id: 'back', type: 'arrow', x: 200, y: 60, points: [[0, 0], [200, 0]], startBinding: { elementId: 'a' }, endBinding: { elementId: 'b' }, startArrowhead: 'arrow', endArrowhead: null },
      ],
    };
    const { diagram: d } = await imported('two.excalidraw', JSON.stringify(file));
    expect(d.nodes.map((n) => n.kind)).toEqual(['message-queue', 'stream-processor']);
    // Both arrows run from the stream processor to Kafka: the second one is skipped as a repeat.
    expect(edgeLines(d)).toEqual([`Stream processor -> ${kindInfo('message-queue').label} (stream)`]);
  });

  it('treats a rectangle holding other boxes as a zone named by its text', async () => {
    const file = {
      type: 'excalidraw',
      elements: [
        { id: 'outer', type: 'rectangle', x: 0, y: 0, width: 600, height: 300 },
        { id: 'title', type: 'text', x: 10, y: 10, width: 100, height: 25, text: 'Online' },
        { id: 'c', type: 'rectangle', x: 40, y: 100, width: 150, height: 60, boundElements: [{ id: 'ct', type: 'text' }] },
        { id: 'ct', type: 'text', x: 50, y: 110, width: 100, height: 25, text: 'Cache', containerId: 'c' },
      ],
    };
    const { diagram: d } = await imported('zone.excalidraw', JSON.stringify(file));
    expect(byName(d, 'Online').kind).toBe('group');
    expect(byName(d, 'Cache').parent).toBe(byName(d, 'Online').id);
  });

  it.each([
    ['{ "type": "excalidraw", "elements": ', 'not an Excalidraw file: it is not JSON'],
    ['{ "type": "excalidraw" }', 'elements: missing or not a list; this Excalidraw file is damaged'],
    ['{ "type": "excalidraw", "elements": {} }', 'elements: missing or not a list'],
    ['{ "type": "excalidraw", "elements": [] }', 'there is nothing in it to open: no boxes, text or frames'],
    ['{ "type": "excalidraw", "elements": [{ "id": "x", "type": "freedraw" }] }', 'there is nothing in it to open: no boxes, text or frames (1 element skipped: freehand drawing'],
    ['[1, 2]', 'not an Excalidraw file: it has no "type": "excalidraw"'],
  ])('refuses %s with a message naming the problem', async (text, message) => {
    expect(await refusal('broken.excalidraw', text)).toContain(message);
  });

  it('is not fooled by hostile fields: prototype keys, wrong types, absurd coordinates', async () => {
    const hostile = `{ "type": "excalidraw", "elements": [
      { "id": "a", "type": "rectangle", "x": "0", "y": null, "width": 100, "height": 50, "__proto__": { "polluted": true } },
      { "id": "t", "type": "text", "containerId": "a", "text": "Cache", "constructor": { "prototype": { "bad": 1 } } },
      { "id": "b", "type": "rectangle", "x": 1e300, "y": 0, "width": 100, "height": 50 },
      { "id": "bt", "type": "text", "containerId": "b", "text": "Far" },
      { "id": "ct", "type": "text", "text": { "not": "a string" } },
      { "id": 7, "type": "rectangle" }, "not an element", null
    ] }`;
    const message = await refusal('hostile.excalidraw', hostile);
    expect(message).toMatch(/^the drawing is .* px across; a design may span at most 1,000,000 px$/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ok = hostile.replace('1e300', '300');
    const { diagram: d, summary } = await imported('hostile.excalidraw', ok);
    expect(byName(d, 'Cache').kind).toBe('cache');
    expect(summary.skipped.map((s) => `${s.what}: ${s.why}`)).toEqual(['3 elements: it has no id or type']);
  });

  it('refuses more boxes than a design may hold, before comparing them pairwise', async () => {
    const elements = Array.from({ length: 20_001 }, (_, i) => ({ id: `r${i}`, type: 'rectangle', x: (i % 200) * 200, y: Math.floor(i / 200) * 100, width: 150, height: 60 }));
    expect(await refusal('big.excalidraw', JSON.stringify({ type: 'excalidraw', elements }))).toBe('it has 20,001 boxes; a design may have at most 20,000 components');
  });

  it('reads the Excalidraw clipboard format too', async () => {
    const clip = JSON.parse(fixture('recsys.excalidraw'));
    clip.type = 'excalidraw/clipboard';
    const { diagram } = await imported('clip.json', JSON.stringify(clip));
    expect(diagram.nodes.length).toBeGreaterThan(5);
  });
});
