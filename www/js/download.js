// Saves a report the way the extension's overlay does: a Blob and a named link, nothing uploaded.
const TYPES = { json: 'application/json', html: 'text/html', csv: 'text/csv' };

export function download(format, body) {
  const url = URL.createObjectURL(new Blob([body], { type: `${TYPES[format] || 'text/plain'};charset=utf-8` }));
  const a = document.createElement('a');
  a.href = url;
  a.download = `danmu-radar-report-${new Date().toISOString().slice(0, 16).replace(/[:T]/g, '-')}.${format}`;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
