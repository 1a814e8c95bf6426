#!/usr/bin/python3
"""The PyTorch anchor of W2 (DCGAN-28 training step) and W3 (its generator in eval mode), written as in
WORKLOADS.md, timed the way JMH times vgan: warm-up, then per-call times over a fixed wall time.
Prints one JSON line with the median and spread in milliseconds.

Usage: torch_gan.py step|infer THREADS BATCH [SECONDS]
"""
import json
import statistics
import sys
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

what, threads, batch = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
seconds = float(sys.argv[4]) if len(sys.argv) > 4 else 6.0
torch.set_num_threads(threads)
torch.manual_seed(7)

G = nn.Sequential(nn.Linear(100, 256 * 7 * 7), nn.BatchNorm1d(256 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (256, 7, 7)),
                  nn.ConvTranspose2d(256, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.ReLU(),
                  nn.ConvTranspose2d(128, 1, 4, 2, 1), nn.Tanh())
D = nn.Sequential(nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128),
                  nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(6272, 1))
optG = torch.optim.Adam(G.parameters(), lr=2e-4, betas=(0.5, 0.999))
optD = torch.optim.Adam(D.parameters(), lr=2e-4, betas=(0.5, 0.999))
real = torch.rand(batch, 1, 28, 28) * 2 - 1


def step():
    # D on real and detached fakes, then G on fresh fakes (non-saturating), D frozen meanwhile, as vgan's
    # DcganStep does.
    fake = G(torch.randn(batch, 100))
    optD.zero_grad(set_to_none=False)
    loss_d = F.binary_cross_entropy_with_logits(D(real), torch.ones(batch, 1)) + \
        F.binary_cross_entropy_with_logits(D(fake.detach()), torch.zeros(batch, 1))
    loss_d.backward()
    optD.step()
    optG.zero_grad(set_to_none=False)
    D.requires_grad_(False)
    loss_g = F.binary_cross_entropy_with_logits(D(G(torch.randn(batch, 100))), torch.ones(batch, 1))
    loss_g.backward()
    D.requires_grad_(True)
    optG.step()
    return loss_d.item(), loss_g.item()


z = torch.randn(batch, 100)


def infer():
    with torch.no_grad():
        return G(z)


if what == "step":
    call = step
    d, g = step()
    assert d == d and g == g, "W2 anchor: non-finite loss"
elif what == "infer":
    G(torch.randn(64, 100))                       # non-trivial running statistics
    G.eval()
    call = infer
    full = infer()
    with torch.no_grad():
        one = G(z[:1])
    assert torch.allclose(one, full[:1], atol=1e-5), "W3 anchor: output depends on the batch"
else:
    sys.exit("torch_gan.py: what must be step or infer")

warm_end = time.perf_counter() + min(3.0, seconds / 2)
while time.perf_counter() < warm_end:
    call()
samples = []
end = time.perf_counter() + seconds
while time.perf_counter() < end or len(samples) < 10:
    t0 = time.perf_counter()
    call()
    samples.append((time.perf_counter() - t0) * 1e3)
q = statistics.quantiles(samples, n=4)
print(json.dumps({"impl": "torch", "workload": "w2" if what == "step" else "w3", "what": what, "threads": threads,
                  "batch": batch, "ms_median": statistics.median(samples), "ms_q1": q[0], "ms_q3": q[2],
                  "samples": len(samples), "torch": torch.__version__}))
