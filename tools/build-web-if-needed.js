// Builds the web app when its bundle is missing or older than any source file, so `npm start` on a fresh clone
// serves a current UI without rebuilding on every start.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const web = path.resolve(import.meta.dirname, '../packages/web');
const built = path.join(web, 'dist/index.html');

function newest(dir) {
  let t = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    t = Math.max(t, entry.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const sources = [path.join(web, 'src'), path.join(web, 'index.html'), path.join(web, 'vite.config.ts'), path.resolve(web, '../core/src')];
const sourceTime = Math.max(...sources.filter(existsSync).map((p) => (statSync(p).isDirectory() ? newest(p) : statSync(p).mtimeMs)));
if (existsSync(built) && statSync(built).mtimeMs >= sourceTime) process.exit(0);

console.log('正在构建网页前端（首次启动约需一分钟）…');
execFileSync(process.execPath, [path.resolve(web, '../../node_modules/vite/bin/vite.js'), 'build', '--logLevel', 'warn'], {
  cwd: web,
  stdio: 'inherit',
});
