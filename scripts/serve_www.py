#!/usr/bin/env python3
"""Serves the trial page (dist/www) on 127.0.0.1 only, with the MIME types browsers insist on for
WebAssembly and ES modules. Static files, nothing else: all analysis happens in the browser.

    python3 scripts/serve_www.py [--port 8080] [--dir dist/www]      (PORT=… works too)

Port 0 picks a free port; the first line printed is always the URL."""

import argparse
import functools
import http.server
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


class Handler(http.server.SimpleHTTPRequestHandler):
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".wasm": "application/wasm",
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".jsonl": "application/x-ndjson; charset=utf-8",
        ".md": "text/markdown; charset=utf-8",
        ".py": "text/x-python; charset=utf-8",
        ".html": "text/html; charset=utf-8",
        ".css": "text/css; charset=utf-8",
    }

    def end_headers(self):
        # A rebuilt page is what you get on reload, never a stale module from the cache.
        self.send_header("Cache-Control", "no-store")
        super().end_headers()

    def log_message(self, fmt, *args):
        if os.environ.get("DR_SERVE_LOG"):
            super().log_message(fmt, *args)


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--port", type=int, default=int(os.environ.get("PORT") or 8080))
    ap.add_argument("--dir", default=os.path.join(ROOT, "dist", "www"))
    args = ap.parse_args()
    if not os.path.exists(os.path.join(args.dir, "index.html")):
        sys.exit(f"{args.dir} has no index.html: run `make www` first")
    handler = functools.partial(Handler, directory=args.dir)
    try:
        server = http.server.ThreadingHTTPServer(("127.0.0.1", args.port), handler)
    except OSError as e:
        sys.exit(f"cannot listen on 127.0.0.1:{args.port}: {e.strerror} (choose another: PORT=8081 make run)")
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    print(url, flush=True)
    print(f"弹幕雷达 trial page: open {url} in Chrome (回放 replay · 分析日志 your log · 实时 live feed). Ctrl+C stops.", flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass


if __name__ == "__main__":
    main()
