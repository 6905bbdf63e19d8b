// The page's handle on one engine worker, and the overlay's data source built on it: the same
// {onSnapshot, markAnswered, mergeQuestions, exportReport} contract the extension's overlay frame gives render.js.
import { download } from './download.js';

export class EngineClient {
  constructor(lang = 'zh-CN') {
    this.worker = new Worker(new URL('./engine-worker.js', import.meta.url), { type: 'module' });
    this.next = 1;
    this.waiting = new Map();
    this.listeners = new Set();
    this.worker.onmessage = ({ data }) => {
      if (data.snapshot) return this.listeners.forEach((cb) => cb(data.snapshot));
      const w = this.waiting.get(data.req);
      if (!w) return;
      this.waiting.delete(data.req);
      if (data.error) w.reject(Object.assign(new Error(data.error.message), { name: data.error.name }));
      else w.resolve(data.result);
    };
    this.reset(lang);
  }

  call(op, args = {}) {
    const req = this.next++;
    return new Promise((resolve, reject) => {
      this.waiting.set(req, { resolve, reject });
      this.worker.postMessage({ ...args, op, req });
    });
  }

  // Fire-and-forget for the hot path (rows, ticks): order is kept by the worker.
  send(op, args = {}) {
    this.worker.postMessage({ ...args, op });
  }

  reset(lang) { return this.call('reset', { lang }); }
  push(rows) { this.send('push', { rows }); }
  tick(now) { this.send('tick', { now }); }
  setLang(lang) { return this.call('setLang', { lang }); }
  report(format) { return this.call('report', { format }); }

  async downloadReport(format) {
    download(format, await this.report(format));
  }

  // The overlay's source (ui/render.js).
  source() {
    return {
      onSnapshot: (cb) => this.listeners.add(cb),
      markAnswered: (id) => this.call('markAnswered', { id }),
      mergeQuestions: (from, into) => this.call('mergeQuestions', { from, into }),
      exportReport: (format) => this.downloadReport(format),
    };
  }
}
