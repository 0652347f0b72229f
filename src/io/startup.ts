import type { DiagramStore } from '../store/diagramStore';
import { openAsNewDesign } from '../store/openAsNewDesign';
import { startPersistence, type PersistenceOptions } from './persistence';

/**
 * What the app does with storage and the URL once the first paint is done (loaded lazily by
 * main.tsx, never in benchmark mode): restore the last design and start autosave, then open a
 * share link in the URL hash as a new design.
 */

/** True when a URL hash carries a share link (`#d=...`). */
export const hasShareHash = (hash: string): boolean => /^#(?:.*&)?d=/.test(hash);

/** Restores the last design, starts autosave and My designs, and opens a share link in the URL. */
export async function startFiles(store: DiagramStore, options: PersistenceOptions): Promise<void> {
  await startPersistence(store, options).catch((e: unknown) => {
    store.getState().setSaveStatus('failed', `Autosave could not start (${e instanceof Error ? e.message : String(e)}). Save a file (${options.saveKeys}) to keep your work.`);
  });
  if (hasShareHash(location.hash)) await openShareLink(store, location.hash);
  else if (hasRoomHash(location.hash)) await joinRoomLink(store);
  window.addEventListener('hashchange', () => {
    if (hasShareHash(location.hash)) void openShareLink(store, location.hash);
    else if (hasRoomHash(location.hash)) void joinRoomLink(store);
  });
}

/** True when a URL hash carries a mock-interview room link (`#room=...`). */
export const hasRoomHash = (hash: string): boolean => /^#(?:.*&)?room=/.test(hash);

/** Joins the room a link in the URL names (its code loads now); a broken link or an absent server says why. */
export async function joinRoomLink(store: DiagramStore): Promise<void> {
  const fail = (text: string) => store.getState().notify('error', text, { sticky: true });
  try {
    const [{ parseRoomHash }, room] = await Promise.all([import('../collab/links'), import('../collab/room')]);
    const link = parseRoomHash(location.hash);
    if (!link) {
      history.replaceState(history.state, '', `${location.pathname}${location.search}`);
      fail('This mock interview link is incomplete (it needs its room, role and key). Ask for the link again.');
      return;
    }
    const open = room.activeRoom()?.view.getState().link;
    if (open && open.roomId === link.roomId && open.role === link.role) return;
    await room.openRoom(store, link);
  } catch (e) {
    fail(`The mock interview could not be opened: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/**
 * Opens the diagram a share link carries as a new design. A broken link says why and leaves
 * everything as it was (the restored design stays on screen and in storage). Either way the hash
 * is cleared, so a reload does not import the link again.
 */
export async function openShareLink(store: DiagramStore, hash: string): Promise<void> {
  const { decodeShareHash } = await import('./shareLink');
  const r = await decodeShareHash(hash);
  history.replaceState(history.state, '', `${location.pathname}${location.search}`);
  if (!r.ok) {
    store.getState().notify('error', `${r.error.message} Your own designs are untouched.`, { sticky: true });
    return;
  }
  openAsNewDesign(store, r.value, `Opened the shared design “${r.value.title}”.`, { look: true });
}
