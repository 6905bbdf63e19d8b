// The extension's cost to the live page, measured side by side with the same page without it:
// main-thread time per comment at 500 comments/s, long tasks (> 50 ms), and page load → overlay
// showing data. Usage: node scripts/bench/extension_bench.mjs [comments] (needs dist/extension).
import { chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, SITES } from '../../tests/e2e/support/server.mjs';

const ROOT = path.resolve(new URL('../..', import.meta.url).pathname);
const EXTENSION = process.env.DR_EXTENSION || path.join(ROOT, 'dist/extension');
const COMMENTS = Number(process.argv[2] || 5000);
const RATE = 500;
const URL_ = `https://live.douyin.com/728194651234?seed=4&count=${COMMENTS}&rate=${RATE}&events=gift,enter,like,system&rerender=0.02`;

async function launch(port, withExtension) {
  const rules = Object.keys(SITES).map((h) => `MAP ${h} 127.0.0.1:${port}`).join(', ');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-bench-'));
  const ext = withExtension ? [`--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`] : [];
  return chromium.launchPersistentContext(dir, {
    executablePath: '/usr/bin/chromium', headless: true, ignoreHTTPSErrors: true, viewport: { width: 1280, height: 800 },
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', `--host-resolver-rules=${rules}`, ...ext],
  });
}

async function run(port, withExtension) {
  const context = await launch(port, withExtension);
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const t0 = Date.now();
  await page.goto(`${URL_}&autostart=0`);
  let loadToData = null;
  if (withExtension) {
    const frame = page.frameLocator('danmu-radar-overlay iframe[data-testid="dr-frame"]');
    await frame.getByTestId('dr-status').filter({ hasText: '正在读取评论' }).waitFor();
    loadToData = Date.now() - t0;
  }
  await page.evaluate(() => {
    window.__long = [];
    new PerformanceObserver((l) => window.__long.push(...l.getEntries().map((e) => e.duration))).observe({ type: 'longtask', buffered: false });
  });
  const metric = async () => Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  const before = await metric();
  await page.evaluate(() => window.__startFeed());
  await page.waitForFunction(() => window.__feed.done, null, { timeout: 120_000 });
  await page.waitForTimeout(500); // the last scan and batch
  const after = await metric();
  const long = await page.evaluate(() => window.__long);
  const fed = await page.evaluate(() => window.__feed.fed);
  let counted = null;
  if (withExtension) {
    const frame = page.frameLocator('danmu-radar-overlay iframe[data-testid="dr-frame"]');
    await page.waitForTimeout(1000);
    counted = Number(await frame.getByTestId('dr-total-comments').textContent());
  }
  await context.close();
  return { taskMs: (after.TaskDuration - before.TaskDuration) * 1000, scriptMs: (after.ScriptDuration - before.ScriptDuration) * 1000, long, fed, counted, loadToData };
}

const { server, port } = await startServer();
const base = await run(port, false);
const ext = await run(port, true);
server.close();
const rows = Object.values(ext.fed).reduce((a, b) => a + b, 0);
const perComment = ((ext.taskMs - base.taskMs) / rows) * 1000;
const result = {
  rows, rate: RATE, counted: ext.counted, fedComments: ext.fed.comment,
  mainThreadMs: { without: Math.round(base.taskMs), with: Math.round(ext.taskMs) },
  extensionMicrosPerRow: Math.round(perComment * 10) / 10,
  longTasks: { without: base.long.filter((d) => d > 50).length, with: ext.long.filter((d) => d > 50).length, maxWithMs: Math.round(Math.max(0, ...ext.long)) },
  loadToOverlayCapturingMs: ext.loadToData,
};
console.log(JSON.stringify(result));
