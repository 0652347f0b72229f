import { describe, expect, it } from 'vitest';
import { emptyDiagram } from '../../src/domain/diagram';
import { HISTORY_LIMIT, emptyHistory, record, redo, undo } from '../../src/store/history';

const d = (title: string, design = 'd1') => ({ diagram: emptyDiagram(title), design });

describe('history', () => {
  it('undoes and redoes in order, and a new step clears the redo stack', () => {
    let h = emptyHistory();
    h = record(h, d('a'), undefined, 0);
    h = record(h, d('b'), undefined, 1);
    const u1 = undo(h, d('c'))!;
    expect(u1.snapshot.diagram.title).toBe('b');
    const u2 = undo(u1.history, u1.snapshot)!;
    expect(u2.snapshot.diagram.title).toBe('a');
    expect(undo(u2.history, u2.snapshot)).toBeNull();
    const r1 = redo(u2.history, u2.snapshot)!;
    expect(r1.snapshot.diagram.title).toBe('b');
    const h2 = record(r1.history, r1.snapshot, undefined, 2);
    expect(redo(h2, d('x'))).toBeNull();
  });

  it('coalesces a burst with the same key within a second, not across keys or pauses', () => {
    let h = emptyHistory();
    h = record(h, d('1'), 'k', 0);
    h = record(h, d('2'), 'k', 500);
    h = record(h, d('3'), 'k', 900);
    expect(h.past.map((x) => x.diagram.title)).toEqual(['1']);
    h = record(h, d('4'), 'k', 2500);
    h = record(h, d('5'), 'other', 2600);
    expect(h.past.map((x) => x.diagram.title)).toEqual(['1', '4', '5']);
  });

  it('is bounded', () => {
    let h = emptyHistory();
    for (let i = 0; i < HISTORY_LIMIT + 50; i++) h = record(h, d(String(i)), undefined, i);
    expect(h.past).toHaveLength(HISTORY_LIMIT);
    expect(h.past[0].diagram.title).toBe('50');
  });
});
