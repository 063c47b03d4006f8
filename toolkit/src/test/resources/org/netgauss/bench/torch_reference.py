"""PyTorch references for org.netgauss.bench.PaperBenchmark (Debian python3-torch 1.13, /usr/bin/python3).

  torch_reference.py gemm THREADS
      float32 GEMM peak: torch.mm of two 2000 x 2000 matrices, best of 5; prints "gemm n=2000 gflops=<x>".
  torch_reference.py member THREADS WIDTHS MEMBERS STEPS TRANSFORMS
      members trained one after another, the way the PIGMM authors' WeightMatrix_Generation.py does: for each
      member a fresh nn.Sequential of Linear(bias=False) + ReLU, torch.optim.Adam(lr=1e-3), and a
      DataLoader(batch_size=100, shuffle=True); STEPS minibatches per member (an epoch is 600).
      TRANSFORMS=1 reads samples through a Dataset whose __getitem__ converts each uint8 image like
      torchvision's ToTensor() + Normalize((0.5,), (0.5,)) (what the authors' loader does per sample);
      TRANSFORMS=0 indexes a pre-loaded float tensor with a random permutation instead (the fastest single-network
      PyTorch loop). WIDTHS like 784,10,10,10,10. Prints
      "torch member widths=<w> transforms=<t> member_epochs_per_s=<x> cpu_rate=<r>", cpu_rate being member-epochs
      per CPU-second times THREADS (what the run would reach on unshared cores).
Random MNIST-sized data (timing only).
"""
import sys
import time

import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

N = 60000
B = 100


def gemm(threads):
    torch.set_num_threads(threads)
    a = torch.rand(2000, 2000)
    b = torch.rand(2000, 2000)
    torch.mm(a, b)
    best = 0.0
    for _ in range(5):
        t0 = time.perf_counter()
        torch.mm(a, b)
        best = max(best, 2 * 2000 ** 3 / (time.perf_counter() - t0) / 1e9)
    print(f"gemm n=2000 gflops={best:.2f}", flush=True)


class PerSampleMnist(torch.utils.data.Dataset):
    """uint8 images converted one sample at a time, as torchvision.datasets.MNIST with a transform does."""

    def __init__(self, images, labels):
        self.images = images
        self.labels = labels

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, i):
        x = torch.from_numpy(self.images[i]).to(torch.float32).div(255)   # ToTensor
        x = x.sub(0.5).div(0.5)                                            # Normalize((0.5,), (0.5,))
        return x, int(self.labels[i])


def member(threads, widths, members, steps, transforms):
    torch.set_num_threads(threads)
    rng = np.random.default_rng(0)
    images = rng.integers(0, 256, size=(N, widths[0]), dtype=np.uint8)
    labels = rng.integers(0, 10, size=N)
    X = torch.from_numpy(images).float().div(255).sub(0.5).div(0.5)
    Y = torch.from_numpy(labels)
    t0 = time.perf_counter()
    c0 = time.process_time()
    for m in range(members):
        torch.manual_seed(m)
        layers = []
        for i in range(len(widths) - 1):
            layers.append(nn.Linear(widths[i], widths[i + 1], bias=False))
            if i < len(widths) - 2:
                layers.append(nn.ReLU())
        net = nn.Sequential(*layers)
        opt = torch.optim.Adam(net.parameters(), lr=1e-3)
        if transforms:
            batches = iter(torch.utils.data.DataLoader(PerSampleMnist(images, labels), batch_size=B, shuffle=True))
        else:
            perm = torch.randperm(N)
            batches = ((X[perm[s * B:(s + 1) * B]], Y[perm[s * B:(s + 1) * B]]) for s in range(N // B))
        for s in range(steps):
            x, y = next(batches)
            opt.zero_grad()
            F.cross_entropy(net(x), y).backward()
            opt.step()
    dt = time.perf_counter() - t0
    cpu = time.process_time() - c0
    work = members * steps / (N / B)
    print(f"torch member widths={','.join(map(str, widths))} transforms={transforms}"
          f" member_epochs_per_s={work / dt:.4f} cpu_rate={work / cpu * threads:.4f} seconds={dt:.2f}", flush=True)


if __name__ == "__main__":
    if sys.argv[1] == "gemm":
        gemm(int(sys.argv[2]))
    else:
        member(int(sys.argv[2]), [int(w) for w in sys.argv[3].split(",")], int(sys.argv[4]), int(sys.argv[5]),
               int(sys.argv[6]))
