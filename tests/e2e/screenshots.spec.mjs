// The README's picture of the extension: the overlay on the Douyin fixture after real comments,
// tall enough to show hot questions, mood and keywords. Saved as a test artifact
// (target/e2e/overlay-douyin.png); docs/screenshots/overlay-douyin.png is a copy of a good one,
// looked at before it is committed.
import { test, expect, overlay, openAndFeed, waitForFeed, screenshot } from './support/fixtures.mjs';

test('screenshot: the overlay on a Douyin room (README)', async ({ context, serviceWorker }) => {
  // The panel as a seller would size it on a studio screen: the full height of the window.
  await serviceWorker.evaluate(() => chrome.storage.local.set({ 'overlay:live.douyin.com': { right: 16, top: 8, width: 380, height: 944 } }));
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 960 });
  await openAndFeed(page, 'https://live.douyin.com/728194651234?seed=11&count=300&rate=60&events=gift,enter,like,system');
  const fed = await waitForFeed(page);
  const o = overlay(page);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
  await expect(o.getByTestId('dr-hot-question-text').first()).toHaveText(/多少钱|价格|什么价|啥价|价钱/);
  await expect(o.getByTestId('dr-keyword').first()).toBeVisible();
  await expect(o.getByTestId('dr-sentiment-pos')).toHaveText(/\d+%/);
  await screenshot(page, 'overlay-douyin');
});

// English second: a TikTok LIVE room whose viewers write English (the comments we wrote, as no real
// English log is bundled), the panel in English. The burst of 12 price questions in other words must
// top the list as one hot question, and the mood must read the English words.
test('screenshot: the overlay in English on a TikTok LIVE room with English comments', async ({ context, serviceWorker }) => {
  await serviceWorker.evaluate(() => chrome.storage.local.set({
    'ui:prefs': { lang: 'en', large: false },
    'overlay:www.tiktok.com': { right: 16, top: 8, width: 380, height: 944 },
  }));
  const page = await context.newPage();
  await page.setViewportSize({ width: 1280, height: 960 });
  await openAndFeed(page, 'https://www.tiktok.com/@fixture_shop/live?seed=5&count=200&rate=60&lang=en&events=gift,enter,like', serviceWorker);
  const fed = await waitForFeed(page);
  const o = overlay(page);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
  const top = o.getByTestId('dr-hot-question').first();
  await expect(top.getByTestId('dr-hot-question-text')).toHaveText(/how much|price|cost/);
  // 11 or 12 of the 12: the engine may file one wording with a question of the room's own.
  expect(Number(await top.getByTestId('dr-hot-question-count').textContent())).toBeGreaterThanOrEqual(11);
  await expect(o.getByTestId('dr-sentiment-pos')).not.toHaveText('0%');
  await expect(o.getByTestId('dr-sentiment-neg')).not.toHaveText('0%');
  await expect(page.locator('danmu-radar-overlay').locator('.bar b')).toHaveText('Danmu Radar');
  await screenshot(page, 'overlay-tiktok-en');
});
