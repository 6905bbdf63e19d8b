// hosts: https://ark.xiaohongshu.com/* https://redlive.xiaohongshu.com/*
// 小红书 seller console: ark.xiaohongshu.com/live_center_control (older redlive.… is being migrated).
// DOM-NOTES §2.7 (S8 v3.0, U-53025982525; M): .comments holds appended .comment-list-item rows; take
// the LAST TWO spans (name with a colon, content): a leading tag span (粉丝…) may precede them. The
// anchor's own lines carry the name "主播": they are the host talking, not the audience, so they are
// not read at all (not comments, not events). Alt (U-69546448566, L): #msgBox rows (spans[0]/[1]);
// enter/like notices in msgBox.parentNode.previousElementSibling, rewritten in place (a ticker).
(() => {
  const { textOf, stripName } = DRDom;
  const HOST = '主播';

  function noticeKind(text) {
    if (/点赞/.test(text)) return 'like';
    if (/关注/.test(text)) return 'follow';
    if (/购买|下单|抢购/.test(text)) return 'purchase';
    return 'enter'; // "进入直播间" / "来了"
  }

  DRAdapters.register({
    id: 'xhs-console',
    name: '小红书直播中控',
    matches: [/^https:\/\/(ark|redlive)\.xiaohongshu\.com\/live_center_control/],
    list: ['.comments', '#msgBox'],
    row: '.comment-list-item, #msgBox > div',
    read(row) {
      // Leaf spans only (a tag span may wrap an icon span); position is all the sources give.
      const spans = [...row.querySelectorAll('span')].filter((s) => !s.querySelector('span'));
      if (spans.length < 2) return null;
      const [nameSpan, content] = spans.slice(-2);
      const user = stripName(textOf(nameSpan));
      if (user === HOST) return null; // the anchor's own line
      return { kind: 'comment', user: user || undefined, text: textOf(content) };
    },
    // The notice slot is the element right before the list's parent (U-69546448566).
    // One selector list, so a page where .comments is #msgBox still has one ticker, not two.
    tickers: [{ selector: ':has(+ * > .comments), :has(+ * > #msgBox)', kind: noticeKind }],
  });
})();
