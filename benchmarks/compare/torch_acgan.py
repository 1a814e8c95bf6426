#!/usr/bin/python3
"""The PyTorch anchor of W4: one training step of the Keras MNIST ACGAN (WORKLOADS.md), batch 100 — D on
100 real and 100 fake images, G through a frozen D on 200 fresh (z, class) — as vgan's KerasAcganStep does.
Timed like torch_gan.py: warm-up, then per-call times over a fixed wall time (at least 3 calls). Prints one
JSON line with the median and spread in milliseconds.

Usage: torch_acgan.py THREADS [SECONDS]
"""
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

threads = int(sys.argv[1])
seconds = float(sys.argv[2]) if len(sys.argv) > 2 else 30.0
torch.set_num_threads(threads)
torch.manual_seed(7)
batch = 100


class Generator(nn.Module):
    def __init__(self):
        super().__init__()
        self.embedding = nn.Embedding(10, 100)
        self.main = nn.Sequential(
            nn.Linear(100, 1024), nn.ReLU(), nn.Linear(1024, 128 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (128, 7, 7)),
            nn.Upsample(scale_factor=2), nn.Conv2d(128, 256, 5, padding=2), nn.ReLU(),
            nn.Upsample(scale_factor=2), nn.Conv2d(256, 128, 5, padding=2), nn.ReLU(),
            nn.ZeroPad2d((0, 1, 0, 1)), nn.Conv2d(128, 1, 2), nn.Tanh())       # Keras 'same' for the even kernel

    def forward(self, z, c):
        return self.main(z * self.embedding(c))


def lrelu_drop():
    return [nn.LeakyReLU(0.2), nn.Dropout(0.3)]


body = nn.Sequential(nn.Conv2d(1, 32, 3, 2, 1), *lrelu_drop(), nn.Conv2d(32, 64, 3, 1, 1), *lrelu_drop(),
                     nn.Conv2d(64, 128, 3, 2, 1), *lrelu_drop(), nn.Conv2d(128, 256, 3, 1, 1), *lrelu_drop(),
                     nn.Flatten())
adv, aux = nn.Linear(256 * 7 * 7, 1), nn.Linear(256 * 7 * 7, 10)
D = nn.ModuleList([body, adv, aux])
G = Generator()
optG = torch.optim.Adam(G.parameters(), lr=5e-5, betas=(0.5, 0.999))
optD = torch.optim.Adam(D.parameters(), lr=5e-5, betas=(0.5, 0.999))
real = torch.rand(batch, 1, 28, 28) * 2 - 1
classes = torch.arange(batch) % 10


def heads(x):
    f = body(x)
    return adv(f), aux(f)


def step():
    fake = G(torch.rand(batch, 100) * 2 - 1, torch.randint(0, 10, (batch,))).detach()
    optD.zero_grad(set_to_none=False)
    a, c = heads(torch.cat([real, fake]))
    loss_d = F.binary_cross_entropy_with_logits(a[:batch], torch.ones(batch, 1)) + \
        F.binary_cross_entropy_with_logits(a[batch:], torch.zeros(batch, 1)) + F.cross_entropy(c[:batch], classes)
    loss_d.backward()
    optD.step()
    optG.zero_grad(set_to_none=False)
    D.requires_grad_(False)
    gc = torch.randint(0, 10, (2 * batch,))
    a, c = heads(G(torch.rand(2 * batch, 100) * 2 - 1, gc))
    loss_g = F.binary_cross_entropy_with_logits(a, torch.ones(2 * batch, 1)) + F.cross_entropy(c, gc)
    loss_g.backward()
    D.requires_grad_(True)
    optG.step()
    return loss_d.item(), loss_g.item()


d, g = step()
assert d == d and g == g, "W4 anchor: non-finite loss"
samples = []
end = time.perf_counter() + seconds
while time.perf_counter() < end or len(samples) < 3:
    t0 = time.perf_counter()
    step()
    samples.append((time.perf_counter() - t0) * 1e3)
print(json.dumps({"impl": "torch", "workload": "w4", "threads": threads, "batch": batch,
                  "ms_median": statistics.median(samples), "ms_min": min(samples), "ms_max": max(samples),
                  "samples": len(samples), "torch": torch.__version__}))
