// Runs first, at document_start, in the top frame of a platform's page: opens a port so that the
// service worker starts (compiles the engine, loads its dictionary) while the page is still loading,
// not when the capture connects at document_idle. Sends nothing; the worker closes the port.
// 'dr-wake' is PORT.WAKE of shared/protocol.js, which is not loaded yet at document_start.
(() => {
  try {
    chrome.runtime.connect({ name: 'dr-wake' });
  } catch {
    // The extension was reloaded or removed: nothing to wake.
  }
})();
