// The engine in a Web Worker, so a comment flood or a 6-hour log never freezes the page. One worker
// holds one room (one RadarEngine). Requests are {req, op, ...} and get {req, result} or
// {req, error}; snapshots are pushed as {snapshot} at most every 100 ms while rows arrive.
// Every operation is a call into the same wasm the extension's service worker runs.
import init, { RadarEngine, parseLog, warmUp } from '../wasm/danmu_radar.js';

const ready = init().then(() => warmUp());
let engine = null;
let timer = null;

function scheduleSnapshot() {
  if (timer) return;
  timer = setTimeout(() => {
    timer = null;
    if (engine) postMessage({ snapshot: engine.snapshot() });
  }, 100);
}

const OPS = {
  reset({ lang }) {
    engine?.free();
    engine = new RadarEngine(lang);
    scheduleSnapshot();
  },
  push({ rows }) {
    const n = engine.pushRows(rows);
    scheduleSnapshot();
    return n;
  },
  // JSONL text as any sender writes it, read by the engine's own log reader (text/content/comment,
  // ts in s or ms…); rows without a time get `now`.
  pushJsonl({ text, now }) {
    const { rows, bad } = parseLog(text, 'jsonl');
    for (const r of rows) if (r.ts === undefined || r.ts === null) r.ts = now;
    engine.pushRows(rows);
    scheduleSnapshot();
    return { rows: rows.length, bad: bad.length };
  },
  pushLog({ text, format, rate }) {
    const r = engine.pushLog(text, format, rate);
    scheduleSnapshot();
    return r;
  },
  tick({ now }) {
    engine.tick(now);
    scheduleSnapshot();
  },
  setLang({ lang }) {
    engine.setLang(lang);
    scheduleSnapshot();
  },
  markAnswered({ id }) {
    const done = engine.markAnswered(id);
    scheduleSnapshot();
    return done;
  },
  mergeQuestions({ from, into }) {
    const done = engine.mergeQuestions(from, into);
    scheduleSnapshot();
    return done;
  },
  report({ format }) {
    if (format === 'html') return engine.reportHtml();
    if (format === 'csv') return engine.reportCsv();
    return engine.reportJson();
  },
};

// Handlers run strictly in arrival order: each awaits the same `ready`, whose reactions run FIFO.
self.onmessage = async ({ data }) => {
  try {
    await ready;
    if (!engine && data.op !== 'reset') OPS.reset({ lang: 'zh-CN' });
    const result = OPS[data.op](data);
    if (data.req !== undefined) postMessage({ req: data.req, result });
  } catch (e) {
    if (data.req !== undefined) postMessage({ req: data.req, error: { name: e.name, message: e.message } });
    else console.error('danmu-radar worker:', e);
  }
};
