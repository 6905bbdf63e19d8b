"""Small, dependency-free metrics (the harness must run without numpy/sklearn)."""
import unicodedata


def accuracy(pred, gold):
    return sum(p == g for p, g in zip(pred, gold)) / len(gold) if gold else float("nan")


def prf(pred, gold, weight=None):
    """Precision/recall/F1 of the positive (True) class; `weight`: what each row counts for (1)."""
    weight = weight or [1] * len(gold)
    tp = sum(w for p, g, w in zip(pred, gold, weight) if p and g)
    fp = sum(w for p, g, w in zip(pred, gold, weight) if p and not g)
    fn = sum(w for p, g, w in zip(pred, gold, weight) if g and not p)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return dict(p=p, r=r, f1=2 * p * r / (p + r) if p + r else 0.0, tp=tp, fp=fp, fn=fn)


def macro_f1(pred, gold, classes=("pos", "neu", "neg")):
    return sum(prf([p == c for p in pred], [g == c for g in gold])["f1"] for c in classes) / len(classes)


def binary_sentiment(out):
    """Protocol: pos/neg as given; a neutral call falls back to the sign of score (>= 0 -> pos),
    so an engine cannot dodge the binary task by answering 'neu'."""
    if out["sentiment"] in ("pos", "neg"):
        return 1 if out["sentiment"] == "pos" else 0
    return 1 if out["score"] >= 0 else 0


def char_bigrams(text):
    # Punctuation and spaces carry no meaning for "same question" and would inflate overlap.
    s = "".join(ch for ch in text.lower()
                if not ch.isspace() and not unicodedata.category(ch).startswith("P"))
    return {s[i:i + 2] for i in range(len(s) - 1)} or {s}


def jaccard(a, b):
    x, y = char_bigrams(a), char_bigrams(b)
    return len(x & y) / len(x | y) if x | y else 0.0


def best_threshold(scores, labels):
    """Threshold t maximising accuracy of (score >= t) == label; ties -> lowest t.
    One sorted sweep, so 34k AFQMC pairs stay instant."""
    pairs = sorted(zip(scores, labels))
    n, pos_total = len(pairs), sum(1 for _, y in pairs if y)
    neg_below = pos_below = 0
    best_acc, best_t = -1.0, float("inf")
    for i, (s, y) in enumerate(pairs):
        if i == 0 or s != pairs[i - 1][0]:  # candidate: everything from here up is "same"
            acc = (neg_below + pos_total - pos_below) / n
            if acc > best_acc:
                best_acc, best_t = acc, s
        pos_below += bool(y)
        neg_below += not y
    if neg_below / n > best_acc:  # "never same" beats every finite threshold
        best_acc, best_t = neg_below / n, float("inf")
    return best_t, best_acc


def interval_by_group(groups, score, draws=2000, seed=0):
    """The 2.5th and 97.5th percentiles of `score(rows)` over `draws` resamples of the groups (a
    streamer's comments are drawn whole: comments of one room are alike, so resampling comments
    alone would understate how much a different set of rooms can move the figure). `rows` is a list
    of row indices; deterministic for a given seed."""
    import random
    by = {}
    for i, g in enumerate(groups):
        by.setdefault(g, []).append(i)
    keys = sorted(by)
    rng = random.Random(seed)
    got = sorted(score([i for _ in keys for i in by[rng.choice(keys)]]) for _ in range(draws))
    return got[int(0.025 * draws)], got[int(0.975 * draws) - 1]
