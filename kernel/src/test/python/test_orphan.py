"""A kernel whose parent dies must not live on as an orphan (issue 14): start the 'netgauss-java' kernel from a short-lived
shell, as a notebook server or nbclient would start it, kill that shell with SIGKILL, and the kernel's JVM must be
gone within a few seconds. Needs JUPYTER_DATA_DIR with the 'netgauss-java' kernelspec."""
import os
import signal
import subprocess
import tempfile
import time
import unittest

from jupyter_client import BlockingKernelClient
from jupyter_client.connect import write_connection_file
from jupyter_client.kernelspec import KernelSpecManager

import kernelspec_fixture as kf

EXIT_WITHIN = 10  # seconds; the kernel polls its parent twice a second


def running(pid):
    """Whether pid is a live process (a zombie waiting for init to reap it counts as ended)."""
    try:
        with open("/proc/%d/stat" % pid) as f:
            return f.read().rsplit(")", 1)[1].split()[0] != "Z"
    except (FileNotFoundError, ProcessLookupError):
        return False


class Orphan(unittest.TestCase):
    def test_the_kernel_exits_when_the_process_that_started_it_is_killed(self):
        spec = KernelSpecManager().get_kernel_spec(kf.KERNEL)
        tmp = tempfile.mkdtemp(prefix="netgauss-orphan-")
        cf, _ = write_connection_file(os.path.join(tmp, "kernel.json"))
        argv = [a.replace("{connection_file}", cf) for a in spec.argv]
        env = dict(os.environ, **spec.env)
        env.pop("JPY_PARENT_PID", None)
        # the shell starts the kernel in the background, prints its pid and waits: the kernel's parent is the shell
        parent = subprocess.Popen(["/bin/sh", "-c", '"$@" & echo $!; wait', "sh"] + argv, env=env,
                                  stdout=subprocess.PIPE, text=True, start_new_session=True)
        kernel_pid = int(parent.stdout.readline())
        kc = BlockingKernelClient()
        kc.load_connection_file(cf)
        kc.start_channels()
        try:
            # no wait_for_ready: without a manager it takes a heartbeat not yet beating for a dead kernel
            kc.kernel_info(reply=True, timeout=60)
            self.assertTrue(running(kernel_pid))
            time.sleep(1.5)
            self.assertTrue(running(kernel_pid), "the kernel exited while its parent was alive")
            parent.send_signal(signal.SIGKILL)
            parent.wait()
            parent.stdout.close()
            t0 = time.time()
            while running(kernel_pid) and time.time() - t0 < EXIT_WITHIN:
                time.sleep(0.1)
            gone = not running(kernel_pid)
            print("kernel exited %.1f s after its parent was killed" % (time.time() - t0))
        finally:
            kc.stop_channels()
            if running(kernel_pid):
                os.kill(kernel_pid, signal.SIGKILL)
        self.assertTrue(gone, "the kernel (pid %d) outlived its parent by %d s" % (kernel_pid, EXIT_WITHIN))


if __name__ == "__main__":
    unittest.main()
