// The overlay frame: an extension page the content script embeds in the live page. It talks only to
// the service worker (never to the page), renders snapshots with ui/render.js and keeps the UI
// preferences (language, large text) in extension storage.
import { mountOverlay } from '../ui/render.js';
import { strings } from '../ui/i18n.js';
import { mountAssistant } from '../ui/assistant.js';
import { mountSiteAccess } from './site-access.js';

const { PORT, check } = globalThis.DRProtocol;
const PREFS = 'ui:prefs';
let prefs = { lang: 'zh-CN', large: false };
let port = null;
let listener = null;

const source = {
  onSnapshot(cb) { listener = cb; },
  markAnswered(id) { port?.postMessage({ type: 'ui/mark-answered', id }); },
  mergeQuestions(from, into) { port?.postMessage({ type: 'ui/merge-questions', from, into }); },
  exportReport(format) { port?.postMessage({ type: 'ui/export-report', format }); },
};

// The optional LLM assistant (ui/assistant.js): its box goes under the local summary, its copy
// button on each hot question. It runs only while the panel is shown: the host's window state
// (hidden, collapsed) is in extension storage under the page's host, and the service worker cancels
// the request in flight when no panel of the tab is visible.
const assistant = mountAssistant({
  summarize() { port?.postMessage({ type: 'ui/llm-summarize' }); },
  requestAnswer(id) { port?.postMessage({ type: 'ui/llm-answer', id }); },
  openOptions() { chrome.runtime.openOptionsPage(); },
  merge(from, into) { source.mergeQuestions(from, into); },
});
source.assistantBox = assistant.element;
source.copyAnswer = (q) => assistant.copy(q);
const WINDOW_KEY = location.ancestorOrigins?.length ? `overlay:${new URL(location.ancestorOrigins[location.ancestorOrigins.length - 1]).host}` : null;
let announced = false;

async function announceVisibility() {
  const pos = WINDOW_KEY ? (await chrome.storage.local.get(WINDOW_KEY))[WINDOW_KEY] : null;
  port?.postMessage({ type: 'ui/llm-visible', visible: !(pos?.hidden || pos?.collapsed) });
}

function download(format, body) {
  const type = { json: 'application/json', html: 'text/html', csv: 'text/csv' }[format] || 'text/plain';
  const url = URL.createObjectURL(new Blob([body], { type: `${type};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `danmu-radar-report-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.${format}`;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

// The last capture state, to say again in the other language when 中文/EN is switched.
let captureState = null;
function showStatus(state) {
  captureState = state;
  const t = strings(prefs.lang);
  document.getElementById('status').textContent = t.capture[state] || '';
}

function connect() {
  port = chrome.runtime.connect({ name: PORT.OVERLAY });
  port.onMessage.addListener((msg) => {
    if (!check(msg, 'sw/')) return;
    if (msg.type === 'sw/snapshot') {
      listener?.(msg.snapshot);
      // The first snapshot means this port joined its room: now the assistant can hear us.
      if (!announced) announceVisibility();
      announced = true;
    } else if (msg.type === 'sw/llm-view') assistant.setView(msg.view, msg.busy);
    else if (msg.type === 'sw/llm-delta') assistant.setDelta(msg.text);
    else if (msg.type === 'sw/llm-answer') assistant.setAnswer(msg.id, msg.text);
    else if (msg.type === 'sw/capture-status') showStatus(msg.state);
    else if (msg.type === 'sw/report') download(msg.format, msg.body);
  });
  // The service worker restarts when idle; reconnect and it restores the room from its checkpoint.
  port.onDisconnect.addListener(() => {
    port = null;
    announced = false;
    if (chrome.runtime?.id) setTimeout(connect, 300);
  });
  port.postMessage({ type: 'ui/hello' });
}

function labelButtons() {
  const t = strings(prefs.lang);
  document.documentElement.lang = prefs.lang;
  document.getElementById('export').textContent = t.export;
  document.getElementById('lang').textContent = prefs.lang === 'zh-CN' ? 'EN' : '中文';
}

const stored = (await chrome.storage.local.get(PREFS))[PREFS];
if (stored) prefs = { ...prefs, ...stored };
const view = mountOverlay(document.getElementById('root'), source, prefs);
assistant.setLang(prefs.lang);
const siteAccess = mountSiteAccess(document.getElementById('site'), () => prefs.lang);
labelButtons();

// The report a seller reads is the HTML page (复盘); the JSON is the same report as data.
document.getElementById('export').addEventListener('click', () => source.exportReport('html'));
document.getElementById('export-json').addEventListener('click', () => source.exportReport('json'));
document.getElementById('lang').addEventListener('click', async () => {
  prefs.lang = prefs.lang === 'zh-CN' ? 'en' : 'zh-CN';
  await chrome.storage.local.set({ [PREFS]: prefs });
});
document.getElementById('large').addEventListener('click', async () => {
  prefs.large = !prefs.large;
  await chrome.storage.local.set({ [PREFS]: prefs });
});
chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && WINDOW_KEY && changes[WINDOW_KEY]) announceVisibility();
  if (area !== 'local' || !changes[PREFS]) return;
  prefs = { ...prefs, ...changes[PREFS].newValue };
  view.setLang(prefs.lang);
  assistant.setLang(prefs.lang);
  view.setLarge(prefs.large);
  siteAccess.render();
  labelButtons();
  if (captureState) showStatus(captureState);
});
connect();
