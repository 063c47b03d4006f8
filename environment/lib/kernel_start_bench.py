"""Times kernel starts: from launching the kernel process to its kernel_info reply, and to the result of a first
cell ('1+1'), for each kernelspec named on the command line, taking turns so that the machine's load falls on all
alike. Prints the load average before and after, and the median and spread of each.

    JUPYTER_DATA_DIR=... kernel_start_bench.py STARTS KERNELSPEC...

Run through `environment/bin/bench KernelStart [STARTS]`, which sets up the kernelspecs."""
import os
import queue
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

CELL = "1+1"


def one_start(name):
    """(seconds to the kernel_info reply, seconds to the first cell's result), both from the launch."""
    km = KernelManager(kernel_name=name)
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=120)  # sends kernel_info_request until one is answered
        ready = time.monotonic() - t0
        msg_id = kc.execute(CELL)
        result = None
        while result is None:
            msg = kc.get_iopub_msg(timeout=120)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "execute_result":
                result = time.monotonic() - t0
                if msg["content"]["data"].get("text/plain") != "2":
                    raise RuntimeError("%s answered %r to %s" % (name, msg["content"]["data"], CELL))
            elif msg["msg_type"] == "error":
                raise RuntimeError("%s failed on %s: %s" % (name, CELL, msg["content"]["evalue"]))
        return ready, result
    finally:
        kc.stop_channels()
        km.shutdown_kernel(now=True)


def load():
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def main():
    if len(sys.argv) < 3:
        print(__doc__, file=sys.stderr)
        return 2
    starts, names = int(sys.argv[1]), sys.argv[2:]
    times = {n: [] for n in names}
    print("%d starts of each of %s, taking turns; %s" % (starts, ", ".join(names), load()))
    for i in range(starts):
        for n in names:
            try:
                times[n].append(one_start(n))
            except (RuntimeError, queue.Empty) as e:
                print("start %d of %s failed: %s" % (i + 1, n, e))
                return 1
    print("after: " + load())
    print("%-24s %26s %26s" % ("kernelspec", "kernel_info reply (s)", "first result '1+1' (s)"))
    for n in names:
        ready = [r for r, _ in times[n]]
        first = [f for _, f in times[n]]
        print("%-24s %10.3f median [%.2f-%.2f] %10.3f median [%.2f-%.2f]" % (
            n, statistics.median(ready), min(ready), max(ready),
            statistics.median(first), min(first), max(first)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
