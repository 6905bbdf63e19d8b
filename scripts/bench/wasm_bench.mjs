// The wasm engine in headless Chromium: throughput when batched (1,000 rows per call, as the
// extension sends them) and linear memory while 1M comments stream through.
// Usage: node scripts/bench/wasm_bench.mjs CORPUS.json [COMMENTS]
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(new URL('../..', import.meta.url).pathname);
const corpus = process.argv[2];
const total = Number(process.argv[3] || 1_000_000);
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const file = url.pathname === '/corpus.json' ? corpus
    : url.pathname === '/' ? null : path.join(root, 'dist', path.normalize(url.pathname));
  if (file === null) { res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<!doctype html><title>bench</title>'); }
  if (!file.startsWith(root) && file !== corpus) { res.writeHead(403); return res.end(); }
  fs.readFile(file, (err, body) => {
    if (err) { res.writeHead(404); return res.end(); }
    res.writeHead(200, { 'content-type': types[path.extname(file)] || 'application/octet-stream' });
    res.end(body);
  });
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const port = server.address().port;

const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
const page = await browser.newPage();
await page.goto(`http://127.0.0.1:${port}/`);
const result = await page.evaluate(async ({ total }) => {
  const mod = await import('/www/wasm/danmu_radar.js');
  const t0 = performance.now();
  const wasm = await mod.default();
  mod.warmUp();
  const initMs = performance.now() - t0;
  const texts = await (await fetch('/corpus.json')).json();
  const engine = new mod.RadarEngine();
  const batch = 1000;
  const memory = [];
  let ts = 1_700_000_000_000;
  let pushMs = 0;
  for (let done = 0; done < total; done += batch) {
    const rows = new Array(batch);
    for (let j = 0; j < batch; j++) {
      const i = done + j;
      rows[j] = { text: texts[i % texts.length], user: 'u' + (i % 5000), ts: ts += 20 };
    }
    const s = performance.now();
    engine.pushRows(rows);
    pushMs += performance.now() - s;
    if ((done + batch) % 100_000 === 0) memory.push({ comments: done + batch, bytes: wasm.memory.buffer.byteLength });
  }
  const s = performance.now();
  for (let k = 0; k < 100; k++) engine.snapshot();
  const snapshotMs = (performance.now() - s) / 100;
  return { comments: total, initMs, pushMs, perS: total / (pushMs / 1000), snapshotMs, memory, checkpointBytes: engine.checkpoint().length };
}, { total });
console.log(JSON.stringify(result));
await browser.close();
server.close();
