// hosts: https://tbzb.taobao.com/*
// 淘宝直播 viewer: tbzb.taobao.com/live?liveId=… DOM-NOTES §2.3 (S8, S9, U-53025982525; M): rows are
// appended to #liveComment; classes are CSS-module `name--hash` (itemWrap--EcN_tFIg,
// authorTitle--_Dl75ZJ6 with the name and a trailing colon, content--pSjaTkyl), hashes rotate, so
// we match the `name--` prefix. System rows are mixed into the stream with the same shape; nothing
// structural marks them, so they are typed by their whole content text (an old crawler's classes:
// 进入了直播间 / 正在去购买的路上 / 关注了主播). Some builds prefix system notices with U+2042 /
// U+2230 / U+23C7 (API-level, U-68860433131; DOM form unverified): such rows are never comments.
(() => {
  const { textOf, stripName } = DRDom;
  const cls = (name) => `[class^="${name}--"], [class*=" ${name}--"]`;
  // Anchored on the whole content, so a viewer writing "我关注了主播哦" (or just "来了") stays a comment.
  const EVENTS = [
    [/^进入了?直播间$/, 'enter'],
    [/^正在去购买(的路上)?$/, 'purchase'],
    [/^关注了主播$/, 'follow'],
  ];
  const SYSTEM_MARK = /^[\u2042\u2230\u23c7]/;

  function eventKind(text) {
    return EVENTS.find(([re]) => re.test(text))?.[1] || null;
  }

  DRAdapters.register({
    id: 'taobao',
    name: '淘宝直播',
    matches: [/^https:\/\/tbzb\.taobao\.com\/live/],
    list: ['#liveComment', ':has(> [class^="itemWrap--"])'],
    row: cls('itemWrap'),
    read(row) {
      const content = row.querySelector(cls('content'));
      if (!content) return null;
      const text = textOf(content);
      const name = textOf(row.querySelector(cls('authorTitle')) || row.querySelector('[class*=author]'));
      if (SYSTEM_MARK.test(name) || SYSTEM_MARK.test(text)) {
        // "⁂ 系统" + "张** 来了": the actor is the content's first word.
        const body = text.replace(SYSTEM_MARK, '').trim();
        const [, who, what] = body.match(/^(\S+)\s+(.+)$/) || [, undefined, body];
        return { kind: eventKind(what) || (/^来了$/.test(what) ? 'enter' : 'system'), user: who, text: body };
      }
      const user = stripName(name) || undefined;
      return { kind: eventKind(text) || 'comment', user, text };
    },
  });
})();
