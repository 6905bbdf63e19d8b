// hosts: https://www.xiaohongshu.com/livestream/*
// 小红书 viewer: www.xiaohongshu.com/livestream/{id}. DOM-NOTES §2.7 (S9 v1.4; L-M): .comment-list
// holds appended .comment-item rows with span.nickname ("昵称:") and span.desc; the anchor's name is
// in .author > .name. Lines posted under the anchor's name are the host talking, not the audience:
// not read (same decision as xhs-console). Enter/like notices are rendered in the element just
// before the list, rewritten in place (SKELETONS §6b): a ticker.
(() => {
  const { textOf, stripName } = DRDom;

  function noticeKind(text) {
    if (/点赞/.test(text)) return 'like';
    if (/关注/.test(text)) return 'follow';
    if (/购买|下单|抢购/.test(text)) return 'purchase';
    return 'enter';
  }

  const anchorName = () => stripName(textOf(document.querySelector('.author > .name, .author .name')));

  DRAdapters.register({
    id: 'xhs',
    name: '小红书直播',
    matches: [/^https:\/\/www\.xiaohongshu\.com\/livestream\//],
    list: ['.comment-list', '[class*="comment-list"]'],
    row: '.comment-item', // not [class*=comment-item]: that would also match its children
    read(row) {
      const name = DRDom.first(row, ['span.nickname', '[class*="nickname"]']);
      const desc = DRDom.first(row, ['span.desc', '[class*="desc"]']);
      if (!desc) return null;
      const user = stripName(textOf(name));
      if (user && (user === '主播' || user === anchorName())) return null; // the anchor's own line
      return { kind: 'comment', user: user || undefined, text: textOf(desc) };
    },
    tickers: [{ selector: ':has(+ .comment-list)', kind: noticeKind }],
  });
})();
