"""Writing the engine's model files (format: src/sentiment/linear.rs) and scoring exactly as Rust does.

A model is: a hashed sparse table (2**bits buckets x outputs, i8 with one scale), optional dense
weights and a bias per output. `quantize` turns float weights into that; `logits` reproduces the
engine's arithmetic (integer sums, then scale) so training can measure the shipped, quantized model.
"""
import struct

import numpy as np


def bucket(ids, bits):
    """Feature ids (uint32 hashes) -> bucket index: the top `bits` bits, as Model::add reads them."""
    return np.asarray(ids, dtype=np.uint64) >> np.uint64(32 - bits)


def quantize(table):
    """float [buckets, outputs] -> (int8 table, scale): the largest |w| maps to 127. (Clipping the few
    largest weights to give small ones resolution measured worse: the large ones decide.)"""
    scale = max(float(np.abs(table).max()), 1e-6) / 127.0
    q = np.clip(np.rint(table / scale), -127, 127).astype(np.int8)
    return q, scale


def write(path, q, scale, bias, dense=None):
    """q: int8 [2**bits, outputs]; bias: [outputs]; dense: float [n_dense, outputs] or None."""
    buckets, outputs = q.shape
    bits = buckets.bit_length() - 1
    assert 1 << bits == buckets and 1 <= outputs <= 12
    dense = np.zeros((0, outputs), dtype=np.float32) if dense is None else np.asarray(dense, np.float32)
    with open(path, "wb") as f:
        f.write(b"DRLM" + bytes([1, outputs, bits, dense.shape[0]]))
        f.write(struct.pack("<f", scale))
        f.write(np.asarray(bias, "<f4").tobytes())
        f.write(dense.astype("<f4").tobytes())
        f.write(q.astype(np.int8).tobytes())


def read(path):
    b = open(path, "rb").read()
    assert b[:4] == b"DRLM" and b[4] == 1
    outputs, bits, nd = b[5], b[6], b[7]
    scale = struct.unpack_from("<f", b, 8)[0]
    at = 12
    bias = np.frombuffer(b, "<f4", outputs, at)
    at += 4 * outputs
    dense = np.frombuffer(b, "<f4", nd * outputs, at).reshape(nd, outputs)
    at += 4 * nd * outputs
    q = np.frombuffer(b, np.int8, offset=at).reshape(1 << bits, outputs)
    return q, scale, bias, dense


def sparse_sums(q, rows):
    """Integer sums of the quantized table over each row's feature ids (ids repeat: they count)."""
    bits = q.shape[0].bit_length() - 1
    out = np.zeros((len(rows), q.shape[1]), dtype=np.int64)
    for i, ids in enumerate(rows):
        if len(ids):
            out[i] = q[bucket(ids, bits)].astype(np.int64).sum(axis=0)
    return out


def logits(model, rows, dense_x=None):
    """The engine's logits: bias + scale * (integer sum) + dense @ weights, in float32."""
    q, scale, bias, dense = model
    z = np.float32(scale) * sparse_sums(q, rows).astype(np.float32) + bias.astype(np.float32)
    if dense.shape[0]:
        z = z + np.asarray(dense_x, np.float32) @ dense
    return z.astype(np.float32)
