// Every supported platform: a fixture page that imitates its structure and dynamics, fed with real
// comments. The overlay must count every comment exactly once, type the event rows, and make the
// planted burst of paraphrased price questions the top hot question.
import { test, expect, overlay, openAndFeed, waitForFeed, screenshot } from './support/fixtures.mjs';
import { PLATFORMS } from './platforms.mjs';

const PRICE = /多少钱|价格|什么价|啥价|价钱/;

for (const p of PLATFORMS) {
  test(`${p.name}: every comment once, events typed, price burst on top`, async ({ context, serviceWorker }) => {
    const page = await context.newPage();
    const events = p.events.join(',');
    await openAndFeed(page, `${p.url}${p.url.includes('?') ? '&' : '?'}seed=${p.seed || 11}&count=${p.count || 160}&rate=${p.rate || 40}&events=${events}`, serviceWorker);
    const fed = await waitForFeed(page);
    const o = overlay(page);
    await expect(o.getByTestId('dr-total-comments')).toHaveText(String(fed.comment));
    const counters = { gift: 'dr-gifts', like: 'dr-likes', enter: 'dr-entries' };
    for (const kind of p.events) {
      if (counters[kind]) await expect(o.getByTestId(counters[kind]), kind).toHaveText(String(fed[kind]));
    }
    await expect(o.getByTestId('dr-hot-question-text').first()).toHaveText(PRICE);
    // Most of the twelve paraphrases land in that one group (a real room's earlier price question
    // may take one or two of them).
    const top = Number(await o.getByTestId('dr-hot-question-count').first().textContent());
    expect(top).toBeGreaterThanOrEqual(8);
    await screenshot(page, `platform-${p.id}`);
  });
}
