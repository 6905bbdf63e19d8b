// YouTube's watch page only hosts the chat (a same-origin iframe#chatframe, captured by its own
// content script): the overlay belongs there only when that chat frame actually delivers comments.
import { test, expect, overlay, captureState, waitForFeed, clickToolbar } from './support/fixtures.mjs';

const WATCH = 'https://www.youtube.com/watch?v=dQ8fixture1';

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
