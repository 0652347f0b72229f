import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import * as encoding from 'lib0/encoding';
import * as decoding from 'lib0/decoding';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { connectClient, createRoom, until } from '../support/nodeClient';
import { startRedis, startSyncProcess, type RedisProcess, type SyncProcess } from '../support/processes';

// The sync server as a deployment runs it (tsx server/main.ts), with hand-written and provider clients.

let server: SyncProcess;
beforeAll(async () => {
  server = await startSyncProcess({ serveApp: false });
});
afterAll(async () => {
  await server?.stop();
});

const node = (doc: Y.Doc, id: string, kind: string, label?: string) => {
  const m = new Y.Map<unknown>();
  m.set('kind', kind);
  if (label) m.set('label', label);
  m.set('at', { x: 10, y: 20 });
  m.set('props', new Y.Map());
  doc.getMap('nodes').set(id, m);
};

/** Message of the Hocuspocus protocol: document name, then the type, then its body. */
function message(doc: string, type: number, body: (e: encoding.Encoder) => void): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarString(e, doc);
  encoding.writeVarUint(e, type);
  body(e);
  return encoding.toUint8Array(e);
}

/** A hand-written WebSocket client that authenticates and records every message the server sends it. */
async function rawClient(port: number) {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/collab`);
  const received: Uint8Array[] = [];
  ws.on('message', (data: Buffer) => received.push(new Uint8Array(data)));
  await new Promise((ok, fail) => ws.once('open', ok).once('error', fail));
  return {
    ws,
    received,
    auth(doc: string, token: string) {
      // Auth message: type 2, then AuthMessageType.Token (0) and the token.
      ws.send(message(doc, 2, (e) => (encoding.writeVarUint(e, 0), encoding.writeVarString(e, token))));
    },
    send(data: Uint8Array) {
      ws.send(data);
    },
    /** Names of the documents the server sent anything about. */
    documents(): string[] {
      return received.map((m) => decoding.readVarString(decoding.createDecoder(m)));
    },
  };
}

describe('rooms on the sync server', () => {
  it('rooms are created with three unguessable keys, cannot be listed, and a wrong key or role is refused', async () => {
    const room = await createRoom(server.url);
    expect(room.id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    for (const k of Object.values(room.tokens)) expect(k).toMatch(/^[A-Za-z0-9_-]{22}$/); // 16 random bytes
    expect(new Set(Object.values(room.tokens)).size).toBe(3);
    expect((await fetch(new URL('api/rooms', server.url))).status).toBe(405);
    // The candidate's key does not open the room as interviewer, a made-up key nothing.
    const wrongRole = connectClient(server.port, room.id, `interviewer.${room.tokens.candidate}`);
    const madeUp = connectClient(server.port, room.id, `candidate.${'A'.repeat(22)}`);
    const noRoom = connectClient(server.port, 'B'.repeat(22), `candidate.${room.tokens.candidate}`);
    await until(() => wrongRole.failures.length > 0 && madeUp.failures.length > 0 && noRoom.failures.length > 0, 5000, 'refusals');
    expect(wrongRole.failures[0]).toBe('invalid-token');
    expect(madeUp.failures[0]).toBe('invalid-token');
    expect(noRoom.failures[0]).toBe('room-not-found');
    for (const c of [wrongRole, madeUp, noRoom]) c.destroy();
  });

  it('an observer cannot change the room: the server drops its writes (a hand-written client sending a Yjs update)', async () => {
    const room = await createRoom(server.url);
    const cand = connectClient(server.port, room.id, `candidate.${room.tokens.candidate}`);
    await cand.synced;
    node(cand.doc, 'a', 'cache', 'Candidate cache');
    const raw = await rawClient(server.port);
    raw.auth(room.id, `observer.${room.tokens.observer}`);
    await until(() => raw.received.length > 0, 5000, 'the observer’s auth answer');
    // An update that adds a node, written by hand as a Sync/Update message.
    const evilDoc = new Y.Doc();
    node(evilDoc, 'o', 'cache', 'Observer wrote this');
    raw.send(message(room.id, 0, (e) => syncProtocol.writeUpdate(e, Y.encodeStateAsUpdate(evilDoc))));
    // And a provider client with the observer key, which the UI would also stop.
    const obs = connectClient(server.port, room.id, `observer.${room.tokens.observer}`);
    await obs.synced;
    node(obs.doc, 'o2', 'cache', 'Observer wrote this too');
    await new Promise((r) => setTimeout(r, 800));
    const later = connectClient(server.port, room.id, `interviewer.${room.tokens.interviewer}`);
    await later.synced;
    expect([...later.doc.getMap('nodes').keys()]).toEqual(['a']);
    expect([...cand.doc.getMap('nodes').keys()]).toEqual(['a']);
    raw.ws.close();
    for (const c of [cand, obs, later]) c.destroy();
  });

  it('a candidate’s connection never receives the interviewer’s private document (checked on the wire)', async () => {
    const room = await createRoom(server.url);
    const interviewer = connectClient(server.port, `${room.id}/private`, `interviewer.${room.tokens.interviewer}`);
    await interviewer.synced;
    interviewer.doc.getMap('private').set('note:0', 'SECRET-NOTE: weak on requirements');
    const raw = await rawClient(server.port);
    raw.auth(room.id, `candidate.${room.tokens.candidate}`);
    raw.auth(`${room.id}/private`, `candidate.${room.tokens.candidate}`);
    // Ask for the private document's state as a client would (sync step 1), after authenticating.
    raw.send(message(`${room.id}/private`, 0, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
    raw.send(message(room.id, 0, (e) => syncProtocol.writeSyncStep1(e, new Y.Doc())));
    interviewer.doc.getMap('private').set('note:1', 'SECRET-NOTE-2');
    await new Promise((r) => setTimeout(r, 1000));
    const wire = raw.received.map((m) => Buffer.from(m).toString('latin1')).join('\n');
    expect(wire).not.toContain('SECRET-NOTE');
    // The one message about the private document is the refusal.
    const aboutPrivate = raw.received.filter((m) => decoding.readVarString(decoding.createDecoder(m)) === `${room.id}/private`);
    expect(aboutPrivate.length).toBe(1);
    expect(Buffer.from(aboutPrivate[0]).toString('latin1')).toContain('forbidden');
    // The room itself did reach the candidate.
    expect(raw.documents()).toContain(room.id);
    raw.ws.close();
    interviewer.destroy();
  });

  it('a hostile writer is refused and the server stays up: unknown kinds, 1e308, huge strings, deep nesting, foreign roots', async () => {
    const room = await createRoom(server.url);
    const good = connectClient(server.port, room.id, `candidate.${room.tokens.candidate}`);
    await good.synced;
    node(good.doc, 'ok', 'cache', 'Fine');
    const attempts: ((d: Y.Doc) => void)[] = [
      (d) => node(d, 'x1', 'feature-stor'),
      (d) => {
        const m = new Y.Map<unknown>();
        m.set('kind', 'cache');
        m.set('at', { x: 1e308, y: 0 });
        d.getMap('nodes').set('x2', m);
      },
      (d) => node(d, 'x3', 'cache', 'y'.repeat(3_000_000)),
      (d) => {
        let v: unknown = 1;
        for (let i = 0; i < 5000; i++) v = [v];
        const m = new Y.Map<unknown>();
        m.set('kind', 'cache');
        m.set('at', { x: 0, y: 0 });
        const p = new Y.Map<unknown>();
        p.set('deep', v);
        m.set('props', p);
        d.getMap('nodes').set('x4', m);
      },
      (d) => d.getMap('junk').set('a', 'b'.repeat(1000)),
      (d) => d.getMap('meta').set('problem', 'no-such-problem'),
    ];
    for (const attack of attempts) {
      const c = connectClient(server.port, room.id, `candidate.${room.tokens.candidate}`);
      await c.synced;
      attack(c.doc);
      await new Promise((r) => setTimeout(r, 300));
      c.destroy();
    }
    const check = connectClient(server.port, room.id, `interviewer.${room.tokens.interviewer}`);
    await check.synced;
    expect([...check.doc.getMap('nodes').keys()]).toEqual(['ok']);
    expect(check.doc.getMap('meta').get('problem')).toBeUndefined();
    expect((await fetch(new URL('api/health', server.url))).status).toBe(200);
    expect(server.output()).toMatch(/refused an update/);
    good.destroy();
    check.destroy();
  });
});

/** One Redis command over RESP, its raw reply. */
function redisCommand(url: string, args: string[]): Promise<string> {
  const u = new URL(url);
  return new Promise((ok) => {
    const sock = connect(Number(u.port), u.hostname);
    let out = '';
    sock.on('data', (d) => {
      out += d.toString();
      sock.end();
    });
    sock.on('close', () => ok(JSON.stringify(out)));
    sock.on('error', (err) => ok(`error: ${err.message}`));
    sock.write(`*${args.length}\r\n${args.map((a) => `$${Buffer.byteLength(a)}\r\n${a}\r\n`).join('')}`);
  });
}

describe('two server processes with Redis', () => {
  let redis: RedisProcess;
  let s1: SyncProcess;
  let s2: SyncProcess;
  beforeAll(async () => {
    redis = await startRedis();
    // One SQLite file (as a shared volume would be) or two: the processes only share rooms through Redis.
    s1 = await startSyncProcess({ serveApp: false, redisUrl: redis.url, name: 'one' });
    s2 = await startSyncProcess({ serveApp: false, redisUrl: redis.url, name: 'two', dbPath: s1.dbPath });
  });
  afterAll(async () => {
    await s1?.stop();
    await s2?.stop();
    await redis?.stop();
  });

  // Retried: about one run in ten on a loaded machine, neither process relayed the other's change within
  // 20 s (not reproduced alone; the failure message says what Redis and both servers held).
  it('clients on different processes edit one room and converge', { retry: 2 }, async () => {
    const room = await createRoom(s1.url);
    const a = connectClient(s1.port, room.id, `candidate.${room.tokens.candidate}`);
    const b = connectClient(s2.port, room.id, `interviewer.${room.tokens.interviewer}`);
    await Promise.all([a.synced, b.synced]);
    node(a.doc, 'from-a', 'cache', 'A');
    node(b.doc, 'from-b', 'ranking', 'B');
    const keys = (c: typeof a) => [...c.doc.getMap('nodes').keys()].sort().join(',');
    await until(() => keys(a) === 'from-a,from-b' && keys(b) === 'from-a,from-b', 20_000, 'convergence across processes').catch(async (e: Error) => {
      // What the next person needs to see: both documents, each server's load, Redis's subscribers.
      const health = async (p: SyncProcess) => JSON.stringify(await (await fetch(new URL('api/health', p.url))).json());
      throw new Error(
        `${e.message}: A has [${keys(a)}], B has [${keys(b)}]; one ${await health(s1)}, two ${await health(s2)}; ` +
          `Redis subscribers of the room: ${await redisCommand(redis.url, ['PUBSUB', 'NUMSUB', `hocuspocus:${room.id}`])}\n` +
          `--- one:\n${s1.output()}\n--- two:\n${s2.output()}`,
      );
    });
    // Concurrent writes of one key settle on one value on both.
    (a.doc.getMap('nodes').get('from-a') as Y.Map<unknown>).set('label', 'from A');
    (b.doc.getMap('nodes').get('from-a') as Y.Map<unknown>).set('label', 'from B');
    const label = (c: typeof a) => (c.doc.getMap('nodes').get('from-a') as Y.Map<unknown>).get('label');
    await until(() => label(a) === label(b) && (label(a) === 'from A' || label(a) === 'from B'), 20_000, 'one label');
    a.destroy();
    b.destroy();
  });
});
