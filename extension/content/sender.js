// Delivery to the service worker: rows are batched (at most one batch per 200 ms, or 500 rows; the
// first rows after a quiet spell go at once), numbered, and
// kept (as the JSON text they are sent as) until the worker acknowledges them; after a worker
// restart the port reconnects and resends what was not acknowledged. The worker drops batches it already applied, so nothing is counted twice.
(() => {
  const { PORT, check, MAX_BATCH } = globalThis.DRProtocol;
  const FLUSH_MS = 200;
  const FLUSH_ROWS = 500;

  class Sender {
    constructor(room, adapterId) {
      this.source = `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;
      this.room = room;
      this.adapterId = adapterId;
      this.seq = 0;
      this.acked = 0;
      this.unacked = []; // [{seq, rowsJson}]
      this.buffer = [];
      this.timer = 0;
      this.flushedAt = -Infinity;
      this.port = null;
      this.dead = false;
      this.retry = 250;
      this.onStatus = null;
    }

    connect() {
      if (this.dead) return;
      try {
        this.port = chrome.runtime.connect({ name: PORT.CAPTURE });
      } catch {
        return this.shutdown(); // the extension was reloaded or removed: stop quietly
      }
      this.port.onMessage.addListener((msg) => {
        if (!check(msg, 'sw/') || msg.type !== 'sw/ack' || msg.source !== this.source) return;
        this.retry = 250;
        this.ack(msg.seq);
      });
      this.port.onDisconnect.addListener(() => {
        this.port = null;
        if (!chrome.runtime?.id) return this.shutdown();
        setTimeout(() => this.connect(), this.retry);
        this.retry = Math.min(this.retry * 2, 5000);
      });
      this.port.postMessage({ type: 'cs/hello', source: this.source, room: this.room, adapter: this.adapterId, acked: this.acked });
      for (const b of this.unacked) this.post(b);
      if (this.lastStatus) this.status(...this.lastStatus);
    }

    ack(seq) {
      this.acked = Math.max(this.acked, seq);
      this.unacked = this.unacked.filter((b) => b.seq > this.acked);
    }

    push(rows) {
      this.buffer.push(...rows);
      if (this.buffer.length >= FLUSH_ROWS) return this.flush();
      if (this.timer) return;
      // Rows after a quiet spell (a page's first ones) go at once, so the overlay shows data without
      // waiting out a timer; a busy room's rows still wait FLUSH_MS, as many together as came.
      if (performance.now() - this.flushedAt >= FLUSH_MS) this.flush();
      else this.timer = setTimeout(() => this.flush(), FLUSH_MS);
    }

    flush() {
      clearTimeout(this.timer);
      this.timer = 0;
      this.flushedAt = performance.now();
      while (this.buffer.length) {
        // One string per batch: the port converts a string in one copy but every field of every row
        // one by one, and the worker hands the engine JSON anyway.
        const batch = { seq: ++this.seq, rowsJson: JSON.stringify(this.buffer.splice(0, MAX_BATCH)) };
        this.unacked.push(batch);
        this.post(batch);
      }
    }

    post(batch) {
      try {
        this.port?.postMessage({ type: 'cs/batch', source: this.source, seq: batch.seq, rowsJson: batch.rowsJson });
      } catch {
        // Disconnected mid-send: onDisconnect reconnects and resends everything unacknowledged.
      }
    }

    status(state, detail = '') {
      this.lastStatus = [state, detail];
      try { this.port?.postMessage({ type: 'cs/status', state, detail }); } catch { /* resent on reconnect */ }
    }

    shutdown() {
      this.dead = true;
      clearTimeout(this.timer);
      globalThis.DRStop?.();
    }
  }

  globalThis.DRSender = Sender;
})();
