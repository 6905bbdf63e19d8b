// Helpers for the LLM assistant's browser tests: the scripted provider (tests/llm/server.mjs), the
// options page driven like a seller would, and the overlay's assistant box (data-testid contract).
import { expect, overlay } from './fixtures.mjs';
export { startLlmServer, DEFAULT_REPLY } from '../../llm/server.mjs';

export const KEY = 'sk-test-K3Y-d0-not-leak-5f2e9a71c4';

export function extensionId(serviceWorker) {
  return new URL(serviceWorker.url()).host;
}

// Options page: custom provider at the test server, key, budget; saved, then optionally tested.
export async function configure(context, serviceWorker, llm, { key = KEY, interval = 0, tokens = 200_000, cap = 5, test = false, model = 'test-model' } = {}) {
  const page = await context.newPage();
  await page.goto(`chrome-extension://${extensionId(serviceWorker)}/options/options.html`);
  await expect(page.locator('body[data-ready="true"]')).toBeVisible();
  await page.getByTestId('opt-provider').selectOption('custom');
  await page.getByTestId('opt-base-url').fill(llm.base);
  await page.getByTestId('opt-model').fill(model);
  await page.getByTestId('opt-key').fill(key);
  await page.getByTestId('opt-interval').fill(String(interval));
  await page.getByTestId('opt-tokens').fill(String(tokens));
  await page.getByTestId('opt-cap').fill(String(cap));
  await page.getByTestId('opt-price-in').fill('2');
  await page.getByTestId('opt-price-out').fill('3');
  await page.getByTestId('opt-enabled').check();
  let tested = null;
  if (test) {
    await page.getByTestId('opt-test').click();
    await expect(page.getByTestId('opt-result')).toHaveText(/连接成功|连接失败/);
    tested = await page.getByTestId('opt-result').textContent();
  }
  await page.getByTestId('opt-save').click();
  await expect(page.getByTestId('opt-result')).toHaveText('已保存。');
  return { page, tested };
}

export function assistantBox(page) {
  const o = overlay(page);
  return {
    run: o.getByTestId('dr-llm-run'),
    status: o.getByTestId('dr-llm-status'),
    summary: o.getByTestId('dr-llm-summary'),
    spend: o.getByTestId('dr-llm-spend'),
    localSummary: o.getByTestId('dr-summary'),
    answer: o.getByTestId('dr-llm-answer-text'),
    box: o.getByTestId('dr-llm'),
  };
}

// Changes stored settings directly (what the options page saves), from the service worker.
export async function patchSettings(serviceWorker, patch) {
  await serviceWorker.evaluate(async (p) => {
    const s = (await chrome.storage.local.get('llm:settings'))['llm:settings'];
    await chrome.storage.local.set({ 'llm:settings': { ...s, ...p } });
  }, patch);
}

// Waits until the scripted server has received `n` chat requests (the test connection excluded).
export async function chats(llm, n) {
  await expect.poll(() => llm.chats().length, { timeout: 20_000 }).toBe(n);
  return llm.chats();
}
