"""Shared by the trainers: hashed ids -> sparse matrices, fitting, cross-validation by group."""
import numpy as np
import scipy.sparse as sp
from sklearn.linear_model import LogisticRegression

import export as E


def matrix(id_rows, bits, dense=None):
    """Rows of feature ids -> CSR counts over 2**bits buckets (+ dense columns appended)."""
    indptr, idx = [0], []
    for ids in id_rows:
        if ids:
            idx.extend(E.bucket(ids, bits).tolist())
        indptr.append(len(idx))
    m = sp.csr_matrix((np.ones(len(idx), np.float32), np.asarray(idx, np.int64), np.asarray(indptr, np.int64)),
                      shape=(len(indptr) - 1, 1 << bits))
    m.sum_duplicates()
    if dense is not None:
        m = sp.hstack([m, sp.csr_matrix(np.asarray(dense, np.float32))]).tocsr()
    return m


def fit(x, y, C, class_weight=None, sample_weight=None):
    """L2 logistic regression (lbfgs: deterministic for the same rows in the same order)."""
    return LogisticRegression(C=C, max_iter=5000, class_weight=class_weight).fit(x, y, sample_weight=sample_weight)


def nb_scale(x, y, power, n_dense=0, alpha=1.0):
    """Per-column scale |r|**power, r the naive-Bayes log-count ratio of each sparse column between
    the classes y == 1 and y == 0 (Wang & Manning's NBSVM, tempered): a word that leans hard one way
    starts with a larger input, so the L2 penalty spends less on it. Dense columns keep scale 1."""
    seen = (x[:, : x.shape[1] - n_dense] > 0).astype(np.float32)
    pos = alpha + np.asarray(seen[y == 1].sum(0)).ravel()
    neg = alpha + np.asarray(seen[y == 0].sum(0)).ravel()
    r = np.log(pos / pos.sum()) - np.log(neg / neg.sum())
    return np.r_[np.abs(r) ** power, np.ones(n_dense)].astype(np.float32)


def scaled(x, scale):
    return (x @ sp.diags(scale)).tocsr()


def unscale(model, scale):
    """A model fitted on `scaled(x, scale)` as weights over the unscaled columns (w * scale): the engine
    reads the same features and never sees the scale."""
    model.coef_ = model.coef_ * scale
    return model


def to_engine(model, bits, n_dense=0):
    """sklearn model -> (int8 table, scale, bias, dense weights) as export.write/logits take them.
    Binary models have one output (the log-odds of classes_[1]); multiclass one per class."""
    coef = model.coef_  # [outputs, features]
    sparse_w, dense_w = coef[:, : 1 << bits], coef[:, 1 << bits:]
    assert dense_w.shape[1] == n_dense
    q, scale = E.quantize(sparse_w.T.astype(np.float32))
    return q, np.float32(scale), model.intercept_.astype(np.float32), dense_w.T.astype(np.float32)


def group_folds(groups, k=5):
    """Deterministic folds that keep each group (a streamer, a sentence cluster) in one fold."""
    from sklearn.model_selection import GroupKFold
    return list(GroupKFold(k).split(np.zeros(len(groups)), groups=groups))
