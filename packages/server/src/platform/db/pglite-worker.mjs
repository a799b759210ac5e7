/**
 * PGlite runs here, off the main thread: PGlite executes each query synchronously inside WebAssembly, so on the
 * main thread one slow report would freeze every other request and timer. The main thread talks to it over the
 * PostgreSQL wire protocol (pglite-socket on a Unix socket), which lets the server use the same `pg` driver and
 * the same queries for PGlite and a real PostgreSQL server.
 *
 * PGlite is one single session. The main thread's pool holds exactly one connection, so transactions never
 * interleave. Bulk COPY … FROM STDIN is not supported by PGlite's wire handling, so
 * bulk loads arrive here as a message and run as `COPY … FROM '/dev/blob'` — in that same session, hence inside
 * whatever transaction the main thread's connection has open.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

// Plain JavaScript on purpose: a worker thread does not inherit the TypeScript loader of whoever started it
// (tsx, vitest), so this file must run on bare Node.
/** @typedef {{ dataDir: string | null, socketPath: string }} WorkerInput */
/** @typedef {{ id: number, kind: 'copy', sql: string, data: Uint8Array } | { id: number, kind: 'close' }} Request */

/** @type {WorkerInput} */
const input = workerData;
const port = parentPort;
if (!port) throw new Error('pglite-worker must run as a worker thread');

const db = await PGlite.create(input.dataDir ?? undefined);
// The main thread's pool keeps one connection at a time, but `pg` drops a connection after a failed query and
// opens a new one at once, before this side has seen the old socket close: allow a few so that reconnect is not
// refused. pglite-socket queues their messages and keeps a transaction to the connection that opened it.
const server = new PGLiteSocketServer({ db, path: input.socketPath, maxConnections: 4 });
await server.start();

port.on('message', (/** @type {Request} */ msg) => {
  void handle(msg);
});
port.postMessage({ kind: 'ready' });

/** @param {Request} msg */
async function handle(msg) {
  try {
    if (msg.kind === 'copy') {
      const result = await db.query(msg.sql, [], { blob: new Blob([msg.data]) });
      port.postMessage({ id: msg.id, ok: true, affectedRows: result.affectedRows ?? 0 });
    } else {
      await server.stop();
      await db.close();
      port.postMessage({ id: msg.id, ok: true, affectedRows: 0 });
    }
  } catch (error) {
    const e = /** @type {{ message?: string, code?: string }} */ (error);
    port.postMessage({ id: msg.id, ok: false, message: e.message ?? String(error), code: e.code ?? null });
  }
}
