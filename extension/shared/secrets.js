// The LLM provider's key. It lives only in this extension origin's IndexedDB, which the service
// worker and the options page can open and content scripts and pages cannot (a content script's
// IndexedDB is the page's; chrome.storage.local, by contrast, is readable by content scripts). The key
// is read per call and never put in a message, in chrome.storage or in a page.
const DB = 'danmu-radar-secrets';
const STORE = 'secrets';
const KEY = 'llm:key';

function open() {
  return new Promise((resolve, reject) => {
    const req = indexedDB.open(DB, 1);
    req.onupgradeneeded = () => req.result.createObjectStore(STORE);
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run(mode, fn) {
  const db = await open();
  try {
    return await new Promise((resolve, reject) => {
      const tx = db.transaction(STORE, mode);
      const req = fn(tx.objectStore(STORE));
      tx.oncomplete = () => resolve(req.result);
      tx.onerror = () => reject(tx.error);
    });
  } finally {
    db.close();
  }
}

export async function getKey() {
  return (await run('readonly', (s) => s.get(KEY))) || '';
}

export async function setKey(key) {
  await run('readwrite', (s) => (key ? s.put(key, KEY) : s.delete(KEY)));
}

// What the options page shows instead of the key: its first three and last four characters.
export function masked(key) {
  if (!key) return '';
  return key.length <= 10 ? '•'.repeat(key.length) : `${key.slice(0, 3)}…${key.slice(-4)}`;
}
