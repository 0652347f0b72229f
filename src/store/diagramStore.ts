import { createStore, type StateCreator, type StoreApi } from 'zustand/vanilla';
import { kindInfo, type KindId } from '../domain/catalogue';
import { clampCoord, coordinatesWithin, MAX_COORD, MAX_EDGES, MAX_FILE_BYTES, MAX_FILE_SIZE_TEXT, MAX_NODES } from '../domain/format/limits';
import { fileBytesUpperBound } from '../domain/format/sizeBound';
import {
  absolutePosition,
  absolutePositions,
  emptyDiagram,
  nodesBounds,
  sortParentsFirst,
  DEFAULT_ZONE_SIZE,
  type Diagram,
  type DiagramEdge,
  type DiagramNode,
  type EdgeKind,
  type NodeProps,
  type ProblemId,
  type XY,
} from '../domain/diagram';
import { suppresses } from '../domain/checker/keys';
import type { Finding, FindingFix, RuleId } from '../domain/checker/types';
import { isCalled, proposeEdgeKind } from '../domain/roles';
import { fitWithinLimits, pasteFragment as pasteNodes, type Fragment } from '../domain/fragment';
import { obstacleBoxes, pasteOffset } from '../domain/placement';
import type { tidyLayout } from '../domain/layout';
import { err, ok, type Result } from '../domain/result';
import { filesSlice, type FilesSlice } from './filesSlice';
import * as hist from './history';
import { practiceSlice, type PracticeSlice } from './practiceSlice';
import { roomSlice, type RoomSlice } from './roomSlice';

/** Makes fresh ids; injected so tests are deterministic and ids never collide with loaded ones. */
export type IdGenerator = (prefix: string) => string;

/** Random short ids (`n_k3j9x2ab`). */
export const randomIds: IdGenerator = (prefix) => {
  const bytes = new Uint8Array(6);
  crypto.getRandomValues(bytes);
  return `${prefix}_${Array.from(bytes, (b) => (b % 36).toString(36)).join('')}`;
};

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

/** A button on a notice; running it also dismisses the notice. */
export interface NoticeAction {
  label: string;
  run(): void;
}

export interface Notice {
  id: number;
  kind: 'info' | 'error' | 'success';
  text: string;
  /** Buttons, e.g. "Undo" or a choice between two ways out. */
  actions?: NoticeAction[];
  /** Stays until dismissed or acted on (no timeout, never pushed out by newer notices). */
  sticky?: boolean;
  /** False when the user must pick one of the actions (no close button). */
  dismissible?: boolean;
}

export type NoticeOptions = Pick<Notice, 'actions' | 'sticky' | 'dismissible'>;

export interface AddNodeInput {
  kind: KindId;
  /** Top-left corner in absolute diagram coordinates. */
  position: XY;
  /** Zone to place the node in; its position is made relative to the zone. */
  parent?: string;
  label?: string;
  props?: NodeProps;
  /**
   * Connects the new component with an existing one in the same undo step: `from` -> new when `outgoing`
   * (the default), new -> `from` otherwise, with the kind the two propose.
   */
  connect?: { from: string; outgoing?: boolean };
}

export interface NodeMove {
  id: string;
  /** New top-left corner, relative to `parent` when set, absolute otherwise. */
  position: XY;
  /** New parent zone: a zone id, null for none, undefined to keep the current one. */
  parent?: string | null;
}

export interface DocumentSlice {
  diagram: Diagram;
  /** Id of the design on screen (its key in My designs). Changes with the diagram, atomically. */
  designId: string;
  history: hist.History;
  /** Adds a component and returns its id ('' when the design is full: a notice says so). */
  addNode(input: AddNodeInput): string;
  /** Connects source to target with the proposed (or given) kind; refuses self-loops and duplicates. */
  connect(source: string, target: string, kind?: EdgeKind): Result<string, string>;
  /** Removes nodes (with their edges) and edges; a removed zone's children stay where they are. */
  deleteElements(nodeIds: readonly string[], edgeIds: readonly string[]): void;
  /** Changes a node's label and/or props; a props value of undefined removes that prop. */
  updateNode(id: string, patch: { label?: string | null; props?: Partial<NodeProps> }, coalesceKey?: string): void;
  updateEdge(id: string, patch: { kind?: EdgeKind; label?: string | null }, coalesceKey?: string): void;
  moveNodes(moves: readonly NodeMove[]): void;
  /** Resizes a zone to a new box (absolute in its parent's frame); its contents keep their place on screen. */
  resizeZone(id: string, box: { x: number; y: number; width: number; height: number }): void;
  setTitle(title: string): void;
  setProblem(problem: ProblemId): void;
  setBrief(brief: string): void;
  /**
   * Pastes a copied fragment with fresh ids and selects it; returns the pasted node ids. Without an offset the copy
   * lands beside where it was copied from (to the right, or the nearest free place), never on top of anything.
   */
  paste(fragment: Fragment, offset?: XY): string[];
  /**
   * Adds what `add` builds from the current diagram (components and their connections, e.g. from a
   * reference answer; its code loads on first use, like tidyUp's layout) as one undo step, and
   * selects the new components; returns their ids, or the refusal (shown as a notice; nothing changes then).
   */
  addComponents(add: (d: Diagram, fresh: (prefix: string, taken: (id: string) => boolean) => string) => Result<{ diagram: Diagram; nodeIds: string[] }, string>): Result<string[], string>;
  /** Moves nodes by a few pixels (arrow keys). */
  nudge(nodeIds: readonly string[], dx: number, dy: number): void;
  /** Arranges the diagram with a layout function (loaded on first use) as one undo step, or says it is already tidy. */
  tidyUp(layout: typeof tidyLayout): void;
  /** Wraps the nodes in a new zone and returns its id, or null when there is nothing to wrap. */
  createZoneAround(nodeIds: readonly string[]): string | null;
  /** Moves an edge's ends to other nodes; refuses self-loops and duplicates like connect. */
  reconnectEdge(id: string, source: string, target: string): Result<string, string>;
  /** Applies a finding's one-click fix (an edge's kind, or turning an edge round) as one undo step; refuses what would duplicate an edge. */
  applyFix(fix: FindingFix): Result<string, string>;
  /**
   * Suppresses the findings of a rule on these nodes (all of the rule's findings when there are
   * none) with a reason, saved in the diagram; refuses a blank reason. Replaces a suppression of
   * the same rule and nodes.
   */
  suppress(rule: RuleId, nodeIds: readonly string[], reason: string): Result<void, string>;
  /** Removes every suppression that applies to the finding, so it counts again. */
  unsuppress(finding: Finding): void;
  /**
   * Shows a diagram as a NEW design (open file, template, share link, new) in one undo step and
   * returns its id; the current design is left as it is (it stays in My designs). Undo returns
   * to the previous design, id and content together. Returns '' (and shows nothing new) when the
   * diagram is beyond the format's limits.
   */
  replaceDiagram(diagram: Diagram): string;
  /** Shows a stored design (switching designs, restoring at start, taking another tab's version) with a fresh undo history. */
  loadDesign(id: string, diagram: Diagram): void;
  /** Drops the undo steps of a design that was deleted or changed elsewhere, so undo never writes stale content to it. */
  forgetDesign(id: string): void;
  /** The open diagram continues as a new design with this title, taking its undo steps along; returns the new id. */
  forkDesign(title: string): string;
  undo(): void;
  redo(): void;
}

export interface SelectionSlice {
  selection: Selection;
  setSelection(selection: Selection): void;
  selectAll(): void;
}

export type ThemePref = 'system' | 'light' | 'dark';

export interface Prefs {
  snapToGrid: boolean;
  theme: ThemePref;
  /** The palette (left) and the side column (right) are shown; folded to a thin strip otherwise. */
  paletteOpen: boolean;
  sideOpen: boolean;
}

export interface PrefsSlice {
  prefs: Prefs;
  setPrefs(patch: Partial<Prefs>): void;
}
/** The tab shown under the stage strip in the right-hand column. */
export type SidePanelTab = 'inspector' | 'findings' | 'capacity';

export interface UiSlice {
  sidePanel: SidePanelTab;
  /** Focus mode (screen sharing): palette and side column hidden, the canvas takes the page. Not remembered. */
  focusMode: boolean;
  setFocusMode(on: boolean): void;
  /** The find box over the canvas (Ctrl/Cmd+F) is open. */
  findOpen: boolean;
  setFindOpen(open: boolean): void;
  showSidePanel(tab: SidePanelTab): void;
  /** The open modal dialog, by id (e.g. "my-designs", "shortcuts"), or null. */
  dialog: string | null;
  /** The connection whose label is being edited on the canvas. */
  editingEdgeId: string | null;
  setEditingEdge(id: string | null): void;
  openDialog(id: string): void;
  closeDialog(): void;
  notices: Notice[];
  /** Shows a toast and returns its id. */
  notify(kind: Notice['kind'], text: string, options?: NoticeOptions): number;
  dismissNotice(id: number): void;
  /** The step of a long-running task (an export) shown with a spinner, or null when none runs. */
  progress: string | null;
  setProgress(text: string | null): void;
  /**
   * Editors holding typed text not committed yet (the title field, a rename on the canvas), each
   * with the function that commits it. The header says "Saving…" while there is one, and a page
   * being hidden or closed commits them all (nothing typed is lost on close or reload).
   */
  drafts: ReadonlyMap<string, () => void>;
  /** Registers (or, with null, clears) an editor's uncommitted text. */
  setDraft(key: string, commit: (() => void) | null): void;
  /** Commits every uncommitted text now. */
  commitDrafts(): void;
}

export type DiagramState = DocumentSlice & SelectionSlice & UiSlice & PrefsSlice & FilesSlice & PracticeSlice & RoomSlice;
export type DiagramStore = StoreApi<DiagramState>;

type Slice<T> = StateCreator<DiagramState, [], [], T>;

const EMPTY_SELECTION: Selection = { nodes: [], edges: [] };

function uniqueId(newId: IdGenerator, prefix: string, taken: (id: string) => boolean): string {
  for (;;) {
    const id = newId(prefix);
    if (!taken(id)) return id;
  }
}

/** Props without undefined values, and without numbers JSON cannot hold (NaN, ±Infinity, which a file would refuse). */
function cleanProps(props: NodeProps): NodeProps {
  const out: NodeProps = {};
  for (const [k, v] of Object.entries(props)) if (v !== undefined && !(typeof v === 'number' && !Number.isFinite(v))) out[k] = v;
  return out;
}

/** The diagram with every node coordinate brought within ±MAX_COORD (the same object when all are). */
function clampPositions(d: Diagram): Diagram {
  if (coordinatesWithin(d.nodes)) return d;
  return {
    ...d,
    nodes: d.nodes.map((n) => (coordinatesWithin([n]) ? n : { ...n, position: { x: clampCoord(n.position.x), y: clampCoord(n.position.y) } })),
  };
}

const count = (n: number) => n.toLocaleString('en-US');

/**
 * The exact file size (serialize.ts), loaded with the serializer just after the first paint; until
 * it has loaded, a change whose quick bound passes the limit is judged by that bound (it may refuse
 * a change a little under the limit, never allow one over it).
 */
let exactFileBytes: (d: Diagram) => number = fileBytesUpperBound;
/** Gives the store's guard the exact file size (main.tsx, once the serializer has loaded). */
export function setExactFileSize(measure: (d: Diagram) => number): void {
  exactFileBytes = measure;
}

/**
 * Why a change may not be made: it would take the design over a limit of the file format (so the
 * design could no longer be saved and opened again). Null when it may. A change that shrinks a
 * design already over a limit (stored by an older version) is allowed.
 */
function overLimit(next: Diagram, prev: Diagram): string | null {
  if (next.nodes.length > MAX_NODES && next.nodes.length > prev.nodes.length) {
    return `Not done: a design holds at most ${count(MAX_NODES)} components, zones and notes, and this would make ${count(next.nodes.length)}.`;
  }
  if (next.edges.length > MAX_EDGES && next.edges.length > prev.edges.length) {
    return `Not done: a design holds at most ${count(MAX_EDGES)} connections, and this would make ${count(next.edges.length)}.`;
  }
  // The quick bound clears nearly every change; the exact size is only needed near the limit.
  if (fileBytesUpperBound(next) <= MAX_FILE_BYTES) return null;
  const bytes = exactFileBytes(next);
  if (bytes > MAX_FILE_BYTES && bytes > exactFileBytes(prev)) {
    return `Not done: the design would be larger than ${MAX_FILE_SIZE_TEXT}, the most a design file holds (and so the most the app opens again). Shorten a long text or remove something first.`;
  }
  return null;
}

const documentSlice =
  (newId: IdGenerator, newDesignId: () => string, now: () => number): Slice<DocumentSlice> =>
  (set, get) => {
    /** The one funnel for every change of the diagram: records history, clears the redo stack. */
    let refusedAt = -Infinity;
    const commit = (proposed: Diagram, key?: string, selection?: Selection, design?: string): boolean => {
      const { diagram, history, designId, room } = get();
      if (proposed === diagram && design === undefined) return true;
      // Observers of a mock-interview room cannot edit it.
      if (room?.role === 'observer' && design === undefined) {
        if (now() - refusedAt > 4000) get().notify('info', 'You are observing: the design is read-only.');
        refusedAt = now();
        return false;
      }
      // Every state stays one the parser accepts: coordinates are held within range, and a change
      // that would pass a count or the size of a file is refused with a notice.
      const next = clampPositions(proposed);
      if (next !== diagram) {
        const problem = overLimit(next, diagram);
        if (problem) {
          get().notify('error', problem);
          return false;
        }
      }
      if (room && design === undefined) {
        // In a room the room's undo manager keeps the history (one's own changes only).
        set({ diagram: next, ...(selection ? { selection } : {}) });
        return true;
      }
      set({
        diagram: next,
        ...(design !== undefined ? { designId: design } : {}),
        history: hist.record(history, { diagram, design: designId }, key, now()),
        ...(selection ? { selection } : {}),
      });
      return true;
    };
    const byId = () => new Map(get().diagram.nodes.map((n) => [n.id, n]));

    return {
      diagram: emptyDiagram(),
      designId: newDesignId(),
      history: hist.emptyHistory(),

      addNode(input) {
        const { diagram } = get();
        const nodes = byId();
        const id = uniqueId(newId, 'n', (x) => nodes.has(x));
        let position = input.position;
        const parentNode = input.parent ? nodes.get(input.parent) : undefined;
        if (parentNode && parentNode.kind === 'group') {
          const origin = absolutePosition(parentNode, nodes);
          position = { x: position.x - origin.x, y: position.y - origin.y };
        }
        const props: NodeProps = { ...(input.props ?? {}) };
        if (input.kind === 'group') {
          props.width ??= DEFAULT_ZONE_SIZE.width;
          props.height ??= DEFAULT_ZONE_SIZE.height;
        }
        if (input.kind === 'note' && props.text === undefined) props.text = 'Double-click to write a note';
        const node: DiagramNode = {
          id,
          kind: input.kind,
          ...(input.label !== undefined ? { label: input.label } : {}),
          position: { x: Math.round(position.x), y: Math.round(position.y) },
          ...(parentNode && parentNode.kind === 'group' ? { parent: parentNode.id } : {}),
          props,
        };
        const other = input.connect ? nodes.get(input.connect.from) : undefined;
        let edges = diagram.edges;
        if (other && other.kind !== 'group' && other.kind !== 'note' && node.kind !== 'group' && node.kind !== 'note') {
          const outgoing = input.connect!.outgoing !== false;
          const [s, t] = outgoing ? [other, node] : [node, other];
          const edgeIds = new Set(diagram.edges.map((e) => e.id));
          const edge: DiagramEdge = { id: uniqueId(newId, 'e', (x) => edgeIds.has(x)), source: s.id, target: t.id, kind: proposeEdgeKind(s, t, isCalled(diagram, s.id)) };
          edges = [...diagram.edges, edge];
        }
        return commit({ ...diagram, nodes: [...diagram.nodes, node], edges }, undefined, { nodes: [id], edges: [] }) ? id : '';
      },

      connect(source, target, kind) {
        const { diagram } = get();
        if (source === target) return err('A component cannot connect to itself.');
        const nodes = byId();
        const s = nodes.get(source);
        const t = nodes.get(target);
        if (!s || !t) return err('Both ends of a connection must be components on the canvas.');
        const edgeKind = kind ?? proposeEdgeKind(s, t, isCalled(diagram, source));
        if (diagram.edges.some((e) => e.source === source && e.target === target && e.kind === edgeKind))
          return err(`These two components are already connected by a ${edgeKind} edge.`);
        const edgeIds = new Set(diagram.edges.map((e) => e.id));
        const id = uniqueId(newId, 'e', (x) => edgeIds.has(x));
        const edge: DiagramEdge = { id, source, target, kind: edgeKind };
        if (!commit({ ...diagram, edges: [...diagram.edges, edge] }, undefined, { nodes: [], edges: [id] })) {
          return err(`A design holds at most ${count(MAX_EDGES)} connections.`);
        }
        return ok(id);
      },

      deleteElements(nodeIds, edgeIds) {
        const { diagram, selection } = get();
        const goneNodes = new Set(nodeIds);
        const goneEdges = new Set(edgeIds);
        if (!goneNodes.size && !goneEdges.size) return;
        const lookup = byId();
        // For each deleted zone: the nearest zone above it that stays, and its offset from there
        // (each computed once, so deleting a deep chain of zones stays linear).
        const lifted = new Map<string, { parent: string | undefined; dx: number; dy: number }>();
        const lift = (zoneId: string) => {
          const chain: DiagramNode[] = [];
          let cur: string | undefined = zoneId;
          while (cur && goneNodes.has(cur) && !lifted.has(cur) && lookup.has(cur) && !chain.some((c) => c.id === cur)) {
            const z: DiagramNode = lookup.get(cur)!;
            chain.push(z);
            cur = z.parent;
          }
          let base = cur && lifted.has(cur) ? lifted.get(cur)! : { parent: cur && lookup.has(cur) && !goneNodes.has(cur) ? cur : undefined, dx: 0, dy: 0 };
          for (let i = chain.length - 1; i >= 0; i--) {
            base = { parent: base.parent, dx: base.dx + chain[i].position.x, dy: base.dy + chain[i].position.y };
            lifted.set(chain[i].id, base);
          }
          return lifted.get(zoneId) ?? base;
        };
        const nodes: DiagramNode[] = [];
        for (const n of diagram.nodes) {
          if (goneNodes.has(n.id)) continue;
          if (n.parent && goneNodes.has(n.parent)) {
            // The zone goes, its contents stay where the user sees them (held within range at the far edge).
            const up = lift(n.parent);
            const parent = up.parent;
            const pos = { x: clampCoord(n.position.x + up.dx), y: clampCoord(n.position.y + up.dy) };
            const moved: DiagramNode = { ...n, position: pos };
            if (parent) moved.parent = parent;
            else delete moved.parent;
            nodes.push(moved);
          } else nodes.push(n);
        }
        const edges = diagram.edges.filter(
          (e) => !goneEdges.has(e.id) && !goneNodes.has(e.source) && !goneNodes.has(e.target),
        );
        if (nodes.length === diagram.nodes.length && edges.length === diagram.edges.length) return;
        commit({ ...diagram, nodes, edges }, undefined, {
          nodes: selection.nodes.filter((id) => !goneNodes.has(id)),
          edges: selection.edges.filter((id) => edges.some((e) => e.id === id)),
        });
      },

      updateNode(id, patch, coalesceKey) {
        const { diagram } = get();
        let changed = false;
        const nodes = diagram.nodes.map((n) => {
          if (n.id !== id) return n;
          const next: DiagramNode = { ...n };
          if (patch.label !== undefined) {
            const label = patch.label?.trim() ? patch.label : null;
            if (label === null || label === kindInfo(n.kind).label) delete next.label;
            else next.label = label;
          }
          if (patch.props) next.props = cleanProps({ ...n.props, ...patch.props });
          changed = JSON.stringify(next) !== JSON.stringify(n);
          return changed ? next : n;
        });
        if (changed) commit({ ...diagram, nodes }, coalesceKey);
      },

      updateEdge(id, patch, coalesceKey) {
        const { diagram } = get();
        let changed = false;
        const edges = diagram.edges.map((e) => {
          if (e.id !== id) return e;
          const next: DiagramEdge = { ...e };
          if (patch.kind) next.kind = patch.kind;
          if (patch.label !== undefined) {
            if (patch.label) next.label = patch.label;
            else delete next.label;
          }
          changed = JSON.stringify(next) !== JSON.stringify(e);
          return changed ? next : e;
        });
        if (changed) commit({ ...diagram, edges }, coalesceKey);
      },

      moveNodes(moves) {
        const { diagram } = get();
        const byMove = new Map(moves.map((m) => [m.id, m]));
        const lookup = byId();
        // A new parent must be a zone, and not the node itself or anything inside it (no cycle).
        const validParent = (id: string, parent: string) => {
          if (lookup.get(parent)?.kind !== 'group') return false;
          for (let p: string | undefined = parent, steps = 0; p !== undefined && steps <= lookup.size; p = lookup.get(p)?.parent, steps++) {
            if (p === id) return false;
          }
          return true;
        };
        let changed = false;
        let reparented = false;
        const nodes = diagram.nodes.map((n) => {
          const m = byMove.get(n.id);
          if (!m) return n;
          const position = { x: Math.round(m.position.x), y: Math.round(m.position.y) };
          const wanted = m.parent === undefined ? n.parent : (m.parent ?? undefined);
          const parent = wanted === undefined || wanted === n.parent || validParent(n.id, wanted) ? wanted : n.parent;
          if (position.x === n.position.x && position.y === n.position.y && parent === n.parent) return n;
          changed = true;
          if (parent !== n.parent) reparented = true;
          const next: DiagramNode = { ...n, position };
          if (parent) next.parent = parent;
          else delete next.parent;
          return next;
        });
        if (changed) commit({ ...diagram, nodes: reparented ? sortParentsFirst(nodes) : nodes });
      },

      resizeZone(id, box) {
        const { diagram } = get();
        const zone = diagram.nodes.find((n) => n.id === id);
        if (!zone || zone.kind !== 'group') return;
        const x = Math.round(box.x);
        const y = Math.round(box.y);
        const dx = x - zone.position.x;
        const dy = y - zone.position.y;
        const width = Math.max(120, Math.round(box.width));
        const height = Math.max(80, Math.round(box.height));
        if (!dx && !dy && width === zone.props.width && height === zone.props.height) return;
        const nodes = diagram.nodes.map((n) => {
          if (n.id === id) return { ...n, position: { x, y }, props: { ...n.props, width, height } };
          if (n.parent === id && (dx || dy)) return { ...n, position: { x: n.position.x - dx, y: n.position.y - dy } };
          return n;
        });
        commit({ ...diagram, nodes });
      },

      setTitle(title) {
        const { diagram } = get();
        if (title !== diagram.title) commit({ ...diagram, title }, 'title');
      },
      setProblem(problem) {
        const { diagram } = get();
        if (problem !== diagram.problem) commit({ ...diagram, problem });
      },
      setBrief(brief) {
        const { diagram } = get();
        if (brief === (diagram.brief ?? '')) return;
        const { brief: _old, ...rest } = diagram;
        commit(brief ? { ...rest, brief } : rest, 'brief');
      },

      paste(fragment, offset) {
        const { diagram } = get();
        if (diagram.nodes.length + fragment.nodes.length > MAX_NODES) {
          get().notify(
            'error',
            `Not pasted: the copy has ${count(fragment.nodes.length)} components, and a design holds at most ${count(MAX_NODES)} (this one has ${count(diagram.nodes.length)}).`,
          );
          return [];
        }
        const by =
          offset ??
          pasteOffset(
            obstacleBoxes(diagram.nodes, { withZones: fragment.nodes.some((n) => n.kind === 'group') }),
            nodesBounds(fragment.nodes),
          );
        const r = pasteNodes(diagram, fragment, (prefix, taken) => uniqueId(newId, prefix, taken), by);
        if (!r.nodeIds.length) return [];
        return commit(r.diagram, undefined, { nodes: r.nodeIds, edges: r.edgeIds }) ? r.nodeIds : [];
      },

      addComponents(add) {
        const r = add(get().diagram, (prefix, taken) => uniqueId(newId, prefix, taken));
        if (!r.ok) get().notify('error', r.error);
        else if (!commit(r.value.diagram, undefined, { nodes: r.value.nodeIds, edges: [] })) return err('over the limits');
        return r.ok ? ok(r.value.nodeIds) : r;
      },

      nudge(nodeIds, dx, dy) {
        const ids = new Set(nodeIds);
        const { diagram } = get();
        // Move only the outermost selected nodes: children follow their zone.
        const outer = diagram.nodes.filter((n) => ids.has(n.id) && !(n.parent && ids.has(n.parent)));
        // The selection moves as one: at the edge of the format's range it stops, never squeezes.
        for (const n of outer) {
          dx = Math.max(-MAX_COORD - n.position.x, Math.min(MAX_COORD - n.position.x, dx));
          dy = Math.max(-MAX_COORD - n.position.y, Math.min(MAX_COORD - n.position.y, dy));
        }
        if (!dx && !dy) return;
        const moves = outer.map((n) => ({ id: n.id, position: { x: n.position.x + dx, y: n.position.y + dy } }));
        if (!moves.length) return;
        const byMove = new Map(moves.map((m) => [m.id, m.position]));
        commit(
          { ...diagram, nodes: diagram.nodes.map((n) => (byMove.has(n.id) ? { ...n, position: byMove.get(n.id)! } : n)) },
          `nudge:${[...ids].sort().join(',')}`,
        );
      },

      tidyUp(layout) {
        const { diagram } = get();
        if (!diagram.nodes.length) return;
        const proposal = layout(diagram);
        // The layout is measured against the diagram as it is and proposed only when it is better.
        if (!proposal.changed) {
          get().notify('info', 'Already tidy: a new layout would not have fewer crossings or a smaller box.');
          return;
        }
        const { positions, sizes } = proposal;
        // A very tall layout may start beyond the format's range: move (or squeeze) the top level into it.
        const tops = diagram.nodes.filter((n) => !n.parent && positions.has(n.id));
        const fitted = fitWithinLimits(tops.map((n) => positions.get(n.id)!));
        tops.forEach((n, i) => positions.set(n.id, fitted[i]));
        const nodes = diagram.nodes.map((n) => {
          const p = positions.get(n.id);
          const size = sizes.get(n.id);
          if (!p && !size) return n;
          return { ...n, position: p ?? n.position, ...(size ? { props: { ...n.props, ...size } } : {}) };
        });
        commit({ ...diagram, nodes });
      },

      createZoneAround(nodeIds) {
        const { diagram } = get();
        const chosen = new Set(nodeIds);
        const lookup = byId();
        const picked = diagram.nodes.filter((n) => chosen.has(n.id) && !(n.parent && chosen.has(n.parent)));
        if (!picked.length) return null;
        // The new zone lives where the picked nodes live when they share a parent; otherwise at the top level.
        const parents = new Set(picked.map((n) => n.parent));
        const parentId = parents.size === 1 ? [...parents][0] : undefined;
        const at = absolutePositions(diagram.nodes);
        const origin = parentId ? at.get(parentId)! : { x: 0, y: 0 };
        let minX = Infinity, minY = Infinity, maxX = -Infinity, maxY = -Infinity;
        for (const n of picked) {
          const a = at.get(n.id)!;
          const size = n.kind === 'group'
            ? { width: (n.props.width as number) ?? DEFAULT_ZONE_SIZE.width, height: (n.props.height as number) ?? DEFAULT_ZONE_SIZE.height }
            : { width: 168, height: 60 };
          minX = Math.min(minX, a.x);
          minY = Math.min(minY, a.y);
          maxX = Math.max(maxX, a.x + size.width);
          maxY = Math.max(maxY, a.y + size.height);
        }
        const pad = 28;
        const top = 52;
        // Within range in its parent's frame (a selection at the far edge gets a zone that just fits).
        const zoneAbs = {
          x: clampCoord(Math.round(minX - pad) - origin.x) + origin.x,
          y: clampCoord(Math.round(minY - top) - origin.y) + origin.y,
        };
        const id = uniqueId(newId, 'z', (x) => lookup.has(x));
        const zone: DiagramNode = {
          id,
          kind: 'group',
          position: { x: zoneAbs.x - origin.x, y: zoneAbs.y - origin.y },
          ...(parentId ? { parent: parentId } : {}),
          props: { width: Math.round(maxX - minX + 2 * pad), height: Math.round(maxY - minY + top + pad) },
        };
        const pickedIds = new Set(picked.map((n) => n.id));
        const nodes = diagram.nodes.map((n) => {
          if (!pickedIds.has(n.id)) return n;
          const a = at.get(n.id)!;
          return { ...n, parent: id, position: { x: a.x - zoneAbs.x, y: a.y - zoneAbs.y } };
        });
        return commit({ ...diagram, nodes: sortParentsFirst([zone, ...nodes]) }, undefined, { nodes: [id], edges: [] }) ? id : null;
      },

      reconnectEdge(id, source, target) {
        const { diagram } = get();
        const edge = diagram.edges.find((e) => e.id === id);
        if (!edge) return err('That connection no longer exists.');
        if (source === target) return err('A component cannot connect to itself.');
        if (diagram.edges.some((e) => e.id !== id && e.source === source && e.target === target && e.kind === edge.kind))
          return err(`These two components are already connected by a ${edge.kind} edge.`);
        if (edge.source === source && edge.target === target) return ok(id);
        commit({ ...diagram, edges: diagram.edges.map((e) => (e.id === id ? { ...e, source, target } : e)) });
        return ok(id);
      },

      applyFix(fix) {
        const { diagram } = get();
        const edge = diagram.edges.find((e) => e.id === fix.edgeId);
        if (!edge) return err('That connection no longer exists.');
        if (fix.action === 'reverse-edge') return get().reconnectEdge(edge.id, edge.target, edge.source);
        if (edge.kind === fix.kind) return ok(edge.id);
        if (diagram.edges.some((e) => e.id !== edge.id && e.source === edge.source && e.target === edge.target && e.kind === fix.kind))
          return err(`These two components are already connected by a ${fix.kind} edge: delete this one instead.`);
        get().updateEdge(edge.id, { kind: fix.kind });
        return ok(edge.id);
      },

      suppress(rule, nodeIds, reason) {
        const text = reason.trim();
        if (!text) return err('Give a reason for suppressing this finding.');
        const { diagram } = get();
        const ids = [...new Set(nodeIds)];
        const same = new Set(ids);
        const kept = diagram.suppressions.filter(
          (s) => !(s.rule === rule && (s.nodeIds ?? []).length === same.size && (s.nodeIds ?? []).every((id) => same.has(id))),
        );
        commit({ ...diagram, suppressions: [...kept, { rule, ...(ids.length ? { nodeIds: ids } : {}), reason: text }] });
        return ok(undefined);
      },
      unsuppress(finding) {
        const { diagram } = get();
        const suppressions = diagram.suppressions.filter((s) => !suppresses(s, finding));
        if (suppressions.length !== diagram.suppressions.length) commit({ ...diagram, suppressions });
      },

      replaceDiagram(diagram) {
        const id = newDesignId();
        // ('' when the diagram is beyond the format's limits, as an import might be: a notice says why.)
        return commit(diagram, undefined, EMPTY_SELECTION, id) ? id : '';
      },
      loadDesign(id, diagram) {
        set({ diagram, designId: id, history: hist.emptyHistory(), selection: EMPTY_SELECTION });
      },
      forgetDesign(id) {
        const { history } = get();
        const next = hist.forget(history, id);
        if (next !== history) set({ history: next });
      },
      forkDesign(title) {
        const { diagram, designId, history } = get();
        const id = newDesignId();
        // A design at the size limit keeps its title rather than outgrow a file by " (copy)".
        const renamed = { ...diagram, title };
        set({ diagram: overLimit(renamed, diagram) ? diagram : renamed, designId: id, history: hist.rebase(history, designId, id) });
        return id;
      },

      undo() {
        const { roomUndo } = get();
        if (roomUndo) return roomUndo.undo();
        const { history, diagram, designId } = get();
        const r = hist.undo(history, { diagram, design: designId });
        if (r) set({ diagram: r.snapshot.diagram, designId: r.snapshot.design, history: r.history, selection: EMPTY_SELECTION });
      },
      redo() {
        const { roomUndo } = get();
        if (roomUndo) return roomUndo.redo();
        const { history, diagram, designId } = get();
        const r = hist.redo(history, { diagram, design: designId });
        if (r) set({ diagram: r.snapshot.diagram, designId: r.snapshot.design, history: r.history, selection: EMPTY_SELECTION });
      },
    };
  };

const selectionSlice: Slice<SelectionSlice> = (set, get) => ({
  selection: EMPTY_SELECTION,
  setSelection(selection) {
    const cur = get().selection;
    if (sameIds(cur.nodes, selection.nodes) && sameIds(cur.edges, selection.edges)) return;
    set({ selection });
  },
  selectAll() {
    const { diagram } = get();
    set({ selection: { nodes: diagram.nodes.map((n) => n.id), edges: diagram.edges.map((e) => e.id) } });
  },
});

function sameIds(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const s = new Set(a);
  return b.every((x) => s.has(x));
}

const uiSlice: Slice<UiSlice> = (set, get) => {
  let next = 1;
  return {
    sidePanel: 'inspector',
    showSidePanel: (sidePanel) => set({ sidePanel }),
    focusMode: false,
    setFocusMode: (focusMode) => set({ focusMode }),
    findOpen: false,
    setFindOpen: (findOpen) => set({ findOpen }),
    dialog: null,
    editingEdgeId: null,
    setEditingEdge: (id) => set({ editingEdgeId: id }),
    openDialog: (id) => set({ dialog: id }),
    closeDialog: () => set({ dialog: null }),
    notices: [],
    notify(kind, text, options) {
      const id = next++;
      const all = get().notices;
      // Sticky notices stay until acted on. Of the others, a new one replaces any of its kind (the newest "Connected."
      // or "Opened the reference…" says all there is: four of them stacked over the canvas said it four times), and
      // at most three stay in all.
      const passing = all.filter((n) => !n.sticky && n.kind !== kind).slice(-2);
      set({ notices: [...all.filter((n) => n.sticky || passing.includes(n)), { id, kind, text, ...options }] });
      return id;
    },
    dismissNotice(id) {
      set({ notices: get().notices.filter((n) => n.id !== id) });
    },
    progress: null,
    setProgress(text) {
      if (text !== get().progress) set({ progress: text });
    },
    drafts: new Map(),
    setDraft(key, commit) {
      const cur = get().drafts;
      if (commit ? cur.get(key) === commit : !cur.has(key)) return;
      const drafts = new Map(cur);
      if (commit) drafts.set(key, commit);
      else drafts.delete(key);
      set({ drafts });
    },
    commitDrafts() {
      for (const commit of [...get().drafts.values()]) commit();
    },
  };
};

const prefsSlice =
  (initial: Prefs): Slice<PrefsSlice> =>
  (set, get) => ({
    prefs: initial,
    setPrefs: (patch) => set({ prefs: { ...get().prefs, ...patch } }),
  });

export const DEFAULT_PREFS: Prefs = { snapToGrid: false, theme: 'system', paletteOpen: true, sideOpen: true };

export interface StoreOptions {
  prefs?: Prefs;
  newId?: IdGenerator;
  /** Makes design ids (keys in My designs); random by default. */
  newDesignId?: () => string;
  now?: () => number;
  diagram?: Diagram;
}

/** Creates the app's store (vanilla: usable without React, e.g. in unit tests). */
export function createDiagramStore(options: StoreOptions = {}): DiagramStore {
  const newId = options.newId ?? randomIds;
  const newDesignId = options.newDesignId ?? (() => randomIds('d'));
  const now = options.now ?? (() => Date.now());
  const store = createStore<DiagramState>()((...a) => ({
    ...documentSlice(newId, newDesignId, now)(...a),
    ...selectionSlice(...a),
    ...uiSlice(...a),
    ...prefsSlice(options.prefs ?? DEFAULT_PREFS)(...a),
    ...filesSlice(...a),
    ...practiceSlice(newId, now)(...a),
    ...roomSlice(...a),
  }));
  if (options.diagram) store.setState({ diagram: options.diagram });
  return store;
}
