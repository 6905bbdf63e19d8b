// hosts: https://zs.kwaixiaodian.com/*
// 快手小店直播助手: zs.kwaixiaodian.com/page/helper. DOM-NOTES §2.4 (U-53025982525, S2; M): comments
// live in a react-virtualized list, .ReactVirtualized__Grid__innerScrollContainer, whose row divs
// are absolutely positioned by style top and recycled; the fields carry hashed suffixes, so
// [class*=username] / [class*=replied-content] (img[class*=icon-extend] marks a comment row). DOM
// order is not message order: rows are sorted by their top offset and diffed by content, never by
// node or by top (a capped message array shifts every row's content under a fixed top).
// The page's API lists comments only (commentList[]), so every row is a comment.
(() => {
  const { textOf, stripName, offsetOf } = DRDom;

  DRAdapters.register({
    id: 'kuaishou-console',
    name: '快手小店直播助手',
    matches: [/^https:\/\/zs\.kwaixiaodian\.com\/page\/helper/],
    // The goods list is react-virtuoso, so the react-virtualized container is the comment list;
    // prefer the one that already shows comment rows.
    list: ['.ReactVirtualized__Grid__innerScrollContainer:has([class*="replied-content"])', '.ReactVirtualized__Grid__innerScrollContainer'],
    row: ':scope > div',
    order: (row) => offsetOf(row),
    read(row) {
      const content = row.querySelector('[class*="replied-content"]');
      if (!content) return null;
      const user = stripName(textOf(row.querySelector('[class*="username"]'))) || undefined;
      return { kind: 'comment', user, text: textOf(content) };
    },
  });
})();
