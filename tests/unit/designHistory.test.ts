import { describe, expect, it } from 'vitest';
import { emptyDiagram, type Diagram } from '../../src/domain/diagram';
import { createDiagramStore } from '../../src/store/diagramStore';
import { openAsNewDesign } from '../../src/store/openAsNewDesign';

const make = () => {
  let i = 0;
  let d = 0;
  let t = 0;
  return createDiagramStore({ newId: (p) => `${p}${++i}`, newDesignId: () => `d${++d}`, now: () => (t += 5000) });
};
const file = (title: string): Diagram => ({ ...emptyDiagram(title), nodes: [{ id: 'x', kind: 'cache', position: { x: 0, y: 0 }, props: {} }] });

describe('designs in the store', () => {
  it('opens a diagram as a new design in one undo step; undo brings back the previous design, id and content together', () => {
    const s = make();
    expect(s.getState().designId).toBe('d1');
    s.getState().addNode({ kind: 'feature-store', position: { x: 0, y: 0 } });
    const mine = s.getState().diagram;
    const opened = s.getState().replaceDiagram(file('Opened'));
    expect(opened).toBe('d2');
    expect(s.getState()).toMatchObject({ designId: 'd2', diagram: { title: 'Opened' } });
    s.getState().addNode({ kind: 'model-server', position: { x: 0, y: 0 } });
    s.getState().undo();
    expect(s.getState().designId).toBe('d2');
    s.getState().undo();
    expect(s.getState().designId).toBe('d1');
    expect(s.getState().diagram).toBe(mine);
    s.getState().redo();
    expect(s.getState()).toMatchObject({ designId: 'd2', diagram: { title: 'Opened' } });
  });

  it('every state pairs a design id with that design’s own content, whatever the order of undo and redo', () => {
    const s = make();
    const seen = new Map<string, Set<string>>();
    s.subscribe((st) => {
      const titles = seen.get(st.designId) ?? new Set();
      titles.add(st.diagram.title.split(' ')[0]);
      seen.set(st.designId, titles);
    });
    s.getState().setTitle('A edit');
    s.getState().replaceDiagram(file('B'));
    s.getState().setTitle('B edit');
    s.getState().replaceDiagram(file('C'));
    for (const step of ['undo', 'undo', 'undo', 'redo', 'undo', 'redo', 'redo', 'redo', 'undo'] as const) s.getState()[step]();
    // Each design only ever shows its own content.
    expect([...seen.entries()].map(([id, t]) => [id, [...t]])).toEqual([
      ['d1', ['A']],
      ['d2', ['B']],
      ['d3', ['C']],
    ]);
  });

  it('switching to a stored design starts a fresh history', () => {
    const s = make();
    s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } });
    s.getState().loadDesign('stored', file('Stored'));
    expect(s.getState()).toMatchObject({ designId: 'stored', history: { past: [], future: [] } });
  });

  it('forgets the undo steps of a design deleted or changed elsewhere', () => {
    const s = make();
    s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } });
    s.getState().replaceDiagram(file('B'));
    s.getState().addNode({ kind: 'ranking', position: { x: 0, y: 0 } });
    expect(s.getState().history.past.map((p) => p.design)).toEqual(['d1', 'd1', 'd2']);
    s.getState().forgetDesign('d1');
    expect(s.getState().history.past.map((p) => p.design)).toEqual(['d2']);
    s.getState().undo();
    s.getState().undo(); // nothing left: never back to d1
    expect(s.getState()).toMatchObject({ designId: 'd2', diagram: { title: 'B', nodes: [{ kind: 'cache' }] } });
  });

  it('keeps the open diagram as a copy with its undo steps, so undo never writes to the original', () => {
    const s = make();
    s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } });
    s.getState().addNode({ kind: 'ranking', position: { x: 0, y: 0 } });
    const copy = s.getState().forkDesign('Mine (copy)');
    expect(copy).toBe('d2');
    expect(s.getState()).toMatchObject({ designId: 'd2', diagram: { title: 'Mine (copy)' } });
    s.getState().undo();
    expect(s.getState().designId).toBe('d2');
    expect(s.getState().history.past.every((p) => p.design === 'd2')).toBe(true);
  });

  it('an Undo button on the open notice steps back only while opening is the last step', () => {
    const s = make();
    s.getState().setTitle('Mine');
    openAsNewDesign(s, file('Opened'), 'Opened.');
    const undo = s.getState().notices.at(-1)!.actions![0];
    s.getState().addNode({ kind: 'cache', position: { x: 0, y: 0 } });
    undo.run();
    expect(s.getState().designId).toBe('d2'); // a later edit is never undone from the notice
    s.getState().undo();
    s.getState().redo();
    undo.run();
    expect(s.getState().designId).toBe('d2');
    s.getState().undo();
    undo.run();
    expect(s.getState()).toMatchObject({ designId: 'd1', diagram: { title: 'Mine' } });
  });

  it('keeps sticky notices until acted on, while passing ones make room', () => {
    const s = make();
    const sticky = s.getState().notify('error', 'kept', { sticky: true });
    for (let i = 0; i < 6; i++) s.getState().notify('info', `n${i}`);
    // A passing notice replaces the one of its kind before it: six infos leave the last.
    expect(s.getState().notices.map((n) => n.text)).toEqual(['kept', 'n5']);
    // Of other kinds, one each stays beside it (three passing at most).
    s.getState().notify('success', 'done');
    s.getState().notify('error', 'failed');
    s.getState().notify('info', 'n6');
    expect(s.getState().notices.map((n) => n.text)).toEqual(['kept', 'done', 'failed', 'n6']);
    s.getState().dismissNotice(sticky);
    expect(s.getState().notices.map((n) => n.text)).toEqual(['done', 'failed', 'n6']);
  });
});
