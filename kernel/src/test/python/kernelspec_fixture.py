"""Shared helpers for the kernel's Python-driven tests: start the 'netgauss-java' kernel from JUPYTER_DATA_DIR, run code,
collect its iopub messages."""
import queue
import time

from jupyter_client.manager import start_new_kernel

TIMEOUT = 60
KERNEL = "netgauss-java"


def start(name=KERNEL, startup_timeout=30, **popen):
    """A started kernel and its client; popen (e.g. stderr=file) goes to the kernel's process."""
    km, kc = start_new_kernel(kernel_name=name, startup_timeout=startup_timeout, **popen)
    return km, kc


def stop(km, kc):
    kc.stop_channels()
    km.shutdown_kernel(now=True)


def execute(kc, code, timeout=TIMEOUT):
    """Runs code; returns (reply content, list of (msg_type, content, arrival time)) up to the idle status."""
    msg_id = kc.execute(code)
    outputs = []
    deadline = time.time() + timeout
    while True:
        remaining = deadline - time.time()
        if remaining <= 0:
            raise TimeoutError("no idle status for: " + code)
        try:
            msg = kc.get_iopub_msg(timeout=remaining)
        except queue.Empty:
            continue
        if msg["parent_header"].get("msg_id") != msg_id:
            continue
        kind = msg["msg_type"]
        if kind == "status" and msg["content"]["execution_state"] == "idle":
            break
        if kind not in ("status", "execute_input"):
            outputs.append((kind, msg["content"], time.time()))
    reply = kc.get_shell_msg(timeout=timeout)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=timeout)
    return reply["content"], outputs


def error_text(outputs):
    return "\n".join("\n".join(c.get("traceback", [])) for k, c, *_ in outputs if k == "error")


def stdout_text(outputs):
    return "".join(c["text"] for k, c, *_ in outputs if k == "stream" and c["name"] == "stdout")


def result_data(outputs):
    for k, c, _ in outputs:
        if k == "execute_result":
            return c["data"]
    return None
