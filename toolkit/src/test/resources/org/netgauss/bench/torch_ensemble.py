"""PyTorch reference for org.netgauss.bench.TrainingBenchmark: the PIGMM paper's workload trained as one
batched ensemble (torch.bmm over members), each member with its own data order.

784 -> 10 -> 10 -> 10 -> 10, no bias, ReLU, cross-entropy, Adam(lr=1e-3), batch 100, N = 60000 random
samples (timing only). Adam is element-wise, so one Adam over [E, out, in] tensors is E independent Adams;
the loss is the sum over members of each member's batch-mean cross-entropy, so each member gets exactly its
own gradient. Prints one line per E: "torch E=<E> member_epochs_per_s=<x> steps=<s> seconds=<t>".
"""
import sys
import time

import torch
import torch.nn.functional as F


def bench(E, steps, threads, N=60000, B=100, widths=(784, 10, 10, 10, 10)):
    torch.set_num_threads(threads)
    g = torch.Generator().manual_seed(0)
    X = torch.rand(N, widths[0], generator=g) * 2 - 1
    Y = torch.randint(0, 10, (N,), generator=g)
    Ws = []
    for i in range(len(widths) - 1):
        bound = 1.0 / widths[i] ** 0.5
        Ws.append(((torch.rand(E, widths[i], widths[i + 1], generator=g) * 2 - 1) * bound).requires_grad_())
    opt = torch.optim.Adam(Ws, lr=1e-3)
    # each member its own permutation (argsort of uniforms = one independent shuffle per member)
    perm = torch.argsort(torch.rand(E, N, generator=g), dim=1)

    def step(s):
        idx = perm[:, s * B:(s + 1) * B]              # [E, B]
        h = X[idx]                                   # [E, B, 784] gathered per member
        y = Y[idx]
        for i, W in enumerate(Ws):
            h = torch.bmm(h, W)
            if i < len(Ws) - 1:
                h = F.relu(h)
        loss = F.cross_entropy(h.reshape(E * B, -1), y.reshape(-1), reduction="sum") / B
        opt.zero_grad(set_to_none=True)
        loss.backward()
        opt.step()

    step(0)  # warm-up
    t0 = time.perf_counter()
    for s in range(1, steps + 1):
        step(s % (N // B))
    dt = time.perf_counter() - t0
    rate = E * steps / (N / B) / dt
    print(f"torch E={E} member_epochs_per_s={rate:.4f} steps={steps} seconds={dt:.3f}", flush=True)


if __name__ == "__main__":
    threads = int(sys.argv[1]) if len(sys.argv) > 1 else 2
    for arg in sys.argv[2:]:
        E, steps = (int(v) for v in arg.split(":"))
        bench(E, steps, threads)
