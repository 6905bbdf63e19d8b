// The trial page: three ways to feed the engine, one overlay renderer — ui/render.js, the very file
// the extension's overlay frame uses, given a worker-backed source instead of the service worker.
import { mountOverlay } from '../ui/render.js';
import { STRINGS } from './strings.js';
import { EngineClient } from './engine-client.js';
import { Replay, loadReplay } from './replay.js';
import { Byo } from './byo.js';
import { LiveFeed } from './live.js';

const $ = (id) => document.getElementById(id);
let lang = new URLSearchParams(location.search).get('lang') === 'en' ? 'en' : 'zh-CN';
const t = () => STRINGS[lang];

function exportButtons(footer, client) {
  for (const b of footer.querySelectorAll('button[data-export]')) {
    b.addEventListener('click', () => client.downloadReport(b.dataset.export));
  }
}

// The engine is built with wasm SIMD (.cargo/config.toml). A browser without it cannot load the
// module and every panel would stay empty: say why instead. The probe is the smallest module that
// uses one SIMD instruction.
const SIMD_PROBE = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0, 10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
if (!WebAssembly.validate(SIMD_PROBE)) {
  $('too-old').textContent = t().tooOld;
  $('too-old').hidden = false;
  $('lang').hidden = true;
  for (const el of document.querySelectorAll('[role=tablist], [role=tabpanel]')) el.style.display = 'none';
  for (const node of document.querySelectorAll('header [data-i18n]')) node.textContent = t()[node.dataset.i18n];
  throw new Error('danmu-radar: this browser has no WebAssembly SIMD');
}

// Replay: starts playing at once, so the first thing a visitor sees is the radar at work.
const replayClient = new EngineClient(lang);
const replayView = mountOverlay($('replay-overlay'), replayClient.source(), { lang });
exportButtons($('replay-actions'), replayClient);
const replay = new Replay(replayClient, await loadReplay('data/replay.jsonl'), {
  clock: $('replay-clock'),
  room: $('replay-room'),
  chat: $('replay-chat'),
  progress: $('replay-progress'),
  onState: (playing) => { $('replay-play').textContent = playing ? t().pause : t().play; },
});
replay.setLang(lang);
$('replay-play').addEventListener('click', () => (replay.playing ? replay.stop() : replay.play()));
$('replay-restart').addEventListener('click', () => replay.restart());
$('replay-speed').addEventListener('input', (e) => {
  replay.setSpeed(Number(e.target.value));
  $('replay-speed-out').textContent = `${replay.speed}×`;
});

const byo = new Byo({
  text: $('byo-text'), file: $('byo-file'), rate: $('byo-rate'), run: $('byo-run'),
  status: $('byo-status'), frame: $('report'), downloads: $('byo-downloads'),
}, () => lang, t);

// The live feed's engine starts with the first connection.
let live = null;
let liveView = null;
function startLive() {
  if (live) return;
  const client = new EngineClient(lang);
  liveView = mountOverlay($('live-overlay'), client.source(), { lang });
  exportButtons($('live-actions'), client);
  live = new LiveFeed(client, { port: $('live-port'), connect: $('live-connect'), status: $('live-status') }, t);
  live.setLang(lang);
}
$('live-connect').addEventListener('click', () => { if (!live) { startLive(); live.connect(); } }, { once: true });

function showTab(name) {
  for (const b of document.querySelectorAll('[role=tab]')) b.setAttribute('aria-selected', String(b.dataset.tab === name));
  for (const p of document.querySelectorAll('[role=tabpanel]')) p.hidden = p.id !== name;
  if (name !== 'replay') replay.stop();
}
for (const b of document.querySelectorAll('[role=tab]')) b.addEventListener('click', () => showTab(b.dataset.tab));

function applyLang() {
  document.documentElement.lang = lang;
  document.title = t().title;
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t()[node.dataset.i18n];
  $('byo-text').placeholder = t().byoPlaceholder;
  $('lang').textContent = t().langButton;
  $('replay-play').textContent = replay.playing ? t().pause : t().play;
  replayView.setLang(lang);
  liveView?.setLang(lang);
}

$('lang').addEventListener('click', () => {
  lang = lang === 'zh-CN' ? 'en' : 'zh-CN';
  applyLang();
  // The engines write their summaries in the page's language too.
  replay.setLang(lang);
  replayClient.setLang(lang);
  live?.setLang(lang);
  live?.client.setLang(lang);
  byo.setLang(lang);
});

applyLang();
const hash = location.hash.slice(1);
if (['byo', 'live'].includes(hash)) showTab(hash);
else replay.play();
