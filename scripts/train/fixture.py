"""src/data/model_fixture.tsv: what the shipped models must output on fixed inputs, computed here from
the written model files and the engine's own features. tests/models.rs recomputes them with the
engine: if features change without `make train`, or a model file is edited by hand, it fails."""
import numpy as np

import data as D
import export as E
import featurize as F

N_TEXTS, N_PAIRS = 200, 100


def write(out_dir, log):
    pol_m = E.read(out_dir / "sentiment_polarity.bin")
    live_m = E.read(out_dir / "sentiment_live.bin")
    q_m = E.read(out_dir / "question.bin")
    sim_m = E.read(out_dir / "similar.bin")
    dev = D.douyin_dev()
    texts = [r["text"] for r in dev[:N_TEXTS]]
    fx = F.texts(texts, "fixture")
    pol = E.logits(pol_m, [r["s"] for r in fx], [[r["lex"]] for r in fx])[:, 0]
    live = E.logits(live_m, [r["s"] for r in fx], np.c_[pol, [r["lex"] for r in fx]])
    ql = [E.logits(q_m, [r["q"]])[0, 0] if r["q"] is not None else float("nan") for r in fx]
    questions = [r["text"] for r in dev if r["question"]][: N_PAIRS + 1]
    pairs = list(zip(questions, questions[1:]))
    px = F.pairs(pairs, "fixture_pairs")
    pl = E.logits(sim_m, [r["ids"] for r in px], [r["dense"] for r in px])[:, 0]
    with open(out_dir / "model_fixture.tsv", "w", encoding="utf-8") as f:
        f.write("# Expected model outputs (scripts/train/fixture.py); checked by tests/models.rs.\n")
        f.write("# text<TAB>polarity<TAB>live pos neu neg<TAB>question logit | pair<TAB>a<TAB>b<TAB>logit\n")
        for t, p, lv, q in zip(texts, pol, live, ql):
            f.write(f"{F.one_line(t)}\t{p:.5f}\t{lv[0]:.5f} {lv[1]:.5f} {lv[2]:.5f}\t{q:.5f}\n")
        for (a, b), z in zip(pairs, pl):
            f.write(f"pair\t{F.one_line(a)}\t{F.one_line(b)}\t{z:.5f}\n")
    log(f"fixture: {len(texts)} texts, {len(pairs)} pairs -> model_fixture.tsv")
