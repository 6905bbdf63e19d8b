#!/usr/bin/env python3
"""The whole question detector and the whole mood (the models and the rules that overrule them) by
5-fold CV over the dev streamers: for each fold, the question and live sentiment models are trained
without it, the CLI is built with them and classifies the fold. Rule changes are measured here, on
dev, before the report split is looked at.

    python3 scripts/train/engine_cv.py [--errors]

Development only: needs ../shared/data like `make train`. It writes src/data/question.bin and
sentiment_live.bin for each fold and always puts the shipped files back; the builds go to
target/engine-cv (~30 s each). The polarity model stays as shipped: it never saw a live comment."""
import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parents[1]
MODEL = REPO / "src" / "data" / "question.bin"
LIVE = REPO / "src" / "data" / "sentiment_live.bin"
TARGET = REPO / "target" / "engine-cv"


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--errors", action="store_true", help="print every comment the detector gets wrong")
    args = ap.parse_args()
    sys.path.insert(0, str(HERE.parent / "eval"))
    import splits
    if not splits.shared_available():
        sys.exit(f"engine_cv: the external training data is not there ({splits.SHARED}; set DANMU_SHARED_DATA).")
    sys.path.insert(0, str(HERE))  # ahead of scripts/eval, which has a run.py too
    from run import ensure_venv
    ensure_venv()

    import numpy as np
    import common as C
    import data as D
    import export as E
    import featurize as F
    import question as Q
    import sentiment as SM
    from sklearn.metrics import f1_score

    dev = D.douyin_dev()
    rows = F.texts([r["text"] for r in dev], "douyin_dev")
    y = np.array([r["question"] for r in dev])
    modelled = np.array([r["q"] is not None for r in rows])
    x = C.matrix([r["q"] or [] for r in rows], Q.BITS)
    mood = np.array([r["sentiment"] for r in dev])
    _, xd = SM.live_inputs(E.read(REPO / "src" / "data" / "sentiment_polarity.bin"), rows)
    # Fast builds: the verdicts do not depend on LTO or code units.
    env = dict(os.environ, CARGO_PROFILE_RELEASE_LTO="off", CARGO_PROFILE_RELEASE_CODEGEN_UNITS="16")
    shipped, shipped_live = MODEL.read_bytes(), LIVE.read_bytes()
    said = np.zeros(len(y), bool)
    felt = np.empty(len(y), object)
    try:
        for k, (train, test) in enumerate(C.group_folds([r["streamer"] for r in dev])):
            E.write(LIVE, *SM.fit_live(xd[train], mood[train]))
            train = train[modelled[train]]
            E.write(MODEL, *C.to_engine(C.fit(x[train], y[train], Q.REG), Q.BITS))
            subprocess.run(["cargo", "build", "-q", "--release", "--target-dir", str(TARGET)], cwd=REPO, env=env,
                           check=True)
            lines = "".join(json.dumps({"text": dev[i]["text"]}, ensure_ascii=False) + "\n" for i in test)
            out = subprocess.run([str(TARGET / "release" / "danmu-radar"), "classify"], input=lines,
                                 capture_output=True, text=True, check=True).stdout.splitlines()
            assert len(out) == len(test), "classify gives one line per comment"
            for i, line in zip(test, out):
                verdict = json.loads(line)
                said[i], felt[i] = verdict["is_question"], verdict["sentiment"]
            print(f"engine_cv: fold {k + 1}/5", file=sys.stderr)
    finally:
        MODEL.write_bytes(shipped)
        LIVE.write_bytes(shipped_live)
    tp = int((said & y).sum())
    p, r = tp / max(1, said.sum()), tp / max(1, y.sum())
    print(f"question F1, whole detector, 5-fold CV over the dev streamers: {2 * p * r / (p + r):.4f} "
          f"(precision {p:.3f}, recall {r:.3f}; {int(y.sum())} gold questions in {len(y)} comments)")
    per = f1_score(mood, felt.astype(str), labels=SM.CLASSES, average=None)
    print(f"mood macro-F1 (pos/neu/neg), whole engine, same folds: {per.mean():.4f} "
          f"({', '.join(f'{c} {f:.3f}' for c, f in zip(SM.CLASSES, per))})")
    if args.errors:
        for i in np.flatnonzero(said != y):
            print("false" if said[i] else "missed", dev[i]["text"], sep="\t")
        for i in np.flatnonzero(felt.astype(str) != mood):
            print(f"mood {mood[i]} said {felt[i]}", dev[i]["text"], sep="\t")


if __name__ == "__main__":
    main()
