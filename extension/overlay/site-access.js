// "Always run on this site" for a page the seller taught with the picker. Until then the toolbar
// click (activeTab) is what lets the extension in, every visit. One click here asks Chrome for this
// site only (an optional host permission) and registers the content scripts for it, so the next
// visit starts capturing the learned list by itself. Runs in the overlay frame: an extension page,
// so the page cannot script the button, and the click is the user gesture the request needs.
import { strings } from '../ui/i18n.js';

const topOrigin = () => {
  const a = location.ancestorOrigins;
  return a?.length ? a[a.length - 1] : null;
};

// Registered script ids may not start with "_"; one id per origin.
const scriptId = (origin) => `picked-${origin}`;

function contentFiles() {
  // content/registered.js first: it tells main.js it was started by this registration.
  const capture = chrome.runtime.getManifest().content_scripts.find((c) => c.js.includes('content/main.js'));
  return ['content/registered.js', ...capture.js];
}

async function state(origin) {
  if (!origin || !/^https?:/.test(origin)) return 'none';
  if (!(await chrome.storage.local.get(`picked:${origin}`))[`picked:${origin}`]) return 'none';
  const [registered, granted] = await Promise.all([
    chrome.scripting.getRegisteredContentScripts({ ids: [scriptId(origin)] }),
    chrome.permissions.contains({ origins: [`${origin}/*`] }),
  ]);
  return registered.length && granted ? 'on' : 'off';
}

async function enable(origin) {
  if (!(await chrome.permissions.request({ origins: [`${origin}/*`] }).catch(() => false))) return false;
  const id = scriptId(origin);
  if ((await chrome.scripting.getRegisteredContentScripts({ ids: [id] })).length) {
    await chrome.scripting.unregisterContentScripts({ ids: [id] });
  }
  await chrome.scripting.registerContentScripts([{
    id, matches: [`${origin}/*`], js: contentFiles(), runAt: 'document_idle', allFrames: false, persistAcrossSessions: true,
  }]);
  return true;
}

export function mountSiteAccess(button, getLang) {
  const origin = topOrigin();
  let current = 'none';
  let denied = false;
  const render = () => {
    const t = strings(getLang()).siteAccess;
    button.hidden = current === 'none';
    button.disabled = current === 'on';
    button.textContent = current === 'on' ? t.on : denied ? t.denied : t.off;
    button.title = t.title;
    button.dataset.state = current;
  };
  const refresh = async () => {
    current = await state(origin).catch(() => 'none');
    render();
  };
  button.addEventListener('click', async () => {
    denied = !(await enable(origin).catch((e) => { console.error('danmu-radar: site access failed', e); return false; }));
    await refresh();
  });
  chrome.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && origin && changes[`picked:${origin}`]) refresh();
  });
  refresh();
  return { render };
}
