#!/usr/bin/python3
"""Writes the golden for `vgan import`: a PyTorch W2 generator (WORKLOADS.md) with random weights and
running statistics, its state_dict saved as safetensors the way safetensors.torch.save_file lays it out
(weights in BF16 to keep the file small, num_batches_tracked as I64), and PyTorch's eval-mode images for
8 latent vectors (computed from the BF16-rounded weights, as loaded). Run by hand with Debian's
python3-torch: /usr/bin/python3 make_import_golden.py
"""
import json
import os
import struct

import torch
import torch.nn as nn

here = os.path.dirname(os.path.abspath(__file__))
torch.manual_seed(1234)
g = nn.Sequential(
    nn.Linear(100, 256 * 7 * 7), nn.BatchNorm1d(256 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (256, 7, 7)),
    nn.ConvTranspose2d(256, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.ReLU(),
    nn.ConvTranspose2d(128, 1, 4, 2, 1), nn.Tanh())
with torch.no_grad():
    for m in g.modules():
        if isinstance(m, (nn.BatchNorm1d, nn.BatchNorm2d)):
            m.running_mean.uniform_(-0.2, 0.2)
            m.running_var.uniform_(0.5, 1.5)
            m.weight.uniform_(0.8, 1.2)
            m.bias.uniform_(-0.1, 0.1)
            m.num_batches_tracked.fill_(7)
    for p in g.parameters():                       # round to BF16 so PyTorch computes with what is saved
        p.copy_(p.to(torch.bfloat16).float())
    for name, b in g.named_buffers():
        if b.dtype == torch.float32:
            b.copy_(b.to(torch.bfloat16).float())


def save(tensors, path):
    header, blobs, off = {}, [], 0
    for k, t in tensors.items():
        if t.dtype == torch.int64:
            dtype, raw = "I64", t.numpy().tobytes()
        else:
            dtype, raw = "BF16", t.to(torch.bfloat16).view(torch.int16).numpy().tobytes()
        header[k] = {"dtype": dtype, "shape": list(t.shape), "data_offsets": [off, off + len(raw)]}
        blobs.append(raw)
        off += len(raw)
    h = json.dumps(header, separators=(",", ":")).encode()
    h += b" " * ((8 - len(h) % 8) % 8)
    with open(path, "wb") as f:
        f.write(struct.pack("<Q", len(h)))
        f.write(h)
        for b in blobs:
            f.write(b)


save({k: v.contiguous() for k, v in g.state_dict().items()}, os.path.join(here, "w2_pytorch_generator.safetensors"))
g.eval()
z = torch.randn(8, 100)
with torch.no_grad():
    images = g(z)
golden = {"z": z.flatten().tolist(), "images": images.flatten().tolist()}
json.dump(golden, open(os.path.join(here, "w2_import_golden.json"), "w"))
print("saved; images range", images.min().item(), images.max().item())
