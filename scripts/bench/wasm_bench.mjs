// The wasm engine in headless Chromium, batched 1,000 rows per call as the extension sends them:
// throughput of the JSON batch binding (`pushBatchJson`, JSON.stringify counted in its time) side by
// side with the object binding (`pushRows`, rows marshalled field by field), and linear memory while
// 1M comments stream through the JSON binding.
// Usage: node scripts/bench/wasm_bench.mjs CORPUS.json [COMMENTS] [BASELINE_COMMENTS]
// DR_DIST=DIR measures another build (a directory holding www/wasm/), e.g. the one before a change.
import { chromium } from 'playwright-core';
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(process.env.DR_DIST || path.join(new URL('../..', import.meta.url).pathname, 'dist'));
const corpus = process.argv[2];
const total = Number(process.argv[3] || 1_000_000);
const baseline = Number(process.argv[4] || Math.min(total, 300_000));
const types = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.json': 'application/json', '.html': 'text/html' };

const server = http.createServer((req, res) => {
  const url = new URL(req.url, 'http://x');
  const file = url.pathname === '/corpus.json' ? corpus
    : url.pathname === '/' ? null : path.join(root, path.normalize(url.pathname));
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
const load = os.loadavg()[0];
const result = await page.evaluate(async ({ total, baseline }) => {
  const mod = await import('/www/wasm/danmu_radar.js');
  const t0 = performance.now();
  const wasm = await mod.default();
  mod.warmUp();
  const initMs = performance.now() - t0;
  const texts = await (await fetch('/corpus.json')).json();
  const batch = 1000;

  // One stream of `n` comments through `push(engine, rows, seq)`; only the call is timed.
  const stream = (n, push, memory) => {
    const engine = new mod.RadarEngine();
    let ts = 1_700_000_000_000;
    let ms = 0;
    for (let done = 0; done < n; done += batch) {
      const rows = new Array(batch);
      for (let j = 0; j < batch; j++) {
        const i = done + j;
        rows[j] = { text: texts[i % texts.length], user: 'u' + (i % 5000), ts: ts += 20 };
      }
      const s = performance.now();
      push(engine, rows, done / batch + 1);
      ms += performance.now() - s;
      if (memory && (done + batch) % 100_000 === 0) memory.push({ comments: done + batch, bytes: wasm.memory.buffer.byteLength });
    }
    return { engine, result: { comments: n, pushMs: ms, perS: n / (ms / 1000) } };
  };

  const memory = [];
  const json = stream(total, (e, rows, seq) => e.pushBatchJson('bench', seq, JSON.stringify(rows)), memory);
  const s = performance.now();
  for (let k = 0; k < 100; k++) json.engine.snapshot();
  const snapshotMs = (performance.now() - s) / 100;
  const checkpointBytes = json.engine.checkpoint().length;
  json.engine.free();
  const rows = stream(baseline, (e, rows) => e.pushRows(rows), null);
  rows.engine.free();
  return { initMs, pushBatchJson: json.result, pushRows: rows.result, perS: json.result.perS, comments: total, snapshotMs, memory, checkpointBytes };
}, { total, baseline });
result.load = [load, os.loadavg()[0]];
console.log(JSON.stringify(result));
await browser.close();
server.close();
