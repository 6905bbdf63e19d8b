// The trial page (dist/www) and the post-stream report, in headless Chromium: the replay's overlay
// (ui/render.js, the extension's own renderer) shows hot questions fast; an opened CSV log becomes
// the very report the CLI writes; the report loads nothing from anywhere; the live feed takes the
// example sender's comments; the extension exports the same HTML report.
import { test, expect } from '@playwright/test';
import { test as extensionTest, overlay, openAndFeed, waitForFeed } from './support/fixtures.mjs';
import { REPO, artifact, launch, startSender, startWww } from './support/www-server.mjs';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

let www;
let browser;
const scratch = [];

// A file in a fresh temporary folder, removed when this file's tests end.
function scratchFile(name) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-www-'));
  scratch.push(dir);
  return path.join(dir, name);
}

test.beforeAll(async () => {
  www = await startWww();
  browser = await launch();
});
test.afterAll(async () => {
  await browser?.close();
  www?.stop();
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true });
});

async function trialPage(hash = '') {
  const page = await browser.newPage({ viewport: { width: 1280, height: 860 }, locale: 'zh-CN', acceptDownloads: true });
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${www.url}${hash}`);
  return { page, errors };
}

// A CSV log of real comments (LiveChat Douyin rooms, tests/data), as a seller's export would be;
// `tail` rows ([streamer, comment]) follow them.
function csvLog(rows = 600, tail = []) {
  const tsv = fs.readFileSync(path.join(REPO, 'tests/data/live/livechat_douyin_dev.tsv'), 'utf8').split('\n').slice(1, rows + 1);
  const q = (s) => `"${s.replaceAll('"', '""')}"`;
  const file = scratchFile('livechat_douyin.csv');
  const lines = [...tsv.filter(Boolean).map((l) => l.split('\t').slice(0, 2)), ...tail].map((r) => r.map(q).join(','));
  fs.writeFileSync(file, ['streamer_id,audience_comment', ...lines].join('\n') + '\n');
  return file;
}

// The end of a stream gone wrong: order complaints (the sentiment models read most as neutral).
const COMPLAINTS = Array.from({ length: 30 }, (_, i) => ['shop', ['客服不理人', '等了一周了还没到', '收到的是坏的', '怎么还不发货', '还没收到货'][i % 5]]);

// The CLI as last built (release or debug, whichever is newer: `make test` builds debug).
function cli(args) {
  const built = ['target/release/danmu-radar', 'target/debug/danmu-radar'].map((b) => path.join(REPO, b))
    .filter((b) => fs.existsSync(b)).sort((a, b) => fs.statSync(b).mtimeMs - fs.statSync(a).mtimeMs);
  if (!built.length) execFileSync('cargo', ['build', '--quiet'], { cwd: REPO });
  const bin = built[0] || path.join(REPO, 'target/debug/danmu-radar');
  return execFileSync(bin, args, { cwd: REPO, stdio: ['ignore', 'pipe', 'ignore'], maxBuffer: 64 << 20 }).toString();
}

async function downloaded(page, button) {
  const [d] = await Promise.all([page.waitForEvent('download'), button.click()]);
  return fs.readFileSync(await d.path(), 'utf8');
}

// How fast is a benchmark's business, not a test's (a loaded machine would fail a timed assertion):
// the time to the first hot question is recorded as an annotation, not asserted.
test('www: the replay at 10× speed shows hot questions', async ({}, testInfo) => {
  const { page, errors } = await trialPage();
  const o = page.getByTestId('www-replay-overlay');
  await expect(o.getByTestId('dr-overlay')).toBeVisible();
  await page.getByTestId('www-play').click(); // pause the autoplay, set 10×, start over
  await page.getByTestId('www-speed').fill('10');
  await page.getByTestId('www-restart').click();
  const started = Date.now();
  await expect(o.getByTestId('dr-hot-question').first()).toBeVisible({ timeout: 15_000 });
  testInfo.annotations.push({ type: 'first hot question after restart (ms)', description: String(Date.now() - started) });
  // The overlay keeps up: the comment count follows the replay's clock.
  await expect.poll(async () => Number(await o.getByTestId('dr-total-comments').textContent()), { timeout: 10_000 }).toBeGreaterThan(60);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: artifact('www-replay.png') });
  // English is one click away, overlay included.
  await page.getByTestId('www-lang').click();
  await expect(page.getByTestId('www-tab-byo')).toHaveText('Analyse my log');
  await expect(o.locator('.dr-section h3').first()).toHaveText(/^Hot questions/); // then its hidden "paused" note
  expect(errors).toEqual([]);
  await page.close();
});

test('www: an English browser gets the page in English; a link can still ask for 中文', async () => {
  for (const [query, tab, button] of [['', 'Analyse my log', '中文'], ['?lang=zh-CN', '分析我的日志', 'EN']]) {
    const page = await browser.newPage({ locale: 'en-US' });
    await page.goto(`${www.url}${query}`);
    await expect(page.getByTestId('www-tab-byo')).toHaveText(tab);
    await expect(page.getByTestId('www-lang')).toHaveText(button);
    await page.close();
  }
});

test('www: an opened CSV log renders the report, the same report the CLI writes', async () => {
  const { page, errors } = await trialPage('#byo');
  const log = csvLog(600, COMPLAINTS);
  await page.getByTestId('www-file').setInputFiles(log);
  await expect(page.getByTestId('www-byo-status')).toContainText('已分析 630 行');
  const report = page.frameLocator('[data-testid="www-report"]');
  await expect(report.locator('#questions h2')).toContainText('热门问题');
  await expect(report.getByTestId('report-question').first()).toBeVisible();
  // The complaint wave at the end is reported as one, with what it was about.
  await expect(report.getByTestId('report-alert')).toHaveCount(1);
  await expect(report.getByTestId('report-alert')).toContainText(/客服|发货|收到/);
  // The export names no viewers: the report does not pretend to count people.
  await expect(report.locator('.cards').first()).toContainText('观众（日志没有用户名）');
  // Nor does it draw a pace the log never gave (its rows have no times).
  await expect(report.getByTestId('report-untimed')).toBeVisible();
  await expect(report.locator('#comments svg')).toHaveCount(0);
  await expect(report.locator('#sentiment svg')).toBeVisible();

  const json = await downloaded(page, page.getByTestId('www-download-json'));
  expect(json).toBe(cli(['analyze', log, '--format', 'json']));
  const html = await downloaded(page, page.getByTestId('www-download-html'));
  expect(html).toBe(cli(['analyze', log, '--format', 'html']));
  const csv = await downloaded(page, page.getByTestId('www-download-csv'));
  expect(csv).toBe(cli(['analyze', log, '--format', 'csv']));
  fs.writeFileSync(artifact('www-report.html'), html);

  await page.setViewportSize({ width: 1280, height: 1400 });
  await page.screenshot({ path: artifact('www-byo.png') });
  expect(errors).toEqual([]);
  await page.close();
});

test('www: the HTML report makes no network request (offline)', async () => {
  const html = cli(['analyze', 'tests/data/live/livechat_douyin_dev.tsv', '--format', 'html']);
  const context = await browser.newContext({ offline: true, viewport: { width: 900, height: 1000 } });
  const requests = [];
  await context.route('**/*', (route) => {
    requests.push(route.request().url());
    return route.abort();
  });
  const page = await context.newPage();
  page.on('request', (r) => requests.push(r.url()));
  await page.setContent(html, { waitUntil: 'load' });
  await expect(page.locator('#questions h2')).toContainText('热门问题');
  await expect(page.getByTestId('report-untimed')).toBeVisible();
  await expect(page.locator('#sentiment svg')).toBeVisible();
  const data = JSON.parse(await page.locator('#report-data').textContent());
  expect(data.comments).toBe(4835);
  await page.screenshot({ path: artifact('report.png'), fullPage: true });
  expect(requests).toEqual([]);
  await context.close();
});

async function freePort() {
  const srv = net.createServer();
  await new Promise((r) => srv.listen(0, '127.0.0.1', r));
  const { port } = srv.address();
  await new Promise((r) => srv.close(r));
  return port;
}

test('www: the live feed runs the overlay on the example sender\'s comments', async () => {
  const lines = fs.readFileSync(path.join(REPO, 'www/data/replay.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 40)
    .map((l, i) => JSON.stringify({ content: JSON.parse(l).text, user: `viewer${i % 13}` }));
  const file = scratchFile('live.jsonl');
  fs.writeFileSync(file, lines.join('\n') + '\n');
  const port = await freePort();
  const sender = await startSender(file, port, ['--rate', '50']);
  try {
    const { page, errors } = await trialPage('#live');
    await page.getByTestId('www-live-port').fill(String(port));
    await page.getByTestId('www-live-connect').click();
    const o = page.getByTestId('www-live-overlay');
    await expect(o.getByTestId('dr-total-comments')).toHaveText('40', { timeout: 15_000 });
    await expect(o.getByTestId('dr-unique-users')).toHaveText('13');
    await expect(o.getByTestId('dr-hot-question').first()).toBeVisible();
    await page.screenshot({ path: artifact('www-live.png') });
    // The host's merge works here too (the same renderer, the page's engine worker): the second
    // question into the first, their counts added.
    const rows = o.getByTestId('dr-hot-question');
    const [a, b] = [await rows.nth(0).getAttribute('data-id'), await rows.nth(1).getAttribute('data-id')];
    const [ca, cb] = (await rows.getByTestId('dr-hot-question-count').allTextContents()).slice(0, 2).map(Number);
    await o.locator(`[data-id="${b}"]`).getByTestId('dr-merge').click();
    await o.locator(`[data-id="${a}"]`).getByTestId('dr-merge-into').click();
    await expect(o.locator(`[data-id="${b}"]`)).toHaveCount(0);
    await expect(o.locator(`[data-id="${a}"]`).getByTestId('dr-hot-question-count')).toHaveText(String(ca + cb));
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    sender.stop();
  }
});

test('www: the live overlay raises the complaint banner when order complaints pile up', async () => {
  // Real chatter over the last two minutes, then 25 order complaints from 25 buyers in 25 s: the
  // rows carry their own times, so the window and the room's baseline fill without waiting.
  const now = Date.now();
  const chatter = fs.readFileSync(path.join(REPO, 'www/data/replay.jsonl'), 'utf8').split('\n').filter(Boolean).slice(0, 200)
    .map((l, i) => ({ text: JSON.parse(l).text, user: `viewer${i % 40}`, ts: now - 130_000 + i * 500 }));
  const wave = ['客服不理人', '等了一周了还没到', '收到的是坏的', '怎么还不发货', '还没收到货']
    .flatMap((t) => [t, t, t, t, t]).map((text, i) => ({ text, user: `buyer${i}`, ts: now - 25_000 + i * 1_000 }));
  const file = scratchFile('complaints.jsonl');
  fs.writeFileSync(file, [...chatter, ...wave].map((r) => JSON.stringify(r)).join('\n') + '\n');
  const port = await freePort();
  const sender = await startSender(file, port, ['--rate', '500']);
  try {
    const { page, errors } = await trialPage('#live');
    await page.getByTestId('www-live-port').fill(String(port));
    await page.getByTestId('www-live-connect').click();
    const o = page.getByTestId('www-live-overlay');
    await expect(o.getByTestId('dr-total-comments')).toHaveText('225', { timeout: 15_000 });
    await expect(o.getByTestId('dr-alert')).toBeVisible();
    await expect(o.getByTestId('dr-alert')).toContainText(/负面评论突增：.*(客服|发货|收到)/);
    await page.screenshot({ path: artifact('www-live-alert.png') });
    // In English the banner's words read as an English list.
    await page.getByTestId('www-lang').click();
    await expect(o.getByTestId('dr-alert')).toHaveText(/^⚠ Complaints spiking: [^、：]+, [^、：]+$/);
    expect(errors).toEqual([]);
    await page.close();
  } finally {
    sender.stop();
  }
});

extensionTest('extension: "export report" downloads the HTML report (and JSON on its own button)', async ({ context }) => {
  const page = await context.newPage();
  await openAndFeed(page, 'https://live.douyin.com/728194651234?seed=5&count=60&rate=60&events=gift');
  const fed = await waitForFeed(page);
  const o = overlay(page);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
  const [html] = await Promise.all([page.waitForEvent('download'), o.getByTestId('dr-export').click()]);
  expect(html.suggestedFilename()).toMatch(/\.html$/);
  const body = fs.readFileSync(await html.path(), 'utf8');
  expect(body).toMatch(/^<!doctype html>/);
  const data = JSON.parse(body.match(/<script type="application\/json" id="report-data">(.*)<\/script>/s)[1]);
  expect(data.comments).toBe(fed.comment);
  const [json] = await Promise.all([page.waitForEvent('download'), o.getByTestId('dr-export-json').click()]);
  expect(json.suggestedFilename()).toMatch(/\.json$/);
  const fromJson = JSON.parse(fs.readFileSync(await json.path(), 'utf8'));
  expect(fromJson.comments).toBe(data.comments);
  expect(fromJson.hot_questions.map((q) => q.text)).toEqual(data.hot_questions.map((q) => q.text));
});
