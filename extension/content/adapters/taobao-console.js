// hosts: https://liveplatform.taobao.com/*
// 淘宝直播中控台: liveplatform.taobao.com/restful/index/live/control?liveId=… DOM-NOTES §2.3
// (U-53025982525, S2; M): section.tc-comment-list > div > div > div holds div.tc-comment-item rows,
// newest last; name .tc-comment-item-userinfo-name, text .tc-comment-item-content > span; the tc-* /
// tbla-* names are readable (not hashed). When the view pauses, .tc-comment-list-newtip turns
// display:block and must be clicked (U-17500926698). The list may be virtual (its product list is),
// so rows are diffed by content in DOM order, never by node. Only comments are listed here (API
// comments[]; 已加购/已下单 are labels on a comment row, not rows of their own).
(() => {
  const { textOf, first, stripName } = DRDom;

  DRAdapters.register({
    id: 'taobao-console',
    name: '淘宝直播中控台',
    matches: [/^https:\/\/liveplatform\.taobao\.com\/restful\/index\/live\/control/],
    // Watch the whole section (subtree): robust to the three anonymous wrappers changing.
    list: ['section.tc-comment-list', '.tc-comment-list', '#comment-page'],
    row: '.tc-comment-item',
    read(row) {
      const content = first(row, ['.tc-comment-item-content > span', '.tc-comment-item-content']);
      if (!content) return null;
      const name = row.querySelector('.tc-comment-item-userinfo-name');
      return { kind: 'comment', user: stripName(textOf(name)) || undefined, text: textOf(content) };
    },
    paused: ['.tc-comment-list-newtip'],
  });
})();
