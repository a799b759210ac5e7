/**
 * Browser journeys run against the real thing: the web app is built, and the server is started the way
 * `npm start` starts it (its own process, embedded PGlite in a fresh data folder, the demo loaded on first start).
 */
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export const DEMO_PASSWORD = 'E2e-Demo-Pass-2026';
const root = path.resolve(import.meta.dirname, '../..');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

let server: ChildProcess | null = null;
let dataDir = '';

export default async function setup(project: TestProject) {
  execFileSync(process.execPath, [path.join(root, 'tools/build-web-if-needed.js')], { stdio: 'inherit' });
  const port = await freePort();
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'zs-e2e-'));
  let output = '';
  server = spawn(process.execPath, [path.join(root, 'packages/server/bin/zengshou.js'), 'serve'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '', // the journeys run on embedded PGlite, as `npm start` does
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      ZENGSHOU_DEMO_PASSWORD: DEMO_PASSWORD,
      ZENGSHOU_DEMO_HOUSEHOLDS: '3000',
      // Every journey signs in from 127.0.0.1, the case journey a dozen times a minute: lift the per-IP login limit
      // (its own behaviour is tested in the server suite).
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
      // The case journey lives through a 5-day notice and six months of monitoring by moving this clock.
      ZENGSHOU_CLOCK_OFFSET_FILE: path.join(dataDir, 'clock-offset-days'),
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  server.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const baseURL = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 240_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited early:\n${output}`);
    try {
      const res = await fetch(`${baseURL}/api/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    if (Date.now() > deadline) throw new Error(`server did not start in time:\n${output}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  project.provide('baseURL', baseURL);
  project.provide('demoPassword', DEMO_PASSWORD);
  project.provide('clockOffsetFile', path.join(dataDir, 'clock-offset-days'));
  return async () => {
    server?.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 500));
    server?.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    baseURL: string;
    demoPassword: string;
    /** Days written here move the server's clock ahead (see ZENGSHOU_CLOCK_OFFSET_FILE). */
    clockOffsetFile: string;
  }
}
