/**
 * `npm run bench:collab`: simulated clients (Node, the real Hocuspocus provider) in many rooms of one real
 * sync server process (tsx server/main.ts, SQLite in a temporary folder), each client editing its own
 * component at a set rate. Prints convergence latency p50 / p95 (an edit's send to its arrival at each
 * other client of the room), the server's CPU and resident memory, updates per second, and the server's
 * memory after every room has emptied (documents stored and unloaded).
 *
 * Options: --rooms 50 --clients 4 --rate 5 (edits per second per client) --seconds 30 --workers 2 --json
 * The clients run in worker processes (rooms split between them), so the simulated side is not one
 * saturated event loop; an edit and its arrivals are timed in the same process (one room, one worker).
 * Target on a 2-core machine: 50 rooms x 4 clients x 5 edits/s with p95 under 200 ms, memory back near its start.
 */
import { readFileSync } from 'node:fs';
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import * as Y from 'yjs';
import { connectClient, createRoom, type Room } from '../tests/support/nodeClient';
import { startSyncProcess } from '../tests/support/processes';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const ROOMS = arg('rooms', 50);
const CLIENTS = arg('clients', 4);
const RATE = arg('rate', 5);
const SECONDS = arg('seconds', 30);
const WORKERS = arg('workers', 2);
const JSON_OUT = process.argv.includes('--json');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const TICK = Number(readFileSync('/proc/self/stat', 'utf8') && 100); // USER_HZ on Linux
function cpuSeconds(pid: number): number {
  const f = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const rest = f.slice(f.lastIndexOf(')') + 2).split(' ');
  return (Number(rest[11]) + Number(rest[12])) / TICK; // utime + stime
}
function rssMb(pid: number): number {
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : NaN;
}
const pct = (xs: number[], p: number) => {
  if (!xs.length) return NaN;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};


interface WorkerJob {
  port: number;
  rooms: Room[];
  clients: number;
  rate: number;
  seconds: number;
  startAt: number;
}

/** A worker: connects the clients of its rooms, edits at the rate, times every arrival. */
async function runWorker(job: WorkerJob) {
  const sent = new Map<string, number>();
  const latencies: number[] = [];
  let edits = 0;
  const rooms = job.rooms.map((room) => ({
    room,
    clients: Array.from({ length: job.clients }, (_, c) => {
      const role = c === 1 ? 'interviewer' : 'candidate';
      return connectClient(job.port, room.id, `${role}.${room.tokens[role]}`);
    }),
  }));
  await Promise.all(rooms.flatMap((r) => r.clients.map((c) => c.synced)));
  rooms.forEach(({ clients }, r) =>
    clients.forEach((client, c) => {
      const nodes = client.doc.getMap<Y.Map<unknown>>('nodes');
      if (c === 0)
        client.doc.transact(() => {
          for (let k = 0; k < job.clients; k++) {
            const m = new Y.Map<unknown>();
            m.set('kind', 'cache');
            m.set('label', `c${k} 0`);
            m.set('at', { x: k * 200, y: 0 });
            m.set('props', new Y.Map());
            nodes.set(`c${k}`, m);
          }
        });
      nodes.observeDeep((events, tr) => {
        if (tr.local) return;
        for (const ev of events) {
          if (!(ev.target instanceof Y.Map) || !ev.changes.keys.has('label')) continue;
          const t = sent.get(`${r} ${String(ev.target.get('label'))}`);
          if (t !== undefined) latencies.push(performance.now() - t);
        }
      });
    }),
  );
  process.send!({ type: 'ready' });
  await new Promise<void>((ok) => process.once('message', () => ok()));
  const end = performance.now() + job.seconds * 1000;
  const interval = 1000 / job.rate;
  const all = rooms.flatMap(({ clients }, r) => clients.map((client, c) => ({ client, r, c })));
  let seq = 0;
  await new Promise<void>((done) => {
    all.forEach(({ client, r, c }, i) => {
      let next = performance.now() + (i / all.length) * interval;
      const fire = () => {
        const now = performance.now();
        if (now >= end) return;
        const node = client.doc.getMap<Y.Map<unknown>>('nodes').get(`c${c}`);
        if (node) {
          const label = `c${c} ${++seq}`;
          sent.set(`${r} ${label}`, now);
          client.doc.transact(() => {
            node.set('label', label);
            node.set('at', { x: c * 200 + (seq % 50), y: seq % 30 });
          });
          edits++;
        }
        next += interval; // a fixed schedule: a late tick does not lower the rate
        setTimeout(fire, Math.max(0, next - performance.now()));
      };
      setTimeout(fire, Math.max(0, next - performance.now()));
    });
    setTimeout(done, job.seconds * 1000 + 1500);
  });
  for (const { clients } of rooms) for (const c of clients) c.destroy();
  await new Promise<void>((ok) => process.send!({ type: 'done', edits, latencies, expected: edits * (job.clients - 1) }, undefined, {}, () => ok()));
}

if (process.env.BENCH_COLLAB_JOB) {
  await runWorker(JSON.parse(process.env.BENCH_COLLAB_JOB) as WorkerJob);
  process.exit(0);
}

const server = await startSyncProcess({ serveApp: false, debounceMs: 2000, nodeArgs: ['--expose-gc'], env: { SYNC_ROOMS_PER_MINUTE: String(ROOMS + 10) } });
const pid = server.proc.pid!;
await sleep(1000);
const health = async () => (await (await fetch(new URL('api/health', server.url))).json()) as { documents: number; connections: number; heapUsedMb: number };
const rssStart = rssMb(pid);
const heapStart = (await health()).heapUsedMb;
const created: Room[] = [];
for (let r = 0; r < ROOMS; r++) created.push(await createRoom(server.url));

const workers = Array.from({ length: WORKERS }, (_, w) => {
  const job: WorkerJob = { port: server.port, rooms: created.filter((_, i) => i % WORKERS === w), clients: CLIENTS, rate: RATE, seconds: SECONDS, startAt: 0 };
  return fork(fileURLToPath(import.meta.url), [], { execArgv: ['--import', 'tsx'], env: { ...process.env, BENCH_COLLAB_JOB: JSON.stringify(job) } });
});
type Report = { type: string; edits?: number; latencies?: number[]; expected?: number };
const next = (w: ChildProcess) => new Promise<Report>((ok, fail) => (w.once('message', (m) => ok(m as Report)), w.once('error', fail)));
await Promise.all(workers.map(next));
await sleep(2000);
let rssPeak = rssMb(pid);
const cpu0 = cpuSeconds(pid);
const workerCpu0 = workers.map((w) => cpuSeconds(w.pid!));
const t0 = performance.now();
const results = Promise.all(workers.map(next));
for (const w of workers) w.send('go');
const sample = setInterval(() => (rssPeak = Math.max(rssPeak, rssMb(pid))), 1000);
await sleep(SECONDS * 1000);
const wall = (performance.now() - t0) / 1000;
const cpu = (cpuSeconds(pid) - cpu0) / wall;
const clientCpu = workers.reduce((n, w, i) => n + cpuSeconds(w.pid!) - workerCpu0[i], 0) / wall;
const done = await results;
clearInterval(sample);
const latencies = done.flatMap((d) => d.latencies ?? []);
const edits = done.reduce((n, d) => n + (d.edits ?? 0), 0);
const expected = done.reduce((n, d) => n + (d.expected ?? 0), 0);
const received = latencies.length;
// The server stores each document (debounced) and unloads it once its last client has gone.
await sleep(8000);
const rssAfter = rssMb(pid);
const after = await health();
await server.stop();

const result = {
  rooms: ROOMS,
  clients: ROOMS * CLIENTS,
  editsPerSecondPerClient: RATE,
  seconds: Number(wall.toFixed(1)),
  edits,
  editsPerSecond: Math.round(edits / wall),
  deliveriesPerSecond: Math.round(received / wall),
  delivered: `${received} of ${expected}`,
  convergenceP50Ms: Number(pct(latencies, 50).toFixed(1)),
  convergenceP95Ms: Number(pct(latencies, 95).toFixed(1)),
  convergenceMaxMs: Number(Math.max(...latencies).toFixed(1)),
  serverCpuCores: Number(cpu.toFixed(2)),
  simulatedClientsCpuCores: Number(clientCpu.toFixed(2)),
  serverRssStartMb: Number(rssStart.toFixed(0)),
  serverRssPeakMb: Number(rssPeak.toFixed(0)),
  serverRssAfterRoomsEmptyMb: Number(rssAfter.toFixed(0)),
  serverHeapStartMb: heapStart,
  serverHeapAfterRoomsEmptyMb: after.heapUsedMb,
  documentsLoadedAfterRoomsEmpty: after.documents,
  loadAverage: Number((await import('node:os')).loadavg()[0].toFixed(1)),
};
if (JSON_OUT) console.log(JSON.stringify(result, null, 2));
else {
  console.log(`\n${ROOMS} rooms x ${CLIENTS} clients, ${RATE} edits/s each, ${result.seconds} s`);
  console.log(`  edits/s sent            ${result.editsPerSecond}   (delivered to peers: ${result.deliveriesPerSecond}/s, ${result.delivered})`);
  console.log(`  convergence p50 / p95   ${result.convergenceP50Ms} / ${result.convergenceP95Ms} ms   (max ${result.convergenceMaxMs})   target p95 < 200 ms: ${result.convergenceP95Ms < 200 ? 'met' : 'NOT met'}`);
  console.log(`  server CPU              ${result.serverCpuCores} cores (the simulated clients: ${result.simulatedClientsCpuCores} cores)`);
  console.log(`  server RSS              start ${result.serverRssStartMb} MB, peak ${result.serverRssPeakMb} MB, after the rooms emptied ${result.serverRssAfterRoomsEmptyMb} MB`);
  console.log(`  server heap used        start ${result.serverHeapStartMb} MB, after the rooms emptied ${result.serverHeapAfterRoomsEmptyMb} MB (${result.documentsLoadedAfterRoomsEmpty} documents still loaded)`);
  console.log(`  machine load average    ${result.loadAverage} (2 cores; other work on the machine slows every figure)`);
}
process.exit(0);
