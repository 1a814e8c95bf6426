"""Reference values for SefaTest and PcaDirectionsTest, computed by numpy.

A (48, 16) = U diag(s) V^T with well separated singular values s. SeFa: rows of A scaled to unit norm
(the reference code's per-unit normalization), eigh of A^T A, sorted by eigenvalue, largest first. PCA
baseline: for x = A z with z ~ N(0, I), the principal directions mapped back to z are A's right singular
vectors. Sign convention: each vector's largest-magnitude entry positive.

Run: python3 make_sefa_golden.py > sefa_golden.json
"""
import json
import numpy as np

rng = np.random.default_rng(20261122)
u, _ = np.linalg.qr(rng.standard_normal((48, 16)))
v, _ = np.linalg.qr(rng.standard_normal((16, 16)))
s = np.array([8.0, 5.0, 3.0, 2.0, 1.5, 1.2, 1.0, 0.9, 0.8, 0.7, 0.6, 0.5, 0.4, 0.3, 0.2, 0.1])
a = ((u * s) @ v.T).astype(np.float32).astype(np.float64)   # the test reads float32


def signed(vectors):
    out = []
    for vec in vectors:
        vec = vec / np.linalg.norm(vec)
        out.append((vec if vec[np.argmax(np.abs(vec))] > 0 else -vec).tolist())
    return out


an = a / np.linalg.norm(a, axis=1, keepdims=True)
values, vectors = np.linalg.eigh(an.T @ an)
order = np.argsort(values)[::-1]
print(json.dumps({
    "a": a.ravel().tolist(),
    "rows": 48, "cols": 16,
    "sefa_values": values[order].tolist(),
    "sefa_vectors": signed(vectors[:, order].T),
    "right_singular_values": s.tolist(),
    "right_singular_vectors": signed(v.T),
}))
