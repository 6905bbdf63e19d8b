"""Intent, learned stage: the intent of a question no phrase rule settles (src/intent/), over all
twelve intents, trained on the gold questions of the Douyin dev streamers and on the buyers' questions
of tests/data/commerce/intent_train.tsv (written by us: the chat rooms hold few buying asks, and those
the phrases miss are the ones a seller loses)."""
import numpy as np
import scipy.sparse as sp

import common as C
import data as D
import export as E
import featurize as F

BITS, REG = 14, 1.0
BUYERS_WEIGHT = 1.0
ALL = ["price", "link", "size_fit", "stock", "promo", "shipping", "after_sale", "usage", "product_info", "request",
       "host_personal", "other"]  # src/intent/mod.rs ALL order


def unsettled(texts, name):
    """(row indexes, feature matrix) of the texts no phrase rule settles."""
    fx = F.texts(texts, name)
    keep = [i for i, f in enumerate(fx) if f["commerce"] is None]
    return keep, C.matrix([fx[i]["i"] for i in keep], BITS)


def train(out_dir, log):
    dev = [r for r in D.douyin_dev() if r["question"]]
    keep, x = unsettled([r["text"] for r in dev], "douyin_dev_questions")
    y = np.array([dev[i]["intent"] for i in keep])
    buyers = D.buyer_questions()
    bkeep, xb = unsettled([t for t, _ in buyers], "buyer_questions")
    yb = np.array([buyers[i][1] for i in bkeep])
    wb = np.full(len(yb), BUYERS_WEIGHT)

    def fit(rows):
        return C.fit(sp.vstack([x[rows], xb]), np.concatenate([y[rows], yb]), REG,
                     sample_weight=np.concatenate([np.ones(len(rows)), wb]))

    cv = np.empty(len(y), dtype=object)
    for tr, te in C.group_folds([dev[i]["streamer"] for i in keep]):
        cv[te] = fit(tr).predict(x[te])
    log(f"intent: accuracy of the learned stage, 5-fold CV over dev streamers {np.mean(cv == y):.3f} "
        f"({len(y)} questions no phrase settles; {len(dev) - len(y)} settled; "
        f"+ {len(yb)} of {len(buyers)} buyers' questions in every fold)")
    m = fit(np.arange(len(y)))
    q, scale, bias, dense = C.to_engine(m, BITS)
    order = [list(m.classes_).index(c) for c in ALL]
    model = (np.ascontiguousarray(q[:, order]), scale, bias[order], dense[:, order])
    E.write(out_dir / "intent.bin", *model)
    return model
