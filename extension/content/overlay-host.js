// The overlay's frame in the page: an extension iframe (the page cannot script it; the data view
// lives there) inside a small host in an open shadow root that the page's CSS cannot reach. The host
// only does window chrome: drag, resize, collapse to a pill, close; position and size are
// remembered per site.
(() => {
  const KEY = `overlay:${location.host}`;
  const DEFAULT = { right: 16, top: 80, width: 340, height: 560, collapsed: false, hidden: false };
  const CSS = `
    :host { all: initial; }
    .box { position: fixed; z-index: 2147483646; display: flex; flex-direction: column; background: #11151c;
      border: 1px solid #2f3847; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.45); overflow: hidden;
      font: 12px system-ui, "Noto Sans CJK SC", sans-serif; color: #e8ebf0; }
    .bar { display: flex; align-items: center; gap: 6px; padding: 5px 8px; background: #1a202b; cursor: move; user-select: none; }
    .bar b { flex: 1; font-weight: 600; }
    .bar button { all: unset; cursor: pointer; padding: 0 5px; color: #aab3c0; font-size: 14px; }
    iframe { flex: 1; border: 0; width: 100%; background: #11151c; }
    .grip { position: absolute; right: 0; bottom: 0; width: 14px; height: 14px; cursor: nwse-resize;
      background: linear-gradient(135deg, transparent 50%, #3a4456 50%); }
    .box.collapsed { height: auto !important; width: auto !important; border-radius: 16px; }
    .box.collapsed iframe, .box.collapsed .grip { display: none; }
    .box.hidden { display: none; }`;

  // The window chrome speaks the panel's language (中文/EN in the panel, kept in `ui:prefs`).
  const PREFS = 'ui:prefs';
  const LABELS = {
    'zh-CN': { title: '弹幕雷达', collapse: '收起 / 展开', close: '关闭（工具栏图标或 Alt+Shift+D 重新打开）' },
    en: { title: 'Danmu Radar', collapse: 'Collapse / expand', close: 'Close (the toolbar button or Alt+Shift+D opens it again)' },
  };

  async function mountHost() {
    const saved = (await chrome.storage.local.get(KEY))[KEY];
    const pos = { ...DEFAULT, ...saved };
    const host = document.createElement('danmu-radar-overlay');
    const shadow = host.attachShadow({ mode: 'open' });
    const style = document.createElement('style');
    style.textContent = CSS;
    const box = document.createElement('div');
    box.className = 'box';
    box.dataset.testid = 'dr-host';
    const bar = document.createElement('div');
    bar.className = 'bar';
    const title = document.createElement('b');
    const collapse = document.createElement('button');
    collapse.dataset.testid = 'dr-collapse';
    const close = document.createElement('button');
    close.textContent = '×';
    bar.append(title, collapse, close);
    const frame = document.createElement('iframe');
    frame.src = chrome.runtime.getURL('overlay/overlay.html');
    frame.dataset.testid = 'dr-frame';
    const grip = document.createElement('div');
    grip.className = 'grip';
    box.append(bar, frame, grip);
    shadow.append(style, box);
    document.documentElement.append(host);
    const label = (lang) => {
      const l = LABELS[lang] || LABELS['zh-CN'];
      title.textContent = frame.title = l.title;
      collapse.title = l.collapse;
      close.title = l.close;
    };
    label((await chrome.storage.local.get(PREFS))[PREFS]?.lang);
    const relabel = (changes, area) => {
      if (area === 'local' && changes[PREFS]) label(changes[PREFS].newValue?.lang);
    };
    chrome.storage.onChanged.addListener(relabel);

    const apply = () => {
      Object.assign(box.style, { top: `${pos.top}px`, right: `${pos.right}px`, width: `${pos.width}px`, height: `${pos.height}px` });
      box.classList.toggle('collapsed', pos.collapsed);
      box.classList.toggle('hidden', pos.hidden);
      collapse.textContent = pos.collapsed ? '▢' : '–';
    };
    const save = () => chrome.storage.local.set({ [KEY]: pos }).catch(() => {});
    apply();

    // Dragging and resizing over an iframe: capture the pointer on the handle so moves keep coming.
    const drag = (handle, onMove) => handle.addEventListener('pointerdown', (e) => {
      if (e.target.tagName === 'BUTTON') return;
      e.preventDefault();
      handle.setPointerCapture(e.pointerId);
      const start = { x: e.clientX, y: e.clientY, ...pos };
      const move = (ev) => { onMove(start, ev.clientX - start.x, ev.clientY - start.y); apply(); };
      const up = () => { handle.removeEventListener('pointermove', move); handle.removeEventListener('pointerup', up); save(); };
      handle.addEventListener('pointermove', move);
      handle.addEventListener('pointerup', up);
    });
    drag(bar, (s, dx, dy) => {
      pos.right = Math.max(0, Math.min(innerWidth - 60, s.right - dx));
      pos.top = Math.max(0, Math.min(innerHeight - 30, s.top + dy));
    });
    drag(grip, (s, dx, dy) => {
      pos.width = Math.max(240, s.width + dx);
      pos.right = Math.max(0, s.right - dx);
      pos.height = Math.max(200, s.height + dy);
    });
    collapse.addEventListener('click', () => { pos.collapsed = !pos.collapsed; apply(); save(); });
    close.addEventListener('click', () => { pos.hidden = true; apply(); save(); });

    return {
      toggle() { pos.hidden = !pos.hidden; if (!pos.hidden) pos.collapsed = false; apply(); save(); },
      remove() { host.remove(); chrome.storage.onChanged.removeListener(relabel); },
    };
  }

  globalThis.DROverlayHost = { mountHost };
})();
