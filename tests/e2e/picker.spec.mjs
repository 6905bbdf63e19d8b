// A page no adapter knows: the toolbar button starts the picker; the seller clicks the comment area
// (or takes the suggested one); the learned list is captured exactly like a known platform's, and
// remembered for the site.
import http from 'node:http';
import https from 'node:https';
import { test, expect, overlay, waitForFeed, clickToolbar, screenshot } from './support/fixtures.mjs';

const SHOP = 'https://unknown-shop.example/live/1?seed=9&count=120&rate=40&events=';

// `before`: comments already counted in this tab's session (a reload continues the session).
async function feedAndCheck(page, before = 0) {
  await expect(overlay(page).getByTestId('dr-status')).toHaveText(/正在读取评论/);
  await page.evaluate(() => window.__startFeed());
  const fed = await waitForFeed(page);
  await expect(overlay(page).getByTestId('dr-total-comments')).toHaveText(String(before + fed.comment));
  await expect(overlay(page).getByTestId('dr-hot-question-text').first()).toHaveText(/多少钱|价格|什么价|啥价|价钱/);
}

test('picker: click a comment, the list is learned, captured and remembered', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(SHOP);
  await expect(page.locator('danmu-radar-overlay')).toHaveCount(0);
  await clickToolbar(context, page, serviceWorker);
  await expect(page.getByTestId('dr-picker')).toBeVisible();
  await page.locator('.feed .msg .what').first().hover();
  await screenshot(page, 'picker');
  await page.locator('.feed .msg .what').first().click();
  await expect(page.getByTestId('dr-picker')).toHaveCount(0);
  await feedAndCheck(page);
  const first = Number(await overlay(page).getByTestId('dr-total-comments').textContent());

  // Next visit: the toolbar button goes straight to capturing the learned list.
  await page.reload();
  await clickToolbar(context, page, serviceWorker);
  await expect(page.getByTestId('dr-picker')).toHaveCount(0);
  await feedAndCheck(page, first);
});

test('picker: the busiest short-text container is suggested', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(SHOP);
  await clickToolbar(context, page, serviceWorker);
  await expect(page.getByTestId('dr-picker')).toBeVisible();
  await page.evaluate(() => ['链接呢', '好看', '主播好'].forEach((text, i) => window.DRFixture.add({ user: `u${i}`, text })));
  await page.getByTestId('dr-picker-suggested').click();
  const saved = await serviceWorker.evaluate(() => chrome.storage.local.get('picked:https://unknown-shop.example'));
  expect(saved['picked:https://unknown-shop.example']).toEqual({ list: expect.stringContaining('div'), row: ':scope > div.msg' });
  await feedAndCheck(page);
});

// The fixture site over plain HTTP on localhost, which the manifest already grants (for Ollama): a
// headless browser cannot click Chrome's permission prompt, but for an origin already granted
// `permissions.request` answers without one, and everything after it is the real path.
async function localhostShop(site) {
  const server = http.createServer((req, res) => {
    const upstream = https.request({ host: '127.0.0.1', port: site.port, path: req.url, method: req.method, headers: { host: 'localhost' }, rejectUnauthorized: false }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    upstream.on('error', () => res.destroy());
    req.pipe(upstream);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, origin: `http://localhost:${server.address().port}` };
}

// "Always run on this site": one click in the overlay asks Chrome for this origin only and registers
// the content scripts for it; the next visit captures the learned list with no toolbar click.
test('picker: always run on a taught site, registered for that site only', async ({ context, serviceWorker, site }) => {
  const { server, origin } = await localhostShop(site);
  try {
    const page = await context.newPage();
    await page.goto(`${origin}/live/1?seed=9&count=120&rate=40&events=`);
    await clickToolbar(context, page, serviceWorker);
    await expect(page.getByTestId('dr-picker')).toBeVisible();
    await page.locator('.feed .msg .what').first().click();
    const button = overlay(page).getByTestId('dr-site-access');
    await expect(button).toHaveText('在本网站自动开启');
    await button.click();
    await expect(button).toHaveText('本网站已自动开启');
    const scripts = await serviceWorker.evaluate(() => chrome.scripting.getRegisteredContentScripts());
    expect(scripts.map((s) => [s.id, s.matches])).toEqual([[`picked-${origin}`, [`${origin}/*`]]]);

    // Nothing was fed before the reload: the next visit starts on its own and counts from zero.
    await page.reload();
    await expect(page.getByTestId('dr-picker')).toHaveCount(0);
    await feedAndCheck(page);
    await expect(overlay(page).getByTestId('dr-site-access')).toHaveText('本网站已自动开启');
    await screenshot(page, 'site-access');
  } finally {
    server.close();
  }
});
