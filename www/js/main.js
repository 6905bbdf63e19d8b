// The trial page: three ways to feed the engine, one overlay renderer — ui/render.js, the very file
// the extension's overlay frame uses, given a worker-backed source instead of the service worker.
import { mountOverlay } from '../ui/render.js';
import { STRINGS } from './strings.js';
import { EngineClient } from './engine-client.js';
import { Replay, loadReplay } from './replay.js';
import { Byo } from './byo.js';
import { LiveFeed } from './live.js';

const $ = (id) => document.getElementById(id);
// ?lang=en or ?lang=zh-CN when a link says so; else the browser's: Chinese ones 中文, any other English.
const asked = new URLSearchParams(location.search).get('lang');
let lang = asked ? (asked === 'en' ? 'en' : 'zh-CN') : /^zh\b/i.test(navigator.language) ? 'zh-CN' : 'en';
const t = () => STRINGS[lang];

function exportButtons(footer, client) {
  for (const b of footer.querySelectorAll('button[data-export]')) {
    b.addEventListener('click', () => client.downloadReport(b.dataset.export));
  }
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
