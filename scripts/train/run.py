#!/usr/bin/env python3
"""`make train`: rebuilds the engine's models in src/data/ from ../shared/data and the labelled
live comments in tests/data/labelled/ (how, and on what: scripts/train/README.md).

    python3 scripts/train/run.py [--only sentiment,question,intent,similar]

Creates .venv-train (scripts/train/requirements.txt) on first use and re-runs itself there.
Deterministic on one machine: the same data and code give byte-identical model files (another CPU can
change the last bits of the weights: OpenBLAS picks its kernels by CPU)."""
import argparse
import hashlib
import os
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
VENV = REPO / ".venv-train"
OUT = REPO / "src" / "data"
MODELS = ["sentiment", "question", "intent", "similar"]


def ensure_venv():
    """Re-executes inside .venv-train, creating/refreshing it when requirements.txt changed."""
    py = VENV / "bin" / "python"
    if Path(sys.prefix).resolve() == VENV.resolve():
        return
    req = HERE / "requirements.txt"
    want = hashlib.sha1(req.read_bytes()).hexdigest()
    stamp = VENV / ".requirements.sha1"
    if not (py.exists() and stamp.exists() and stamp.read_text().strip() == want):
        print(f"train: setting up {VENV} (scripts/train/requirements.txt)", file=sys.stderr)
        subprocess.run([sys.executable, "-m", "venv", str(VENV)], check=True)
        subprocess.run([str(py), "-m", "pip", "install", "-q", "--disable-pip-version-check", "-r", str(req)],
                       check=True)
        stamp.write_text(want + "\n")
    os.execv(str(py), [str(py), *sys.argv])


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", default=",".join(MODELS), help="comma-separated subset of " + ",".join(MODELS))
    args = ap.parse_args()
    only = [m for m in args.only.split(",") if m]
    unknown = set(only) - set(MODELS)
    if unknown:
        sys.exit(f"train: unknown model(s) {', '.join(sorted(unknown))}")

    sys.path.insert(0, str(HERE))
    sys.path.insert(0, str(HERE.parent / "eval"))
    import splits
    if not splits.shared_available():
        sys.exit(f"train: the external training data is not there ({splits.SHARED}; set DANMU_SHARED_DATA).\n"
                 "Nothing was changed: the models shipped in src/data/ stay as they are.")
    ensure_venv()

    import featurize
    start = time.time()
    featurize.build()
    lines = []

    def log(msg):
        print("train: " + msg, file=sys.stderr)
        lines.append(msg)

    for name in only:
        __import__(name).train(OUT, log)
    import fixture
    fixture.write(OUT, log)
    log(f"done in {time.time() - start:.0f} s; wrote " + ", ".join(sorted(p.name for p in OUT.glob("*.bin"))))
    (REPO / "target" / "train").mkdir(parents=True, exist_ok=True)
    (REPO / "target" / "train" / "summary.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
