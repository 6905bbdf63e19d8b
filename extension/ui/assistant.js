// The LLM assistant's box in the overlay's summary section, under the local summary (which always
// stays): the streamed AI summary, a non-blocking status line per fault, tokens and ¥ spent this
// session, the audience profile, the suggested answer last copied, and the hot questions the model
// reads as one ask (同问), each offered as a merge the host takes with a click or turns down. Model
// output is shown as text with a tiny markdown subset (## headings, - lists, **bold**) built from text
// nodes — never HTML.
//
// actions: { summarize(), requestAnswer(id), openOptions(), merge(from, into) }
const TEXT = {
  'zh-CN': {
    title: 'AI 小结', run: '立即总结', running: '生成中…', off: 'AI 助手未开启', settings: '设置',
    spend: (s) => `本场 ${s.session_tokens.toLocaleString()} tokens · ¥${s.session_yuan.toFixed(4)}`,
    profile: '观众画像', answer: '建议回答：', same: 'AI 认为这些是同一个问题：', merge: '合并', notSame: '不是', copied: '已复制', copy: '复制', waiting: '正在生成建议回答…', retry: (n) => `，${n} 秒后重试`,
    status: {
      Unauthorized: '密钥无效或无权限，请在设置里检查密钥', InsufficientBalance: '服务商账户余额不足，请充值后再试',
      ModelNotFound: '找不到这个模型，请在设置里检查模型名', RateLimited: '请求太频繁，服务商要求稍后再试',
      BadRequest: '服务商拒绝了请求', ServerError: '服务商出错', Timeout: '服务商响应超时', NetworkDown: '网络不通，连不上服务商',
      MalformedStream: '服务商返回的数据无法解析', Truncated: '回复中断，只显示了收到的部分', TooLong: '回复过长，已截断',
      BudgetExhausted: '已到预算上限，AI 暂停（本地小结照常）', NotConfigured: 'AI 助手未开启：请在设置里选择服务商并填写密钥',
    },
  },
  en: {
    title: 'AI summary', run: 'Summarize now', running: 'Working…', off: 'AI assistant is off', settings: 'Settings',
    spend: (s) => `This session ${s.session_tokens.toLocaleString()} tokens · ¥${s.session_yuan.toFixed(4)}`,
    profile: 'Audience profile', answer: 'Suggested answer: ', same: 'The AI reads these as one question:', merge: 'Merge', notSame: 'No', copied: 'Copied', copy: 'Copy', waiting: 'Writing a suggested answer…', retry: (n) => `; retrying in ${n} s`,
    status: {
      Unauthorized: 'Key rejected: check it in Settings', InsufficientBalance: 'Provider balance is empty: top up and retry',
      ModelNotFound: 'Model not found: check its name in Settings', RateLimited: 'Too many requests: the provider asked to wait',
      BadRequest: 'The provider rejected the request', ServerError: 'Provider error', Timeout: 'The provider timed out', NetworkDown: 'Network down: provider unreachable',
      MalformedStream: 'The provider sent data we cannot read', Truncated: 'Reply interrupted: showing what arrived', TooLong: 'Reply too long: cut',
      BudgetExhausted: 'Budget reached: AI paused (local summary continues)', NotConfigured: 'AI assistant is off: choose a provider and key in Settings',
    },
  },
};

// A fault's message for other pages (the options page's "test connection").
export function statusText(lang, name) {
  return (TEXT[lang] || TEXT['zh-CN']).status[name] || name;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'testid') node.dataset.testid = v;
    else if (k === 'class') node.className = v;
    else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else node.setAttribute(k, v);
  }
  for (const c of children) if (c != null) node.append(c);
  return node;
}

// `**bold**` inside a line → text and <b> nodes.
function inline(line) {
  return line.split(/\*\*(.+?)\*\*/g).map((part, i) => (i % 2 ? el('b', {}, part) : part));
}

// The markdown subset → DOM, from text nodes only.
export function renderMarkdown(text) {
  const out = document.createDocumentFragment();
  let list = null;
  for (const raw of text.split('\n')) {
    const line = raw.trim();
    const item = line.match(/^[-*•]\s+(.*)$/);
    if (item) {
      if (!list) out.append((list = el('ul')));
      list.append(el('li', {}, ...inline(item[1])));
      continue;
    }
    list = null;
    if (!line) continue;
    const h = line.match(/^#{1,4}\s*(.*)$/);
    out.append(h ? el('h4', {}, ...inline(h[1])) : el('p', {}, ...inline(line)));
  }
  return out;
}

async function copyText(text) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // The overlay is a cross-origin frame without clipboard-write delegation: the classic way.
    const area = el('textarea', { class: 'dr-offscreen', 'aria-hidden': 'true' });
    area.value = text;
    document.body.append(area);
    area.select();
    const ok = document.execCommand('copy');
    area.remove();
    return ok;
  }
}

export function mountAssistant(actions, lang = 'zh-CN') {
  let t = TEXT[lang] || TEXT['zh-CN'];
  let view = null;
  let busy = false;
  let streamed = null; // text of the reply streaming in now
  let shownAnswer = null; // {id, text}
  const settled = new Set(); // keys from>into of the 同问 suggestions merged or turned down
  const run = el('button', { type: 'button', class: 'dr-llm-run', testid: 'dr-llm-run', onclick: () => actions.summarize() });
  const settings = el('button', { type: 'button', class: 'dr-llm-link', testid: 'dr-llm-settings', onclick: () => actions.openOptions() });
  const title = el('span', { class: 'dr-llm-title' });
  const spend = el('span', { class: 'dr-llm-spend', testid: 'dr-llm-spend' });
  const status = el('div', { class: 'dr-llm-status', testid: 'dr-llm-status', role: 'status' });
  const summary = el('div', { class: 'dr-llm-summary', testid: 'dr-llm-summary' });
  const answer = el('div', { class: 'dr-llm-answer', testid: 'dr-llm-answer' });
  const same = el('div', { class: 'dr-llm-same', testid: 'dr-llm-same' });
  const profileList = el('ul', { testid: 'dr-llm-profile' });
  const profileTitle = el('summary');
  const profile = el('details', { class: 'dr-llm-profile' }, profileTitle, profileList);
  const box = el('div', { class: 'dr-llm', testid: 'dr-llm' },
    el('div', { class: 'dr-llm-head' }, title, run, settings), status, same, summary, answer, profile, spend);

  function paint() {
    title.textContent = t.title;
    run.textContent = busy ? t.running : t.run;
    run.disabled = busy;
    settings.textContent = t.settings;
    profileTitle.textContent = t.profile;
    const on = Boolean(view?.enabled);
    box.classList.toggle('dr-llm-off', !on);
    run.hidden = !on;
    spend.textContent = view && on ? t.spend(view.spend) : '';
    const s = view?.status;
    if (!on && !s) {
      status.textContent = t.off;
      status.dataset.kind = 'Off';
    } else if (s && t.status[s.name]) {
      const wait = s.retry_in_ms ? t.retry(Math.ceil(s.retry_in_ms / 1000)) : '';
      status.textContent = `${t.status[s.name]}${s.status ? ` (${s.status})` : ''}${wait}`;
      status.dataset.kind = s.name;
    } else {
      status.textContent = '';
      status.dataset.kind = '';
    }
    summary.replaceChildren(renderMarkdown(streamed ?? view?.summary ?? ''));
    const open = (view?.same || []).filter((s) => !settled.has(`${s.from}>${s.into}`));
    same.replaceChildren(...(open.length ? [el('div', { class: 'dr-llm-same-title' }, t.same)] : []), ...open.map((s) => {
      const settle = (merge) => () => {
        settled.add(`${s.from}>${s.into}`);
        if (merge) actions.merge(s.from, s.into);
        paint();
      };
      return el('div', { class: 'dr-llm-same-row', testid: 'dr-llm-same-row' },
        el('span', { class: 'dr-llm-same-text' }, `「${s.from_text}」=「${s.into_text}」`),
        el('button', { type: 'button', class: 'dr-llm-link', testid: 'dr-llm-same-merge', onclick: settle(true) }, t.merge),
        el('button', { type: 'button', class: 'dr-llm-link', testid: 'dr-llm-same-no', onclick: settle(false) }, t.notSame));
    }));
    profileList.replaceChildren(...(view?.profile || []).map((n) => el('li', {}, n)));
    profile.hidden = !view?.profile?.length;
    answer.replaceChildren();
    if (shownAnswer) {
      const again = el('button', { type: 'button', class: 'dr-llm-link', testid: 'dr-llm-answer-copy', onclick: () => copyText(shownAnswer.text) }, t.copy);
      answer.append(el('b', {}, t.answer), el('span', { testid: 'dr-llm-answer-text' }, shownAnswer.text || t.waiting), shownAnswer.text ? again : null);
    }
  }

  paint();
  return {
    element: box,
    setView(v, isBusy) {
      view = v;
      busy = isBusy;
      if (!busy) streamed = null;
      paint();
    },
    setDelta(text) {
      streamed = text;
      busy = true;
      paint();
    },
    // The copy button on a hot question: a known answer is copied at once (inside the click);
    // otherwise the service worker is asked and the answer shown with its own copy button.
    copy(q) {
      const known = view?.answers?.[q.id];
      if (known) {
        shownAnswer = { id: q.id, text: known };
        copyText(known);
      } else {
        shownAnswer = { id: q.id, text: '' };
        actions.requestAnswer(q.id);
      }
      paint();
    },
    setAnswer(id, text) {
      if (shownAnswer?.id !== id) return;
      // No answer (the call failed: its status line says why): nothing to show or copy.
      shownAnswer = text ? { id, text } : null;
      if (text) copyText(text);
      paint();
    },
    setLang(l) {
      t = TEXT[l] || TEXT['zh-CN'];
      paint();
    },
  };
}
