// A local HTTPS server that answers for every platform host (Chromium maps their names here with
// --host-resolver-rules), so content scripts match their real URL patterns. Each host serves its
// fixture page for any path; /__fixture/* serves shared assets; ?csp=strict adds a strict CSP.
import https from 'node:https';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';

const HERE = path.dirname(new URL(import.meta.url).pathname);
const FIXTURES = path.resolve(HERE, '../fixtures');
const REPO = path.resolve(HERE, '../../..');
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.json': 'application/json; charset=utf-8', '.css': 'text/css' };

// Each platform's fixture folder says which host names it answers for (fixture.json), so adding a
// platform touches only its own folder.
export const FIXTURE_DIRS = fs.readdirSync(FIXTURES, { withFileTypes: true })
  .filter((d) => d.isDirectory() && fs.existsSync(path.join(FIXTURES, d.name, 'fixture.json')))
  .map((d) => d.name)
  .sort();
export const SITES = {};
export const TESTS = [];
for (const dir of FIXTURE_DIRS) {
  const spec = JSON.parse(fs.readFileSync(path.join(FIXTURES, dir, 'fixture.json'), 'utf8'));
  for (const [host, page] of Object.entries(spec.hosts)) SITES[host] = { page: `${dir}/${page}` };
  TESTS.push(...(spec.tests || []).map((t) => ({ ...t, dir })));
}

function certificate() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dr-cert-'));
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=danmu-radar-test'], { stdio: 'ignore' });
  const pair = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
  fs.rmSync(dir, { recursive: true, force: true });
  return pair;
}

// Real comments for the feeder: the LiveChat Douyin slice in tests/data (never ../shared).
function comments() {
  const tsv = fs.readFileSync(path.join(REPO, 'tests/data/live/livechat_douyin_dev.tsv'), 'utf8');
  return JSON.stringify(tsv.split('\n').slice(1).map((l) => l.split('\t')[1]).filter(Boolean));
}

// English selling-room comments for `?lang=en` feeds: the ones we wrote (tests/data/english), as no
// real English live-room log is bundled.
function englishComments() {
  const dir = path.join(REPO, 'tests/data/english');
  const texts = ['dev.tsv', 'check.tsv', 'mood_dev.tsv', 'mood_check.tsv']
    .flatMap((f) => fs.readFileSync(path.join(dir, f), 'utf8').split('\n').slice(1).map((l) => l.split('\t')[0]))
    .filter(Boolean);
  return JSON.stringify(texts);
}

export async function startServer() {
  const commentsJson = comments();
  const englishJson = englishComments();
  const server = https.createServer(certificate(), (req, res) => {
    const url = new URL(req.url, 'https://x');
    const host = (req.headers.host || '').split(':')[0];
    const headers = { 'cache-control': 'no-store' };
    if (url.searchParams.get('csp') === 'strict') headers['content-security-policy'] = "default-src 'self'";
    let file;
    if (url.pathname === '/__fixture/comments.json' || url.pathname === '/__fixture/comments-en.json') {
      res.writeHead(200, { ...headers, 'content-type': TYPES['.json'] });
      return res.end(url.pathname.endsWith('-en.json') ? englishJson : commentsJson);
    } else if (url.pathname.startsWith('/__fixture/')) {
      file = path.join(FIXTURES, path.normalize(url.pathname.slice('/__fixture/'.length)));
    } else if (SITES[host]) {
      file = path.join(FIXTURES, SITES[host].page);
    } else {
      file = path.join(FIXTURES, 'unknown/page.html');
    }
    if (!file.startsWith(FIXTURES) || !fs.existsSync(file)) {
      res.writeHead(404, headers);
      return res.end('not found');
    }
    res.writeHead(200, { ...headers, 'content-type': TYPES[path.extname(file)] || 'application/octet-stream' });
    const body = fs.readFileSync(file);
    // `slow=MS` on a page: its HTML arrives in two parts that long apart, as a heavy real page's does
    // (the document exists from the first part; DOMContentLoaded and document_idle wait for the rest).
    const slow = Number(url.searchParams.get('slow') || 0);
    const cut = body.indexOf('<body');
    if (slow > 0 && file.endsWith('.html') && cut > 0) {
      res.write(body.subarray(0, cut));
      return setTimeout(() => res.end(body.subarray(cut)), Math.min(slow, 10_000));
    }
    res.end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: server.address().port };
}
