// hosts: https://live.kuaishou.com/*
// 快手直播 viewer: live.kuaishou.com/u/{id}. DOM-NOTES §2.4 (S8 v3.0, S9 v1.4; M): wrappers are
// appended to .chat-history, each holding a .comment-cell with .username ("名字：") and exactly one
// of .comment (chat; emoji are img.emoji[alt]), .gift-comment (gift) or .like (like). The type is
// the child's class (structure), never the text. Class names are readable, not hashed.
(() => {
  const { textOf, stripName } = DRDom;
  const BODY = [['.comment', 'comment'], ['.gift-comment', 'gift'], ['.like', 'like']];

  DRAdapters.register({
    id: 'kuaishou',
    name: '快手直播',
    matches: [/^https:\/\/live\.kuaishou\.com\/u\//],
    list: ['.chat-history', ':has(> * > .comment-cell)'],
    row: '.comment-cell',
    read(row) {
      const user = stripName(textOf(row.querySelector('.username'))) || undefined;
      for (const [sel, kind] of BODY) {
        const body = row.querySelector(sel);
        if (body) return { kind, user, text: textOf(body) };
      }
      // A cell of a kind we do not know (a notice): an event, so it never inflates the comments.
      const name = row.querySelector('.username');
      const rest = [...row.childNodes].filter((n) => n !== name).map(textOf).join(' ').trim();
      return rest ? { kind: 'system', user, text: rest } : null;
    },
  });
})();
