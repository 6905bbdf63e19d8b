// The one message protocol of the extension. Every message is {type, ...} where the type's prefix
// says who sends it to whom: cs/ content script → service worker, ui/ overlay → service worker,
// sw/ service worker → content script or overlay. Each handler validates the shape with `check`
// before reading a field, and checks the sender (see background/sw.js).
//
// Loaded as a classic content script (sets globalThis.DRProtocol) and imported for that same side
// effect by the service worker and the overlay.
(() => {
  // WAKE: a port opened only to start the service worker early (content/wake.js spells it out: it
  // runs before this file is loaded).
  const PORT = { CAPTURE: 'dr-capture', OVERLAY: 'dr-overlay', WAKE: 'dr-wake' };
  const KINDS = ['comment', 'gift', 'like', 'enter', 'follow', 'purchase', 'system'];
  const MAX_BATCH = 2000;
  const MAX_TEXT = 2000;
  // A full batch as JSON, every character of text and user escaped (\uXXXX) at worst.
  const MAX_BATCH_JSON = MAX_BATCH * (MAX_TEXT + 256 + 64) * 6;
  const ROW_KEYS = new Set(['text', 'user', 'ts', 'kind']);

  const isStr = (v, max = 4096) => typeof v === 'string' && v.length <= max;
  const isInt = (v) => Number.isSafeInteger(v) && v >= 0;

  function checkRow(r) {
    return r && typeof r === 'object' && isStr(r.text, MAX_TEXT) && KINDS.includes(r.kind) &&
      (r.user === undefined || isStr(r.user, 256)) && (r.ts === undefined || isInt(r.ts)) &&
      Object.keys(r).every((k) => ROW_KEYS.has(k));
  }

  // A cs/batch's rows arrive as one JSON string (the engine takes JSON): parsed once here, every row
  // checked. The rows, or null when the text is not exactly an array of valid rows.
  function batchRows(json) {
    let rows;
    try {
      rows = JSON.parse(json);
    } catch {
      return null;
    }
    return Array.isArray(rows) && rows.length <= MAX_BATCH && rows.every(checkRow) ? rows : null;
  }

  // Validators by message type: true when the message has exactly the shape its handler reads.
  const SHAPES = {
    'cs/hello': (m) => isStr(m.source, 64) && isStr(m.room, 512) && isStr(m.adapter, 64) && isInt(m.acked),
    // rowsJson's content is checked by batchRows, before anything reads it.
    'cs/batch': (m) => isStr(m.source, 64) && isInt(m.seq) && isStr(m.rowsJson, MAX_BATCH_JSON),
    'cs/status': (m) => isStr(m.state, 32) && isStr(m.detail || '', 512),
    'sw/ack': (m) => isStr(m.source, 64) && isInt(m.seq),
    'sw/toggle-overlay': () => true,
    'sw/show-overlay': () => true,
    'sw/hide-overlay': () => true,
    'sw/start-picker': () => true,
    'ui/hello': () => true,
    'ui/mark-answered': (m) => isInt(m.id),
    'ui/merge-questions': (m) => isInt(m.from) && isInt(m.into),
    'ui/export-report': (m) => ['json', 'html', 'csv'].includes(m.format),
    'ui/reset': () => true,
    'ui/llm-visible': (m) => typeof m.visible === 'boolean',
    'ui/llm-summarize': () => true,
    'ui/llm-answer': (m) => isInt(m.id),
    'sw/snapshot': (m) => m.snapshot && typeof m.snapshot === 'object',
    'sw/capture-status': (m) => isStr(m.state, 32),
    'sw/report': (m) => isStr(m.format, 8) && isStr(m.body, 50_000_000),
    'sw/llm-view': (m) => m.view && typeof m.view === 'object' && typeof m.busy === 'boolean',
    'sw/llm-delta': (m) => isStr(m.text, 100_000),
    'sw/llm-answer': (m) => isInt(m.id) && isStr(m.text, 4096),
  };

  function check(msg, allowedPrefix) {
    if (!msg || typeof msg !== 'object' || typeof msg.type !== 'string') return false;
    if (allowedPrefix && !msg.type.startsWith(allowedPrefix)) return false;
    const shape = SHAPES[msg.type];
    return Boolean(shape && shape(msg));
  }

  globalThis.DRProtocol = Object.freeze({ PORT, KINDS, MAX_BATCH, check, checkRow, batchRows });
})();
