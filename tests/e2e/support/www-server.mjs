// The trial page for browser tests: rebuilds dist/www (a copy: www/ + extension/ui beside the wasm
// from `make wasm`), serves it with the real scripts/serve_www.py on a free port, and launches a
// plain Chromium (no extension). Also runs the live-feed example sender.
import { chromium } from '@playwright/test';
import { spawn, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

export const REPO = path.resolve(new URL('../../..', import.meta.url).pathname);
export const ARTIFACTS = path.join(REPO, 'target', 'e2e');

// Starts a process and resolves with it and its first stdout/stderr line matching `ready`.
function startProcess(cmd, args, ready) {
  const child = spawn(cmd, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let seen = '';
    const onData = (d) => {
      seen += d;
      const m = seen.match(ready);
      if (m) resolve({ child, match: m });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => reject(new Error(`${cmd} ${args.join(' ')} exited (${code}): ${seen}`)));
    setTimeout(() => reject(new Error(`${cmd} did not start: ${seen}`)), 15_000);
  });
}

export async function startWww() {
  if (!fs.existsSync(path.join(REPO, 'dist/www/wasm/danmu_radar_bg.wasm'))) throw new Error('dist/www/wasm is missing: run `make wasm`');
  execFileSync('python3', ['scripts/build_www.py'], { cwd: REPO, stdio: 'ignore' });
  const { child, match } = await startProcess('python3', ['scripts/serve_www.py', '--port', '0'], /^(http:\/\/127\.0\.0\.1:\d+\/)$/m);
  return { url: match[1], stop: () => child.kill() };
}

// The example sender on a free port: the port is chosen here (bind-and-release) as the script needs one.
export async function startSender(file, port, extra = []) {
  const { child } = await startProcess('python3', ['www/examples/ws_sender.py', '--port', String(port), ...extra, file], /ready/);
  return { stop: () => child.kill() };
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export function artifact(name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  return path.join(ARTIFACTS, name);
}
