// DOM helpers for adapters and capture, plus the adapter registry. Classic content script (shares
// the isolated world with the other content scripts); no wasm, no analysis.
(() => {
  const adapters = [];

  const SKIP_FAST = new Set(['IMG', 'STYLE', 'SCRIPT']);

  const squash = (s) => s.replace(/\s+/g, ' ').trim();

  // Text of a node as a viewer reads it: text nodes plus emoji images' alt text ([比心]).
  function textOf(node) {
    if (!node) return '';
    if (node.nodeType === 1 && !SKIP_FAST.has(node.tagName)) return textIn(node);
    return squash(walkText(node));
  }

  // textOf of an element that is not itself an IMG, STYLE or SCRIPT (a span, a div): two DOM calls
  // fewer, which adapters reading every row notice. Most rows hold text only: the browser's own
  // concatenation, no walk.
  function textIn(el) {
    if (!el) return '';
    return squash(el.querySelector('img, style, script') ? walkText(el) : el.textContent);
  }

  function walkText(node) {
    let out = '';
    const walk = (n) => {
      if (n.nodeType === 3) out += n.nodeValue;
      else if (n.nodeType === 1) {
        if (n.tagName === 'IMG') out += n.getAttribute('alt') || '';
        else if (n.tagName !== 'STYLE' && n.tagName !== 'SCRIPT') for (const c of n.childNodes) walk(c);
      }
    };
    walk(node);
    return out;
  }

  // Only the element's own text nodes (百应 nicknames are a bare text node beside tag spans).
  function ownText(node) {
    if (!node) return '';
    let out = '';
    for (const c of node.childNodes) if (c.nodeType === 3) out += c.nodeValue;
    return out.trim();
  }

  // Nicknames end with a colon ("小王：", "用户A : ").
  function stripName(s) {
    return (s || '').replace(/\s*[:：]\s*$/, '').trim();
  }

  // The first selector that matches under `root`, also inside open shadow roots (WeChat Channels
  // lives in wujie-app's). Frames are not entered: each frame runs its own content script
  // (all_frames), so entering one would capture it twice.
  function find(root, selectors, depth = 0) {
    for (const sel of selectors) {
      const hit = root.querySelector(sel);
      if (hit) return hit;
    }
    if (depth > 3) return null;
    for (const host of root.querySelectorAll('*')) {
      if (host.shadowRoot) {
        const hit = find(host.shadowRoot, selectors, depth + 1);
        if (hit) return hit;
      }
    }
    return null;
  }

  function first(el, selectors) {
    for (const sel of selectors) {
      const hit = el.querySelector(sel);
      if (hit) return hit;
    }
    return null;
  }

  function visible(el) {
    if (!el || !el.isConnected) return false;
    const style = el.ownerDocument.defaultView?.getComputedStyle(el);
    return Boolean(style && style.display !== 'none' && style.visibility !== 'hidden' && el.getClientRects().length);
  }

  // Position of a recycled row from its transform or top offset (vue-recycle-scroller, react-virtualized).
  function offsetOf(el) {
    const style = el.getAttribute('style') || '';
    const m = style.match(/translateY\((-?[\d.]+)px\)/) || style.match(/top:\s*(-?[\d.]+)px/);
    return m ? Number(m[1]) : undefined;
  }

  globalThis.DRDom = Object.freeze({ textOf, textIn, squash, ownText, stripName, find, first, visible, offsetOf });
  globalThis.DRAdapters = {
    register(adapter) { adapters.push(Object.freeze(adapter)); },
    // The adapter whose comment list lives in a page at `url`.
    forUrl(url) { return adapters.find((a) => a.matches.some((re) => re.test(url))) || null; },
    // Pages that show the overlay while the list is in a frame (YouTube's watch page).
    overlayOnly(url) { return adapters.some((a) => (a.overlayOn || []).some((re) => re.test(url))); },
    all() { return adapters.slice(); },
  };
})();
