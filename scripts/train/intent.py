"""Intent, learned stage: product_info / request / host_personal / other for questions no commerce
phrase rule settles (src/intent/), trained on the gold questions of the Douyin dev streamers."""
import numpy as np

import common as C
import data as D
import export as E
import featurize as F

BITS, REG = 14, 1.0
LEARNED = ["product_info", "request", "host_personal", "other"]  # src/intent/mod.rs LEARNED order


def train(out_dir, log):
    dev = [r for r in D.douyin_dev() if r["question"]]
    dx = F.texts([r["text"] for r in dev], "douyin_dev_questions")
    keep = [i for i, (r, f) in enumerate(zip(dev, dx)) if f["commerce"] is None and r["intent"] in LEARNED]
    y = np.array([dev[i]["intent"] for i in keep])
    x = C.matrix([dx[i]["i"] for i in keep], BITS)
    cv = np.empty(len(y), dtype=object)
    for tr, te in C.group_folds([dev[i]["streamer"] for i in keep]):
        cv[te] = C.fit(x[tr], y[tr], REG).predict(x[te])
    ruled = sum(f["commerce"] is not None for f in dx)
    log(f"intent: accuracy of the learned stage, 5-fold CV over dev streamers {np.mean(cv == y):.3f} "
        f"({len(y)} questions; {ruled} settled by commerce rules)")
    m = C.fit(x, y, REG)
    q, scale, bias, dense = C.to_engine(m, BITS)
    order = [list(m.classes_).index(c) for c in LEARNED]
    model = (np.ascontiguousarray(q[:, order]), scale, bias[order], dense[:, order])
    E.write(out_dir / "intent.bin", *model)
    return model
