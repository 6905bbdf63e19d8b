// One engine per tab ("room"), checkpointed to session storage so that a restarted service worker
// continues exactly where it was. Delivery is exactly-once: the content script keeps each batch until
// it is acknowledged, and a batch is acknowledged only after a checkpoint containing it is stored;
// the engine ignores batches it has already applied (per-source sequence numbers).
import { loadTaught } from '../shared/taught.js';

const CHECKPOINT_MS = 1000;
const SNAPSHOT_MS = 250; // at most four overlay updates a second

function toBase64(bytes) {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000));
  return btoa(s);
}

function fromBase64(b64) {
  const s = atob(b64);
  const out = new Uint8Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = s.charCodeAt(i);
  return out;
}

export class Rooms {
  constructor(RadarEngine) {
    this.RadarEngine = RadarEngine;
    this.byTab = new Map();
    this.waiting = new Map(); // tabId → overlay ports that connected before the tab's room existed
    this.locks = new Map(); // tabId → the last open() in flight
    this.lang = 'zh-CN';
  }

  // An overlay joins its tab's room now, or as soon as the room opens.
  async watch(tabId, port) {
    const room = await this.open(tabId);
    if (room) return this.attach(room, port);
    // No await from here on: a room opened after this point adopts the port.
    if (!this.waiting.has(tabId)) this.waiting.set(tabId, new Set());
    this.waiting.get(tabId).add(port);
    port.onDisconnect.addListener(() => this.waiting.get(tabId)?.delete(port));
    return null;
  }

  attach(room, port) {
    room.overlays.add(port);
    port.onDisconnect.addListener(() => room.overlays.delete(port));
    this.pushSnapshot(room, port);
    port.postMessage({ type: 'sw/capture-status', state: room.status });
    return room;
  }

  key(tabId) {
    return `room:${tabId}`;
  }

  // The room of a tab, restored from its checkpoint when the worker restarted. A different room key
  // (the tab moved to another live room) starts a fresh engine. Opens of one tab run one at a time:
  // a capture and an overlay connecting together must not build two rooms or miss each other.
  open(tabId, roomKey) {
    const next = (this.locks.get(tabId) || Promise.resolve()).then(() => this.openNow(tabId, roomKey));
    this.locks.set(tabId, next.catch(() => {}));
    return next;
  }

  async openNow(tabId, roomKey) {
    let room = this.byTab.get(tabId);
    if (room && (roomKey === undefined || room.roomKey === roomKey)) return room;
    if (!room) {
      const saved = (await chrome.storage.session.get(this.key(tabId)))[this.key(tabId)];
      if (saved && (roomKey === undefined || saved.roomKey === roomKey)) {
        try {
          room = this.make(tabId, saved.roomKey, this.RadarEngine.restore(fromBase64(saved.bytes)));
        } catch (e) {
          console.warn('danmu-radar: checkpoint not restored', e);
        }
      }
    }
    if (!room || (roomKey !== undefined && room.roomKey !== roomKey)) {
      if (roomKey === undefined) return null;
      const left = room;
      const engine = new this.RadarEngine(this.lang);
      // What the host merged in earlier streams (a restored room has it in its checkpoint).
      for (const [a, b] of await loadTaught()) engine.teachSame(a, b);
      room = this.make(tabId, roomKey, engine);
      if (left) this.retire(left, room);
    }
    this.byTab.set(tabId, room);
    for (const port of this.waiting.get(tabId) || []) this.attach(room, port);
    this.waiting.delete(tabId);
    return room;
  }

  // A room the tab left for another (an in-site navigation to another live video): its overlays
  // follow the tab, its timers stop (a late checkpoint would overwrite the next room's), its engine
  // is freed; a batch its capture still sends is dropped.
  retire(left, next) {
    clearTimeout(left.checkpointTimer);
    clearTimeout(left.snapshotTimer);
    left.retired = true;
    for (const port of left.overlays) this.attach(next, port);
    left.overlays.clear();
    left.engine.free();
  }

  make(tabId, roomKey, engine) {
    engine.setLang(this.lang);
    return { tabId, roomKey, engine, captures: new Map(), overlays: new Set(), checkpointTimer: 0, snapshotTimer: 0, snapshotAt: 0, status: 'searching' };
  }

  // `rowsJson`: the batch as the content script sent it, already checked (protocol.js batchRows).
  apply(room, source, seq, rowsJson) {
    if (room.retired) return;
    // One JSON string crosses into wasm instead of every field of every row.
    if (room.engine.pushBatchJson(source, seq, rowsJson)) {
      this.scheduleCheckpoint(room);
      this.scheduleSnapshot(room);
    } else {
      // A retry of a batch already applied (and maybe already checkpointed): acknowledge again.
      this.scheduleCheckpoint(room);
    }
  }

  scheduleCheckpoint(room) {
    if (room.checkpointTimer) return;
    room.checkpointTimer = setTimeout(() => this.checkpoint(room), CHECKPOINT_MS);
  }

  async checkpoint(room) {
    room.checkpointTimer = 0;
    const bytes = room.engine.checkpoint();
    const acks = [...room.captures.keys()].map((source) => [source, room.engine.appliedSeq(source)]);
    await chrome.storage.session.set({ [this.key(room.tabId)]: { roomKey: room.roomKey, bytes: toBase64(bytes), at: Date.now() } });
    for (const [source, seq] of acks) room.captures.get(source)?.postMessage({ type: 'sw/ack', source, seq });
  }

  // The first change after a quiet spell (a room's first rows) is shown at once; then at most one
  // update per SNAPSHOT_MS.
  scheduleSnapshot(room) {
    if (room.snapshotTimer || room.overlays.size === 0) return;
    const wait = room.snapshotAt + SNAPSHOT_MS - Date.now();
    if (wait <= 0) return this.pushSnapshot(room);
    room.snapshotTimer = setTimeout(() => {
      room.snapshotTimer = 0;
      this.pushSnapshot(room);
    }, wait);
  }

  pushSnapshot(room, only) {
    if (!only) room.snapshotAt = Date.now();
    room.engine.tick(Date.now());
    const msg = { type: 'sw/snapshot', snapshot: room.engine.snapshot() };
    for (const port of only ? [only] : room.overlays) port.postMessage(msg);
  }

  setStatus(room, state) {
    room.status = state;
    for (const port of room.overlays) port.postMessage({ type: 'sw/capture-status', state });
  }

  setLang(lang) {
    this.lang = lang;
    for (const room of this.byTab.values()) {
      room.engine.setLang(lang);
      this.scheduleSnapshot(room);
    }
  }

  async close(tabId) {
    const room = this.byTab.get(tabId);
    if (room) {
      clearTimeout(room.checkpointTimer);
      clearTimeout(room.snapshotTimer);
      room.engine.free();
    }
    this.byTab.delete(tabId);
    this.locks.delete(tabId);
    this.waiting.delete(tabId);
    await chrome.storage.session.remove(this.key(tabId));
  }
}
