// hosts: https://channels.weixin.qq.com/*
// 视频号助手 live console: channels.weixin.qq.com/platform/live/liveBuild. DOM-NOTES §2.8 (S8, S2,
// S7; H): a wujie micro-app, its DOM inside the OPEN shadow root of <wujie-app class="wujie_iframe">
// (DRDom.find enters open shadow roots); its JS runs in a hidden same-origin iframe whose URL is not
// this page's, so no capture starts there. The list is vue-virtual-scroller: item views are recycled
// (contents rewritten, transform moved), so a row's translateY is its position in the stream (order,
// and with its content, its identity); views put aside sit at translateY(-9999px) with stale
// content. .message-type (礼物/点赞) marks event rows. .comment__load resumes a paused list; join
// notices rewrite one .live-join-message slot.
(() => {
  const { textOf, stripName, offsetOf } = DRDom;

  function kindOf(type) {
    if (!type) return 'comment';
    if (/礼物/.test(type)) return 'gift';
    if (/点赞/.test(type)) return 'like';
    if (/关注/.test(type)) return 'follow';
    return 'system'; // a typed row we do not know: never counted as a comment
  }

  DRAdapters.register({
    id: 'wechat-channels',
    name: '视频号直播',
    matches: [/^https:\/\/channels\.weixin\.qq\.com\/platform\/live\//],
    // The interactive part holds the list and its .comment__load pill: one observer sees both.
    list: ['.live-realtime-interactive-part', '.comment__list', '.vue-recycle-scroller'],
    row: '.vue-recycle-scroller__item-view',
    messageId(row) {
      const y = offsetOf(row);
      return y === undefined || y < 0 ? undefined : `y${y}`;
    },
    order: (row) => offsetOf(row),
    read(row) {
      if (offsetOf(row) < 0) return null; // an unused view (-9999px) keeps an old message
      const content = DRDom.first(row, ['.message-content', '[class*="message-content"]']);
      if (!content) return null;
      const user = stripName(textOf(row.querySelector('.message-username-desc')));
      const type = stripName(textOf(row.querySelector('.message-type')));
      return { kind: kindOf(type), user: user || undefined, text: textOf(content) };
    },
    paused: ['.comment__load'],
    tickers: [{ selector: '.live-join-message', kind: (t) => (/关注/.test(t) ? 'follow' : 'enter') }],
  });
})();
