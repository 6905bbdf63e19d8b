"""Same question: logistic regression over the pair features of src/similar/pair.rs, trained on the
LCQMC tune half (and AFQMC train, down-weighted: customer-service questions about one product).
Cross-validated with folds that keep every connected group of sentences together, so a sentence
never appears on both sides (the report half does share sentences with the tune half; this estimate
does not rely on that)."""
import numpy as np

import common as C
import data as D
import export as E
import featurize as F

BITS, REG, AFQMC_WEIGHT = 16, 0.3, 0.1
DENSE = 8  # src/similar/pair.rs DENSE


def components(pairs):
    parent = {}

    def find(x):
        while parent.setdefault(x, x) != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for a, b, _ in pairs:
        parent[find(a)] = find(b)
    return [find(a) for a, _, _ in pairs]


def train(out_dir, log):
    tune = D.lcqmc_tune()
    tx = F.pairs([(a, b) for a, b, _ in tune], "lcqmc_tune")
    y = np.array([lab for _, _, lab in tune])
    x = C.matrix([r["ids"] for r in tx], BITS, [r["dense"] for r in tx])
    rows, labels, weights = [x], [y], [np.ones(len(y))]
    if AFQMC_WEIGHT:
        af = D.afqmc_train()
        ax = F.pairs([(a, b) for a, b, _ in af], "afqmc_train")
        rows.append(C.matrix([r["ids"] for r in ax], BITS, [r["dense"] for r in ax]))
        labels.append(np.array([lab for _, _, lab in af]))
        weights.append(np.full(len(af), AFQMC_WEIGHT))
    import scipy.sparse as sp
    extra_x, extra_y, extra_w = sp.vstack(rows[1:]) if len(rows) > 1 else None, labels[1:], weights[1:]
    cv = np.zeros(len(y))
    for tr, te in C.group_folds(components(tune)):
        xt, yt, wt = x[tr], y[tr], np.ones(len(tr))
        if extra_x is not None:
            xt, yt, wt = sp.vstack([xt, extra_x]), np.r_[yt, *extra_y], np.r_[wt, *extra_w]
        cv[te] = C.fit(xt, yt, REG, sample_weight=wt).decision_function(x[te])
    log(f"similar: LCQMC tune-half accuracy, 5-fold CV by sentence group {np.mean((cv > 0) == y):.3f}")
    xt, yt, wt = sp.vstack(rows), np.concatenate(labels), np.concatenate(weights)
    m = C.fit(xt, yt, REG, sample_weight=wt)
    model = C.to_engine(m, BITS, DENSE)
    E.write(out_dir / "similar.bin", *model)
    return model
