import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { FreshDatabase } from './bench-db.ts';

const root = path.resolve(import.meta.dirname, '../..');

export function target0(_backend: string, db: FreshDatabase) {
  return { DATABASE_URL: db.url ?? '', DATA_DIR: db.dataDir ?? '' };
}

/** Runs `zengshou <args>` in its own process; returns wall time and its peak resident memory (VmHWM). */
export function runCli(args: string[], env: Record<string, string>) {
  return runNode([path.join(root, 'packages/server/bin/zengshou.js'), ...args], env);
}

/** Runs `node <args>` in its own process; returns wall time and its peak resident memory (VmHWM). */
export function runNode(args: string[], env: Record<string, string>): Promise<{ code: number | null; seconds: number; peakMb: number; output: string }> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(process.execPath, args, {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    let peakKb = 0;
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output = (output + d.toString()).slice(-4000)));
    const timer = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+)/.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
        if (m) peakKb = Math.max(peakKb, Number(m[1]));
      } catch {
        /* process gone */
      }
    }, 100);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, seconds: (performance.now() - started) / 1000, peakMb: Math.round(peakKb / 1024), output });
    });
  });
}
