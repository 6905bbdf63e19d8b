// hosts: https://lives.jd.com/*
// 京东直播 viewer: lives.jd.com/#/{liveId} (Vue SPA, hash route). LOW CONFIDENCE: no public source
// gives this chat's DOM (DOM-NOTES §2.6); the class names below are SKELETONS §5a's placeholders,
// then generic fallbacks. What is known (U-70075956319, M-H): the list shows only viewer and anchor
// messages as "昵称: 内容" (anchor lines as "主播: …", incl. auto "正在讲解 N 号宝贝"); enter, purchase,
// add-to-cart and coupon notices are floating bars outside the list; clean_chat_view empties it.
// Anchor lines are the host talking, not the audience: not read (as on 小红书).
(() => {
  const { textOf, stripName } = DRDom;
  const HOST = '主播';

  function barKind(text) {
    if (/正在购买|购买了|下单|抢购/.test(text)) return 'purchase';
    if (/来了|进入/.test(text)) return 'enter';
    return 'system'; // 加购, 领券: no kind of their own
  }

  DRAdapters.register({
    id: 'jd',
    name: '京东直播',
    matches: [/^https:\/\/lives\.jd\.com\//],
    list: ['.chat-list', '[class*="chat-list"]', '[class*="chatList"]', '[class*="message-list"]', '[class*="comment-list"]'],
    row: ':scope > *', // the list's children are its messages (no row class is known)
    read(row) {
      const nick = DRDom.first(row, ['.nick', '[class*="nick"]', '[class*="name"]']);
      const body = DRDom.first(row, ['.text', '[class*="content"]', '[class*="text"]']);
      let user;
      let text;
      if (nick && body) [user, text] = [stripName(textOf(nick)), textOf(body)];
      else {
        // Unknown markup: the row reads "昵称: 内容"; split at the first colon.
        const m = textOf(row).match(/^(.{1,32}?)\s*[:：]\s*(.+)$/);
        if (!m) return null;
        [user, text] = [m[1].trim(), m[2]];
      }
      if (user === HOST) return null; // the anchor's own line
      return { kind: 'comment', user: user || undefined, text };
    },
    tickers: [{ selector: '.floating-bar, [class*="floating"], [class*="float-bar"]', kind: barKind }],
    room(location) {
      const id = location.hash.match(/\d+/);
      return id ? `jd:${id[0]}` : `jd:${location.host}${location.pathname}`;
    },
  });
})();
