// Playwright fixtures: the fixture server and a Chromium with the built extension loaded, every
// platform host mapped to the server. Helpers read the overlay through its test contract
// (data-testid inside the extension frame).
import { test as base, expect, chromium } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServer, SITES } from './server.mjs';

// DR_EXTENSION: test another build (scripts/build_extension.py --out DIR).
const EXTENSION = process.env.DR_EXTENSION || path.resolve(new URL('../../../dist/extension', import.meta.url).pathname);
export const ARTIFACTS = path.resolve(new URL('../../../target/e2e', import.meta.url).pathname);

export const test = base.extend({
  site: [async ({}, use) => {
    const { server, port } = await startServer();
    await use({ port });
    server.close();
  }, { scope: 'worker' }],

  // The browser's language (`test.use({ browserLang: 'en-US' })`): the panel's default follows it
  // at install. Chinese unless a test says otherwise (Playwright's own `locale` defaults to en-US).
  browserLang: ['zh-CN', { option: true }],

  context: async ({ site, browserLang }, use) => {
    if (!fs.existsSync(path.join(EXTENSION, 'manifest.json'))) throw new Error('dist/extension is missing: run `make extension`');
    const rules = [...Object.keys(SITES), 'unknown-shop.example'].map((h) => `MAP ${h} 127.0.0.1:${site.port}`).join(', ');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-profile-'));
    const context = await chromium.launchPersistentContext(dir, {
      executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
      headless: true,
      ignoreHTTPSErrors: true,
      viewport: { width: 1280, height: 800 },
      locale: browserLang,
      args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
        '--disable-component-update', '--disable-sync', '--enable-unsafe-extension-debugging', `--host-resolver-rules=${rules}`,
        `--disable-extensions-except=${EXTENSION}`, `--load-extension=${EXTENSION}`],
    });
    // The service worker writes the install defaults (ui:prefs.lang) once; a test's own settings
    // must come after them, or that write could land on top of the test's.
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker');
    await sw.evaluate(async () => {
      while (!(await chrome.storage.local.get('ui:prefs'))['ui:prefs']?.lang) await new Promise((r) => setTimeout(r, 20));
    });
    await use(context);
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },

  serviceWorker: async ({ context }, use) => {
    let [sw] = context.serviceWorkers();
    if (!sw) sw = await context.waitForEvent('serviceworker');
    await use(sw);
  },
});

export { expect };

export function overlay(page) {
  return page.frameLocator('danmu-radar-overlay iframe[data-testid="dr-frame"]');
}

export async function totalComments(page) {
  const text = await overlay(page).getByTestId('dr-total-comments').textContent({ timeout: 1000 }).catch(() => null);
  return text === null ? null : Number(text);
}

// The capture state the service worker holds for this page's tab ('capturing' once a frame of the
// tab found its list and took the rows already there as history), or null (DRDebug: background/sw.js).
export async function captureState(serviceWorker, page) {
  return serviceWorker.evaluate(async (url) => {
    const tab = (await chrome.tabs.query({})).find((t) => t.url === url);
    return (tab && globalThis.DRDebug?.rooms().find((r) => r.tabId === tab.id)?.status) || null;
  }, page.url()).catch(() => null);
}

// Opens a fixture page, waits until the extension captures its list, then starts the feeder. With
// the service worker, its word is awaited instead of the overlay's status line: pages whose list is
// in a subframe (YouTube watch, Bilibili activity) show the overlay only once rows arrive.
export async function openAndFeed(page, url, serviceWorker) {
  await page.goto(url);
  if (serviceWorker) await expect.poll(() => captureState(serviceWorker, page)).toBe('capturing');
  else await expect(overlay(page).getByTestId('dr-status')).toHaveText(/正在读取评论/);
  await page.evaluate(() => window.__startFeed());
}

export async function waitForFeed(page) {
  await page.waitForFunction(() => window.__feed && window.__feed.done, null, { timeout: 60_000 });
  return page.evaluate(() => window.__feed.fed);
}

export async function screenshot(page, name) {
  fs.mkdirSync(ARTIFACTS, { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, `${name}.png`) });
}

// A real click on the extension's toolbar button for this tab (CDP Extensions.triggerAction, which
// needs --enable-unsafe-extension-debugging): it grants activeTab like a user's click does.
//
// A click that did not reach the page at all (no content script there afterwards, and no activeTab
// grant to look with) is made again, at most twice: in about one full-suite run in three, the first
// click right after a fresh browser started never reached the worker's listener (cause not found;
// a person clicks again). A click that reached the page is never repeated, so nothing toggles twice.
export async function clickToolbar(context, page, serviceWorker) {
  const browser = await context.browser().newBrowserCDPSession();
  const { targetInfos } = await browser.send('Target.getTargets', { filter: [{ type: 'tab' }] });
  const tab = targetInfos.find((t) => t.url === page.url());
  if (!tab) throw new Error(`no tab target for ${page.url()}`);
  for (let attempt = 0; attempt < 3; attempt++) {
    await browser.send('Extensions.triggerAction', { id: new URL(serviceWorker.url()).host, targetId: tab.targetId });
    if (await reachedPage(serviceWorker, page.url())) break;
  }
  await browser.detach();
}

// Within 8 s: does the page's top frame run our content script (in its isolated world)?
async function reachedPage(serviceWorker, url) {
  for (let i = 0; i < 80; i++) {
    const started = await serviceWorker.evaluate(async (u) => {
      const [tab] = await chrome.tabs.query({ url: u });
      if (!tab) return false;
      try {
        const [r] = await chrome.scripting.executeScript({ target: { tabId: tab.id }, func: () => Boolean(globalThis.DRStarted) });
        return r?.result === true;
      } catch {
        return false; // no activeTab grant: the click did not arrive
      }
    }, url);
    if (started) return true;
    await new Promise((r) => setTimeout(r, 100));
  }
  return false;
}
