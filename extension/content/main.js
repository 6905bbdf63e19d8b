// Content script entry: pick the adapter for this page, capture its comments, show the overlay in
// the top frame. Everything that analyses runs in the service worker; this is glue.
(() => {
  if (globalThis.DRStarted) return; // injected again by the toolbar button
  globalThis.DRStarted = true;
  const { check } = globalThis.DRProtocol;
  const top = window === window.top;
  let adapter = DRAdapters.forUrl(location.href);
  let capture = null;
  let sender = null;
  let host = null;

  function startCapture(a) {
    const room = a.room ? a.room(location) : `${a.id}:${location.host}${location.pathname}`;
    sender = new DRSender(room, a.id);
    sender.connect();
    capture = new DRCapture.Capture(a, (rows) => sender.push(rows), (state, detail) => sender.status(state, detail));
    capture.start();
  }

  globalThis.DRStop = () => {
    capture?.stop();
    host?.remove();
  };

  let mounting = null;
  function showOverlay() {
    if (!mounting) {
      const m = DROverlayHost.mountHost().then((h) => {
        if (mounting === m) host = h;
        else h.remove(); // hidden while it was mounting
        return h;
      });
      mounting = m;
    }
    return mounting;
  }

  function hideOverlay() {
    host?.remove();
    host = null;
    mounting = null;
  }

  // Capture settings (options page): resuming paused lists is on unless the seller turned it off.
  globalThis.DRSettings = { resumePaused: true };
  chrome.storage.local.get('capture:prefs').then((v) => Object.assign(globalThis.DRSettings, v['capture:prefs']));
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && changes['capture:prefs']) Object.assign(globalThis.DRSettings, changes['capture:prefs'].newValue);
  });

  if (adapter) startCapture(adapter);
  // A page whose list is in a subframe (YouTube watch, Bilibili activity) shows the overlay only
  // when the service worker says that frame's capture delivers rows (sw/show-overlay): a watch page
  // of a video that is not live has no chat frame and gets no overlay.
  if (top && adapter) showOverlay();
  // Registered for a site the seller taught with the picker (overlay/site-access.js): start on the
  // learned list without waiting for the toolbar click.
  if (!adapter && top && globalThis.DRRegistered) {
    globalThis.DRPicker?.saved().then((learned) => {
      if (!learned || capture) return;
      adapter = learned;
      startCapture(learned);
      showOverlay();
    });
  }

  // Single-page consoles (抖店, 快手小店, 淘宝中控) route to the live page without a reload: when the
  // URL starts matching an adapter, start then.
  let lastUrl = location.href;
  setInterval(() => {
    if (capture || location.href === lastUrl) return;
    lastUrl = location.href;
    adapter = DRAdapters.forUrl(location.href);
    if (!adapter) return;
    startCapture(adapter);
    if (top) showOverlay();
  }, 1000);

  chrome.runtime.onMessage.addListener((msg, sender_, respond) => {
    if (sender_.id !== chrome.runtime.id || !check(msg, 'sw/')) return;
    if (msg.type === 'sw/show-overlay' && top) {
      if (adapter || DRAdapters.overlayOnly(location.href)) showOverlay();
      respond(true);
    }
    // The subframe whose capture it shows is gone (YouTube: an in-site navigation away from the
    // live video). It comes back with the next subframe that delivers rows (sw/show-overlay).
    if (msg.type === 'sw/hide-overlay' && top && !adapter) hideOverlay();
    if (msg.type === 'sw/toggle-overlay' && top) {
      if (host) host.toggle();
      else if (adapter || DRAdapters.overlayOnly(location.href)) showOverlay();
      else globalThis.DRPicker?.start((learned) => { startCapture(learned); showOverlay(); });
    }
  });
})();
