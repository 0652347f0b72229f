import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { RoomRecord } from './db';

/** The three ways into a room. Observers are read-only on the server; only the interviewer reaches the private document. */
export const ROLES = ['candidate', 'interviewer', 'observer'] as const;
export type Role = (typeof ROLES)[number];

/** 128 random bits, URL-safe (22 characters). */
export const randomKey = (): string => randomBytes(16).toString('base64url');

const KEY = /^[A-Za-z0-9_-]{22}$/;

export const hashKey = (key: string): string => createHash('sha256').update(key).digest('hex');

/** A new room: its id, each role's token (returned once, to its creator) and the record to store (hashes only). */
export function newRoom(now: number): { record: RoomRecord; tokens: Record<Role, string> } {
  const id = randomKey();
  const tokens = { candidate: randomKey(), interviewer: randomKey(), observer: randomKey() };
  return {
    record: { id, candidate: hashKey(tokens.candidate), interviewer: hashKey(tokens.interviewer), observer: hashKey(tokens.observer), createdAt: now },
    tokens,
  };
}

/** The document names of a room: `<id>` for the design, `<id>/private` for the interviewer's notes. */
export function parseDocumentName(name: string): { roomId: string; private: boolean } | null {
  const m = /^([A-Za-z0-9_-]{22})(\/private)?$/.exec(name);
  return m ? { roomId: m[1], private: !!m[2] } : null;
}

/** The role a connection's token (`<role>.<key>`) proves for this room, or null. Compared in constant time. */
export function roleOf(room: RoomRecord, token: string): Role | null {
  const dot = token.indexOf('.');
  if (dot < 0) return null;
  const role = token.slice(0, dot) as Role;
  const key = token.slice(dot + 1);
  if (!ROLES.includes(role) || !KEY.test(key)) return null;
  const want = Buffer.from(room[role], 'hex');
  const got = Buffer.from(hashKey(key), 'hex');
  return want.length === got.length && timingSafeEqual(want, got) ? role : null;
}
