// Bring your own: pasted comments or an opened log (CSV / TSV / JSONL / TXT, what the CLI reads) →
// the full report, built by the engine in a worker exactly as `danmu-radar analyze` builds it, shown
// in a sandboxed frame (no scripts, no same-origin) and offered as HTML / JSON / CSV.
import { EngineClient } from './engine-client.js';

// The CLI picks the format from the file name the same way (src/input/mod.rs, Format::from_path).
function formatOf(name) {
  const ext = (name || '').toLowerCase().split('.').pop();
  return { jsonl: 'jsonl', ndjson: 'jsonl', json: 'jsonl', csv: 'csv', tsv: 'tsv', txt: 'text', log: 'text' }[ext] || 'auto';
}

export class Byo {
  constructor(ui, getLang, t) {
    this.ui = ui; // {text, file, rate, run, status, frame, downloads}
    this.getLang = getLang;
    this.t = t;
    this.client = null;
    this.ready = false;
    ui.run.addEventListener('click', () => this.analyze(ui.text.value, 'auto', null));
    ui.file.addEventListener('change', async () => {
      const f = ui.file.files[0];
      if (f) this.analyze(await f.text(), formatOf(f.name), f.name);
    });
    for (const b of ui.downloads.querySelectorAll('button[data-export]')) {
      b.addEventListener('click', () => this.client?.downloadReport(b.dataset.export));
    }
  }

  status(msg) {
    this.ui.status.textContent = msg;
  }

  async analyze(text, format, name) {
    const t = this.t();
    if (!text.trim()) return this.status(t.byoEmpty);
    const rate = Number(this.ui.rate.value) || 60;
    this.status(t.byoWorking);
    this.client ||= new EngineClient(this.getLang());
    try {
      await this.client.reset(this.getLang());
      const { rows, bad } = await this.client.call('pushLog', { text, format, rate });
      const skipped = bad.length ? ` ${t.byoSkipped(bad.length, bad[0].line, bad[0].reason)}` : '';
      this.status(`${name ? `${name}: ` : ''}${t.byoDone(rows)}${skipped}`);
      this.ready = true;
      await this.show();
    } catch (e) {
      this.ready = false;
      this.status(`${t.byoError}${e.message}`);
    }
  }

  async show() {
    if (!this.ready) return;
    const html = await this.client.report('html');
    this.ui.frame.srcdoc = html;
    this.ui.frame.hidden = false;
    this.ui.downloads.hidden = false;
  }

  // The report's language follows the page (its summary is written by the engine in that language).
  async setLang(lang) {
    if (!this.client) return;
    await this.client.setLang(lang);
    await this.show();
  }
}
