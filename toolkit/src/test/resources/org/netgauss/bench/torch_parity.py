"""Replays netgauss's training with PyTorch and compares weights (see TorchParity.java).

Usage: torch_parity.py <dir> <members> <epochs>. Reads dir/run/checkpoints/epoch-000/W*.npy as the initial
weights, dir/x.npy, dir/y.npy and dir/order-<m>-<e>.npy (the members' data orders), trains each member with
torch.nn.Linear(bias=False) layers, ReLU, cross-entropy and torch.optim.Adam(lr=1e-3, weight_decay=0.01),
batch 100, and prints the largest absolute and relative weight difference per checkpoint.
"""
import sys

import numpy as np
import torch
import torch.nn.functional as F

d, members, epochs = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
torch.set_num_threads(1)
x = torch.from_numpy(np.load(f"{d}/x.npy"))
y = torch.from_numpy(np.load(f"{d}/y.npy")).long()
ck = lambda e, l: np.load(f"{d}/run/checkpoints/epoch-{e:03d}/W{l}.npy")
worst = 0.0
for m in range(members):
    Ws = [torch.tensor(ck(0, l)[m], requires_grad=True) for l in range(1, 5)]
    opt = torch.optim.Adam(Ws, lr=1e-3, weight_decay=0.01)
    for e in range(1, epochs + 1):
        order = torch.from_numpy(np.load(f"{d}/order-{m}-{e}.npy")).long()
        for s in range(0, len(order), 100):
            idx = order[s:s + 100]
            h = x[idx]
            for i, W in enumerate(Ws):
                h = h @ W.t()
                if i < 3:
                    h = F.relu(h)
            loss = F.cross_entropy(h, y[idx])
            opt.zero_grad()
            loss.backward()
            opt.step()
        for l in range(1, 5):
            ours = ck(e, l)[m]
            theirs = Ws[l - 1].detach().numpy()
            diff = np.abs(ours - theirs).max()
            rel = diff / np.abs(theirs).max()
            worst = max(worst, rel)
            print(f"member {m} epoch {e} W{l}: max |netgauss - torch| = {diff:.3e} (relative {rel:.2e})")
print(f"worst relative difference {worst:.2e}: {'PARITY' if worst < 1e-4 else 'MISMATCH'}")
