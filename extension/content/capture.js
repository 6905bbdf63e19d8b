// Capture: watches the comment list an adapter points at and turns what appears in it into rows
// {text, user?, ts, kind}, each exactly once.
//
// Rows are identified by content and position, never by DOM node: virtual lists recycle nodes
// (Douyin ~21 slots, WeChat Channels, Kuaishou console), and React/Vue re-render the same content.
// With a platform message id or list position (adapter.messageId), a row is new when that id has not been
// seen with that content. Without one, the ordered list of row keys is diffed against the previous
// scan: the longest tail of the old list that starts the new list is what was already there; what
// follows it is new (so a viewer's repeated "链接呢" counts again, a re-render does not).
(() => {
  const SCAN_DELAY_MS = 30;
  const MAX_IDS = 20000;

  class Capture {
    constructor(adapter, emit, status) {
      this.adapter = adapter;
      this.emit = emit; // (rows) => void
      this.status = status; // (state, detail) => void
      this.list = null;
      // A row the page removes before the next scan (a trim or clean_chat_view within the scan delay)
      // is read from the mutation record, where it survives detached.
      this.observer = new MutationObserver(() => this.schedule());
      // Removals alone, on their own observer: the records of every attribute and text change
      // (most of a busy list's mutations) are never walked.
      this.removals = new MutationObserver((records) => this.readRemoved(records));
      this.tickerObserver = new MutationObserver(() => this.readTickers());
      this.timer = 0;
      this.rewrites = 0; // rows rewritten in place since the last scan
      this.rowCount = 0; // rows the last scan saw
      this.prevKeys = [];
      this.seen = new Map(); // id → content key (insertion-ordered: oldest first)
      this.tickers = new Map(); // ticker element → last text
      // Row element → what it last read as, with the fingerprint it was read under. A recycled or
      // re-rendered row changes its fingerprint (id, text, image count) and is read again; an
      // untouched row costs one textContent read per scan instead of a full parse.
      this.readCache = new WeakMap();
      this.state = '';
    }

    start() {
      this.findList();
      // Lists appear late (SPA) and get replaced (relayout); re-check once a second. A paused list
      // stops mutating, so its pill is looked for on a timer too (cheaply, in the list's own root).
      this.interval = setInterval(() => {
        if (!this.list || !this.list.isConnected || !this.list.ownerDocument.defaultView) this.findList();
        this.watchTickers();
      }, 1000);
      this.pillTimer = setInterval(() => this.resumePaused(), 200);
    }

    stop() {
      clearInterval(this.interval);
      clearInterval(this.pillTimer);
      clearTimeout(this.timer);
      this.observer.disconnect();
      this.removals.disconnect();
      this.tickerObserver.disconnect();
    }

    setState(state, detail = '') {
      if (state !== this.state) {
        this.state = state;
        this.status(state, detail);
      }
    }

    findList() {
      const list = DRDom.find(document, this.adapter.list);
      if (list === this.list) return;
      this.observer.disconnect();
      this.removals.disconnect();
      this.list = list;
      this.prevKeys = [];
      if (!list) {
        this.setState(this.state ? 'lost' : 'searching');
        return;
      }
      this.observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-index', 'style', 'data-id', 'class'] });
      this.removals.observe(list, { childList: true, subtree: true });
      this.setState('capturing');
      this.watchTickers();
      // Rows already on screen when we arrive are history, not new comments: record, don't emit.
      this.scan(false);
    }

    schedule() {
      if (!this.timer) this.timer = setTimeout(() => { this.timer = 0; this.scan(true); }, SCAN_DELAY_MS);
    }

    // Rows removed before any scan read them: new comments the scan would miss. A row the scan
    // already read (same fingerprint in the read cache), a row moved within the list, and a row
    // remounted with the same content in the same batch of mutations (a re-render: the scan counts
    // its new node) are left to the scan. Rows with an id are recorded as seen, so the scan never
    // counts them again.
    readRemoved(records) {
      if (!this.list) return;
      const a = this.adapter;
      let gone = null;
      for (const rec of records) {
        if (!rec.removedNodes.length) continue;
        // Nodes removed from inside a row are its parts (a row rewritten in place), never rows.
        // A virtual list rewrites its slots in place (Douyin: 21 slots, every ~40 ms at 500 rows/s):
        // once half the slots were rewritten since the last scan, scan now, before the timer (a
        // busy page delays it) lets a slot be rewritten twice.
        if (rec.target.closest?.(a.row)) {
          if (++this.rewrites >= Math.max(4, this.rowCount >> 1) && this.timer) {
            clearTimeout(this.timer);
            this.timer = 0;
            this.scan(true);
          }
          continue;
        }
        for (const n of rec.removedNodes) {
          if (n.nodeType !== 1 || n.isConnected) continue;
          for (const el of n.matches(a.row) ? [n] : n.querySelectorAll(a.row)) {
            // Scanned as it is (with the id it had then: a detached row may have lost the slot
            // its id comes from, as in TikTok's and Douyin's virtual lists).
            const hit = this.readCache.get(el);
            if (hit && hit.print === fingerprint(a, el, hit.id)) continue;
            (gone ||= []).push(el);
          }
        }
      }
      if (!gone) return;
      let remounted = null; // content keys of rows added in this batch and still in the list
      const fresh = [];
      for (const el of gone) {
        const r = a.read(el);
        if (!r || !r.text) continue;
        const kind = r.kind || 'comment';
        const key = `${kind}\u0001${r.user || ''}\u0001${r.text}`;
        const id = a.messageId ? a.messageId(el) : undefined;
        if (id !== undefined && id !== '') {
          if (this.seen.get(id) === key) continue;
          this.seen.delete(id);
          this.seen.set(id, key);
        } else {
          remounted ||= this.addedKeys(records);
          const n = remounted.get(key) || 0;
          if (n > 0) { remounted.set(key, n - 1); continue; }
        }
        fresh.push({ text: r.text, user: r.user || undefined, kind, ts: Date.now() });
      }
      if (fresh.length) this.emit(fresh);
    }

    // Content keys (with multiplicity) of the rows these records added that are in the list now.
    addedKeys(records) {
      const a = this.adapter;
      const keys = new Map();
      for (const rec of records) {
        for (const n of rec.addedNodes) {
          if (n.nodeType !== 1 || !this.list.contains(n)) continue;
          for (const el of n.matches(a.row) ? [n] : n.querySelectorAll(a.row)) {
            const r = a.read(el);
            if (!r || !r.text) continue;
            const key = `${r.kind || 'comment'}\u0001${r.user || ''}\u0001${r.text}`;
            keys.set(key, (keys.get(key) || 0) + 1);
          }
        }
      }
      return keys;
    }

    rows() {
      const a = this.adapter;
      const out = [];
      for (const el of this.list.querySelectorAll(a.row)) {
        const id = a.messageId ? a.messageId(el) : undefined;
        const print = fingerprint(a, el, id);
        let hit = this.readCache.get(el);
        if (!hit || hit.print !== print) {
          hit = { print, id, r: a.read(el) };
          this.readCache.set(el, hit);
        }
        const r = hit.r;
        if (!r || !r.text) continue;
        const kind = r.kind || 'comment';
        const key = `${kind}\u0001${r.user || ''}\u0001${r.text}`;
        out.push({ el, key, id, order: a.order ? a.order(el) : undefined, row: { text: r.text, user: r.user || undefined, kind } });
      }
      if (a.order) out.sort((x, y) => (x.order ?? 0) - (y.order ?? 0));
      return out;
    }

    scan(emitNew) {
      if (!this.list) return;
      const rows = this.rows();
      this.rewrites = 0;
      this.rowCount = rows.length;
      const fresh = [];
      const withId = rows.filter((r) => r.id !== undefined && r.id !== '');
      for (const r of withId) {
        if (this.seen.get(r.id) === r.key) continue;
        this.seen.delete(r.id);
        this.seen.set(r.id, r.key);
        fresh.push(r);
      }
      while (this.seen.size > MAX_IDS) this.seen.delete(this.seen.keys().next().value);
      const plain = rows.filter((r) => r.id === undefined || r.id === '');
      const keys = plain.map((r) => r.key);
      fresh.push(...newSince(this.prevKeys, keys).map((i) => plain[i]));
      this.prevKeys = keys;
      if (emitNew && fresh.length) {
        const ts = Date.now();
        this.emit(fresh.map((r) => ({ ...r.row, ts })));
      }
      this.resumePaused();
    }

    // Paused lists (百应, 淘宝中控, 视频号) show a "new comments" pill; click it (a setting, on by default).
    resumePaused() {
      const sel = this.adapter.paused;
      if (!sel || !this.list || globalThis.DRSettings?.resumePaused === false) return;
      const pill = DRDom.first(this.list.getRootNode(), sel);
      if (pill && DRDom.visible(pill)) {
        this.setState('paused');
        pill.click();
        this.setState('capturing');
      }
    }

    // Single-slot notices rewritten in place ("xx 来了", "点赞了"): each new text is one event.
    watchTickers() {
      for (const t of this.adapter.tickers || []) {
        const el = DRDom.find(document, [t.selector]);
        if (!el || this.tickerEls?.get(t.selector) === el) continue;
        (this.tickerEls ||= new Map()).set(t.selector, el);
        this.tickers.set(t.selector, DRDom.textOf(el)); // what is there on arrival is history
        this.tickerObserver.observe(el, { childList: true, subtree: true, characterData: true });
      }
    }

    readTickers() {
      for (const t of this.adapter.tickers || []) {
        const el = this.tickerEls?.get(t.selector);
        if (!el) continue;
        const text = DRDom.textOf(el);
        if (text && this.tickers.get(t.selector) !== text) {
          this.tickers.set(t.selector, text);
          this.emit([{ text, kind: t.kind(text), ts: Date.now() }]);
        }
      }
    }
  }

  // What a row element shows: when it changes, the row is read again.
  function fingerprint(a, el, id = a.messageId ? a.messageId(el) : undefined) {
    return `${id}\u0001${el.textContent}\u0001${el.getElementsByTagName('img').length}`;
  }

  // Indices of `cur` that are new relative to `prev` (both ordered oldest → newest).
  function newSince(prev, cur) {
    if (!prev.length) return cur.map((_, i) => i);
    const max = Math.min(prev.length, cur.length);
    for (let k = max; k > 0; k--) {
      // Does prev's last k equal cur's first k? Check the boundary item first (cheap reject).
      if (prev[prev.length - 1] !== cur[k - 1] || prev[prev.length - k] !== cur[0]) continue;
      let ok = true;
      for (let i = 1; i < k - 1 && ok; i++) ok = prev[prev.length - k + i] === cur[i];
      if (ok) return cur.map((_, i) => i).slice(k);
    }
    // No overlap (a jump or a full refresh): only what exceeds the old multiset is new.
    const counts = new Map();
    for (const k of prev) counts.set(k, (counts.get(k) || 0) + 1);
    const out = [];
    cur.forEach((k, i) => {
      const n = counts.get(k) || 0;
      if (n > 0) counts.set(k, n - 1);
      else out.push(i);
    });
    return out;
  }

  globalThis.DRCapture = { Capture, newSince };
})();
