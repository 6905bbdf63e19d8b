// The overlay panel: renders a Snapshot into `root` as DOM built from text nodes only (comment text
// is data, never markup). Shared by the extension's overlay frame and the trial page (www/), which
// pass their own data source — harper's shape: one view, two hosts.
//
// source: { onSnapshot(cb), markAnswered(id), mergeQuestions(from, into), exportReport(format) }, and
// optionally the LLM assistant's { assistantBox (an element shown under the local summary),
// copyAnswer(question) }.
//
// The hot-question list holds still while the pointer moves on it: it is rebuilt up to four times a
// second in a flood, and a click whose press and release land on two different rebuilds is lost,
// or lands on the row that moved under the pointer. Its own actions (✓, merge) refresh it at once.
// A pointer resting on it lets it go after HOLD_MS: a frame is not always told that the pointer
// left it (headless Chromium never tells an extension frame), and a list frozen for good would be
// worse than a lost click.
import { strings } from './i18n.js';

const SVG = 'http://www.w3.org/2000/svg';
const HOLD_MS = 2500;

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'testid') node.dataset.testid = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c); // strings become text nodes
  return node;
}

function pct(x) {
  return `${Math.round((x || 0) * 100)}%`;
}

function age(ms, now, t) {
  const min = Math.floor((now - ms) / 60000);
  return min < 1 ? t.justNow : `${min}${t.minutesAgo}`;
}

// The last 30 minutes of mood, one point a minute, stretched to the panel's width, with its two ends
// named: unlabelled, a seller cannot tell what the line is.
function sparkline(values, t) {
  const w = 150, h = 28;
  const svg = document.createElementNS(SVG, 'svg');
  svg.setAttribute('viewBox', `0 0 ${w} ${h}`);
  svg.setAttribute('preserveAspectRatio', 'none');
  svg.setAttribute('class', 'dr-spark');
  const title = document.createElementNS(SVG, 'title');
  title.textContent = t.trend;
  const base = document.createElementNS(SVG, 'line');
  Object.entries({ x1: 0, x2: w, y1: h / 2, y2: h / 2, class: 'dr-spark-base' }).forEach(([k, v]) => base.setAttribute(k, v));
  const line = document.createElementNS(SVG, 'polyline');
  const n = Math.max(values.length - 1, 1);
  line.setAttribute('points', values.map((v, i) => `${(i / n) * w},${(h / 2) * (1 - v)}`).join(' '));
  line.setAttribute('class', 'dr-spark-line');
  for (const l of [base, line]) l.setAttribute('vector-effect', 'non-scaling-stroke');
  svg.append(title, base, line);
  return el('div', { class: 'dr-trend', testid: 'dr-mood-trend' }, svg,
    el('div', { class: 'dr-trend-axis' }, el('span', {}, t.trendStart), el('span', {}, t.trend), el('span', {}, t.trendEnd)));
}

export function mountOverlay(root, source, { lang = 'zh-CN', large = false } = {}) {
  let t = strings(lang);
  let last = null;
  let pending = null;
  // The question being merged (its id), while the host picks the one it asks the same as.
  let merging = null;
  let held = false;
  let refreshQuestions = true;
  // After ✓ or a merge the list shows what the engine answers, however the pointer holds it.
  let followUntil = 0;
  const view = el('div', { class: 'dr-panel', testid: 'dr-overlay' });
  root.replaceChildren(view);
  const slot = (name) => el('div', { class: 'dr-slot', 'data-slot': name });
  const slots = { stats: slot('stats'), alert: slot('alert'), questions: slot('questions'), rest: slot('rest') };
  let release = 0;
  const onList = (e) => hold(!!e.target.closest?.('[data-slot=questions]'));
  for (const type of ['pointerover', 'pointermove', 'pointerdown']) view.addEventListener(type, onList);
  view.addEventListener('pointerleave', () => hold(false));
  root.ownerDocument.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && merging !== null) act(() => { merging = null; });
  });

  function hold(on) {
    clearTimeout(release);
    if (on) release = setTimeout(() => hold(false), HOLD_MS);
    if (on === held) return;
    held = on;
    view.classList.toggle('dr-holding', on);
    if (!on) schedule();
  }

  // A click in the list: run it, and show the list as it is now even while the pointer holds it
  // (`engine`: and the snapshots that answer it).
  function act(fn, engine = false) {
    fn();
    refreshQuestions = true;
    if (engine) followUntil = Date.now() + 1500;
    schedule();
  }

  function section(title, body, extra) {
    return el('section', { class: 'dr-section' }, el('h3', {}, title, extra || null), body);
  }

  function statsLine(s) {
    const x = s.totals;
    const item = (testid, value, label) => el('span', { class: 'dr-stat' }, el('b', { testid }, String(value)), ` ${label}`);
    return el('div', { class: 'dr-stats' },
      item('dr-total-comments', x.comments, t.comments),
      item('dr-per-minute', Math.round(x.per_minute), t.perMinute),
      // A log without user names (the trial page) cannot count people: say so rather than a number.
      item('dr-unique-users', x.anonymous >= x.comments && x.comments > 0 ? '—' : x.unique_users, t.viewers),
      item('dr-gifts', x.gifts, t.gifts),
      item('dr-likes', x.likes, t.likes),
      item('dr-entries', x.entries, t.entries),
      x.purchases ? item('dr-purchases', x.purchases, t.purchases) : null);
  }

  // Merging is two clicks: 并 on one question, then 并入 on the one it asks the same as (the engine
  // then counts both as one, and the first one's wording joins it from now on).
  function mergeButton(q) {
    if (!source.mergeQuestions) return null;
    if (merging === null) {
      return el('button', { class: 'dr-merge', title: t.mergeStart, 'aria-label': t.mergeStart, testid: 'dr-merge', onclick: () => act(() => { merging = q.id; }) }, t.mergeShort);
    }
    if (merging === q.id) {
      return el('button', { class: 'dr-merge dr-merge-cancel', title: t.mergeCancel, 'aria-label': t.mergeCancel, testid: 'dr-merge-cancel', onclick: () => act(() => { merging = null; }) }, t.cancel);
    }
    const from = merging;
    return el('button', { class: 'dr-merge dr-merge-into', title: t.mergeInto, 'aria-label': t.mergeInto, testid: 'dr-merge-into', onclick: () => act(() => { merging = null; source.mergeQuestions(from, q.id); }, true) }, t.mergeIntoShort);
  }

  function questions(s) {
    if (!s.hot_questions.length) return el('p', { class: 'dr-empty' }, t.noQuestions);
    // A question that left the list (answered, dropped) cannot be merged any more.
    if (merging !== null && !s.hot_questions.some((q) => q.id === merging)) merging = null;
    const list = el('ol', { class: 'dr-questions' });
    const from = s.hot_questions.find((q) => q.id === merging);
    const hint = from ? el('p', { class: 'dr-merge-hint', testid: 'dr-merge-hint' }, t.mergeHint(from.text)) : null;
    for (const q of s.hot_questions) {
      const done = el('button', { class: 'dr-answer', title: t.markAnswered, 'aria-label': t.markAnswered, testid: 'dr-mark-answered', onclick: () => act(() => source.markAnswered(q.id), true) }, '✓');
      // One viewer's question stays listed but quieter: what several viewers ask should catch the eye.
      const single = q.users < 2 ? ' dr-question-single' : '';
      const picked = q.id === merging ? ' dr-merging' : '';
      list.append(el('li', { class: `dr-question${single}${picked}`, testid: 'dr-hot-question', 'data-id': String(q.id) },
        el('span', { class: 'dr-q-text', testid: 'dr-hot-question-text', title: q.examples.join(' / ') }, q.text),
        el('span', { class: 'dr-q-meta' },
          el('span', { class: `dr-tag dr-tag-${q.intent}` }, t.intents[q.intent] || q.intent),
          el('span', { class: 'dr-q-count', testid: 'dr-hot-question-count' }, String(q.count)),
          el('span', { class: 'dr-q-users' }, `${q.users}${t.people}`),
          q.rising ? el('span', { class: 'dr-rising', title: t.rising }, '↑') : null,
          q.flood ? el('span', { class: 'dr-flood' }, t.flood) : null,
          el('span', { class: 'dr-age' }, age(q.last_ms, s.now_ms, t)),
          source.copyAnswer ? el('button', { class: 'dr-copy', title: t.copyAnswer, 'aria-label': t.copyAnswer, testid: 'dr-copy-answer', onclick: () => source.copyAnswer(q) }, t.copyShort) : null,
          mergeButton(q),
          done)));
    }
    return el('div', {}, hint, list);
  }

  function mood(s) {
    const m = s.mood.recent;
    const bar = el('div', { class: 'dr-moodbar' },
      el('span', { class: 'dr-pos', style: `flex:${m.pos || 0}` }),
      el('span', { class: 'dr-neu', style: `flex:${m.neu || (m.n ? 0 : 1)}` }),
      el('span', { class: 'dr-neg', style: `flex:${m.neg || 0}` }));
    const shares = el('div', { class: 'dr-shares' },
      el('span', {}, `${t.pos} `, el('b', { testid: 'dr-sentiment-pos' }, pct(m.pos))),
      el('span', {}, `${t.neu} `, el('b', { testid: 'dr-sentiment-neu' }, pct(m.neu))),
      el('span', {}, `${t.neg} `, el('b', { testid: 'dr-sentiment-neg' }, pct(m.neg))));
    return el('div', {}, bar, shares, sparkline(s.mood.sparkline, t));
  }

  // A complaint spike tops the panel: on a second screen the mood section may be scrolled out of view.
  function alertBanner(s) {
    return s.mood.alert
      ? el('div', { class: 'dr-alert', testid: 'dr-alert', role: 'alert' }, `⚠ ${t.alert}${t.colon}${s.mood.alert.words.join(t.list)}`)
      : '';
  }

  function keywords(s) {
    return el('div', { class: 'dr-keywords' }, ...s.keywords.map((k) =>
      el('span', { class: 'dr-chip', testid: 'dr-keyword' }, k.word, k.rising ? el('span', { class: 'dr-rising' }, '↑') : null)));
  }

  function products(s) {
    const rows = s.products.map((p) => el('li', { testid: 'dr-product' },
      el('span', { class: 'dr-p-name' }, p.name),
      el('span', { class: 'dr-p-meta' }, `${t.mentions} ${p.mentions} · ${t.wants} ${p.wants}`)));
    const poll = s.poll && s.poll.active
      ? el('div', { class: 'dr-poll', testid: 'dr-poll' }, `${t.poll}${t.colon}`,
        ...Object.entries(s.poll.options).map(([k, v]) => el('span', { class: 'dr-chip' }, `扣${k} × ${v}`)))
      : null;
    return el('div', {}, poll, rows.length ? el('ul', { class: 'dr-products' }, ...rows) : null);
  }

  function render() {
    pending = null;
    const s = last;
    if (!s) {
      view.replaceChildren(el('p', { class: 'dr-empty' }, t.waiting));
      return;
    }
    view.classList.toggle('dr-large', large);
    if (!slots.stats.isConnected) view.replaceChildren(...Object.values(slots));
    slots.stats.replaceChildren(statsLine(s));
    slots.alert.replaceChildren(alertBanner(s));
    if (!held || refreshQuestions || Date.now() < followUntil) {
      refreshQuestions = false;
      const note = el('span', { class: 'dr-hold-note', testid: 'dr-hold-note' }, t.held);
      slots.questions.replaceChildren(section(t.hotQuestions, questions(s), note));
    }
    slots.rest.replaceChildren(
      section(t.mood, mood(s)),
      section(t.keywords, keywords(s)),
      (s.products.length || (s.poll && s.poll.active)) ? section(t.products, products(s)) : '', // replaceChildren would print a null
      section(t.summary, el('div', {}, el('p', { class: 'dr-summary', testid: 'dr-summary' }, s.summary), source.assistantBox || null)));
  }

  // At most one DOM rebuild per frame, however fast snapshots arrive.
  function schedule() {
    if (pending) return;
    pending = (globalThis.requestAnimationFrame || setTimeout)(render);
  }

  source.onSnapshot((snapshot) => {
    last = snapshot;
    schedule();
  });
  render();

  return {
    setLang(l) { t = strings(l); refreshQuestions = true; schedule(); },
    setLarge(b) { large = b; refreshQuestions = true; schedule(); },
    get snapshot() { return last; },
  };
}
