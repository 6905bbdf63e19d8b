// The options page: the LLM assistant's provider, model, key, prices, interval, budget and privacy;
// the UI language; the product catalog; the host's merges kept for later streams (shared/taught.js).
// Settings (no key) go to chrome.storage.local, where the service worker picks them up; the key goes
// to the extension's IndexedDB only (shared/secrets.js) and is shown masked. The provider's host
// permission is requested from the click itself (Chrome asks only for a user gesture). The catalog
// is checked by the engine's own parser (wasm), so an import error names the row and column exactly
// as the CLI does.
import init, { llmPresets, llmCheckSettings, llmTestRequest, llmStream, checkCatalog } from '../wasm/danmu_radar.js';
import { getKey, setKey, masked } from '../shared/secrets.js';
import { statusText } from '../ui/assistant.js';
import { loadTaught, forgetTaught } from '../shared/taught.js';

const SETTINGS = 'llm:settings';
const CATALOG = 'llm:catalog';
const PREFS = 'ui:prefs';
const EN = {
  title: 'Danmu Radar · Settings', general: 'General', lang: 'Interface language', ai: 'AI assistant (optional)',
  aiHint: 'Everything works without it: questions, mood and the summary are computed on this computer. When on, every few minutes the statistics and a few comments go to the provider you choose, for a summary, talking points and suggested answers.',
  enabled: 'Turn the AI assistant on', provider: 'Provider', baseUrl: 'API base URL', model: 'Model', key: 'API key', keyClear: 'Remove key',
  keyHint: 'The key stays in this extension’s own storage and is never given to a page or a content script.',
  priceIn: 'Input price (¥ per 1M tokens)', priceOut: 'Output price (¥ per 1M tokens)', interval: 'Summary every (minutes, 0 = on demand)',
  tokens: 'Tokens per hour at most', cap: 'Spend per session at most (¥)', mask: 'Hide viewers’ nicknames (replaced by 观众1, 观众2… before sending)',
  save: 'Save', test: 'Test connection', catalog: 'Product catalog', catalogClear: 'Remove catalog',
  taught: 'Questions kept as the same', taughtClear: 'Forget them all',
  taughtHint: 'Two questions you merged in the panel (say 洗完会缩水吗 and 洗了会不会变小) are kept on this computer and count as one question in every stream after.',
  catalogHint: 'CSV header: 链接号,名称,别名,价格,卖点,FAQ (aliases separated by |, FAQ as question:answer|question:answer). Used for product demand and grounded answers.',
};
const MSG = {
  'zh-CN': {
    saved: '已保存。', keySaved: (k) => `已保存密钥 ${k}（输入新密钥可替换）`, noKey: '还没有保存密钥',
    denied: (o) => `没有获得访问 ${o} 的权限，AI 助手无法连接该服务商。`, bad: (f, m) => `设置有误（${f}）：${m}`,
    ok: (m, s) => `连接成功：模型 ${m} 已回复（用时 ${s} 秒）。`, fail: (m, st) => `连接失败：${m}${st ? `（HTTP ${st}）` : ''}`,
    cost: (t, y, c) => `每小时最多 ${t.toLocaleString()} tokens，按当前价格最多约 ¥${y}；每场最多 ¥${c}。`,
    imported: (n, f) => `已导入 ${n} 个商品（${f}），所有直播间立即生效。`, catalogErr: (r, c, m) => `${r ? `第 ${r} 行` : '表头'}「${c}」列：${m}`,
    noCatalog: '还没有导入商品资料。', catalogNow: (n, f) => `当前商品资料：${n} 个商品（${f}）。`,
    taughtNow: (n) => (n ? `已记住 ${n} 组。` : '还没有合并过问题。'),
  },
  en: {
    saved: 'Saved.', keySaved: (k) => `Key saved: ${k} (type a new one to replace it)`, noKey: 'No key saved yet',
    denied: (o) => `Permission to reach ${o} was not granted; the assistant cannot call this provider.`, bad: (f, m) => `Check the settings (${f}): ${m}`,
    ok: (m, s) => `Connected: model ${m} replied in ${s} s.`, fail: (m, st) => `Connection failed: ${m}${st ? ` (HTTP ${st})` : ''}`,
    cost: (t, y, c) => `At most ${t.toLocaleString()} tokens an hour, about ¥${y} at these prices; at most ¥${c} per session.`,
    imported: (n, f) => `Imported ${n} products (${f}); every room uses them now.`, catalogErr: (r, c, m) => `${r ? `Row ${r}` : 'Header'}, column “${c}”: ${m}`,
    noCatalog: 'No catalog imported yet.', catalogNow: (n, f) => `Current catalog: ${n} products (${f}).`,
    taughtNow: (n) => (n ? `${n} pairs kept.` : 'Nothing merged yet.'),
  },
};
const FIELDS = ['base_url', 'model', 'price_in', 'price_out', 'interval_min', 'tokens_per_hour', 'yuan_cap'];
const $ = (id) => document.getElementById(id);

await init();
const presets = llmPresets();
let lang = (await chrome.storage.local.get(PREFS))[PREFS]?.lang || 'zh-CN';
const t = () => MSG[lang] || MSG['zh-CN'];
const zhLabels = {};
document.querySelectorAll('[data-i18n]').forEach((n) => { zhLabels[n.dataset.i18n] = n.textContent; });

function label() {
  document.documentElement.lang = lang;
  document.querySelectorAll('[data-i18n]').forEach((n) => {
    n.textContent = lang === 'en' ? EN[n.dataset.i18n] : zhLabels[n.dataset.i18n];
  });
  $('lang').value = lang;
}

function show(id, text, bad = false) {
  $(id).textContent = text;
  $(id).classList.toggle('bad', bad);
}

function fill(s) {
  $('enabled').checked = s.enabled;
  $('provider').value = s.provider;
  for (const f of FIELDS) $(f).value = s[f];
  $('mask_names').checked = s.mask_names;
  cost();
}

function read() {
  const s = { enabled: $('enabled').checked, provider: $('provider').value, mask_names: $('mask_names').checked, lang };
  for (const f of FIELDS) s[f] = ['base_url', 'model'].includes(f) ? $(f).value.trim() : Number($(f).value);
  return s;
}

function cost() {
  const s = read();
  const yuan = ((s.tokens_per_hour * 0.75 * s.price_in + s.tokens_per_hour * 0.25 * s.price_out) / 1e6).toFixed(3);
  $('cost').textContent = t().cost(s.tokens_per_hour, yuan, s.yuan_cap);
}

async function showKey() {
  const key = await getKey();
  $('key-saved').textContent = key ? t().keySaved(masked(key)) : t().noKey;
}

async function showCatalog() {
  const c = (await chrome.storage.local.get(CATALOG))[CATALOG];
  show('catalog-result', c ? t().catalogNow(c.products, c.name) : t().noCatalog);
}

// Validates the form and asks for the provider's host permission — synchronously up to the
// request, which must stay inside the click's user gesture. Returns null (and says why) on failure.
async function checkedWithPermission() {
  let checked;
  try {
    checked = llmCheckSettings(read());
  } catch (e) {
    show('result', t().bad(e.field || '', e.message), true);
    return null;
  }
  const granted = await chrome.permissions.request({ origins: [checked.origin] }).catch(() => false);
  if (!granted) {
    show('result', t().denied(checked.origin), true);
    return null;
  }
  return checked.settings;
}

$('provider').append(...presets.map((p) => Object.assign(document.createElement('option'), { value: p.id, textContent: p.name })));
$('provider').addEventListener('change', () => {
  const p = presets.find((x) => x.id === $('provider').value);
  fill({ ...read(), provider: p.id, base_url: p.base_url, model: p.model, price_in: p.price_in, price_out: p.price_out });
});
for (const f of ['price_in', 'price_out', 'tokens_per_hour', 'yuan_cap']) $(f).addEventListener('input', cost);

$('save').addEventListener('click', async () => {
  const settings = await checkedWithPermission();
  if (!settings) return;
  const key = $('key').value.trim();
  if (key) await setKey(key);
  $('key').value = '';
  await chrome.storage.local.set({ [SETTINGS]: settings });
  fill(settings);
  await showKey();
  show('result', t().saved);
});

$('test').addEventListener('click', async () => {
  const settings = await checkedWithPermission();
  if (!settings) return;
  show('result', '…');
  const key = $('key').value.trim() || (await getKey());
  const plan = llmTestRequest(settings);
  const started = performance.now();
  try {
    await llmStream(plan.url, plan.body, key, AbortSignal.timeout(60_000), () => {});
    show('result', t().ok(settings.model, ((performance.now() - started) / 1000).toFixed(1)));
  } catch (e) {
    const detail = e.message && !['Unauthorized', 'InsufficientBalance'].includes(e.name) ? ` — ${e.message.slice(0, 160)}` : '';
    show('result', t().fail(`${statusText(lang, e.name)}${detail}`, e.status), true);
  }
});

$('key-clear').addEventListener('click', async () => {
  await setKey('');
  await showKey();
});

$('lang').addEventListener('change', async () => {
  lang = $('lang').value;
  const prefs = (await chrome.storage.local.get(PREFS))[PREFS] || {};
  await chrome.storage.local.set({ [PREFS]: { ...prefs, lang } });
  const stored = (await chrome.storage.local.get(SETTINGS))[SETTINGS];
  if (stored) await chrome.storage.local.set({ [SETTINGS]: { ...stored, lang } });
  label();
  cost();
  showKey();
  showCatalog();
  showTaught();
});

$('catalog-file').addEventListener('change', async () => {
  const file = $('catalog-file').files[0];
  if (!file) return;
  const text = await file.text();
  try {
    const products = checkCatalog(text);
    await chrome.storage.local.set({ [CATALOG]: { text, name: file.name, products } });
    show('catalog-result', t().imported(products, file.name));
  } catch (e) {
    const why = String(e.message || e).replace(/^catalog row \d+, column [^:]*: /, '');
    show('catalog-result', e.name === 'CatalogError' ? t().catalogErr(e.row, e.column, why) : why, true);
  }
  $('catalog-file').value = '';
});

$('catalog-clear').addEventListener('click', async () => {
  await chrome.storage.local.remove(CATALOG);
  showCatalog();
});

async function showTaught() {
  $('taught-count').textContent = t().taughtNow((await loadTaught()).length);
}

$('taught-clear').addEventListener('click', async () => {
  await forgetTaught();
  showTaught();
});

const stored = (await chrome.storage.local.get(SETTINGS))[SETTINGS];
try {
  fill(llmCheckSettings(stored || {}).settings);
} catch (e) {
  // Stored settings that no longer pass (an edited address…): show them and say which field.
  fill({ ...llmCheckSettings({}).settings, ...stored });
  show('result', t().bad(e.field || '', e.message), true);
}
label();
cost();
showKey();
showCatalog();
showTaught();
document.body.dataset.ready = 'true';
