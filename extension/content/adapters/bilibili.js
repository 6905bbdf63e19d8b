// hosts: https://live.bilibili.com/* https://www.bilibili.com/blackboard/*
// Bilibili live: live.bilibili.com/{room} (DOM-NOTES §2.5, SKELETONS §4; S3 2026-03, S4 2025-11: H).
// #chat-items is appended to and the page trims its oldest children. Danmaku rows carry data-*:
// data-danmaku is the raw text with [emoji] codes (better than the rendered span), data-uname the
// name (cross-room rows, data-isunilivedanmaku, have no .user-name), data-id_str / data-ct+ts an id.
// Event rows are typed by class (.gift-item, .system-msg …) or data-type="6" (likes). Enter /
// follow notices roll through the single #brush-prompt slot. Activity pages put the room in an
// iframe (www.bilibili.com/blackboard/…): the frame captures, the top page only shows the overlay.
(() => {
  const { textOf, stripName } = DRDom;
  // Structure first: the chat-item's type class (S4's list of item classes).
  const EVENTS = [
    ['.gift-item, .guard-buy', 'gift'], // guard-buy: 开通舰长 is paid support, counted with gifts
    ['.superChat-card-detail', 'gift'], // paid card; its inner layout is unknown, so not read as text
    ['[data-type="6"]', 'like'],
    ['.welcome-msg', 'enter'],
    ['.system-msg, .convention-msg, .misc-msg, .top3-notice, .hot-rank-msg, .important-prompt-item, .common-danmuku-msg', 'system'],
  ];

  function tickerKind(text) {
    if (/关注/.test(text)) return 'follow';
    if (/点赞/.test(text)) return 'like';
    if (/分享/.test(text)) return 'system';
    return 'enter'; // "进入直播间", the slot's usual content
  }

  DRAdapters.register({
    id: 'bilibili',
    name: '哔哩哔哩直播',
    matches: [/^https:\/\/live\.bilibili\.com\/(blanc\/)?\d+/],
    overlayOn: [/^https:\/\/www\.bilibili\.com\/blackboard\//],
    list: ['#chat-items', '#chat-history-list > div', '.chat-history-list > div'],
    row: '.chat-item',
    // The platform's danmaku id when the row has one; event rows have none and go through the diff.
    messageId(row) {
      const d = row.dataset;
      return d.id_str || (d.ct && d.ts ? `${d.ct}:${d.ts}` : undefined);
    },
    read(row) {
      const d = row.dataset;
      const hit = EVENTS.find(([sel]) => row.matches(sel));
      if (hit) return { kind: hit[1], user: d.uname || undefined, text: textOf(row) };
      if (row.matches('.danmaku-item, .chat-emoticon')) {
        const shown = row.querySelector('.danmaku-item-right, .emoticon');
        const user = d.uname || stripName(textOf(row.querySelector('.user-name')));
        return { kind: 'comment', user, text: d.danmaku || textOf(shown) };
      }
      // An item type we do not know: shown to nobody as a comment.
      return { kind: 'system', text: textOf(row) };
    },
    tickers: [{ selector: '#brush-prompt', kind: tickerKind }],
    // /blanc/{room} (embedded player) and /{room} are the same room.
    room(location) {
      const id = location.pathname.match(/(\d+)/);
      return id ? `bilibili:${id[1]}` : `bilibili:${location.host}${location.pathname}`;
    },
  });
})();
