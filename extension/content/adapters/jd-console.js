// hosts: https://jlive.jd.com/*
// 京东直播 seller console: jlive.jd.com/my/room. DOM-NOTES §2.6 (one injected script,
// U-69546448566, 2025-05; L-M): antd-pro CSS-module names, readable and long:
// …-the-msg-tabs-viewer-info-nickname / -chat-item-content / -chat-item-tag. Chat rows have a
// nickname node; event rows ("李** 来了" + a tag such as 新粉) have none, so structure says "event"
// and only then does the text say which one. The list was observed as '#all > div:nth-child(2)'.
(() => {
  const { textOf, stripName } = DRDom;
  const P = 'the-msg-tabs-'; // matched as a substring: the antd-pro prefix encodes the file path
  const NICK = `[class*="${P}viewer-info-nickname"]`;
  const CONTENT = `[class*="${P}chat-item-content"]`;

  function eventKind(text) {
    if (/来了|进入直播间/.test(text)) return 'enter';
    if (/关注/.test(text)) return 'follow';
    if (/购买|下单/.test(text)) return 'purchase';
    if (/点赞/.test(text)) return 'like';
    return 'system';
  }

  DRAdapters.register({
    id: 'jd-console',
    name: '京东直播中控',
    matches: [/^https:\/\/jlive\.jd\.com\/my\/room/],
    // The element whose rows hold a content node (semantic), then the observed position.
    list: [`:has(> * > ${CONTENT})`, `:has(> * > * > ${CONTENT})`, '#all > div:nth-child(2)'],
    row: ':scope > div',
    read(row) {
      const content = row.querySelector(CONTENT);
      if (!content) return null;
      const text = textOf(content);
      const nick = row.querySelector(NICK);
      if (!nick) return { kind: eventKind(text), text };
      return { kind: 'comment', user: stripName(textOf(nick)) || undefined, text };
    },
  });
})();
