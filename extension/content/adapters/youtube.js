// hosts: https://www.youtube.com/*
// YouTube live chat (DOM-NOTES §2.10, S3 2026-08). The chat is its own page, /live_chat?v=…: inside
// the watch page as the same-origin iframe#chatframe (whose own content script captures: all_frames)
// or as the popout /live_chat?is_popout=1&v=…; the watch page only shows the overlay. Rows are
// Polymer custom elements in #items, typed by tag name, each with id = the message id. Polymer
// stamps a row before its data: #author-name / #message can be empty at insertion and filled a few
// hundred ms later, so read() returns null until both are there. The list keeps ~250 rows.
(() => {
  const { textOf, stripName } = DRDom;
  const KINDS = {
    'yt-live-chat-text-message-renderer': 'comment',
    'yt-live-chat-paid-message-renderer': 'gift', // Super Chat
    'yt-live-chat-paid-sticker-renderer': 'gift', // Super Sticker
    'ytd-sponsorships-live-chat-gift-purchase-announcement-renderer': 'gift', // gifted memberships
    'yt-gift-message-view-model': 'gift', // jewels (2025-05)
    'yt-live-chat-membership-item-renderer': 'follow', // new member / milestone
    'ytd-sponsorships-live-chat-gift-redemption-announcement-renderer': 'follow', // received a gifted membership
  };
  const text = (row, sels) => sels.map((s) => textOf(row.querySelector(s))).filter(Boolean).join(' ');
  const param = (loc, k) => new URLSearchParams(loc.search).get(k);

  DRAdapters.register({
    id: 'youtube',
    name: 'YouTube 直播聊天',
    matches: [/^https:\/\/www\.youtube\.com\/live_chat\?/],
    overlayOn: [/^https:\/\/www\.youtube\.com\/(watch\?|live\/)/],
    // The ticker strip (paid-message chips) has an #items too: anchor on the item list renderer.
    list: ['yt-live-chat-item-list-renderer #items', '#item-scroller #items', 'yt-live-chat-app #items'],
    row: Object.keys(KINDS).join(', '),
    messageId: (row) => row.id || undefined,
    read(row) {
      // A deleted message is rewritten in place ("[message deleted]"); it was counted when shown.
      // (The is-deleted attribute is common knowledge, not in DOM-NOTES.)
      if (row.hasAttribute('is-deleted')) return null;
      const kind = KINDS[row.tagName.toLowerCase()];
      const user = stripName(textOf(row.querySelector('#author-name')));
      if (!user) return null; // not filled yet
      if (kind === 'comment') {
        const msg = textOf(row.querySelector('#message'));
        return msg ? { kind, user, text: msg } : null;
      }
      const what = text(row, ['#purchase-amount', '#purchase-amount-chip', '#header-subtext', '#primary-text', '#message'])
        || textOf(row).replace(user, '').trim();
      return what ? { kind, user, text: what } : null;
    },
    // One engine per video: the iframe's src may carry only a continuation token, so fall back
    // to the (same-origin) watch page's ?v=.
    room(loc) {
      let v = param(loc, 'v');
      try { v ||= param(window.top.location, 'v'); } catch { /* cross-origin embed */ }
      return `youtube:${v || loc.pathname}`;
    },
  });
})();
