// The service worker: hosts one wasm engine per tab (background/rooms.js) and routes messages.
// Nothing here trusts a message: ports are accepted only from this extension's own contexts, every
// message is shape-checked (shared/protocol.js), and content scripts may only send cs/ messages,
// the overlay only ui/ ones.
import '../shared/protocol.js';
import init, { RadarEngine, warmUp } from '../wasm/danmu_radar.js';
import { Rooms } from './rooms.js';
import { Assistants } from './llm.js';
import { rememberTaught } from '../shared/taught.js';

const { PORT, check, batchRows } = globalThis.DRProtocol;
const OVERLAY_URL = chrome.runtime.getURL('overlay/overlay.html');
const rooms = new Rooms(RadarEngine);
const assistants = new Assistants(); // the optional LLM assistant (background/llm.js)

// Listeners are registered synchronously (a woken worker must see its first event); work waits here.
const ready = (async () => {
  await init();
  warmUp();
  await assistants.load();
  const prefs = (await chrome.storage.local.get('ui:prefs'))['ui:prefs'];
  if (prefs?.lang) rooms.setLang(prefs.lang);
})();

function fromThisExtension(sender) {
  return sender && sender.id === chrome.runtime.id && sender.tab && Number.isInteger(sender.tab.id);
}

chrome.runtime.onConnect.addListener((port) => {
  const sender = port.sender;
  if (!fromThisExtension(sender)) return port.disconnect();
  // content/wake.js: starting this worker (and `ready`) during the page's load was the whole point.
  if (port.name === PORT.WAKE) return port.disconnect();
  if (port.name === PORT.CAPTURE && sender.url && !sender.url.startsWith('chrome-extension:')) return capture(port, sender.tab.id, sender.frameId);
  if (port.name === PORT.OVERLAY && sender.url?.startsWith(OVERLAY_URL)) return overlay(port, sender.tab.id);
  port.disconnect();
});

// Captures in subframes, by tab. The overlay they made the top frame show goes when the last of
// them goes and none comes within HIDE_AFTER_MS: on an in-site navigation YouTube's chat frame
// leaves with the live video (the next video's, if it is live, comes within that time; a chat frame
// that reloads too). The top frame keeps an overlay its own capture shows.
const HIDE_AFTER_MS = 1500;
const framed = new Map(); // tabId → {ports: Set, timer}

function framedCapture(tabId, port) {
  let f = framed.get(tabId);
  if (!f) framed.set(tabId, (f = { ports: new Set(), timer: 0 }));
  f.ports.add(port);
  clearTimeout(f.timer);
  port.onDisconnect.addListener(() => {
    f.ports.delete(port);
    if (f.ports.size) return;
    clearTimeout(f.timer);
    f.timer = setTimeout(() => {
      if (f.ports.size) return;
      framed.delete(tabId);
      chrome.tabs.sendMessage(tabId, { type: 'sw/hide-overlay' }, { frameId: 0 }).catch(() => {});
    }, HIDE_AFTER_MS);
  });
}

function capture(port, tabId, frameId) {
  if (frameId !== 0) framedCapture(tabId, port);
  let room = null;
  let source = null;
  // A capture in a subframe (YouTube's live_chat iframe, a Bilibili room inside an activity page)
  // that delivers rows makes the top frame show the overlay; a watch page whose video is not live
  // has no chat frame and shows none. A top frame's own capture shows it itself. Asked again with a
  // later batch if the top frame's content script was not listening yet; a top frame whose overlay
  // is already mounted ignores it.
  let shown = frameId === 0;
  let asking = false;
  let tries = 0; // a top frame without our content script (an embed on another site) never answers
  // Messages are handled strictly in order, also while the engine is still loading.
  let queue = ready;
  port.onMessage.addListener((msg) => {
    queue = queue.then(async () => {
      if (!check(msg, 'cs/')) return;
      if (msg.type === 'cs/hello') {
        room = await rooms.open(tabId, msg.room);
        await assistants.adopt(room);
        source = msg.source;
        room.captures.set(source, port);
        port.postMessage({ type: 'sw/ack', source, seq: room.engine.appliedSeq(source) });
        rooms.scheduleSnapshot(room);
      } else if (msg.type === 'cs/batch' && room && msg.source === source) {
        const rows = batchRows(msg.rowsJson);
        if (!rows) return;
        rooms.apply(room, source, msg.seq, msg.rowsJson);
        assistants.observe(room, rows);
        if (!shown && !asking && tries < 5 && rows.length) {
          asking = true;
          tries++;
          chrome.tabs.sendMessage(tabId, { type: 'sw/show-overlay' }, { frameId: 0 })
            .then(() => { shown = true; }, () => {})
            .finally(() => { asking = false; });
        }
      } else if (msg.type === 'cs/status' && room) {
        rooms.setStatus(room, msg.state);
      }
    }).catch((e) => console.error('danmu-radar: capture message failed', e));
  });
  port.onDisconnect.addListener(() => {
    if (room && room.captures.get(source) === port) room.captures.delete(source);
  });
}

// For automation and the worker's console (no page can reach the worker): each tab's room and the
// state its capture reported, e.g. to know a capture in a subframe is listening before any overlay.
globalThis.DRDebug = Object.freeze({
  rooms: () => [...rooms.byTab.values()].map((r) => ({ tabId: r.tabId, roomKey: r.roomKey, status: r.status, captures: r.captures.size })),
});

// A merge is also kept for the next streams (shared/taught.js), by the two questions' wordings;
// stored one after another (each store reads the list it extends), after the overlay's update.
let remembering = Promise.resolve();
function merge(room, from, into) {
  const asked = room.engine.snapshot().hot_questions;
  const text = (id) => asked.find((q) => q.id === id)?.text;
  const pair = [text(from), text(into)];
  if (!room.engine.mergeQuestions(from, into)) return false;
  if (pair.every(Boolean)) {
    remembering = remembering.then(() => rememberTaught(...pair)).catch((e) => console.error('danmu-radar: merge not kept', e));
  }
  return true;
}

function overlay(port, tabId) {
  let queue = ready.then(() => rooms.watch(tabId, port));
  port.onMessage.addListener((msg) => {
    queue = queue.then(async () => {
      if (!check(msg, 'ui/')) return;
      const room = rooms.byTab.get(tabId);
      if (!room || !room.overlays.has(port)) return;
      if (msg.type === 'ui/mark-answered' || msg.type === 'ui/merge-questions') {
        // The host's corrections are room state: checkpointed like rows, so a restarted worker keeps them.
        const done = msg.type === 'ui/mark-answered' ? room.engine.markAnswered(msg.id) : merge(room, msg.from, msg.into);
        if (done) {
          rooms.pushSnapshot(room);
          rooms.scheduleCheckpoint(room);
        }
      } else if (msg.type === 'ui/export-report') {
        // The same report as `danmu-radar analyze --format html|json|csv` and the trial page, plus
        // the suggested answers the assistant gave in this room, if any.
        const e = room.engine;
        const answers = await assistants.answersJson(room);
        const body = { html: () => e.reportHtml(answers), csv: () => e.reportCsv(), json: () => e.reportJson(answers) }[msg.format]();
        port.postMessage({ type: 'sw/report', format: msg.format, body });
      } else if (msg.type.startsWith('ui/llm-')) {
        await assistants.handle(room, port, msg);
      }
    }).catch((e) => console.error('danmu-radar: overlay message failed', e));
  });
}

chrome.tabs.onRemoved.addListener((tabId) => {
  clearTimeout(framed.get(tabId)?.timer);
  framed.delete(tabId);
  ready.then(() => rooms.close(tabId));
  ready.then(() => assistants.close(tabId));
});

// The panel's language follows the browser's once, at install (or at the update that brought this):
// every context (panel, window chrome, options, engine summary) reads ui:prefs and nothing else, so
// they cannot disagree; 中文/EN changes it from then on. Chinese browsers get 中文, any other English.
chrome.runtime.onInstalled.addListener(async () => {
  const prefs = (await chrome.storage.local.get('ui:prefs'))['ui:prefs'] || {};
  if (prefs.lang) return;
  const browser = navigator.languages?.[0] || navigator.language || '';
  await chrome.storage.local.set({ 'ui:prefs': { ...prefs, lang: /^zh\b/i.test(browser) ? 'zh-CN' : 'en' } });
});

chrome.storage.onChanged.addListener((changes, area) => {
  if (area === 'local' && changes['ui:prefs']?.newValue?.lang) ready.then(() => rooms.setLang(changes['ui:prefs'].newValue.lang));
  if (area === 'local') ready.then(() => assistants.storageChanged(changes, rooms));
});

// Toolbar button and keyboard shortcut: show/hide the overlay, or pick the comment area on a page
// without an adapter (the content script decides which).
async function toggle(tab) {
  if (!tab?.id) return;
  const message = { type: 'sw/toggle-overlay' };
  try {
    await chrome.tabs.sendMessage(tab.id, message, { frameId: 0 });
  } catch {
    // No content script on this page (not a known platform): the click granted activeTab, so inject
    // it into this tab's top frame; it then shows the picker or the learned list for this site.
    await chrome.scripting.executeScript({ target: { tabId: tab.id }, files: contentFiles() });
    await chrome.tabs.sendMessage(tab.id, message, { frameId: 0 });
  }
}

function contentFiles() {
  // The capture's files (the manifest's other entry is content/wake.js alone).
  return chrome.runtime.getManifest().content_scripts.find((c) => c.js.includes('content/main.js')).js;
}

chrome.action.onClicked.addListener(toggle);
chrome.commands.onCommand.addListener(async (command, tab) => {
  if (command === 'toggle-overlay') toggle(tab || (await chrome.tabs.query({ active: true, currentWindow: true }))[0]);
});
