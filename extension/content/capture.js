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
      this.finder = rowFinder(adapter.row);
      this.emit = emit; // (rows) => void
      this.status = status; // (state, detail) => void
      this.list = null;
      // One observer: its records name the rows that changed (read again at the next scan, the
      // others come from the read cache) and the rows removed before a scan read them (read from
      // the record, where they survive detached: a trim or clean_chat_view within the scan delay).
      this.observer = new MutationObserver((records) => this.mutated(records));
      this.tickerObserver = new MutationObserver(() => this.readTickers());
      this.timer = 0;
      this.dirty = new Set(); // rows a record named (added or rewritten) since the last scan
      this.rowCount = 0; // rows the last scan saw
      this.prevKeys = [];
      this.seen = new Map(); // id → content key (insertion-ordered: oldest first)
      this.tickers = new Map(); // ticker element → last text
      // Row element → {id, key, row} as it last read. Valid until a record names the row or its id
      // changes (a recycled slot's new data-index or offset): then it is read again.
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
      this.list = list;
      this.prevKeys = [];
      this.dirty.clear();
      if (!list) {
        this.setState(this.state ? 'lost' : 'searching');
        return;
      }
      this.observer.observe(list, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-index', 'style', 'data-id', 'class'] });
      this.setState('capturing');
      this.watchTickers();
      // Rows already on screen when we arrive are history, not new comments: record, don't emit.
      this.scan(false);
    }

    schedule() {
      if (!this.timer) this.timer = setTimeout(() => { this.timer = 0; this.scan(true); }, SCAN_DELAY_MS);
    }

    mutated(records) {
      if (!this.list) return;
      this.note(records);
      // A virtual list rewrites its slots in place (Douyin: 21 slots, every ~40 ms at 500 rows/s):
      // once half as many rows as the last scan saw were added or rewritten since, scan now, before
      // the timer (a busy page delays it) lets a slot be rewritten twice. From an empty list that
      // is after 4 rows: the first rows fill the slots, and a slow first scan lost them.
      if (this.dirty.size >= Math.max(4, this.rowCount >> 1)) {
        clearTimeout(this.timer);
        this.timer = 0;
        this.scan(true);
      } else {
        this.schedule();
      }
    }

    // Marks the rows these records touched, and reads the rows they removed that no scan read as
    // they are: new comments the scan would miss. A row read and untouched since, a row moved within
    // the list, and a row remounted with the same content in the same batch of mutations (a
    // re-render: the scan counts its new node) are left to the scan. Rows with an id are recorded
    // as seen, so the scan never counts them again.
    note(records) {
      const find = this.finder;
      let target = null;
      let row = null; // the row `target` is in, if any
      let gone = null;
      for (const rec of records) {
        const type = rec.type;
        // Attributes (a recycled slot's data-index, a row's offset) change ids and order, which
        // every scan compares for every row; only what a row contains changes what it reads as.
        if (type === 'attributes') continue;
        if (rec.target !== target) {
          target = rec.target;
          row = target === this.list ? null : find.of(target, this.list);
        }
        if (row) {
          // The row, and a row it is nested in (Twitch: read with its outer row).
          for (let r = row; r && !this.dirty.has(r); r = find.outer(r)) this.dirty.add(r);
          continue; // a node added to or removed from inside a row is a part of it, never a row
        }
        if (type !== 'childList') continue;
        // Rows added: read at the scan even if their node was read before (it may have been
        // rewritten while detached, where no record reaches us).
        for (const n of rec.addedNodes) {
          if (n.nodeType === 1) for (const el of find.in(n, target, this.list)) this.dirty.add(el);
        }
        for (const n of rec.removedNodes) {
          if (n.nodeType !== 1 || n.isConnected) continue;
          for (const el of find.in(n, target, this.list)) {
            if (this.readCache.has(el) && !this.dirty.has(el)) continue;
            (gone ||= []).push(el);
          }
        }
      }
      if (gone) this.readGone(gone, records);
    }

    readGone(gone, records) {
      const a = this.adapter;
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
          for (const el of this.finder.in(n, rec.target, this.list)) {
            const r = a.read(el);
            if (!r || !r.text) continue;
            const key = `${r.kind || 'comment'}\u0001${r.user || ''}\u0001${r.text}`;
            keys.set(key, (keys.get(key) || 0) + 1);
          }
        }
      }
      return keys;
    }

    // The list's rows in DOM order as read-cache entries ({el, id, key, row}), rows without text
    // left out. Only rows a record named since the last scan, or whose id changed, are read again.
    rows() {
      const a = this.adapter;
      const out = [];
      for (const el of this.list.querySelectorAll(a.row)) {
        const id = a.messageId ? a.messageId(el) : undefined;
        let hit = this.readCache.get(el);
        if (!hit || hit.id !== id || this.dirty.has(el)) {
          hit = entry(el, id, a.read(el));
          this.readCache.set(el, hit);
        }
        if (hit.key) out.push(hit);
      }
      this.dirty.clear();
      return out;
    }

    // In message order: recycled lists keep their slots in any DOM order (adapter.order).
    ordered(entries) {
      const order = this.adapter.order;
      if (!order || entries.length < 2) return entries;
      const keys = new Map(entries.map((e) => [e, order(e.el) ?? 0]));
      return entries.sort((x, y) => keys.get(x) - keys.get(y));
    }

    scan(emitNew) {
      if (!this.list) return;
      this.note(this.observer.takeRecords());
      const rows = this.rows();
      this.rowCount = rows.length;
      let fresh = [];
      let plain = [];
      for (const r of rows) {
        if (r.id === undefined || r.id === '') {
          plain.push(r);
        } else if (this.seen.get(r.id) !== r.key) {
          this.seen.delete(r.id);
          this.seen.set(r.id, r.key);
          fresh.push(r);
        }
      }
      while (this.seen.size > MAX_IDS) this.seen.delete(this.seen.keys().next().value);
      // Only the rows that matter are put in order: new ones with an id, and all without one
      // (their keys are diffed in order against the last scan's).
      fresh = this.ordered(fresh);
      plain = this.ordered(plain);
      const keys = plain.map((r) => r.key);
      for (const i of newSince(this.prevKeys, keys)) fresh.push(plain[i]);
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

  // Rows as the list sees them: of(node, list) is the row a node is part of (itself included) or
  // null, outer(row) the row that row is nested in or null; in(node, parent, list) the rows in a
  // node added to or removed from `parent`. A selector scoped to the list (':scope > div': its
  // children) is read as such, not relative to the node.
  function rowFinder(sel) {
    const scoped = /^:scope\s*>\s*((?:(?!:scope).)+)$/.exec(sel.trim());
    if (!scoped) {
      return {
        of(node) {
          const el = node.nodeType === 1 ? node : node.parentElement;
          return el ? el.closest(sel) : null;
        },
        outer: (row) => row.parentElement?.closest(sel) || null,
        in: (n) => (n.matches(sel) ? [n] : n.querySelectorAll(sel)),
      };
    }
    const child = scoped[1];
    return {
      of(node, list) {
        let el = node.nodeType === 1 ? node : node.parentElement;
        while (el && el.parentElement !== list) el = el.parentElement;
        return el && el.matches(child) ? el : null;
      },
      outer: () => null,
      in: (n, parent, list) => (parent === list && n.matches(child) ? [n] : []),
    };
  }

  function entry(el, id, r) {
    if (!r || !r.text) return { el, id, key: null, row: null };
    const kind = r.kind || 'comment';
    return { el, id, key: `${kind}\u0001${r.user || ''}\u0001${r.text}`, row: { text: r.text, user: r.user || undefined, kind } };
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
