// A loopback OpenAI-compatible Chat Completions server for tests: plain HTTP on 127.0.0.1, the real
// wire format (JSON errors, SSE `data:` lines, `[DONE]`, usage in the last chunk), scripted per test
// with one step per request, faults included, and a record of every request it received.
//
// In-process: `const llm = await startLlmServer(); llm.script(step, …); … llm.requests; llm.close()`.
// Standalone: `node tests/llm/server.mjs [port]`, then POST /__script (a JSON array of steps),
// GET /__requests, POST /__reset.
//
// A step (every field optional):
//   reply: text to stream (default: a short summary), or in-process a function of the request's
//   JSON body that returns it (a reply that names the prompt's own question numbers), chunk: characters per delta (4),
//   delayMs: between deltas (10), usage: {prompt_tokens, completion_tokens} or false,
//   status + body + headers: an HTTP error answer instead, json: reply as one non-streamed JSON,
//   truncate: end the body after half the deltas (no finish, no [DONE]), destroy: drop the socket
//   there instead, malformed: send a non-JSON data line, hang: headers then silence,
//   splitBytes: write the SSE text in pieces of this many bytes (splits lines and UTF-8).
import http from 'node:http';

export const DEFAULT_REPLY = '## 小结\n观众最关心价格。\n## 建议\n- 报一下价格\n## 回答\nQ1: 请主播确认：价格\n## 画像\n- 关心价格\n';

function sse(step, body) {
  const text = typeof step.reply === 'function' ? step.reply(body) : step.reply ?? DEFAULT_REPLY;
  const size = step.chunk || 4;
  const parts = [];
  const chars = [...text];
  for (let i = 0; i < chars.length; i += size) {
    parts.push(`data: ${JSON.stringify({ id: 'c1', object: 'chat.completion.chunk', choices: [{ index: 0, delta: { content: chars.slice(i, i + size).join('') }, finish_reason: null }] })}\n\n`);
  }
  return parts;
}

function tail(step) {
  const usage = step.usage === false ? null : step.usage || { prompt_tokens: 1200, completion_tokens: 300 };
  const out = [`data: ${JSON.stringify({ id: 'c1', choices: [{ index: 0, delta: {}, finish_reason: 'stop' }] })}\n\n`];
  if (usage) out.push(`data: ${JSON.stringify({ id: 'c1', choices: [], usage: { ...usage, total_tokens: usage.prompt_tokens + usage.completion_tokens } })}\n\n`);
  out.push('data: [DONE]\n\n');
  return out;
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function answer(step, req, res, record) {
  res.on('close', () => { if (!res.writableFinished) record.aborted = true; });
  if (step.status) {
    res.writeHead(step.status, { 'content-type': 'application/json', ...(step.headers || {}) });
    return res.end(JSON.stringify(step.body ?? { error: { message: `scripted ${step.status}`, type: 'test' } }));
  }
  if (step.json) {
    const usage = step.usage || { prompt_tokens: 5, completion_tokens: 1 };
    res.writeHead(200, { 'content-type': 'application/json' });
    return res.end(JSON.stringify({ id: 'c1', object: 'chat.completion', choices: [{ index: 0, message: { role: 'assistant', content: step.reply ?? 'pong' }, finish_reason: 'stop' }], usage }));
  }
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache', connection: 'keep-alive' });
  res.flushHeaders();
  if (step.hang) return; // headers, then nothing: the client's idle timeout must fire
  if (step.malformed) {
    res.write(sse(step, record.body)[0]);
    return res.end('data: <html><body>502 Bad Gateway</body></html>\n\n');
  }
  let parts = sse(step, record.body);
  const cut = step.truncate || step.destroy;
  if (cut) parts = parts.slice(0, Math.max(1, Math.floor(parts.length / 2)));
  else parts = parts.concat(tail(step));
  const pieces = step.splitBytes ? splitBytes(Buffer.from(parts.join('')), step.splitBytes) : parts.map((p) => Buffer.from(p));
  for (const piece of pieces) {
    if (record.aborted) return;
    res.write(piece);
    await sleep(step.delayMs ?? 10);
  }
  if (step.destroy) return req.socket.destroy();
  res.end();
}

function splitBytes(buf, n) {
  const out = [];
  for (let i = 0; i < buf.length; i += n) out.push(buf.subarray(i, i + n));
  return out;
}

export async function startLlmServer(port = 0) {
  const steps = [];
  const requests = [];
  const server = http.createServer(async (req, res) => {
    let body = '';
    for await (const c of req) body += c;
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/__script' && req.method === 'POST') {
      steps.push(...JSON.parse(body || '[]'));
      return res.end('ok');
    }
    if (url.pathname === '/__requests') {
      res.writeHead(200, { 'content-type': 'application/json' });
      return res.end(JSON.stringify(requests));
    }
    if (url.pathname === '/__reset') {
      steps.length = 0;
      requests.length = 0;
      return res.end('ok');
    }
    if (!url.pathname.endsWith('/chat/completions') || req.method !== 'POST') {
      res.writeHead(404, { 'content-type': 'application/json' });
      return res.end(JSON.stringify({ error: { message: 'not found' } }));
    }
    let json = null;
    try { json = JSON.parse(body); } catch { /* recorded as null: a test will see it */ }
    const record = { at: Date.now(), path: url.pathname, authorization: req.headers.authorization || null, body: json, aborted: false };
    requests.push(record);
    await answer(steps.shift() || {}, req, res, record).catch(() => {});
  });
  await new Promise((resolve) => server.listen(port, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${server.address().port}/v1`;
  return {
    base,
    requests,
    script(...more) { steps.push(...more); },
    reset() { steps.length = 0; requests.length = 0; },
    chats() { return requests.filter((r) => r.body?.messages?.length > 1); },
    close() { server.closeAllConnections?.(); return new Promise((r) => server.close(r)); },
  };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const s = await startLlmServer(Number(process.argv[2] || 0));
  console.log(`llm test server: ${s.base}`);
}
