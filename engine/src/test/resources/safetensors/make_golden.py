#!/usr/bin/python3
"""Writes golden.safetensors and golden.json, the fixtures of SafetensorsTest.

An independent writer of the safetensors format, from its specification (huggingface/safetensors
README, "Format"), with numpy doing the float16/bfloat16 conversions — so the Java reader is checked
against code it shares nothing with. Run by hand: /usr/bin/python3 make_golden.py (needs python3-numpy).
"""
import json
import struct

import numpy as np

tensors = {
    # name: (dtype, numpy array in that dtype's value set)
    "main.0.weight": ("F32", np.array([[0.5, -1.25, 3.0], [1e-20, -0.0, 65504.0]], dtype=np.float32)),
    "half": ("F16", np.array([1.0, -2.5, 6.1e-5, 5.96e-8, np.inf, -65504.0], dtype=np.float16)),
    "brain": ("BF16", np.array([[1.0, -3.140625], [1.0e30, -2.0e-30]], dtype=np.float32)),
    "main.1.num_batches_tracked": ("I64", np.array(7, dtype=np.int64)),
    "empty": ("F32", np.zeros((0, 3), dtype=np.float32)),
}


def to_bytes(dtype, a):
    if dtype == "BF16":
        # bfloat16 = the top 16 bits of float32 (these values are exact in bfloat16).
        bits = a.astype(np.float32).view(np.uint32)
        return (bits >> 16).astype("<u2").tobytes()
    return a.astype(a.dtype.newbyteorder("<")).tobytes()


# Exact bfloat16 values: truncate the float32 bit patterns so the expected floats are exact.
bf = tensors["brain"][1].view(np.uint32) & 0xFFFF0000
tensors["brain"] = ("BF16", bf.view(np.float32))

header = {"__metadata__": {"format": "pt", "note": "golden \"quoted\" ✓"}}
blobs = []
offset = 0
# Write the data in a different order from the header's key order: offsets, not order, define layout.
for name in ["half", "main.0.weight", "empty", "brain", "main.1.num_batches_tracked"]:
    dtype, a = tensors[name]
    b = to_bytes(dtype, a)
    header[name] = {"dtype": dtype, "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
    blobs.append(b)
    offset += len(b)
text = json.dumps(header, ensure_ascii=False).encode("utf-8")
text += b" " * (-(8 + len(text)) % 8)
with open("golden.safetensors", "wb") as f:
    f.write(struct.pack("<Q", len(text)))
    f.write(text)
    for b in blobs:
        f.write(b)

# Expected values as float32 bit patterns (integers), so the Java side compares exactly and needs no
# float parsing (the int64 counter is exactly representable as a float).
expected = {name: {"dtype": d, "shape": list(a.shape),
                   "float_bits": [int(v) for v in np.asarray(a, dtype=np.float32).ravel().view(np.uint32)]}
            for name, (d, a) in tensors.items()}
expected["__metadata__"] = header["__metadata__"]
with open("golden.json", "w") as f:
    json.dump(expected, f, indent=1, ensure_ascii=False)
