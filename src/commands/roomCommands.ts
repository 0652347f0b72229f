import type { AppCommands } from './appCommands';
import { lazyActions } from './lazyActions';

/** The room code (Yjs, Hocuspocus) loads when a room is opened or left, never with the page. */
const room = lazyActions(() => import('../collab/room'), 'the mock interview code');

/** Mock interviews in pairs: start a room from the open design, leave it. */
export function registerRoomCommands(r: AppCommands): void {
  r.register({
    id: 'start-interview',
    name: 'Start mock interview…',
    group: 'File',
    run: ({ store }) => store.getState().openDialog(store.getState().room ? 'room-links' : 'start-interview'),
    enabled: ({ store }) => store.getState().room === null,
  });
  r.register({
    id: 'leave-interview',
    name: 'Leave mock interview',
    group: 'File',
    run: room.run((m) => m.leaveActiveRoom()),
    enabled: ({ store }) => store.getState().room !== null,
  });
}
