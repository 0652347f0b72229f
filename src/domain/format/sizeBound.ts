/**
 * A quick upper bound of a diagram's file size, for the store's guard on every change: most designs
 * are far below the 20 MB limit, and this tells so without the serializer (which the first paint
 * does not load). Each node and edge counts 3 bytes per UTF-16 unit of its own JSON (no UTF-8 unit is
 * longer) plus a margin for the file's keys and order; each list's sum is kept while the list is
 * unchanged, so a change costs one pass over the items that changed. Only a design whose bound
 * passes the limit needs the exact size (serialize.ts fileByteLength).
 */
import type { Diagram } from '../diagram';

const MARGIN = 96;
const elementBound = new WeakMap<object, number>();
const listBound = new WeakMap<readonly object[], number>();

function boundOfList(items: readonly object[]): number {
  let total = listBound.get(items);
  if (total === undefined) {
    total = 0;
    for (const it of items) {
      let b = elementBound.get(it);
      if (b === undefined) {
        b = JSON.stringify(it).length * 3 + MARGIN;
        elementBound.set(it, b);
      }
      total += b;
    }
    listBound.set(items, total);
  }
  return total;
}

/** An upper bound of the bytes of the file serializeDiagram writes (compact) for this diagram. */
export function fileBytesUpperBound(d: Diagram): number {
  const head = JSON.stringify([d.title, d.problem, d.brief ?? '', d.suppressions ?? []]).length * 3 + 256;
  return head + boundOfList(d.nodes) + boundOfList(d.edges);
}
