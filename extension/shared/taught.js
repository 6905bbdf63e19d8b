// The host's merges, kept for the streams to come: pairs of hot-question wordings the host merged
// (the overlay's 并, or an AI 同问 offer taken), in extension storage, the newest MAX. Every new room
// is taught them (RadarEngine.teachSame), so a split the host fixed once stays fixed. Viewers' words
// that never leave this computer; the options page shows how many and forgets them.
const KEY = 'taught:pairs';
const MAX = 32; // the engine's MAX_TAUGHT

export async function loadTaught() {
  const pairs = (await chrome.storage.local.get(KEY))[KEY];
  return Array.isArray(pairs) ? pairs.filter((p) => Array.isArray(p) && p.length === 2 && p.every((s) => typeof s === 'string')) : [];
}

export async function rememberTaught(from, into) {
  const same = ([a, b]) => (a === from && b === into) || (a === into && b === from);
  const pairs = (await loadTaught()).filter((p) => !same(p));
  pairs.push([from, into]);
  await chrome.storage.local.set({ [KEY]: pairs.slice(-MAX) });
}

export async function forgetTaught() {
  await chrome.storage.local.remove(KEY);
}
