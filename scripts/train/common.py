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
