// hosts: https://www.tiktok.com/*
// TikTok LIVE viewer: www.tiktok.com/@{user}/live (DOM-NOTES §2.9, S3 2026-08). Rows carry data-e2e
// anchors (chat-message, social-message, message-owner-name, social-message-text); the rest are
// emotion/styled-components names "css-<hash>-DivXxx e<hash>N", matched on their "-DivXxx" part.
// The current layout is a virtual list: div[data-index] slots (sentinel data-index="-1") recycled as
// the room scrolls, so data-index is the message's position: the row's id and its order. Joins go
// to the single sticky slot under the list ([class*=DivBottomStickyMessageContainer]).
(() => {
  const { textOf, stripName, first } = DRDom;
  const ROW = '[data-e2e="chat-message"], [data-e2e="social-message"], [class*="-DivGiftMessage"]';
  const STICKY = '[class*="DivBottomStickyMessageContainer"]';
  // Social rows share one data-e2e; only their text says which (UI language varies: en + zh).
  const SOCIAL = [
    [/joined|加入/, 'enter'],
    [/liked|点赞/, 'like'],
    [/follow|关注/, 'follow'],
    [/shared|分享/, 'system'],
  ];
  const socialKind = (text) => (SOCIAL.find(([re]) => re.test(text)) || [, 'system'])[1];

  function owner(row) {
    const n = row.querySelector('[data-e2e="message-owner-name"]');
    return n ? stripName(textOf(n) || n.getAttribute('title') || '') || undefined : undefined;
  }

  function slot(row) {
    const s = row.closest('[data-index]');
    return s && s.dataset.index !== '-1' ? s : null;
  }

  DRAdapters.register({
    id: 'tiktok',
    name: 'TikTok LIVE',
    matches: [/^https:\/\/www\.tiktok\.com\/@[^/?#]+\/live/],
    // Older layouts' anchors first; the new layout is found as the parent of the data-index slots.
    list: ['[data-e2e="chat-room"]', '[data-e2e="live-chat-container"]', '.live-shared-ui-chat-list-scrolling-list',
      '.live-room-container div:has(> div[data-index])', '[class*="DivChatRoomContent"]'],
    row: ROW,
    messageId(row) {
      const s = slot(row);
      return s ? `i${s.dataset.index}` : undefined;
    },
    order(row) {
      const s = slot(row);
      return s ? Number(s.dataset.index) : undefined;
    },
    read(row) {
      // A row nested in another row is read with its outer row; the sticky slot is a ticker.
      if (row.parentElement?.closest(ROW) || row.closest(STICKY)) return null;
      if (row.querySelector('[class*="DivTopGiverContainer"]')) return null; // top-gifter banner
      const user = owner(row);
      if (row.matches('[data-e2e="social-message"]')) {
        const text = textOf(row.querySelector('[data-e2e="social-message-text"]') || row);
        return text ? { kind: socialKind(text), user, text } : null;
      }
      // Gifts: the gift block (structure), else a tiktokcdn gift image followed by "xN" (content shape).
      const gift = row.matches('[class*="-DivGiftMessage"]') ? row : first(row, ['[class*="-DivGiftMessage"]', '[class*="SpanGiftCount"]']);
      if (gift) return { kind: 'gift', user, text: textOf(gift.closest('[class*="-DivGiftMessage"]') || gift) || 'gift' };
      const content = first(row, ['[class*="-DivComment"]', '.live-shared-ui-chat-list-chat-message-comment', '.break-words.align-middle'])
        || row.querySelector('[class*="-DivUserInfo"]')?.nextElementSibling;
      const text = textOf(content);
      if (!text) return null;
      if (content.querySelector('img[src*="tiktokcdn.com/img/"]') && /x\d+$/.test(text)) return { kind: 'gift', user, text };
      return { kind: 'comment', user, text };
    },
    tickers: [{ selector: STICKY, kind: socialKind }],
  });
})();
