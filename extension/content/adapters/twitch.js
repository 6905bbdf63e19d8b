// hosts: https://www.twitch.tv/*
// Twitch channel chat: www.twitch.tv/{channel} and the popout /popout/{channel}/chat (DOM-NOTES §2.11,
// S3 2026-06). Readable BEM classes and data-a-target / data-test-selector anchors sit beside
// styled-components hashes (Layout-sc-…), which we never use. Rows are appended in message order and
// the oldest are dropped (capped); rows carry no message id, so capture diffs them by content.
// Subscriptions are .user-notice-line rows; deleted messages turn into a placeholder in place.
(() => {
  const { textOf, stripName, first } = DRDom;
  const ROW = '.chat-line__message, .user-notice-line';
  // Not channels: Twitch's own top-level pages.
  const RESERVED = 'directory|settings|subscriptions|inventory|wallet|drops|downloads|search|videos|turbo|jobs|p|u';
  const noticeKind = (text) => (/gift|赠送/i.test(text) ? 'gift' : /subscri|订阅/i.test(text) ? 'follow' : 'system');

  DRAdapters.register({
    id: 'twitch',
    name: 'Twitch',
    matches: [new RegExp(`^https://www\\.twitch\\.tv/(?!(${RESERVED})(/|\\?|#|$))\\w+/?([?#]|$)`), /^https:\/\/www\.twitch\.tv\/popout\/\w+\/chat/],
    list: ['[data-test-selector="chat-scrollable-area__message-container"]', '.chat-scrollable-area__message-container',
      '.chat-list--default [role="log"]', '.chat-list--other [role="log"]'],
    row: ROW,
    read(row) {
      if (row.parentElement?.closest(ROW)) return null; // read with its outer row
      // A deleted message was counted when it was shown; its placeholder is not a new message.
      if (row.querySelector('[data-a-target="chat-deleted-message-placeholder"]')) return null;
      const name = first(row, ['.chat-author__display-name', '[data-a-target="chat-message-username"]']);
      const user = stripName(textOf(name)) || undefined; // not .chat-author__intl-login, the "(login)" beside CJK names
      if (row.matches('.user-notice-line')) {
        const text = textOf(row);
        return text ? { kind: noticeKind(text), user, text } : null;
      }
      const body = row.querySelector('[data-a-target="chat-line-message-body"]');
      // Without the body anchor: the text fragments and emotes (alt = emote name) in order.
      const text = body ? textOf(body)
        : [...row.querySelectorAll('.text-fragment, img.chat-line__message--emote')].map(textOf).join(' ').trim();
      return text ? { kind: 'comment', user, text } : null;
    },
  });
})();
