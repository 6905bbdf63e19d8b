// The host's hands on the hot-question list: two questions the engine kept apart (words it does not
// know as one ask) merged with two clicks, counted as one from then on, kept across a worker restart
// and for the streams after (until the options page forgets it); and the list holding still while
// the pointer is on it, so that a click lands where it was aimed.
import { test, expect, overlay, screenshot } from './support/fixtures.mjs';
import { extensionId } from './support/llm.mjs';

const DOUYIN = 'https://live.douyin.com/728194651234';

const say = (page, rows) => page.evaluate((rows) => rows.forEach(([user, text]) => window.DRFixture.add({ kind: 'comment', user, text })), rows);

test('overlay: the host merges two hot questions; later askers join the merged one, also after a worker restart', async ({ context, serviceWorker }) => {
  const page = await context.newPage();
  await page.goto(`${DOUYIN}?seed=3`);
  const panel = overlay(page);
  await expect(panel.getByTestId('dr-status')).toHaveText(/正在读取评论/);
  await say(page, [['甲', '洗完会缩水吗'], ['乙', '洗完会缩水吗'], ['丙', '洗完会缩水吗'], ['丁', '洗了会不会变小'], ['戊', '洗了会不会变小']]);
  const shrink = panel.getByTestId('dr-hot-question').filter({ hasText: '洗完会缩水吗' });
  const smaller = panel.getByTestId('dr-hot-question').filter({ hasText: '洗了会不会变小' });
  await expect(shrink.getByTestId('dr-hot-question-count')).toHaveText('3');
  await expect(smaller.getByTestId('dr-hot-question-count')).toHaveText('2');

  await smaller.getByTestId('dr-merge').click();
  await expect(panel.getByTestId('dr-merge-hint')).toContainText('洗了会不会变小');
  await expect(smaller.getByTestId('dr-merge-cancel')).toBeVisible();
  await screenshot(page, 'overlay-merging');
  await shrink.getByTestId('dr-merge-into').click();
  await expect(panel.getByTestId('dr-hot-question')).toHaveCount(1);
  await expect(shrink.getByTestId('dr-hot-question-count')).toHaveText('5');
  await expect(panel.getByTestId('dr-merge-hint')).toHaveCount(0);

  // With the pointer moving on the list, it holds still (once the merge's own update is shown) and
  // says so; resting, it lets go after a moment.
  await page.waitForTimeout(1600);
  await shrink.getByTestId('dr-hot-question-text').hover({ position: { x: 2, y: 2 } });
  await shrink.getByTestId('dr-hot-question-text').hover({ position: { x: 6, y: 4 } });
  await say(page, [['己', '洗了会不会变小']]);
  await expect(panel.getByTestId('dr-hold-note')).toBeVisible();
  await expect(panel.getByTestId('dr-total-comments')).toHaveText('6');
  await expect(shrink.getByTestId('dr-hot-question-count')).toHaveText('5');
  await expect(shrink.getByTestId('dr-hot-question-count')).toHaveText('6');
  await expect(panel.getByTestId('dr-hold-note')).toBeHidden();
  await expect(panel.getByTestId('dr-hot-question')).toHaveCount(1);

  // The merge is room state: a restarted worker comes back from its checkpoint with it.
  await page.waitForTimeout(1500);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  await serviceWorker.evaluate(() => { globalThis.__marker = true; });
  await cdp.send('ServiceWorker.stopAllWorkers');
  await expect.poll(() => serviceWorker.evaluate(() => globalThis.__marker === undefined).catch(() => false)).toBe(true);
  await say(page, [['庚', '洗了会不会变小']]);
  await expect(panel.getByTestId('dr-total-comments')).toHaveText('7');
  // One row, now led by the wording asked most (洗了会不会变小, 4 of 7).
  await expect(panel.getByTestId('dr-hot-question')).toHaveCount(1);
  await expect(panel.getByTestId('dr-hot-question-count')).toHaveText('7');
  await expect(panel.getByTestId('dr-hot-question-text')).toHaveText('洗了会不会变小');
});

test('overlay: Esc leaves merging without merging', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${DOUYIN}?seed=4`);
  const panel = overlay(page);
  await expect(panel.getByTestId('dr-status')).toHaveText(/正在读取评论/);
  await say(page, [['甲', '保质期多久'], ['乙', '能放多长时间']]);
  await expect(panel.getByTestId('dr-hot-question')).toHaveCount(2);
  await panel.getByTestId('dr-merge').first().click();
  await expect(panel.getByTestId('dr-merge-into')).toHaveCount(1);
  await page.keyboard.press('Escape');
  await expect(panel.getByTestId('dr-merge-hint')).toHaveCount(0);
  await expect(panel.getByTestId('dr-merge')).toHaveCount(2);
  await expect(panel.getByTestId('dr-hot-question')).toHaveCount(2);
});

test('overlay: a merge is kept for the next stream; the options page counts and forgets it', async ({ context, serviceWorker }) => {
  const open = async (url) => {
    const page = await context.newPage();
    await page.goto(url);
    await expect(overlay(page).getByTestId('dr-status')).toHaveText(/正在读取评论/);
    return page;
  };
  const asked = [['甲', '洗完会缩水吗'], ['乙', '洗完会缩水吗'], ['丙', '洗了会不会变小']];
  const first = await open(`${DOUYIN}?seed=5`);
  await say(first, asked);
  const rows = (page) => overlay(page).getByTestId('dr-hot-question');
  await expect(rows(first)).toHaveCount(2);
  await rows(first).filter({ hasText: '洗了会不会变小' }).getByTestId('dr-merge').click();
  await rows(first).filter({ hasText: '洗完会缩水吗' }).getByTestId('dr-merge-into').click();
  await expect(rows(first)).toHaveCount(1);

  // The next stream, another room: the two wordings are one question from its first comments.
  const next = await open('https://live.douyin.com/900000000001?seed=6');
  await say(next, asked);
  await expect(overlay(next).getByTestId('dr-total-comments')).toHaveText('3');
  await expect(rows(next)).toHaveCount(1);
  await expect(rows(next).getByTestId('dr-hot-question-count')).toHaveText('3');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId(serviceWorker)}/options/options.html`);
  await expect(options.getByTestId('opt-taught-count')).toHaveText('已记住 1 组。');
  await options.getByTestId('opt-taught-clear').click();
  await expect(options.getByTestId('opt-taught-count')).toHaveText('还没有合并过问题。');

  // Forgotten: a room opened after that keeps them apart again.
  const third = await open('https://live.douyin.com/900000000002?seed=7');
  await say(third, asked);
  await expect(overlay(third).getByTestId('dr-total-comments')).toHaveText('3');
  await expect(rows(third)).toHaveCount(2);
});

