// hosts: https://buyin.jinritemai.com/* https://fxg.jinritemai.com/*
// 巨量百应 live control (buyin.jinritemai.com/dashboard/live/control) and the same app inside 抖店
// (fxg.jinritemai.com/ffa/buyin/dashboard/live/control). DOM-NOTES §2.2 (S2 ≤2025-06, S8; H):
// #comment-list-wrapper gets [class^="commentItem"] rows appended; classes are CSS-module
// `name-hash` (commentItem-AzWZJ8), so only prefixes are stable. The nickname is the bare text node
// of [class^="nickname"], beside authorTag (主播/自动回复) and commentTag (问询/粉丝) spans; the
// content is [class^="description"]. The list pauses behind a [class^="newCommentLabel"] pill.
// This list shows comments only (its API is comment_infos[]), so every row is a comment.
(() => {
  const { textOf, ownText, stripName } = DRDom;
  // A CSS-module class as the first class (what public tools match) or a later one.
  const prefixed = (name) => `[class^="${name}"], [class*=" ${name}"]`;

  DRAdapters.register({
    id: 'buyin',
    name: '巨量百应 直播中控',
    matches: [
      /^https:\/\/buyin\.jinritemai\.com\/dashboard\/live\/control/,
      /^https:\/\/fxg\.jinritemai\.com\/ffa\/buyin\/dashboard\/live\/control/,
    ],
    // Stable id first; else whatever element holds the comment rows (position, last resort).
    list: ['#comment-list-wrapper', ':has(> [class^="commentItem"])'],
    row: prefixed('commentItem'),
    read(row) {
      const desc = row.querySelector(prefixed('description'));
      if (!desc) return null;
      const nick = row.querySelector(prefixed('nickname'));
      // Bare text node only: the tag spans' 主播/问询/粉丝 are not part of the name.
      const user = stripName(ownText(nick)) || undefined;
      return { kind: 'comment', user, text: textOf(desc) };
    },
    paused: ['[class^="newCommentLabel"]', '[class*=" newCommentLabel"]'],
  });
})();
