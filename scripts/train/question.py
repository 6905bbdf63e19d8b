"""Question detection: logistic regression over the rule signals, n-grams and tokens of
src/question/, trained on the labelled Douyin dev streamers. Comments the rules settle (nothing but
marks/stickers, a bare interjection) are not trained on: the model never sees them.
C was chosen by 5-fold cross-validation grouped by streamer."""
import numpy as np
from sklearn.metrics import f1_score

import common as C
import data as D
import export as E
import featurize as F

BITS, REG = 16, 1.0


def train(out_dir, log):
    dev = D.douyin_dev()
    dx = F.texts([r["text"] for r in dev], "douyin_dev")
    y = np.array([r["question"] for r in dev])
    modelled = np.array([r["q"] is not None for r in dx])
    x = C.matrix([r["q"] or [] for r in dx], BITS)
    cv = np.full(len(y), -1.0)  # rule-settled rows stay "not a question"
    for tr, te in C.group_folds([r["streamer"] for r in dev]):
        tr = tr[modelled[tr]]
        cv[te] = C.fit(x[tr], y[tr], REG).decision_function(x[te])
    cv[~modelled] = -1.0
    log(f"question: F1, 5-fold CV over dev streamers {f1_score(y, cv > 0):.3f}")
    m = C.fit(x[modelled], y[modelled], REG)
    model = C.to_engine(m, BITS)
    E.write(out_dir / "question.bin", *model)
    return model
