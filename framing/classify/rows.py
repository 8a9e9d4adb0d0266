"""The feature matrix of some sentences as plain numpy arrays (CSR layout), and its exact product.

Scoring an article needs a sparse matrix only to hold each sentence's features and multiply them
by the weights. scipy.sparse did that, but importing it costs a worker about 25 MB and its
constructor checks cost more than the product itself; these few arrays do the same job with
numpy alone. Training converts to scipy (`to_scipy`), where scikit-learn needs it.

The product gives the very floats scipy's did: scipy's CSR kernels add each row's products one
by one, in entry order, starting from zero (`csr_matvec`, `csr_matvecs`); `np.bincount` with
weights also adds its weights one by one in array order, so feeding it the same products, row by
row and entry by entry, repeats every rounding (tests and the snapshot check compare bit for bit).
numpy's own sums (`np.add.reduce`, `reduceat`, `@`) add in other orders and would not.
"""
from __future__ import annotations

import numpy as np


class FeatureRows:
    """A sparse matrix as entries: `data[i]` at (`rows[i]`, `indices[i]`).

    A row's entries come in CSR order (the order scipy's CSR matrix keeps them: block by block,
    columns ascending within a block), but entries of different rows may be interleaved: the
    feature extractor lays its blocks one after another rather than sorting them into rows, and
    neither the product nor explanations need more. `indptr` (and with it slicing the CSR
    arrays) is there only for matrices in CSR order (`is_csr`); `to_csr()` makes one.
    """

    __slots__ = ("data", "indices", "rows", "shape", "_indptr")

    def __init__(self, data, indices, indptr, shape, rows=None):
        """A matrix in CSR order (data, indices, indptr as scipy's csr_matrix takes them)."""
        self.data = data
        self.indices = indices
        self._indptr = indptr
        self.shape = (int(shape[0]), int(shape[1]))
        if rows is None:
            rows = np.repeat(np.arange(self.shape[0], dtype=np.intp), np.diff(indptr))
        self.rows = rows

    @classmethod
    def grouped(cls, data, indices, rows, shape) -> "FeatureRows":
        """Entries each row of which is in CSR order, rows possibly interleaved (class doc)."""
        self = cls.__new__(cls)
        self.data, self.indices, self.rows, self._indptr = data, indices, rows, None
        self.shape = (int(shape[0]), int(shape[1]))
        return self

    @property
    def is_csr(self) -> bool:
        return self._indptr is not None

    @property
    def indptr(self) -> np.ndarray:
        if self._indptr is None:
            raise AttributeError("entries not in CSR order: use to_csr()")
        return self._indptr

    def to_csr(self) -> "FeatureRows":
        """The same matrix in CSR order (rows one after another, each row's entries in order)."""
        if self._indptr is not None:
            return self
        order = np.argsort(self.rows, kind="stable")  # keeps each row's own order
        counts = np.bincount(self.rows, minlength=self.shape[0])
        indptr = np.zeros(self.shape[0] + 1, dtype=np.int32)
        np.cumsum(counts, out=indptr[1:])
        return FeatureRows(self.data[order], self.indices[order], indptr, self.shape, self.rows[order])

    @property
    def nnz(self) -> int:
        return len(self.data)

    @property
    def dtype(self):
        return self.data.dtype

    def dot(self, weights: np.ndarray) -> np.ndarray:
        """self @ weights for dense weights (features, k): scipy's sums, bit for bit (module doc)."""
        n = self.shape[0]
        weights = np.asarray(weights, dtype=np.float64)
        if weights.ndim == 1:
            return self.dot(weights.reshape(-1, 1)).reshape(n)
        k = weights.shape[1]
        if not len(self.data):
            return np.zeros((n, k))
        if k == 1:
            return self.row_sums(self.products(weights[:, 0])).reshape(n, 1)
        products = weights.take(self.indices, axis=0)  # (entries, k)
        products *= self.data[:, None]
        # Entry-major keys (row * k + label): each output is still summed in entry order, and
        # consecutive additions go to k different outputs instead of waiting on one another.
        # Made as each row * k repeated k times plus 0 .. k-1 over and over (a kept array): the
        # same keys as (rows * k)[:, None] + arange(k), without a broadcast over rows of k.
        keys = (self.rows * k).repeat(k)
        keys += _labels_tiled(k, len(keys))
        return np.bincount(keys, weights=products.ravel(), minlength=n * k).reshape(n, k)

    def products(self, weights: np.ndarray) -> np.ndarray:
        """Each entry times the weight of its column (weights: one per feature)."""
        return self.data * weights.take(self.indices)

    def row_sums(self, values: np.ndarray) -> np.ndarray:
        """Per row, the sum of its entries' `values`, added one by one in entry order."""
        return np.bincount(self.rows, weights=values, minlength=self.shape[0])

    def __matmul__(self, weights):
        return self.dot(weights)

    def toarray(self) -> np.ndarray:
        out = np.zeros(self.shape, dtype=self.data.dtype)
        out[self.rows, self.indices] = self.data
        return out

    def row(self, r: int) -> "FeatureRows":
        """Row r as a one-row matrix (its entries in order)."""
        if self._indptr is not None:
            a, b = int(self._indptr[r]), int(self._indptr[r + 1])
            at = slice(a, b)
        else:
            at = np.flatnonzero(self.rows == r)
        data, indices = self.data[at], self.indices[at]
        return FeatureRows(data, indices, np.array([0, len(data)], dtype=np.int32), (1, self.shape[1]),
                           np.zeros(len(data), dtype=np.intp))

    def __getitem__(self, key):
        """X[r] (a one-row matrix) or X[r, c] (a number), as scipy gives them."""
        if isinstance(key, tuple):
            r, c = key
            hit = np.flatnonzero((self.rows == r) & (self.indices == c))
            return self.data[hit[0]] if len(hit) else self.data.dtype.type(0)
        return self.row(int(key))

    def to_scipy(self):
        """The same matrix as scipy.sparse.csr_matrix (training: scikit-learn reads it)."""
        import scipy.sparse as sp

        m = self.to_csr()
        indices = m.indices.astype(np.int32) if m.shape[1] < 2 ** 31 else m.indices
        return sp.csr_matrix((m.data, indices, m.indptr), shape=m.shape)


_TILED: dict = {}  # k -> 0, 1, .., k-1 repeated, as long as the longest product so far


def _labels_tiled(k: int, size: int) -> np.ndarray:
    """The first `size` entries of 0, 1, .., k-1, 0, 1, .. (read-only; kept between calls)."""
    got = _TILED.get(k)
    if got is None or len(got) < size:
        got = np.tile(np.arange(k, dtype=np.int64), max(size // k + 1, 4096))
        got.flags.writeable = False
        _TILED[k] = got
    return got[:size]


def from_entries(rows: np.ndarray, cols: np.ndarray, values, n: int, width: int,
                 index_dtype=np.int32) -> FeatureRows:
    """Row-major (rows, cols, values) entries as FeatureRows in CSR order."""
    indptr = np.searchsorted(rows, np.arange(n + 1)).astype(index_dtype)
    return FeatureRows(np.asarray(values), np.asarray(cols, dtype=index_dtype), indptr, (n, width),
                       np.asarray(rows, dtype=np.intp))
