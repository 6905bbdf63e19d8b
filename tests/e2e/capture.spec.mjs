// Capture under dynamics harsher than a platform's usual ones. A list that trims a row before the
// extension's scan (~30 ms after a mutation) has read it: the row is read from the mutation record.
import { test, expect, overlay, openAndFeed, waitForFeed } from './support/fixtures.mjs';

test('rows removed before the scan delay: every one counted, none twice', async ({ context }) => {
  const page = await context.newPage();
  // Bilibili's list (every danmaku with its id, gift rows without) cut to its last 2 rows, fed at
  // 100 rows/s: most rows are appended and trimmed between two scans; 30% are also remounted (a
  // fresh node with the same data, as Vue does), often before their first scan.
  await openAndFeed(page, 'https://live.bilibili.com/21452505?seed=3&count=240&rate=100&events=gift&limit=2&ids=all&rerender=0.3');
  const fed = await waitForFeed(page);
  const o = overlay(page);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
  await expect(o.getByTestId('dr-gifts')).toHaveText(String(fed.gift));
  // Still exactly once a while later (nothing arrives late or twice).
  await page.waitForTimeout(1500);
  await expect(o.getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
  await expect(o.getByTestId('dr-gifts')).toHaveText(String(fed.gift));
});
