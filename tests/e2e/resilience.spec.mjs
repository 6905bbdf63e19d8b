// The extension under stress that real sessions bring: the service worker stopped mid-stream (Chrome
// stops idle workers; the engine must come back from its checkpoint with nothing lost or doubled),
// a page whose Content-Security-Policy forbids everything but its own scripts, and a stopped worker
// woken by a platform page while that page still loads.
import { test, expect, overlay, openAndFeed, waitForFeed, screenshot } from './support/fixtures.mjs';

const DOUYIN = 'https://live.douyin.com/728194651234';

test('service worker restarts mid-stream: every comment counted once', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await openAndFeed(page, `${DOUYIN}?seed=5&count=400&rate=40`);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  let restarts = 0;
  for (const at of [2500, 4500]) {
    await page.waitForFunction((n) => Object.values(window.__feed.fed).reduce((a, b) => a + b, 0) > n, at / 1000 * 40);
    // A marker in the worker's globals: a restarted worker is a fresh instance without it.
    await serviceWorker.evaluate(() => { globalThis.__marker = true; });
    await cdp.send('ServiceWorker.stopAllWorkers');
    await expect.poll(() => serviceWorker.evaluate(() => globalThis.__marker === undefined).catch(() => false)).toBe(true);
    restarts++;
  }
  const fed = await waitForFeed(page);
  await expect(overlay(page).getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
  await expect(overlay(page).getByTestId('dr-gifts')).toHaveText(String(fed.gift));
  expect(restarts).toBe(2);
  await expect(overlay(page).getByTestId('dr-hot-question-text').first()).toHaveText(/多少钱|价格|什么价|啥价|价钱/);
});

test('strict CSP page (default-src self): capture, engine and overlay still work', async ({ context }) => {
  const page = await context.newPage();
  const response = await page.goto(`${DOUYIN}?csp=strict`);
  expect(response.headers()['content-security-policy']).toBe("default-src 'self'");
  await expect(overlay(page).getByTestId('dr-status')).toHaveText(/正在读取评论/);
  await page.evaluate(() => window.__startFeed());
  const fed = await waitForFeed(page);
  await expect(overlay(page).getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
  await expect(overlay(page).getByTestId('dr-hot-question-text').first()).toHaveText(/多少钱|价格|什么价|啥价|价钱/);
  await screenshot(page, 'strict-csp');
});

test('a platform page wakes a stopped worker while it is still loading (content/wake.js)', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const script = serviceWorker.url();
  let status = '';
  cdp.on('ServiceWorker.workerVersionUpdated', ({ versions }) => {
    for (const v of versions) if (v.scriptURL === script) status = v.runningStatus;
  });
  await cdp.send('ServiceWorker.enable');
  // A fresh profile's worker is restarted once after its first start (installation): stop it after.
  await expect.poll(() => status).toBe('running');
  await page.waitForTimeout(1500);
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => status).toBe('stopped');
  await page.waitForTimeout(500);
  expect(status).toBe('stopped');
  // The page's HTML takes 4 s (slow=): the capture's port cannot open before document_idle, so a
  // worker running before then was started by the wake port.
  const loaded = page.goto(`${DOUYIN}?seed=6&count=40&rate=40&slow=4000`);
  await expect.poll(() => status, { timeout: 3000 }).toBe('running');
  expect(await page.evaluate(() => document.readyState)).toBe('loading');
  await loaded;
  await expect(overlay(page).getByTestId('dr-status')).toHaveText(/正在读取评论/);
});
