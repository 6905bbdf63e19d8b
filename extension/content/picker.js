// The element picker, for pages no adapter knows: the toolbar button shows a hint bar, the element
// under the pointer is outlined, a click on the comment area learns the list (the nearest ancestor
// whose children repeat one structure) and saves it for this site. While it waits, the container
// whose children change most often with short text is suggested.
(() => {
  const { textOf, stripName } = DRDom;
  const KEY = `picked:${location.origin}`;

  // A class token that looks like a build hash (CSS modules, styled-components) is useless later.
  const hashy = (c) => /\d/.test(c) && /[a-z]/i.test(c) && c.length >= 5 && !/^[a-z]+-\d+$/.test(c);

  function signature(el) {
    const classes = [...el.classList].filter((c) => !hashy(c)).sort();
    return `${el.tagName.toLowerCase()}${classes.map((c) => `.${CSS.escape(c)}`).join('')}`;
  }

  // From the clicked element upward: the first ancestor (or itself) with ≥3 element children of
  // which most share one signature.
  function learn(target) {
    for (let el = target; el && el !== document.body; el = el.parentElement) {
      const kids = [...el.children];
      if (kids.length < 3) continue;
      const counts = new Map();
      for (const k of kids) counts.set(signature(k), (counts.get(signature(k)) || 0) + 1);
      const [sig, n] = [...counts].sort((a, b) => b[1] - a[1])[0];
      if (n >= 3 && n / kids.length >= 0.6) return { list: cssPath(el), row: `:scope > ${sig}` };
    }
    return null;
  }

  // A selector for the container: its id, or a path of tag:nth-of-type from the nearest id.
  function cssPath(el) {
    const parts = [];
    for (let n = el; n && n.nodeType === 1; n = n.parentElement) {
      if (n.id) {
        parts.unshift(`#${CSS.escape(n.id)}`);
        break;
      }
      const same = [...(n.parentElement?.children || [])].filter((s) => s.tagName === n.tagName);
      parts.unshift(same.length > 1 ? `${n.tagName.toLowerCase()}:nth-of-type(${same.indexOf(n) + 1})` : n.tagName.toLowerCase());
    }
    return parts.join(' > ');
  }

  // A learned row reads as "nickname：text" when it starts with a short name and a colon.
  function read(row) {
    const text = textOf(row);
    const m = text.match(/^(.{1,24}?)\s*[:：]\s*(.+)$/);
    return m ? { kind: 'comment', user: stripName(m[1]), text: m[2] } : { kind: 'comment', text };
  }

  function adapter(saved) {
    return { id: 'picked', name: location.host, matches: [], list: [saved.list], row: saved.row, read };
  }

  // The busiest container while the picker is open: most element children added with short text.
  function watchForSuggestion(onSuggest) {
    const tally = new Map();
    const mo = new MutationObserver((records) => {
      for (const r of records) {
        for (const n of r.addedNodes) {
          if (n.nodeType !== 1 || textOf(n).length > 120 || n.closest('danmu-radar-overlay, danmu-radar-picker')) continue;
          tally.set(r.target, (tally.get(r.target) || 0) + 1);
        }
      }
      const best = [...tally].filter(([el]) => el.isConnected).sort((a, b) => b[1] - a[1])[0];
      if (best && best[1] >= 3) onSuggest(best[0]);
    });
    mo.observe(document.body, { childList: true, subtree: true });
    return () => mo.disconnect();
  }

  function box(color) {
    const b = document.createElement('div');
    Object.assign(b.style, { position: 'fixed', pointerEvents: 'none', border: `2px solid ${color}`, background: `${color}22`, zIndex: 2147483646, display: 'none' });
    return b;
  }

  function place(b, el) {
    const r = el.getBoundingClientRect();
    Object.assign(b.style, { display: 'block', left: `${r.left}px`, top: `${r.top}px`, width: `${r.width}px`, height: `${r.height}px` });
  }

  // The list learned for this site earlier, as an adapter, or null.
  async function saved() {
    const s = (await chrome.storage.local.get(KEY))[KEY];
    return s ? adapter(s) : null;
  }

  async function start(onLearned) {
    const saved = (await chrome.storage.local.get(KEY))[KEY];
    if (saved) return onLearned(adapter(saved));
    const host = document.createElement('danmu-radar-picker');
    const shadow = host.attachShadow({ mode: 'open' });
    const bar = document.createElement('div');
    Object.assign(bar.style, { position: 'fixed', left: '50%', top: '12px', transform: 'translateX(-50%)', zIndex: 2147483647, background: '#11151c', color: '#e8ebf0', padding: '8px 14px', borderRadius: '8px', font: '13px system-ui, sans-serif', boxShadow: '0 4px 16px rgba(0,0,0,.4)' });
    bar.dataset.testid = 'dr-picker';
    const hint = document.createElement('span');
    hint.textContent = '弹幕雷达：点击页面上的评论区（Esc 取消）';
    const use = document.createElement('button');
    use.textContent = '使用推荐区域';
    use.dataset.testid = 'dr-picker-suggested';
    use.style.display = 'none';
    use.style.marginLeft = '10px';
    bar.append(hint, use);
    const hover = box('#4f8cff');
    const suggested = box('#3ecf8e');
    shadow.append(bar, hover, suggested);
    document.documentElement.append(host);

    let suggestion = null;
    const stopWatching = watchForSuggestion((el) => {
      suggestion = el;
      place(suggested, el);
      use.style.display = '';
    });
    const done = (el) => {
      const learned = el && learn(el.children.length >= 3 ? el.firstElementChild : el);
      if (el && !learned) {
        hint.textContent = '没认出重复的评论行：请点击评论列表中的一条评论';
        return;
      }
      cleanup();
      if (learned) chrome.storage.local.set({ [KEY]: learned }).then(() => onLearned(adapter(learned)));
    };
    const onMove = (e) => { if (!host.contains(e.target)) place(hover, e.target); };
    const onClick = (e) => {
      if (e.composedPath().includes(host)) return;
      e.preventDefault();
      e.stopPropagation();
      done(e.target);
    };
    const onKey = (e) => { if (e.key === 'Escape') { cleanup(); } };
    use.addEventListener('click', () => done(suggestion));
    document.addEventListener('mousemove', onMove, true);
    document.addEventListener('click', onClick, true);
    document.addEventListener('keydown', onKey, true);
    function cleanup() {
      stopWatching();
      document.removeEventListener('mousemove', onMove, true);
      document.removeEventListener('click', onClick, true);
      document.removeEventListener('keydown', onKey, true);
      host.remove();
    }
  }

  globalThis.DRPicker = { start, learn, saved };
})();
