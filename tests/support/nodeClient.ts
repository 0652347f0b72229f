import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import WebSocket from 'ws';
import * as Y from 'yjs';

export interface Room {
  id: string;
  tokens: Record<'candidate' | 'interviewer' | 'observer', string>;
}

/** Creates a room through the server's HTTP API, as the app does. */
export async function createRoom(baseUrl: string): Promise<Room> {
  const res = await fetch(new URL('api/rooms', baseUrl), { method: 'POST' });
  if (res.status !== 201) throw new Error(`room not created: ${res.status}`);
  return (await res.json()) as Room;
}

export interface Client {
  doc: Y.Doc;
  provider: HocuspocusProvider;
  socket: HocuspocusProviderWebsocket;
  failures: string[];
  synced: Promise<void>;
  destroy(): void;
}

/** A Node client with the real Hocuspocus provider, on one document of a room. */
export function connectClient(port: number, name: string, token: string): Client {
  const doc = new Y.Doc();
  const failures: string[] = [];
  const socket = new HocuspocusProviderWebsocket({ url: `ws://127.0.0.1:${port}/collab`, WebSocketPolyfill: WebSocket, maxDelay: 1000 });
  const provider = new HocuspocusProvider({ websocketProvider: socket, name, document: doc, token, onAuthenticationFailed: ({ reason }) => failures.push(reason) });
  provider.attach();
  const synced = new Promise<void>((ok) => provider.on('synced', ({ state }: { state: boolean }) => state && ok()));
  return {
    doc,
    provider,
    socket,
    failures,
    synced,
    destroy() {
      provider.destroy();
      socket.destroy();
    },
  };
}

/** Polls until `check` holds (or fails after `ms`). */
export async function until(check: () => boolean, ms = 5000, what = 'the condition'): Promise<void> {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
