#!/usr/bin/env python3
"""`make bench`: every speed/memory comparison in one run, side by side, as BENCHMARKS.md reports them.

1. Engine (`classify`) vs raw jieba (`tokenize`) through the CLI on the same 500k real comments.
2. Engine vs the Python pipeline sellers use (jieba + SnowNLP, in a venv this script makes), in the
   same rounds.
3. The wasm engine in headless Chromium, batched: the JSON batch binding next to the object binding;
   linear memory over 1M comments.
Criterion's in-process numbers come from `cargo bench` (run separately by `make bench`)."""
import argparse
import itertools
import json
import os
import platform
import resource
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


def timed(cmd):
    """Wall-clock and CPU (user + sys of the child, all its threads) seconds of one run."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            return next(l.split(":", 1)[1].strip() for l in f if l.startswith("model name"))
    except (OSError, StopIteration):
        return platform.processor() or platform.machine()


def load():
    return round(os.getloadavg()[0], 2)


def probe():
    """Seconds for a pure-Python loop of 10**7 additions: how fast this (shared, throttled) machine
    runs right now. It took 0.53-0.67 s on 2026-12-01's slow evening, when every figure of the bench
    (engine, Python and wasm alike) ran 2-3x slower than that morning; ratios from such a state are
    suspect, and a run is best compared with runs whose probe reads alike."""
    start = time.perf_counter()
    s = 0
    for i in range(10**7):
        s += i
    return round(time.perf_counter() - start, 2)


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
    ap.add_argument("--python-comments", type=int, default=20_000,
                    help="comments the Python baseline reads in all (split over the rounds, at least 2,000 each)")
    ap.add_argument("--wasm-comments", type=int, default=1_000_000)
    ap.add_argument("--skip-python", action="store_true")
    ap.add_argument("--skip-wasm", action="store_true")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--before", type=Path, metavar="BIN",
                    help="an earlier build of danmu-radar: its `classify` runs in the same rounds (before/after)")
    ap.add_argument("--before-dist", type=Path, metavar="DIR",
                    help="an earlier wasm build (a directory holding www/wasm/): its wasm bench runs in the same rounds")
    args = ap.parse_args()
    results = {"machine": f"{cpu_model()}, {os.cpu_count()} cores, {platform.system()} {platform.release()}",
               "probe_s": [probe()]}

    path = corpus.write_jsonl(OUT / "corpus.jsonl", args.comments)
    n = args.comments
    print(f"bench: {n:,} real comments (cycled) in {path.relative_to(REPO)}, {args.runs} runs each", flush=True)
    # Alternate the two commands so that both see the same load; report medians. `startup` is
    # `classify` of one comment: the process, the dictionary and the models loading. The Python
    # baseline's timing leaves its start-up out, so the engine is compared with it net of its own.
    one = OUT / "one.jsonl"
    one.write_text(path.open(encoding="utf-8").readline(), encoding="utf-8")
    runs = {"tokenize": [], "classify": [], "startup": []}
    before_runs = []
    # The Python baseline runs in every round too, on the same comments each time: this machine's
    # speed drifts by 2-3x within an evening, so a ratio is only fair between runs minutes apart.
    # Its comments are spread evenly over the engine's corpus (every k-th row), so both read the same
    # mix: the corpus starts with the Douyin comments, which are longer than the Douyu danmaku after
    # them, and SnowNLP's time grows with the length.
    py = None if args.skip_python else ensure_venv()
    py_n = max(2000, args.python_comments // args.runs)
    sample = OUT / "python_sample.jsonl"
    with open(path, encoding="utf-8") as f:
        sample.write_text("".join(itertools.islice(f, 0, n // py_n * py_n, n // py_n)), encoding="utf-8")
    py_runs = []
    loads = [load()]
    for _ in range(args.runs):
        for cmd in runs:
            runs[cmd].append(timed([BIN, "classify", one] if cmd == "startup" else [BIN, cmd, path]))
        if args.before:
            before_runs.append(timed([args.before, "classify", path]))
        if py:
            out = subprocess.run([py, Path(__file__).parent / "python_baseline.py", sample, str(py_n)],
                                 check=True, capture_output=True, text=True).stdout
            py_runs.append(json.loads(out.strip().splitlines()[-1]))
        loads.append(load())
    med = {cmd: (statistics.median(r[0] for r in v), statistics.median(r[1] for r in v)) for cmd, v in runs.items()}
    (tok, tok_cpu), (cls, cls_cpu), (start, _) = med["tokenize"], med["classify"], med["startup"]
    results["native"] = {"comments": n, "runs": args.runs, "load": loads,
                         "tokenize_s": tok, "classify_s": cls, "tokenize_cpu_s": tok_cpu, "classify_cpu_s": cls_cpu,
                         "startup_s": start, "classify_net_per_s": n / (cls - start),
                         "tokenize_per_s": n / tok, "classify_per_s": n / cls, "ratio": tok / cls,
                         "all_s": {cmd: [round(w, 3) for w, _ in v] for cmd, v in runs.items()}}

    if before_runs:
        b, b_cpu = statistics.median(r[0] for r in before_runs), statistics.median(r[1] for r in before_runs)
        results["before"] = {"binary": str(args.before), "classify_s": b, "classify_cpu_s": b_cpu, "classify_per_s": n / b,
                             "all_s": [round(w, 3) for w, _ in before_runs]}

    if py_runs:
        # Each round's ratio compares runs made within a minute of each other; the median of those
        # is the result (the medians of each side, from different rounds, are shown next to it).
        net = [n / (c[0] - s[0]) for c, s in zip(runs["classify"], runs["startup"])]
        per_round = [e / p["per_s"] for e, p in zip(net, py_runs)]
        with_start = [n / c[0] / p["per_s"] for c, p in zip(runs["classify"], py_runs)]
        results["python"] = {"comments": py_n, "rounds": len(py_runs),
                             "per_s": statistics.median(p["per_s"] for p in py_runs),
                             "all_per_s": [round(p["per_s"]) for p in py_runs],
                             "engine_speedup": statistics.median(per_round),
                             "all_speedups": [round(r) for r in per_round],
                             "engine_speedup_with_startup": statistics.median(with_start)}

    if not args.skip_wasm:
        base = OUT / "base_texts.json"
        base.write_text(json.dumps(corpus.base_comments(), ensure_ascii=False), encoding="utf-8")
        wasm_runs, before_wasm = [], []

        def wasm_bench(dist=None):
            env = dict(os.environ, **({"DR_DIST": str(dist.resolve())} if dist else {}))
            out = subprocess.run(["node", Path(__file__).parent / "wasm_bench.mjs", base, str(args.wasm_comments)],
                                 check=True, capture_output=True, text=True, cwd=REPO, env=env).stdout
            return json.loads(out.strip().splitlines()[-1])

        # Before and after alternate, like the native runs, so both see the same load.
        for _ in range(max(1, (args.runs + 1) // 2)):
            wasm_runs.append(wasm_bench())
            if args.before_dist:
                before_wasm.append(wasm_bench(args.before_dist))
        results["wasm"] = sorted(wasm_runs, key=lambda w: w["perS"])[(len(wasm_runs) - 1) // 2]  # lower median
        results["wasm"]["all_per_s"] = [round(w["perS"]) for w in wasm_runs]
        results["wasm"]["all_push_rows_per_s"] = [round(w["pushRows"]["perS"]) for w in wasm_runs]
        results["wasm"]["loads"] = [w["load"] for w in wasm_runs]
        if before_wasm:
            results["wasm_before"] = {"dist": str(args.before_dist),
                                      "per_s": sorted(w["perS"] for w in before_wasm)[(len(before_wasm) - 1) // 2],
                                      "all_per_s": [round(w["perS"]) for w in before_wasm],
                                      "memory": before_wasm[0]["memory"]}

    results["probe_s"].append(probe())
    (OUT / "results.json").write_text(json.dumps(results, indent=2))
    nat = results["native"]
    print(f"\nmachine: {results['machine']}; load average (1 min) during the native runs: {nat['load']}")
    print(f"machine state: a Python loop of 10**7 additions took {results['probe_s'][0]} s before the runs, "
          f"{results['probe_s'][1]} s after")
    print("| comparison | measured (median) | baseline, same run | result | target |\n|---|---|---|---|---|")
    print(f"| engine `classify` vs raw jieba `tokenize`, {n:,} comments | {nat['classify_per_s']:,.0f}/s "
          f"(CPU {nat['classify_cpu_s']:.2f} s) | {nat['tokenize_per_s']:,.0f}/s (CPU {nat['tokenize_cpu_s']:.2f} s) "
          f"| {nat['ratio']:.2f}× | ≥ 0.25× |")
    if "before" in results:
        b = results["before"]
        print(f"| `classify` before ({b['binary']}) vs now, same rounds | {nat['classify_per_s']:,.0f}/s "
              f"(CPU {nat['classify_cpu_s']:.2f} s) | {b['classify_per_s']:,.0f}/s (CPU {b['classify_cpu_s']:.2f} s) "
              f"| {nat['classify_per_s'] / b['classify_per_s']:.2f}× | |")
    if "python" in results:
        p = results["python"]
        print(f"| engine `classify` vs jieba + SnowNLP (Python, {p['comments']:,} comments in each of {p['rounds']} "
              f"rounds), both without start-up (engine's: {nat['startup_s'] * 1000:.0f} ms) | "
              f"{nat['classify_net_per_s']:,.0f}/s | {p['per_s']:,.0f}/s (rounds {p['all_per_s']}) | "
              f"{p['engine_speedup']:,.0f}×, median of the rounds' {p['all_speedups']} "
              f"({p['engine_speedup_with_startup']:,.0f}× with the engine's start-up) | ≥ 300× |")
    if "wasm" in results:
        w = results["wasm"]
        mem = [m["bytes"] / 2**20 for m in w["memory"]]
        print(f"| wasm engine in headless Chromium, 1,000 rows/call | `pushBatchJson` {w['perS']:,.0f}/s "
              f"(runs {w['all_per_s']}; init {w['initMs']:.0f} ms, snapshot {w['snapshotMs']:.2f} ms) | "
              f"`pushRows` {w['pushRows']['perS']:,.0f}/s | {w['perS'] / w['pushRows']['perS']:.2f}× | ≥ 150,000/s |")
        print(f"| wasm linear memory, 100k → {w['comments']:,} comments | {mem[0]:.1f} → {mem[-1]:.1f} MiB "
              f"(checkpoint {w['checkpointBytes'] / 1024:.0f} KiB) | | | ≤ 80 MiB, flat |")
        print(f"wasm loads (start, end) per run: {w['loads']}")
    if "wasm_before" in results:
        b, w = results["wasm_before"], results["wasm"]
        bmem = [m["bytes"] / 2**20 for m in b["memory"]]
        print(f"| wasm `pushBatchJson` before ({b['dist']}) vs now, same rounds | {w['perS']:,.0f}/s "
              f"(runs {w['all_per_s']}) | {b['per_s']:,.0f}/s (runs {b['all_per_s']}; memory {bmem[0]:.1f} → "
              f"{bmem[-1]:.1f} MiB) | {w['perS'] / b['per_s']:.2f}× | |")


if __name__ == "__main__":
    main()
