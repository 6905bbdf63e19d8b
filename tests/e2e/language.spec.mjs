// 中文/EN in the panel: its labels, the window chrome drawn in the page and the engine's local
// summary all follow, at once and for the next page (the choice is kept in ui:prefs).
import { test, expect, overlay } from './support/fixtures.mjs';

const DOUYIN = 'https://live.douyin.com/728194651234';
const say = (page, rows) => page.evaluate((rows) => rows.forEach(([user, text]) => window.DRFixture.add({ kind: 'comment', user, text })), rows);

test('language: EN switches the panel, its window and the summary to English and back; the choice is kept', async ({ context }) => {
  const page = await context.newPage();
  await page.goto(`${DOUYIN}?seed=4`);
  const panel = overlay(page);
  const title = page.locator('danmu-radar-overlay').locator('.bar b');
  await expect(panel.getByTestId('dr-status')).toHaveText(/正在读取评论/);
  await say(page, [['甲', '多少钱'], ['乙', '多少钱'], ['丙', '好看']]);
  await expect(panel.getByTestId('dr-total-comments')).toHaveText('3');
  await expect(panel.getByTestId('dr-summary')).toContainText('共 3 条评论');
  await expect(title).toHaveText('弹幕雷达');

  await panel.getByTestId('dr-lang').click();
  await expect(panel.getByTestId('dr-status')).toHaveText(/Reading comments/);
  await expect(panel.getByTestId('dr-lang')).toHaveText('中文');
  await expect(title).toHaveText('Danmu Radar');
  await say(page, [['丁', '多少钱']]);
  await expect(panel.getByTestId('dr-summary')).toContainText('4 comments');

  // The next page opens in English.
  const next = await context.newPage();
  await next.goto(`${DOUYIN}?seed=5`);
  await expect(overlay(next).getByTestId('dr-status')).toHaveText(/Reading comments/);
  await expect(next.locator('danmu-radar-overlay').locator('.bar b')).toHaveText('Danmu Radar');

  await panel.getByTestId('dr-lang').click();
  await expect(panel.getByTestId('dr-status')).toHaveText(/正在读取评论/);
  await expect(title).toHaveText('弹幕雷达');
  await expect(next.locator('danmu-radar-overlay').locator('.bar b')).toHaveText('弹幕雷达');
});

test.describe('in an English browser', () => {
  test.use({ browserLang: 'en-US' });

  test('language: the panel starts in English, and 中文 is kept over the browser language', async ({ context }) => {
    const page = await context.newPage();
    await page.goto(`${DOUYIN}?seed=6`);
    const panel = overlay(page);
    await expect(panel.getByTestId('dr-status')).toHaveText(/Reading comments/);
    await expect(page.locator('danmu-radar-overlay').locator('.bar b')).toHaveText('Danmu Radar');
    await say(page, [['a', 'how much is this'], ['b', 'price?']]);
    await expect(panel.getByTestId('dr-summary')).toContainText('2 comments');

    await panel.getByTestId('dr-lang').click();
    await expect(panel.getByTestId('dr-status')).toHaveText(/正在读取评论/);
    const next = await context.newPage();
    await next.goto(`${DOUYIN}?seed=7`);
    await expect(overlay(next).getByTestId('dr-status')).toHaveText(/正在读取评论/);
  });
});
