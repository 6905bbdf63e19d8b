// hosts: https://live.douyin.com/* https://www.douyin.com/*
// 抖音直播 viewer: live.douyin.com/{web_rid}. The list is virtual (~21 recycled slots, each
// div[data-index=N] = the Nth message); inner class names are build hashes, the webcast-chatroom___*
// names are stable. Chat rows hold content-with-emoji spans; gift rows "送出了 <img> ×N"; score rows
// use the double-underscore room-message class. Enter/like notices are a single sticky slot.
(() => {
  const { textOf, textIn, squash, stripName } = DRDom;
  const EVENTS = [
    [/送出了|送了|赠送/, 'gift'],
    [/为主播加了|欢迎来到直播间|直播间严禁|未成年/, 'system'],
    [/加入了直播间|来了$|进入直播间/, 'enter'],
    [/点赞了|为主播点赞/, 'like'],
    [/关注了主播/, 'follow'],
    [/正在去购买|购买了|下单了/, 'purchase'],
  ];

  function eventKind(text) {
    const hit = EVENTS.find(([re]) => re.test(text));
    return hit ? hit[1] : null;
  }

  DRAdapters.register({
    id: 'douyin',
    name: '抖音直播',
    matches: [/^https:\/\/live\.douyin\.com\/\d+/, /^https:\/\/www\.douyin\.com\/(follow\/|root\/)?live\//],
    list: ['.webcast-chatroom___list', '.webcast-chatroom___items'],
    row: '.webcast-chatroom___item',
    // The slot's data-index is the message's position in the stream: a stable id across recycling.
    // getAttribute, not dataset: every DOM call costs the content script ~0.7 µs in the live page
    // (cold caches), and dataset is two (the map, then its entry).
    messageId(row) {
      const slot = row.closest('[data-index]');
      return slot ? `i${slot.getAttribute('data-index')}` : row.getAttribute('data-id') || undefined;
    },
    order(row) {
      const slot = row.closest('[data-index]');
      return slot ? Number(slot.getAttribute('data-index')) : undefined;
    },
    read(row) {
      // Chat rows, most of the list, first and the short way: the content is the emoji-text span's
      // parent and the nickname the span just before it. Each element a content script touches
      // first costs it a wrapper of its own, and each DOM call ~0.7 µs: 8 calls instead of 15.
      const chat = row.querySelector('.webcast-chatroom___content-with-emoji-text')?.parentElement;
      const name = chat?.previousElementSibling;
      const nameText = name && name.tagName === 'SPAN' ? name.textContent : '';
      if (/[:：]\s*$/.test(nameText)) {
        return { kind: 'comment', user: stripName(name.childElementCount ? textOf(name) : squash(nameText)), text: textIn(chat) };
      }
      const notice = row.querySelector('.webcast-chatroom__room-message');
      if (notice) return { kind: 'system', text: textOf(notice) };
      const inner = row.querySelector('.webcast-chatroom___item-wrapper > div') || row;
      const spans = [...inner.children].filter((c) => c.tagName === 'SPAN');
      const nameSpan = spans.find((s) => /[:：]\s*$/.test(s.textContent));
      const user = nameSpan ? stripName(textOf(nameSpan)) : undefined;
      const emojiText = inner.querySelector('.webcast-chatroom___content-with-emoji-text');
      if (emojiText) return { kind: 'comment', user, text: textOf(emojiText.parentElement) };
      const content = spans.filter((s) => s !== nameSpan).pop();
      const text = textOf(content || inner);
      if (!text) return null;
      return { kind: eventKind(text) || (user ? 'comment' : 'system'), user, text };
    },
    tickers: [{ selector: '.webcast-chatroom___bottom-message', kind: (t) => eventKind(t) || 'enter' }],
  });
})();
