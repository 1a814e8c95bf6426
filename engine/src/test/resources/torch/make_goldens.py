#!/usr/bin/python3
"""Writes the PyTorch parity goldens of the engine tests (layers, losses, optimizers, the W2 GAN).

Run by hand from this folder with Debian's PyTorch: /usr/bin/python3 make_goldens.py
(needs python3-torch and python3-numpy; never run by CI). Each .safetensors file holds the inputs,
the parameters PyTorch initialized, and what PyTorch computed from them: outputs, gradients, updated
buffers. The Java tests load the same inputs and parameters and compare, per tensor,
max |ours - torch| <= 1e-4 * max |torch|.

A minimal F32 safetensors writer is included (the format: 8-byte little-endian header length, a JSON
header, raw little-endian data), so the python3-safetensors package is not needed.
"""
import json
import os
import struct

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

HERE = os.path.dirname(os.path.abspath(__file__))
# The W2 golden belongs to the models module, where the W2 networks are defined.
MODELS = os.path.join(HERE, "..", "..", "..", "..", "..", "models", "src", "test", "resources", "torch")
torch.manual_seed(20261122)


def save(name, tensors, metadata=None, folder=HERE):
    header = {"__metadata__": {"generator": "make_goldens.py", "torch": torch.__version__, **(metadata or {})}}
    blobs, offset = [], 0
    for key, t in tensors.items():
        a = t.detach().to(torch.float32).contiguous().numpy().astype("<f4")
        b = a.tobytes()
        header[key] = {"dtype": "F32", "shape": list(a.shape), "data_offsets": [offset, offset + len(b)]}
        blobs.append(b)
        offset += len(b)
    text = json.dumps(header).encode("utf-8")
    text += b" " * (-(8 + len(text)) % 8)
    with open(os.path.join(folder, name + ".safetensors"), "wb") as f:
        f.write(struct.pack("<Q", len(text)))
        f.write(text)
        for b in blobs:
            f.write(b)


# ---- layers: loss = sum(output * proj), so every output element carries a distinct weight ----------

def layer_case(name, module, x, train=True, needs_input_grad=True):
    module.train(train)
    with torch.no_grad():
        for k, b in module.named_buffers():           # non-trivial running statistics
            if k.endswith("running_mean"):
                b.uniform_(-0.5, 0.5)
            elif k.endswith("running_var"):
                b.uniform_(0.5, 1.5)
        for k, p in module.named_parameters():        # non-trivial affine parameters
            if "bn" in name and k == "weight":
                p.uniform_(0.5, 1.5)
            elif "bn" in name and k == "bias":
                p.uniform_(-0.5, 0.5)
    tensors = {("state." + k): v.clone() for k, v in module.state_dict().items()}
    x = x.clone().requires_grad_(needs_input_grad)
    y = module(x)
    proj = torch.randn_like(y)
    (y * proj).sum().backward()
    tensors.update({"input": x, "proj": proj, "output": y})
    tensors.update({("after." + k): v for k, v in module.state_dict().items()})
    tensors.update({("grad." + k): p.grad for k, p in module.named_parameters()})
    if needs_input_grad:
        tensors["grad.input"] = x.grad
    save("layer_" + name, tensors)


layer_case("linear", nn.Linear(7, 5), torch.randn(4, 7))
layer_case("conv2d", nn.Conv2d(3, 4, 3, stride=2, padding=1), torch.randn(2, 3, 7, 5))
layer_case("conv2d_nobias", nn.Conv2d(2, 3, 5, stride=1, padding=2, bias=False), torch.randn(2, 2, 6, 6))
layer_case("conv_transpose2d", nn.ConvTranspose2d(3, 2, 4, stride=2, padding=1), torch.randn(2, 3, 4, 3))
layer_case("conv_transpose2d_outpad", nn.ConvTranspose2d(2, 3, 3, stride=2, padding=1, output_padding=1),
           torch.randn(2, 2, 3, 4))
layer_case("bn1d_train", nn.BatchNorm1d(5), torch.randn(6, 5) * 2 + 1)
layer_case("bn1d_eval", nn.BatchNorm1d(5), torch.randn(6, 5) * 2 + 1, train=False)
layer_case("bn2d_train", nn.BatchNorm2d(3), torch.randn(4, 3, 5, 5) * 2 - 1)
layer_case("bn2d_eval", nn.BatchNorm2d(3), torch.randn(4, 3, 5, 5) * 2 - 1, train=False)
layer_case("upsample", nn.Upsample(scale_factor=2, mode="nearest"), torch.randn(2, 3, 3, 4))
layer_case("leaky_relu", nn.LeakyReLU(0.2), torch.randn(3, 7))
layer_case("relu", nn.ReLU(), torch.randn(3, 7))
layer_case("tanh", nn.Tanh(), torch.randn(3, 7) * 2)
layer_case("sigmoid", nn.Sigmoid(), torch.randn(3, 7) * 3)
layer_case("spectral_norm_linear", nn.utils.spectral_norm(nn.Linear(6, 4)), torch.randn(5, 6))
layer_case("spectral_norm_conv2d", nn.utils.spectral_norm(nn.Conv2d(2, 3, 3, padding=1)), torch.randn(2, 2, 4, 4))
layer_case("spectral_norm_eval", nn.utils.spectral_norm(nn.Linear(6, 4)), torch.randn(5, 6), train=False)


# Embedding takes integer indices, which layer_case cannot pass (it makes a float leaf),
# so write that case by hand.
def embedding_case():
    m = nn.Embedding(6, 4)
    idx = torch.tensor([5, 0, 5, 2])
    y = m(idx)
    proj = torch.randn_like(y)
    (y * proj).sum().backward()
    save("layer_embedding", {"state.weight": m.weight.detach().clone(), "input": idx.float(), "proj": proj,
                             "output": y, "after.weight": m.weight, "grad.weight": m.weight.grad})


embedding_case()


# ---- losses ---------------------------------------------------------------------------------------

def loss_entries(name, fn, inputs):
    leaves = [t.clone().requires_grad_(True) for t in inputs]
    value = fn(*leaves)
    value.backward()
    out = {f"{name}.value": value}
    for i, t in enumerate(leaves):
        out[f"{name}.in{i}"] = t
        out[f"{name}.grad{i}"] = t.grad
    return out


logits = torch.randn(6, 4) * 3
soft = torch.softmax(torch.randn(6, 4), dim=1)
labels = torch.tensor([0, 3, 1, 1, 2, 3])
scores = torch.randn(8, 1) * 2
losses = {}
losses.update(loss_entries("bce", lambda x: F.binary_cross_entropy_with_logits(x, (torch.arange(24).reshape(6, 4) % 3 == 0).float()), [logits]))
losses.update(loss_entries("bce_real", lambda x: F.binary_cross_entropy_with_logits(x, torch.ones_like(x)), [scores]))
losses.update(loss_entries("ce_hard", lambda x: F.cross_entropy(x, labels), [logits]))
losses.update(loss_entries("ce_soft", lambda x: F.cross_entropy(x, soft), [logits]))
losses.update(loss_entries("mse", lambda a, b: F.mse_loss(a, b), [torch.randn(5, 3), torch.randn(5, 3)]))
losses.update(loss_entries("gaussian_nll", lambda x, t, v: F.gaussian_nll_loss(x, t, v),
                           [torch.randn(7, 2), torch.randn(7, 2), torch.rand(7, 2) + 0.1]))
losses.update(loss_entries("hinge_real", lambda s: F.relu(1 - s).mean(), [scores]))
losses.update(loss_entries("hinge_fake", lambda s: F.relu(1 + s).mean(), [scores]))
losses.update(loss_entries("wasserstein", lambda r, f: f.mean() - r.mean(), [scores, torch.randn(8, 1)]))
losses["ce_hard.labels"] = labels.float()
losses["ce_soft.targets"] = soft
save("losses", losses)


# ---- WGAN-GP: the gradient penalty of a small conv critic and its gradient (second order) -------------

critic = nn.Sequential(nn.Conv2d(2, 4, 3, stride=2, padding=1), nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(36, 1))
points = torch.rand(3, 2, 5, 5) * 2 - 1
x_hat = points.clone().requires_grad_(True)
g, = torch.autograd.grad(critic(x_hat).sum(), x_hat, create_graph=True)
penalty = ((g.reshape(3, -1).norm(2, dim=1) - 1) ** 2).mean()
penalty.backward()
gp = {("state." + k): v.detach().clone() for k, v in critic.state_dict().items()}
gp.update({"points": points, "penalty": penalty})
# A bias the penalty does not reach gets no gradient in PyTorch (None): zero, as vgan reports it.
gp.update({("grad." + k): (p.grad if p.grad is not None else torch.zeros_like(p)) for k, p in critic.named_parameters()})
save("gradient_penalty", gp)


# ---- optimizers: three steps on one tensor with given gradients -----------------------------------

p0 = torch.randn(5, 7)
grads = [torch.randn(5, 7) for _ in range(3)]
opt = {"p0": p0, "g1": grads[0], "g2": grads[1], "g3": grads[2]}
configs = {
    "adam_dcgan": lambda p: torch.optim.Adam([p], lr=2e-4, betas=(0.5, 0.999)),
    "adam_l2": lambda p: torch.optim.Adam([p], lr=1e-2, betas=(0.9, 0.99), eps=1e-6, weight_decay=0.1),
    "adamw": lambda p: torch.optim.AdamW([p], lr=1e-2, betas=(0.9, 0.99), weight_decay=0.1),
    "sgd_momentum": lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9),
    "sgd_nesterov": lambda p: torch.optim.SGD([p], lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01),
}
for name, make in configs.items():
    p = p0.clone().requires_grad_(True)
    o = make(p)
    for t, g in enumerate(grads, start=1):
        p.grad = g.clone()
        o.step()
        opt[f"{name}.step{t}"] = p.detach().clone()
save("optim", opt)


# ---- W2: the DCGAN-28 of WORKLOADS.md, one generator pass and one discriminator pass -------------
# Weights come from a formula both sides compute exactly (a Weyl sequence in double, cast to float),
# so the file holds only inputs, outputs and gradients (large gradients sampled with a stride).

def weyl(shape, seed, scale):
    n = int(np.prod(shape))
    i = np.arange(n, dtype=np.uint64)
    u = ((i * np.uint64(2654435761) + np.uint64(seed * 40503)) % np.uint64(2 ** 32)).astype(np.float64) / 2.0 ** 32
    return torch.from_numpy((scale * (2.0 * u - 1.0)).astype(np.float32).reshape(shape))


G = nn.Sequential(nn.Linear(100, 256 * 7 * 7), nn.BatchNorm1d(256 * 7 * 7), nn.ReLU(), nn.Unflatten(1, (256, 7, 7)),
                  nn.ConvTranspose2d(256, 128, 4, 2, 1), nn.BatchNorm2d(128), nn.ReLU(),
                  nn.ConvTranspose2d(128, 1, 4, 2, 1), nn.Tanh())
D = nn.Sequential(nn.Conv2d(1, 64, 4, 2, 1), nn.LeakyReLU(0.2), nn.Conv2d(64, 128, 4, 2, 1), nn.BatchNorm2d(128),
                  nn.LeakyReLU(0.2), nn.Flatten(), nn.Linear(6272, 1))


def formula_weights(model, seed0):
    with torch.no_grad():
        for j, (k, p) in enumerate(model.named_parameters()):
            fan = p.shape[1] * int(np.prod(p.shape[2:])) if p.dim() > 1 else 16
            scale = 1.0 if k.endswith("weight") and p.dim() == 1 else 1.0 / np.sqrt(fan)
            p.copy_(weyl(tuple(p.shape), seed0 + j, scale) + (1.0 if k.endswith("weight") and p.dim() == 1 else 0.0))


formula_weights(G, 1)
formula_weights(D, 101)
z = weyl((8, 100), 7, 1.0)
real = weyl((8, 1, 28, 28), 8, 1.0)
w2 = {"z": z, "real": real}


def sampled(prefix, name, t, meta):
    flat = t.detach().reshape(-1)
    stride = max(1, -(-flat.numel() // 4096))
    w2[prefix + name] = flat[::stride].clone()
    meta[prefix + name] = str(stride)


meta = {}
G.train()
D.train()
fake = G(z)
fake_logits = D(fake)
loss_g = F.binary_cross_entropy_with_logits(fake_logits, torch.ones_like(fake_logits))
loss_g.backward()
w2.update({"fake": fake, "fake_logits": fake_logits, "loss_g": loss_g})
for k, p in G.named_parameters():
    sampled("gradG.", k, p.grad, meta)
G.zero_grad()
D.zero_grad()
x = real.clone().requires_grad_(True)
real_logits = D(x)
loss_d = F.binary_cross_entropy_with_logits(real_logits, torch.ones_like(real_logits))
loss_d.backward()
w2.update({"real_logits": real_logits, "loss_d": loss_d, "grad.real": x.grad})
for k, p in D.named_parameters():
    sampled("gradD.", k, p.grad, meta)
for k, b in G.named_buffers():
    if "running" in k:
        sampled("bufG.", k, b, meta)
for k, b in D.named_buffers():
    if "running" in k:
        sampled("bufD.", k, b, meta)
save("w2", w2, {("stride." + k): v for k, v in meta.items()}, folder=MODELS)
print("goldens written to", HERE)
