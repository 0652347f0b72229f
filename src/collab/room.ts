import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as Y from 'yjs';
import { createStore, type StoreApi } from 'zustand/vanilla';
import { MAX_COORD } from '../domain/format/parse';
import type { XY } from '../domain/diagram';
import { pauseClock, startClock, type PracticeClock } from '../domain/practiceClock';
import { randomIds, type DiagramStore } from '../store/diagramStore';
import type { RoomRole } from '../store/roomSlice';
import { setLocalDragSink, setRemoteDrags } from '../canvas/liveDrag';
import { bindStore, type StoreBinding } from './binding';
import { readClock, readRubric, readScores, readStepNotes, roots, writeDiagram, type Refused, type SharedRubric } from './docModel';
import { ROLE_LABELS, roomHash, roomToken, type RoomLink } from './links';

/** Where the room stands with the sync server, as the header shows it. */
export type RoomStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline' | 'gone' | 'denied';

export interface Peer {
  clientId: number;
  name: string;
  color: string;
  role: RoomRole;
  /** Pointer on the canvas, in diagram coordinates. */
  cursor: XY | null;
  selection: { nodes: string[]; edges: string[] };
  /** Centre of their view and zoom, for Follow. */
  view: { x: number; y: number; zoom: number } | null;
}

/** What the room's own UI shows: connection, people, the shared timer, the rubric, the private notes. */
export interface RoomView {
  link: RoomLink;
  /** Every role's key, when this browser created the room (the invite links). */
  keys: Partial<Record<RoomRole, string>> | null;
  status: RoomStatus;
  /** Own changes the server has not confirmed yet. */
  pending: number;
  me: { name: string; color: string };
  peers: Peer[];
  following: number | null;
  clock: PracticeClock | null;
  ended: boolean;
  templateId: string | null;
  rubric: SharedRubric | null;
  /** The interviewer's private notes (interviewer only). */
  notes: Record<number, string>;
  scores: Record<number, number>;
  privateTemplateId: string | null;
  panelOpen: boolean;
}

export interface Room {
  view: StoreApi<RoomView>;
  setName(name: string): void;
  follow(clientId: number | null): void;
  setCursor(p: XY | null): void;
  setView(v: { x: number; y: number; zoom: number }): void;
  setClock(f: (c: PracticeClock, now: number) => PracticeClock): void;
  setNote(step: number, text: string): void;
  setScore(step: number, score: number | null): void;
  setTemplate(id: string | null): void;
  shareRubric(): void;
  togglePanel(open?: boolean): void;
  /** Leaves the room; the design stays in My designs. */
  leave(message?: string): void;
}

const ROOMS_KEY = 'mlsd-canvas:rooms';
const NAME_KEY = 'mlsd-canvas:name';
const COLORS = ['#e5484d', '#3e63dd', '#30a46c', '#f76b15', '#8e4ec6', '#12a594', '#d6409f', '#ab6400'];
/** Awareness is sent at most this often while the pointer or a drag moves. */
const AWARENESS_MS = 40;

interface SavedRoom {
  designId: string;
  role: RoomRole;
  key: string;
  keys?: Partial<Record<RoomRole, string>>;
}

function savedRooms(): Record<string, SavedRoom> {
  try {
    const v = JSON.parse(localStorage.getItem(ROOMS_KEY) ?? '{}') as unknown;
    return typeof v === 'object' && v !== null ? (v as Record<string, SavedRoom>) : {};
  } catch {
    return {};
  }
}

function saveRoom(id: string, r: SavedRoom | null) {
  try {
    const all = savedRooms();
    if (r) all[id] = r;
    else delete all[id];
    localStorage.setItem(ROOMS_KEY, JSON.stringify(all));
  } catch {
    // not essential: a reload then opens the room as a new design
  }
}

/** The name one shows in rooms (kept in this browser). */
export function savedName(): string | null {
  try {
    return localStorage.getItem(NAME_KEY);
  } catch {
    return null;
  }
}

function saveName(name: string) {
  try {
    localStorage.setItem(NAME_KEY, name);
  } catch {
    // not essential
  }
}

/** The sync server's address: the page's own origin (npm run serve), which `npm run dev` proxies to it. */
export const syncUrl = (): string => {
  const u = new URL('collab', document.baseURI);
  u.protocol = u.protocol === 'https:' ? 'wss:' : 'ws:';
  return u.toString();
};

const ROLES: readonly RoomRole[] = ['candidate', 'interviewer', 'observer'];
const finite = (v: unknown, max = MAX_COORD): v is number => typeof v === 'number' && Number.isFinite(v) && Math.abs(v) <= max;
const xy = (v: unknown): XY | null =>
  typeof v === 'object' && v !== null && finite((v as XY).x) && finite((v as XY).y) ? { x: (v as XY).x, y: (v as XY).y } : null;
const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string' && x.length <= 200).slice(0, 2000) : []);

/** A peer's awareness state, checked field by field (a hostile peer's junk is left out, never rendered). */
function readPeer(clientId: number, state: Record<string, unknown>): Peer | null {
  const u = state.user as Record<string, unknown> | undefined;
  if (!u || typeof u !== 'object') return null;
  const name = typeof u.name === 'string' ? u.name.trim().slice(0, 40) : '';
  const color = typeof u.color === 'string' && /^#[0-9a-f]{6}$/i.test(u.color) ? u.color : '#888888';
  const role = ROLES.includes(u.role as RoomRole) ? (u.role as RoomRole) : 'observer';
  const sel = (state.sel ?? {}) as Record<string, unknown>;
  const v = state.view as Record<string, unknown> | undefined;
  const view = v && finite(v.x) && finite(v.y) && finite(v.zoom, 10) && (v.zoom as number) > 0.01 ? { x: v.x as number, y: v.y as number, zoom: v.zoom as number } : null;
  return { clientId, name: name || ROLE_LABELS[role], color, role, cursor: xy(state.cursor), selection: { nodes: ids(sel.nodes), edges: ids(sel.edges) }, view };
}

function readDrags(state: Record<string, unknown>, into: Map<string, XY>) {
  const d = state.drag;
  if (typeof d !== 'object' || d === null) return;
  let n = 0;
  for (const [id, p] of Object.entries(d as Record<string, unknown>)) {
    if (++n > 2000) break;
    const pos = xy(p);
    if (pos && id.length <= 200) into.set(id, pos);
  }
}

/** A trailing throttle: runs `fn` at most every `ms`, always with the latest call's effect. */
function throttle(fn: () => void, ms: number) {
  let timer: ReturnType<typeof setTimeout> | null = null;
  let last = 0;
  return {
    call() {
      const wait = last + ms - Date.now();
      if (wait <= 0) {
        last = Date.now();
        fn();
      } else timer ??= setTimeout(() => {
        timer = null;
        last = Date.now();
        fn();
      }, wait);
    },
    now() {
      if (timer) clearTimeout(timer);
      timer = null;
      last = Date.now();
      fn();
    },
    cancel() {
      if (timer) clearTimeout(timer);
      timer = null;
    },
  };
}

let activeValue: Room | null = null;
const activeListeners = new Set<() => void>();
const setActive = (r: Room | null) => {
  activeValue = r;
  for (const l of activeListeners) l();
};

/** The room open in this page, if any. */
export const activeRoom = (): Room | null => activeValue;

/** Leaves the open room (the Leave command), saying where the design is kept. */
export function leaveActiveRoom(): void {
  activeValue?.leave(`You left the mock interview. Your copy “${activeStore?.getState().diagram.title ?? 'of the design'}” is in My designs.`);
}
let activeStore: DiagramStore | null = null;

/** Calls back when a room opens or closes; returns an unsubscribe. */
export function onActiveRoom(fn: () => void): () => void {
  activeListeners.add(fn);
  return () => void activeListeners.delete(fn);
}

/** Creates a room on the sync server; the open design becomes its content. Throws with a message the user can act on. */
export async function createRoom(): Promise<{ id: string; tokens: Record<RoomRole, string> }> {
  let res: Response;
  try {
    res = await fetch(new URL('api/rooms', document.baseURI), { method: 'POST' });
  } catch (e) {
    throw new Error(
      `The sync server cannot be reached (${e instanceof Error ? e.message : String(e)}). Mock interviews need it: start the app with npm run dev or npm run serve (see the README). Everything else works without it.`,
    );
  }
  const body = (await res.json().catch(() => null)) as { id?: unknown; tokens?: Record<string, unknown>; error?: unknown } | null;
  if (!body && !res.ok)
    throw new Error(
      `The sync server is not running (the page's server answered ${res.status}). Mock interviews need it: start the app with npm run dev or npm run serve (see the README). Everything else works without it.`,
    );
  if (!res.ok || !body || typeof body.id !== 'string' || !body.tokens) {
    const why = typeof body?.error === 'string' ? body.error : `the server answered ${res.status}`;
    throw new Error(
      res.status === 404 || res.status === 405
        ? 'This page is not served with a sync server, so it cannot start a mock interview. Start the app with npm run dev or npm run serve (see the README).'
        : `The room could not be created: ${why}.`,
    );
  }
  return body as { id: string; tokens: Record<RoomRole, string> };
}

export interface OpenOptions {
  /** The creator's every role key (the invite links). */
  keys?: Partial<Record<RoomRole, string>>;
  /** Start the room from the open design (its creator) rather than joining it. */
  fromOpenDesign?: boolean;
  /** The practice session's clock and case study the room starts with. */
  clock?: PracticeClock;
  templateId?: string | null;
  name?: string;
}

/**
 * Opens a room: the shared document (kept in IndexedDB, so edits made offline stay and merge on
 * reconnect), a Hocuspocus provider for it and, for the interviewer, one for the private document,
 * over one WebSocket; binds it to the store and starts presence. The design on screen becomes the
 * room's copy in My designs.
 */
export async function openRoom(store: DiagramStore, link: RoomLink, o: OpenOptions = {}): Promise<Room> {
  activeValue?.leave();
  activeStore = store;
  const saved = savedRooms()[link.roomId];
  const name = (o.name ?? savedName() ?? '').trim().slice(0, 40) || ROLE_LABELS[link.role];
  if (o.name) saveName(name);

  const doc = new Y.Doc();
  const local = new IndexeddbPersistence(`mlsd-room:${link.roomId}`, doc);
  await Promise.race([local.whenSynced, new Promise((r) => setTimeout(r, 3000))]);

  // The design this room is kept as.
  let designId: string;
  const s = store.getState();
  if (o.fromOpenDesign) {
    designId = s.designId;
    if (roots(doc).nodes.size === 0) writeDiagram(doc, null, s.diagram, 'init');
    const interview = roots(doc).interview;
    doc.transact(() => {
      if (!interview.has('clock')) interview.set('clock', o.clock ?? pauseClock(startClock(Date.now()), Date.now()));
      if (!interview.has('templateId')) interview.set('templateId', o.templateId ?? null);
    }, 'init');
  } else {
    designId = saved?.designId ?? randomIds('d');
    if (s.designId !== designId) {
      const opened = s.library ? await s.library.open(designId).catch(() => null) : null;
      if (!opened?.ok) store.getState().loadDesign(designId, emptyRoomDiagram());
    }
  }
  saveRoom(link.roomId, { designId, role: link.role, key: link.key, ...(o.keys ?? saved?.keys ? { keys: o.keys ?? saved?.keys } : {}) });
  if (location.hash !== roomHash(link)) history.replaceState(history.state, '', `${location.pathname}${location.search}${roomHash(link)}`);

  const color = COLORS[doc.clientID % COLORS.length];
  const view = createStore<RoomView>(() => ({
    link,
    keys: o.keys ?? saved?.keys ?? null,
    status: 'connecting',
    pending: 0,
    me: { name, color },
    peers: [],
    following: null,
    clock: null,
    ended: false,
    templateId: null,
    rubric: null,
    notes: {},
    scores: {},
    privateTemplateId: null,
    panelOpen: link.role === 'interviewer',
  }));

  store.getState().setRoom({ id: link.roomId, role: link.role });
  const refusedNotice = (list: Refused[]) =>
    store
      .getState()
      .notify('error', `A change from another participant was refused (${list[0].message}${list.length > 1 ? ` and ${list.length - 1} more` : ''}). Your diagram keeps everything else.`);
  const binding: StoreBinding = bindStore(store, doc, refusedNotice);

  const socket = new HocuspocusProviderWebsocket({ url: syncUrl(), maxAttempts: 0, maxDelay: 4000 });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: link.roomId,
    document: doc,
    token: roomToken(link),
  });
  provider.attach();
  const awareness = provider.awareness!;

  // The interviewer's private document: a second document the server gives to the interviewer's key only.
  let privateDoc: Y.Doc | null = null;
  let privateLocal: IndexeddbPersistence | null = null;
  let privateProvider: HocuspocusProvider | null = null;
  if (link.role === 'interviewer') {
    privateDoc = new Y.Doc();
    privateLocal = new IndexeddbPersistence(`mlsd-room:${link.roomId}/private`, privateDoc);
    privateProvider = new HocuspocusProvider({ websocketProvider: socket, name: `${link.roomId}/private`, document: privateDoc, token: roomToken(link), awareness: null });
    privateProvider.attach();
    const pm = privateDoc.getMap('private');
    const readPrivate = () => {
      const notes: Record<string, unknown> = {};
      const scores: Record<string, unknown> = {};
      for (const [k, v] of pm.entries()) {
        const m = /^(note|score):([0-6])$/.exec(k);
        if (m) (m[1] === 'note' ? notes : scores)[m[2]] = v;
      }
      const t = pm.get('templateId');
      view.setState({ notes: readStepNotes(notes), scores: readScores(scores), privateTemplateId: typeof t === 'string' ? t : null });
    };
    pm.observe(readPrivate);
    readPrivate();
  }

  // ---- connection status ----
  let everConnected = false;
  let synced = false;
  let gone: RoomStatus | null = null;
  const updateStatus = () => {
    if (gone) return view.setState({ status: gone });
    const online = typeof navigator === 'undefined' || navigator.onLine !== false;
    const status: RoomStatus = synced ? 'connected' : !online ? 'offline' : everConnected ? 'reconnecting' : 'connecting';
    view.setState({ status, pending: provider.unsyncedChanges });
  };
  let offlineTimer: ReturnType<typeof setTimeout> | null = null;
  socket.on('status', ({ status }: { status: string }) => {
    if (status === 'connected') everConnected = true;
    else {
      synced = false;
      // Still no server after a while: say Offline (edits are kept and sent once it is back).
      offlineTimer ??= setTimeout(() => {
        offlineTimer = null;
        if (!synced && !gone) view.setState({ status: 'offline' });
      }, 8000);
    }
    updateStatus();
  });
  provider.on('synced', ({ state }: { state: boolean }) => {
    synced = state;
    if (state && offlineTimer) {
      clearTimeout(offlineTimer);
      offlineTimer = null;
    }
    updateStatus();
  });
  provider.on('unsyncedChanges', updateStatus);
  const onLine = () => updateStatus();
  window.addEventListener('online', onLine);
  window.addEventListener('offline', onLine);
  provider.on('authenticationFailed', ({ reason }: { reason: string }) => {
    if (gone) return;
    gone = reason === 'room-not-found' ? 'gone' : 'denied';
    updateStatus();
    const st = store.getState();
    if (gone === 'gone') {
      st.notify('info', 'This room no longer exists on the server. Keep your copy of the design?', {
        sticky: true,
        dismissible: false,
        actions: [
          { label: 'Keep a local copy', run: () => room.leave(`Kept “${store.getState().diagram.title}” in My designs.`) },
          {
            label: 'Discard',
            run: () => {
              const id = store.getState().designId;
              room.leave('Left the room.');
              store.getState().replaceDiagram({ title: 'Untitled design', problem: 'generic', nodes: [], edges: [], suppressions: [] });
              void store.getState().library?.remove(id);
            },
          },
        ],
      });
    } else {
      st.notify('error', `This room link was refused by the server (${reason}). Ask for a new link. Your copy stays in My designs.`, { sticky: true });
      room.leave();
    }
  });
  // A writer whose change is refused reconnects and sends it again: say it once a minute, not each time.
  const refusalsShown = new Map<string, number>();
  provider.on('stateless', ({ payload }: { payload: string }) => {
    try {
      const m = JSON.parse(payload) as { type?: unknown; message?: unknown };
      if (m.type !== 'refused' || typeof m.message !== 'string') return;
      const text = m.message.slice(0, 300);
      if (Date.now() - (refusalsShown.get(text) ?? -Infinity) < 60_000) return;
      refusalsShown.set(text, Date.now());
      store.getState().notify('error', `The server refused a change from another participant (${text}). Your diagram is unchanged.`);
    } catch {
      // not ours
    }
  });

  // ---- interview state ----
  const r = roots(doc);
  const readInterview = () => {
    const t = r.interview.get('templateId');
    view.setState({ clock: readClock(r.interview.get('clock')), ended: r.interview.get('ended') === true, templateId: typeof t === 'string' ? t : null, rubric: readRubric(r.rubric) });
    store.getState().setRoomRubric(readRubric(r.rubric));
  };
  r.interview.observe(readInterview);
  r.rubric.observe(readInterview);
  readInterview();

  // ---- presence ----
  const localState: Record<string, unknown> = { user: { name, color, role: link.role }, cursor: null, sel: { nodes: [], edges: [] }, drag: null, view: null };
  const publish = throttle(() => awareness.setLocalState({ ...localState }), AWARENESS_MS);
  publish.now();
  const readPeers = () => {
    const peers: Peer[] = [];
    const drags = new Map<string, XY>();
    for (const [id, st] of awareness.getStates()) {
      if (id === doc.clientID || !st) continue;
      const p = readPeer(id, st as Record<string, unknown>);
      if (!p) continue;
      peers.push(p);
      readDrags(st as Record<string, unknown>, drags);
    }
    peers.sort((a, b) => a.clientId - b.clientId);
    const following = view.getState().following;
    view.setState({ peers, following: following !== null && peers.some((p) => p.clientId === following) ? following : null });
    setRemoteDrags(drags);
  };
  awareness.on('change', readPeers);
  setLocalDragSink((frames) => {
    localState.drag = frames.size ? Object.fromEntries(frames) : null;
    if (frames.size) publish.call();
    else publish.now();
  });
  const unsubSelection = store.subscribe((st, prev) => {
    if (st.selection !== prev.selection) {
      localState.sel = { nodes: st.selection.nodes.slice(0, 2000), edges: st.selection.edges.slice(0, 2000) };
      publish.call();
    }
    // Another design opened (New, a file, My designs): the room stays behind, the new design is one's own.
    if (st.designId !== designId && st.room) room.leave('You left the mock interview room; its design stays in My designs.');
  });

  let left = false;
  const room: Room = {
    view,
    setName(n) {
      const clean = n.trim().slice(0, 40);
      if (!clean) return;
      saveName(clean);
      localState.user = { name: clean, color, role: link.role };
      view.setState({ me: { name: clean, color } });
      publish.now();
    },
    follow(clientId) {
      view.setState({ following: clientId });
    },
    setCursor(p) {
      localState.cursor = p;
      publish.call();
    },
    setView(v) {
      localState.view = v;
      publish.call();
    },
    setClock(f) {
      if (link.role === 'observer') return;
      const c = readClock(r.interview.get('clock')) ?? startClock(Date.now());
      r.interview.set('clock', f(c, Date.now()));
    },
    setNote(step, text) {
      privateDoc?.getMap('private').set(`note:${step}`, text.slice(0, 100_000));
    },
    setScore(step, score) {
      const pm = privateDoc?.getMap('private');
      if (!pm) return;
      if (score === null) pm.delete(`score:${step}`);
      else pm.set(`score:${step}`, score);
    },
    setTemplate(id) {
      privateDoc?.getMap('private').set('templateId', id);
    },
    shareRubric() {
      const v = view.getState();
      doc.transact(() => {
        r.rubric.set('scores', Object.fromEntries(Object.entries(v.scores)));
        r.rubric.set('notes', Object.fromEntries(Object.entries(v.notes)));
        r.rubric.set('sharedAt', Date.now());
      }, 'rubric');
    },
    togglePanel(open) {
      view.setState({ panelOpen: open ?? !view.getState().panelOpen });
    },
    leave(message) {
      if (left) return;
      left = true;
      unsubSelection();
      publish.cancel();
      setLocalDragSink(null);
      setRemoteDrags(new Map());
      if (offlineTimer) clearTimeout(offlineTimer);
      window.removeEventListener('online', onLine);
      window.removeEventListener('offline', onLine);
      binding.destroy();
      provider.destroy();
      privateProvider?.destroy();
      socket.destroy();
      void local.destroy();
      void privateLocal?.destroy();
      saveRoom(link.roomId, null);
      if (activeValue === room) setActive(null);
      const st = store.getState();
      st.setRoom(null);
      // Back to an ordinary design (the room's copy in My designs), with a fresh undo history.
      if (st.designId === designId) st.loadDesign(designId, st.diagram);
      if (parseHashRoom() === link.roomId) history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      if (message) st.notify('info', message);
    },
  };
  setActive(room);
  updateStatus();
  return room;
}

function parseHashRoom(): string | null {
  return new URLSearchParams(location.hash.replace(/^#/, '')).get('room');
}

function emptyRoomDiagram() {
  return { title: 'Mock interview', problem: 'generic' as const, nodes: [], edges: [], suppressions: [] };
}

