// Replay: real comments (data/replay.jsonl) played at 1×–20× into an engine, as if a live page were
// capturing them. A virtual clock advances `speed` × real time; each step pushes the rows it passed
// (their times shifted to now, so the overlay's "just now" reads right) and ticks the engine.
const STEP_MS = 100;
const CHAT_LINES = 9;

export class Replay {
  constructor(client, rows, ui) {
    this.client = client;
    this.rows = rows; // [{ts (ms from start), room, text}]
    this.ui = ui; // {clock, room, chat, progress, onState(playing)}
    this.speed = 1;
    this.timer = null;
    this.restart(false);
  }

  restart(play = true) {
    this.stop();
    this.i = 0;
    this.virtual = 0;
    this.base = Date.now();
    this.client.reset(this.lang || 'zh-CN');
    this.ui.chat.replaceChildren();
    this.draw();
    if (play) this.play();
  }

  setLang(lang) { this.lang = lang; }

  setSpeed(x) { this.speed = Math.min(20, Math.max(1, x)); }

  get playing() { return this.timer !== null; }

  play() {
    if (this.playing) return;
    if (this.i >= this.rows.length) return this.restart();
    this.timer = setInterval(() => this.step(), STEP_MS);
    this.ui.onState(true);
  }

  stop() {
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.ui.onState(false);
  }

  step() {
    this.virtual += STEP_MS * this.speed;
    const batch = [];
    while (this.i < this.rows.length && this.rows[this.i].ts <= this.virtual) {
      const r = this.rows[this.i++];
      batch.push({ text: r.text, ts: this.base + r.ts, platform: 'douyin', kind: 'comment' });
      this.showComment(r);
    }
    if (batch.length) this.client.push(batch);
    this.client.tick(this.base + this.virtual);
    this.draw();
    if (this.i >= this.rows.length) this.stop();
  }

  // The raw stream beside the video, as a live page shows it (text nodes only).
  showComment(r) {
    const li = document.createElement('li');
    li.textContent = r.text;
    this.ui.chat.append(li);
    while (this.ui.chat.children.length > CHAT_LINES) this.ui.chat.firstElementChild.remove();
  }

  draw() {
    const s = Math.floor(this.virtual / 1000);
    this.ui.clock.textContent = `${Math.floor(s / 60)}:${String(s % 60).padStart(2, '0')}`;
    const row = this.rows[Math.min(this.i, this.rows.length - 1)];
    this.ui.room.textContent = row ? row.room : '';
    this.ui.progress.max = this.rows.length;
    this.ui.progress.value = this.i;
  }
}

// The file is an ordinary log (Unix ms); the player wants ms from the start of its first minute.
export async function loadReplay(url) {
  const text = await (await fetch(url)).text();
  const rows = text.split('\n').filter(Boolean).map((l) => JSON.parse(l));
  const start = rows.length ? rows[0].ts - (rows[0].ts % 60_000) : 0;
  return rows.map((r) => ({ ...r, ts: r.ts - start }));
}
