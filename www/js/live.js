// Live feed: the page connects to a WebSocket on this computer that sends JSONL comments (one JSON
// object per line, one or more lines per message: what a blivedm or DouyinLiveWebFetcher script can
// emit in a few lines; see examples/ws_sender.py) and runs the overlay on them. Lines are read by
// the engine's own JSONL reader; rows without a time get the time they arrived.
const FLUSH_MS = 100;

export class LiveFeed {
  constructor(client, ui, t) {
    this.client = client;
    this.ui = ui; // {port, connect, status}
    this.t = t;
    this.ws = null;
    this.buffer = [];
    this.received = 0;
    setInterval(() => this.flush(), FLUSH_MS);
    setInterval(() => this.ws && this.client.tick(Date.now()), 1000);
    ui.connect.addEventListener('click', () => (this.ws ? this.disconnect() : this.connect()));
  }

  status(key, extra = '') {
    this.state = key;
    const t = this.t();
    this.ui.status.textContent = `${t.live[key]}${extra}`;
    this.ui.connect.textContent = this.ws ? t.liveDisconnect : t.liveConnect;
  }

  connect() {
    const port = Number(this.ui.port.value);
    if (!Number.isInteger(port) || port < 1 || port > 65535) return this.status('badPort');
    this.client.reset(this.lang || 'zh-CN');
    this.received = 0;
    const ws = new WebSocket(`ws://127.0.0.1:${port}`);
    this.ws = ws;
    this.status('connecting');
    ws.onopen = () => this.status('open');
    ws.onmessage = (e) => {
      if (typeof e.data !== 'string') return;
      this.buffer.push(e.data);
    };
    ws.onerror = () => this.status('error');
    ws.onclose = () => {
      if (this.ws === ws) this.ws = null;
      this.flush();
      this.status(this.state === 'error' ? 'error' : 'closed', ` (${this.received})`);
    };
  }

  disconnect() {
    this.ws?.close();
  }

  setLang(lang) {
    this.lang = lang;
    if (this.state) this.status(this.state);
  }

  async flush() {
    if (!this.buffer.length) return;
    const text = this.buffer.join('\n');
    this.buffer = [];
    const { rows } = await this.client.call('pushJsonl', { text, now: Date.now() });
    this.received += rows;
    if (this.ws && this.state === 'open') this.ui.status.textContent = `${this.t().live.open} · ${this.received}`;
  }
}
