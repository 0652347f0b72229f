import type { RoomRole } from '../store/roomSlice';

/** A way into a room: its id, one's role and the role's key (128 bits, checked by the server). */
export interface RoomLink {
  roomId: string;
  role: RoomRole;
  key: string;
}

const ID = /^[A-Za-z0-9_-]{22}$/;
const ROLES: readonly RoomRole[] = ['candidate', 'interviewer', 'observer'];

/** The room link in a URL hash (`#room=<id>&role=<role>&key=<key>`), or null. */
export function parseRoomHash(hash: string): RoomLink | null {
  const q = new URLSearchParams(hash.replace(/^#/, ''));
  const roomId = q.get('room') ?? '';
  const role = q.get('role') as RoomRole;
  const key = q.get('key') ?? '';
  if (!ID.test(roomId) || !ID.test(key) || !ROLES.includes(role)) return null;
  return { roomId, role, key };
}

/** The hash of a room link. */
export const roomHash = (l: RoomLink): string => `#room=${l.roomId}&role=${l.role}&key=${l.key}`;

/** The whole URL of a room link for this page. */
export function roomUrl(l: RoomLink): string {
  const u = new URL(location.href);
  u.search = '';
  u.hash = roomHash(l);
  return u.toString();
}

/** The token the server checks: `<role>.<key>`. */
export const roomToken = (l: RoomLink): string => `${l.role}.${l.key}`;

export const ROLE_LABELS: Record<RoomRole, string> = {
  candidate: 'Candidate',
  interviewer: 'Interviewer',
  observer: 'Observer',
};
