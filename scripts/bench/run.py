#!/usr/bin/env python3
"""`make bench`: every speed/memory comparison in one run, side by side, as BENCHMARKS.md reports them.

1. Engine (`classify`) vs raw jieba (`tokenize`) through the CLI on the same 500k real comments.
2. Engine vs the Python pipeline sellers use (jieba + SnowNLP, in a venv this script makes).
3. The wasm engine in headless Chromium, batched; linear memory over 1M comments.
Criterion's in-process numbers come from `cargo bench` (run separately by `make bench`)."""
import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
import corpus  # noqa: E402

REPO = corpus.REPO
OUT = REPO / "target/bench"
BIN = REPO / "target/release/danmu-radar"
VENV = REPO / ".venv-bench"


def timed(cmd, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def ensure_venv():
    req = Path(__file__).parent / "requirements.txt"
    stamp = VENV / ".requirements"
    if stamp.exists() and stamp.read_text() == req.read_text():
        return VENV / "bin/python"
    print("bench: creating .venv-bench with jieba and SnowNLP (PyPI)…", flush=True)
    subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
    subprocess.run([VENV / "bin/pip", "install", "-q", "-r", str(req)], check=True)
    stamp.write_text(req.read_text())
    return VENV / "bin/python"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--comments", type=int, default=500_000)
    ap.add_argument("--python-comments", type=int, default=20_000)
    ap.add_argument("--wasm-comments", type=int, default=1_000_000)
    ap.add_argument("--skip-python", action="store_true")
    ap.add_argument("--skip-wasm", action="store_true")
    args = ap.parse_args()
    results = {"machine": f"{platform.processor() or platform.machine()}, {os.cpu_count()} cores, {platform.system()}"}

    path = corpus.write_jsonl(OUT / "corpus.jsonl", args.comments)
    n = args.comments
    print(f"bench: {n:,} real comments (cycled) in {path.relative_to(REPO)}", flush=True)
    tok = timed([BIN, "tokenize", path])
    cls = timed([BIN, "classify", path])
    results["native"] = {"comments": n, "tokenize_s": tok, "classify_s": cls,
                         "tokenize_per_s": n / tok, "classify_per_s": n / cls, "ratio": tok / cls}

    if not args.skip_python:
        py = ensure_venv()
        out = subprocess.run([py, Path(__file__).parent / "python_baseline.py", path, str(args.python_comments)],
                             check=True, capture_output=True, text=True).stdout
        results["python"] = json.loads(out.strip().splitlines()[-1])
        results["python"]["engine_speedup"] = results["native"]["classify_per_s"] / results["python"]["per_s"]

    if not args.skip_wasm:
        base = OUT / "base_texts.json"
        base.write_text(json.dumps(corpus.base_comments(), ensure_ascii=False), encoding="utf-8")
        out = subprocess.run(["node", Path(__file__).parent / "wasm_bench.mjs", base, str(args.wasm_comments)],
                             check=True, capture_output=True, text=True, cwd=REPO).stdout
        results["wasm"] = json.loads(out.strip().splitlines()[-1])

    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    nat = results["native"]
    print(f"\nmachine: {results['machine']}")
    print("| comparison | measured | target |\n|---|---|---|")
    print(f"| engine `classify` vs raw jieba `tokenize`, {n:,} comments | {nat['classify_per_s']:,.0f}/s vs "
          f"{nat['tokenize_per_s']:,.0f}/s = {nat['ratio']:.2f}× | ≥ 0.25× |")
    if "python" in results:
        p = results["python"]
        print(f"| engine vs jieba + SnowNLP (Python), {p['comments']:,} comments | {nat['classify_per_s']:,.0f}/s vs "
              f"{p['per_s']:,.0f}/s = {p['engine_speedup']:,.0f}× | ≥ 300× |")
    if "wasm" in results:
        w = results["wasm"]
        mem = [m["bytes"] / 2**20 for m in w["memory"]]
        print(f"| wasm engine in headless Chromium, batched 1,000/call | {w['perS']:,.0f}/s (init {w['initMs']:.0f} ms, "
              f"snapshot {w['snapshotMs']:.2f} ms) | ≥ 150,000/s |")
        print(f"| wasm linear memory, 100k → {w['comments']:,} comments | {mem[0]:.1f} → {mem[-1]:.1f} MiB "
              f"(checkpoint {w['checkpointBytes'] / 1024:.0f} KiB) | ≤ 80 MiB, flat |")


if __name__ == "__main__":
    main()
