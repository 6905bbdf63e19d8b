// YouTube's watch page only hosts the chat (a same-origin iframe#chatframe, captured by its own
// content script): the overlay belongs there only when that chat frame actually delivers comments.
import { test, expect, overlay, captureState, openAndFeed, waitForFeed, clickToolbar } from './support/fixtures.mjs';

const WATCH = 'https://www.youtube.com/watch?v=dQ8fixture1';

// The tab's room and its capture state in the worker (DRDebug), e.g. 'youtube:dQ8fixture3 capturing'.
async function room(serviceWorker, page) {
  return serviceWorker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    const r = tab && globalThis.DRDebug?.rooms().find((x) => x.tabId === tab.id);
    return r ? `${r.roomKey} ${r.status}` : null;
  }, page.url()).catch(() => null);
}

test('YouTube watch page without a chat frame (a video that is not live): no overlay', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(`${WATCH}&chat=0`);
  // Long enough for a chat frame to mount (300 ms), load and deliver; there is none to deliver.
  await page.waitForTimeout(2500);
  await expect(page.locator('danmu-radar-overlay')).toHaveCount(0);
  expect(await captureState(serviceWorker, page)).toBe(null);
  // The seller can still open it by hand: the toolbar button shows the (empty) panel.
  await clickToolbar(context, page, serviceWorker);
  await expect(page.getByTestId('dr-host')).toBeVisible();
});

test('YouTube watch page: the overlay appears once the chat frame delivers comments', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(`${WATCH}&seed=4&count=60&rate=40&events=gift`);
  // The chat frame's capture is listening (its history read), and has nothing new to deliver yet.
  await expect.poll(() => captureState(serviceWorker, page)).toBe('capturing');
  await expect(page.locator('danmu-radar-overlay')).toHaveCount(0);
  await page.evaluate(() => window.__startFeed());
  await expect(page.locator('danmu-radar-overlay')).toHaveCount(1);
  const fed = await waitForFeed(page);
  await expect(overlay(page).getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
  // Only the top frame shows it: the chat frame has none of its own.
  expect(await page.frame({ url: /\/live_chat\?/ }).locator('danmu-radar-overlay').count()).toBe(0);
});

test('YouTube in-site navigation: the overlay goes with the chat frame and comes back with the next live video', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await openAndFeed(page, `${WATCH}&seed=4&count=30&rate=40&events=gift`, serviceWorker);
  const first = await waitForFeed(page);
  const o = overlay(page);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(first.comment));
  // To a video that is not live, without a page load: its watch page has no chat frame.
  await page.evaluate(() => window.__navigate('v=dQ8fixture2&chat=0'));
  await expect(page.locator('danmu-radar-overlay')).toHaveCount(0, { timeout: 5000 });
  // And on to a live video: its chat frame delivers, the overlay is back with that video's room.
  await page.evaluate(() => window.__navigate('v=dQ8fixture3&seed=5&count=20&rate=40&events=gift'));
  await expect.poll(() => room(serviceWorker, page)).toBe('youtube:dQ8fixture3 capturing');
  await page.evaluate(() => window.__startFeed());
  const next = await waitForFeed(page);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(next.comment));
});

test('YouTube in-site navigation from one live video to another: the overlay follows the new room', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await openAndFeed(page, `${WATCH}&seed=4&count=30&rate=40&events=gift`, serviceWorker);
  const first = await waitForFeed(page);
  const o = overlay(page);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(first.comment));
  await page.evaluate(() => window.__navigate('v=dQ8fixture3&seed=5&count=20&rate=40&events=gift'));
  await expect.poll(() => room(serviceWorker, page)).toBe('youtube:dQ8fixture3 capturing');
  await page.evaluate(() => window.__startFeed());
  const next = await waitForFeed(page);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(next.comment));
});
