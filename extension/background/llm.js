// The optional LLM assistant, in the service worker (it holds the provider's host permission; a
// content script would be blocked by CORS). One LlmAssistant (wasm, src/llm/) per room: it builds
// each request after the budget check and digests each outcome; this file only schedules, queues and
// relays. At most one request per tab is in flight; automatic summaries run only while an overlay is
// visible, and hiding or closing the overlay cancels the request. The key is read from the extension's
// IndexedDB per call and handed to the wasm transport, never to a message.
import { LlmAssistant, llmStream } from '../wasm/danmu_radar.js';
import { getKey } from '../shared/secrets.js';

export const SETTINGS = 'llm:settings';
export const CATALOG = 'llm:catalog';
const RECENT = 300; // comments kept for the prompt's few representative ones
const LOCAL = /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])[:/]/;

export class Assistants {
  constructor() {
    this.byTab = new Map(); // tabId → Promise<state>
    this.recent = new WeakMap(); // room → [{user, text}], newest last
    this.settings = {};
    this.catalog = '';
  }

  async load() {
    const got = await chrome.storage.local.get([SETTINGS, CATALOG, 'ui:prefs']);
    this.settings = got[SETTINGS] || {};
    if (got['ui:prefs']?.lang) this.settings = { ...this.settings, lang: got['ui:prefs'].lang };
    this.catalog = got[CATALOG]?.text || '';
  }

  // A room joins: the seller's catalog goes into its engine, its assistant is made or restored.
  adopt(room) {
    if (this.catalog) {
      try { room.engine.setCatalog(this.catalog); } catch (e) { console.warn('danmu-radar: catalog not applied', e); }
    }
    return this.state(room);
  }

  state(room) {
    const known = this.byTab.get(room.tabId);
    if (known && known.room === room) return known.promise;
    if (known) this.drop(known);
    const entry = { room, promise: this.make(room) };
    this.byTab.set(room.tabId, entry);
    return entry.promise;
  }

  async make(room) {
    const key = `llm:${room.tabId}`;
    const saved = (await chrome.storage.session.get(key))[key];
    let assistant = null;
    if (saved?.roomKey === room.roomKey) {
      try {
        assistant = LlmAssistant.restore(saved.json);
        assistant.setSettings(this.settings);
      } catch (e) {
        console.warn('danmu-radar: assistant not restored', e);
        assistant = null;
      }
    }
    if (!assistant) assistant = this.fresh();
    return { room, assistant, visible: new Set(), ctrl: null, queue: Promise.resolve(), gen: 0, timer: 0 };
  }

  // The room's suggested answers as JSON {question id: text} for the report, or undefined.
  async answersJson(room) {
    const known = this.byTab.get(room.tabId);
    if (!known || known.room !== room) return undefined;
    const answers = (await known.promise).assistant.view(Date.now()).answers;
    return Object.keys(answers).length ? JSON.stringify(answers) : undefined;
  }

  fresh() {
    try {
      return new LlmAssistant(this.settings, Date.now());
    } catch {
      return new LlmAssistant({}, Date.now()); // settings that cannot work: the assistant stays off
    }
  }

  observe(room, rows) {
    let list = this.recent.get(room);
    if (!list) this.recent.set(room, (list = []));
    for (const r of rows) if (r.kind === 'comment') list.push({ user: r.user, text: r.text });
    if (list.length > RECENT) list.splice(0, list.length - RECENT);
  }

  async handle(room, port, msg) {
    const st = await this.state(room);
    if (msg.type === 'ui/llm-visible') {
      if (!st.visible.has(port) && !port.__drWatched) {
        port.__drWatched = true;
        port.onDisconnect.addListener(() => this.hidden(st, port));
      }
      if (msg.visible) st.visible.add(port);
      else this.hidden(st, port);
      this.send(st, this.viewMsg(st), port);
      this.schedule(st);
    } else if (msg.type === 'ui/llm-summarize') {
      this.enqueue(st, () => this.summarize(st, false));
    } else if (msg.type === 'ui/llm-answer') {
      this.enqueue(st, () => this.answer(st, port, msg.id));
    }
  }

  hidden(st, port) {
    st.visible.delete(port);
    if (st.visible.size === 0) {
      this.cancel(st);
      this.schedule(st);
    }
  }

  // One request at a time per tab; a cancel also drops what was queued behind it.
  enqueue(st, fn) {
    const gen = st.gen;
    st.queue = st.queue.then(() => (gen === st.gen ? fn() : null)).catch((e) => console.error('danmu-radar: assistant failed', e));
    return st.queue;
  }

  cancel(st) {
    st.gen++;
    st.ctrl?.abort();
  }

  schedule(st) {
    clearTimeout(st.timer);
    st.timer = 0;
    if (st.visible.size === 0) return;
    const next = st.assistant.view(Date.now()).next_auto_ms;
    if (next == null) return;
    st.timer = setTimeout(() => this.enqueue(st, () => this.summarize(st, true)), Math.max(1000, next - Date.now()));
  }

  async summarize(st, automatic) {
    const now = Date.now();
    st.room.engine.tick(now);
    let plan = null;
    try {
      plan = st.assistant.prepareSummary(st.room.engine, this.recent.get(st.room) || [], automatic, now);
    } catch (e) {
      // Refused before any network: over budget, waiting out a Retry-After, or switched off.
      this.send(st, this.viewMsg(st, e.name === 'NotConfigured' ? 'NotConfigured' : undefined));
    }
    if (plan) await this.call(st, plan, (text) => this.send(st, { type: 'sw/llm-delta', text }));
    this.schedule(st);
  }

  async answer(st, port, id) {
    const now = Date.now();
    st.room.engine.tick(now);
    let text = '';
    try {
      const plan = st.assistant.prepareAnswer(st.room.engine, id, now);
      if (plan.answer !== undefined) text = plan.answer;
      else {
        const view = await this.call(st, plan, () => {});
        text = view.answer ? view.answer[1] : view.answers[id] || '';
      }
    } catch {
      this.send(st, this.viewMsg(st));
    }
    port.postMessage({ type: 'sw/llm-answer', id, text });
  }

  async call(st, plan, onText) {
    const ctrl = new AbortController();
    st.ctrl = ctrl;
    this.send(st, this.viewMsg(st));
    let view;
    try {
      const key = await getKey().catch(() => '');
      if (!key && !LOCAL.test(plan.url)) throw Object.assign(new Error('no key'), { name: 'NotConfigured' });
      const out = await llmStream(plan.url, plan.body, key, ctrl.signal, onText);
      if (!st.closed) view = st.assistant.finish(out, Date.now());
    } catch (e) {
      if (!st.closed) view = st.assistant.fail(e, Date.now());
    } finally {
      st.ctrl = null;
    }
    if (st.closed) return { answers: {} };
    this.send(st, { type: 'sw/llm-view', view, busy: false });
    this.save(st);
    return view;
  }

  viewMsg(st, notice) {
    const view = st.assistant.view(Date.now());
    if (notice && !view.status) view.status = { name: notice, status: 0, message: '', retry_in_ms: null };
    return { type: 'sw/llm-view', view, busy: Boolean(st.ctrl) };
  }

  send(st, msg, only) {
    for (const port of only ? [only] : st.room.overlays) port.postMessage(msg);
  }

  save(st) {
    const key = `llm:${st.room.tabId}`;
    chrome.storage.session.set({ [key]: { roomKey: st.room.roomKey, json: st.assistant.save() } }).catch(() => {});
  }

  async storageChanged(changes, rooms) {
    const lang = changes['ui:prefs']?.newValue?.lang;
    if (changes[SETTINGS] || (lang && lang !== this.settings.lang)) {
      // The overlay's language button also switches the language the assistant writes in.
      this.settings = { ...(changes[SETTINGS] ? changes[SETTINGS].newValue || {} : this.settings), ...(lang ? { lang } : {}) };
      for (const { promise } of this.byTab.values()) {
        const st = await promise;
        try { st.assistant.setSettings(this.settings); } catch (e) { console.warn('danmu-radar: settings rejected', e); }
        this.send(st, this.viewMsg(st));
        this.schedule(st);
      }
    }
    if (changes[CATALOG]) {
      this.catalog = changes[CATALOG].newValue?.text || '';
      for (const room of rooms.byTab.values()) {
        try { room.engine.setCatalog(this.catalog || '[]'); } catch (e) { console.warn('danmu-radar: catalog not applied', e); }
        rooms.scheduleSnapshot(room);
      }
    }
  }

  drop(entry) {
    entry.promise.then((st) => {
      st.closed = true;
      clearTimeout(st.timer);
      this.cancel(st);
      st.assistant.free();
    });
  }

  close(tabId) {
    const entry = this.byTab.get(tabId);
    if (entry) this.drop(entry);
    this.byTab.delete(tabId);
    chrome.storage.session.remove(`llm:${tabId}`).catch(() => {});
  }
}
