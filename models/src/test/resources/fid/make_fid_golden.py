"""Writes fid_golden.json: two small feature sets and their Frechet distance computed with scipy's
sqrtm (the reference FID implementation's formula), plus numpy's eigh of a symmetric matrix.
Run by hand: python3 make_fid_golden.py (needs numpy and scipy)."""
import json
import numpy as np
from scipy import linalg

rng = np.random.default_rng(7)
d = 6
a = rng.normal(size=(50, d)).astype(np.float32)
mix = rng.normal(size=(d, d))
b = (rng.normal(size=(40, d)) @ mix * 0.7 + 0.3).astype(np.float32)

def fid(x, y):
    x = x.astype(np.float64); y = y.astype(np.float64)
    m1, m2 = x.mean(0), y.mean(0)
    s1, s2 = np.cov(x, rowvar=False), np.cov(y, rowvar=False)
    covmean, _ = linalg.sqrtm(s1.dot(s2), disp=False)
    covmean = covmean.real
    return float(((m1 - m2) ** 2).sum() + np.trace(s1) + np.trace(s2) - 2 * np.trace(covmean))

sym = rng.normal(size=(7, 7)); sym = sym + sym.T
w, v = np.linalg.eigh(sym)
json.dump({"d": d, "a": a.ravel().tolist(), "na": 50, "b": b.ravel().tolist(), "nb": 40,
           "fid": fid(a, b), "fid_self": fid(a, a),
           "sym": sym.ravel().tolist(), "eigenvalues_desc": sorted(w.tolist(), reverse=True)},
          open("fid_golden.json", "w"))
print("fid", fid(a, b), "self", fid(a, a))
