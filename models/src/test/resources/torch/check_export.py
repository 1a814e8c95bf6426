#!/usr/bin/python3
"""Loads vgan's exported W2 generator into PyTorch and compares one eval-mode sample.

Run by hand after the models tests (which write target/interop/): /usr/bin/python3 check_export.py
[INTEROP_DIR]. Needs python3-torch; reads safetensors with a minimal reader (the format: 8-byte header
length, JSON header, raw little-endian data), so python3-safetensors is not needed.
"""
import json
import os
import struct
import sys

import numpy as np
import torch
import torch.nn as nn

here = os.path.dirname(os.path.abspath(__file__))
folder = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "..", "..", "..", "..", "target", "interop")


def read(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
        data = f.read()
    out = {}
    for k, v in header.items():
        if k == "__metadata__":
            continue
        assert v["dtype"] == "F32", (k, v["dtype"])
        a, b = v["data_offsets"]
        out[k] = torch.from_numpy(np.frombuffer(data[a:b], dtype="<f4").reshape(v["shape"]).copy())
    return out


G = nn.Sequential(nn.Linear(100, 256 * 7 * 7), nn.BatchNorm1d(256 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (256, 7, 7)),
                  nn.ConvTranspose2d(256, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.ReLU(),
                  nn.ConvTranspose2d(128, 1, 4, 2, 1), nn.Tanh())
state = read(os.path.join(folder, "w2_generator.safetensors"))   # num_batches_tracked arrives as F32; copy_ converts
G.load_state_dict(state, strict=True)
G.eval()
sample = read(os.path.join(folder, "w2_sample.safetensors"))
with torch.no_grad():
    ours = G(sample["z"])
diff = (ours - sample["out"]).abs().max().item()
scale = sample["out"].abs().max().item()
print(f"loaded {len(state)} tensors with strict=True; max |torch - vgan| = {diff:.3g} (max |vgan| = {scale:.3g})")
assert diff <= 1e-4 * scale, "PyTorch's output differs from vgan's"
print("ok")
