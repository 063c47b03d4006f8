"""Starts the 'netgauss-java' kernel N times in a row (default 50): every start must answer kernel_info, none may hang.
Prints the start-to-ready times (process start to the first kernel_info_reply), the start-to-first-result
times (process start to the result of a first cell '1', which waits for JShell to warm up and the startup
imports to run) and the per-cell overhead of a trivial cell, and writes them as JSON to $STARTUP_REPORT if set."""
import json
import os
import statistics
import sys
import time

from jupyter_client.manager import KernelManager

import kernelspec_fixture as kf

N = int(os.environ.get("STARTUP_RUNS", "50"))


def one_start():
    km = KernelManager(kernel_name=kf.KERNEL)
    t0 = time.monotonic()
    km.start_kernel()
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=30)
        ready = time.monotonic() - t0
        return km, kc, ready
    except Exception:
        kc.stop_channels()
        km.shutdown_kernel(now=True)
        raise


def main():
    ready_times, failures = [], []
    cell_times = []
    first_cell_times = []
    for i in range(N):
        try:
            km, kc, ready = one_start()
        except Exception as e:  # a hang shows as a timeout here
            failures.append("%d: %s" % (i, e))
            continue
        ready_times.append(ready)
        t0 = time.monotonic()
        kf.execute(kc, "1")
        first_cell_times.append(ready + time.monotonic() - t0)
        if i == 0:
            kf.execute(kc, "1")  # first cell warms the compiler
            for _ in range(20):
                t0 = time.monotonic()
                kf.execute(kc, "1")
                cell_times.append(time.monotonic() - t0)
        kc.stop_channels()
        km.shutdown_kernel(now=True)
    report = {
        "starts": N,
        "failures": failures,
        "ready_seconds_median": statistics.median(ready_times) if ready_times else None,
        "ready_seconds_max": max(ready_times) if ready_times else None,
        "first_result_seconds_median": statistics.median(first_cell_times) if first_cell_times else None,
        "trivial_cell_seconds_median": statistics.median(cell_times) if cell_times else None,
    }
    print(json.dumps(report, indent=2))
    if os.environ.get("STARTUP_REPORT"):
        with open(os.environ["STARTUP_REPORT"], "w") as f:
            json.dump(report, f, indent=2)
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
