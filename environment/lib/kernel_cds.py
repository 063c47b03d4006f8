"""Writes the kernel's class-data-sharing archive (JDK 17's dynamic AppCDS, -XX:ArchiveClassesAtExit).

    kernel_cds.py <kernelspec dir> <archive>

Starts the kernel of the kernelspec once with -XX:ArchiveClassesAtExit, sends what a session starts with
(kernel_info, a few cells, a completion, an inspection), shuts it down so that the JVM writes the archive of every
class it loaded, and checks that the JVM maps the archive with the kernelspec's own options (-Xshare:on, which
fails on a damaged or mismatched archive). Only then is the archive moved to <archive>. Exit 0 when it is in
place; otherwise one line on stderr, exit 1, and <archive> is left as it was.
Run by environment/bin/setup; a kernel started from the archive skips loading and verifying those classes."""
import json
import os
import subprocess
import sys
import tempfile
import time

try:
    from jupyter_client.kernelspec import KernelSpecManager
    from jupyter_client.manager import KernelManager
except ImportError as missing:
    print("netgauss: kernel class archive: %s needs jupyter_client (%s)" % (sys.executable, missing), file=sys.stderr)
    sys.exit(1)

# what a first session does; the classes these load are the ones worth archiving
TRAINING_CELLS = [
    "1 + 1",
    "System.out.println(\"archive\");",
    "var xs = new ArrayList<Integer>(List.of(3, 1, 2)); Collections.sort(xs); xs",
    "String s = \"x\"; s.length()",
    "int broken = ;",
    "throw new IllegalStateException(\"archived error path\");",
]


def fail(message):
    print("netgauss: kernel class archive: " + message, file=sys.stderr)
    sys.exit(1)


def jvm_options(argv):
    """The kernelspec's argv without the options of an archive it may already use."""
    return [a for a in argv if not a.startswith("-XX:SharedArchiveFile=") and not a.startswith("-Xlog:cds")
            and not a.startswith("-XX:ArchiveClassesAtExit=")]


def train(spec, tmp_archive, workdir, log):
    argv = jvm_options(spec["argv"])
    spec = dict(spec, argv=[argv[0], "-XX:ArchiveClassesAtExit=" + tmp_archive] + argv[1:])
    kernels = os.path.join(workdir, "kernels")
    os.makedirs(os.path.join(kernels, "cds-training"))
    with open(os.path.join(kernels, "cds-training", "kernel.json"), "w") as f:
        json.dump(spec, f)
    km = KernelManager(kernel_name="cds-training", kernel_spec_manager=KernelSpecManager(kernel_dirs=[kernels]))
    km.start_kernel(stdout=log, stderr=log)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=300)
        for code in TRAINING_CELLS:
            kc.execute_interactive(code, timeout=300, output_hook=lambda msg: None)
        kc.complete("xs.si", 5, reply=True, timeout=120)
        kc.inspect("xs.size()", 4, reply=True, timeout=120)
        kc.shutdown()  # a normal exit: the JVM writes the archive on its way out
        deadline = time.time() + 300
        while km.is_alive() and time.time() < deadline:
            time.sleep(0.2)
        if km.is_alive():
            raise RuntimeError("the kernel did not exit within 300 s of shutdown_request")
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=True)
        km.cleanup_resources()
    return argv


def maps(argv, archive):
    """Whether the JVM of argv, with its options and classpath, maps the archive (-Xshare:on fails otherwise)."""
    cp = argv.index("-cp")
    check = [argv[0]] + argv[1:cp] + ["-XX:SharedArchiveFile=" + archive, "-Xshare:on", "-cp", argv[cp + 1],
                                       "-version"]
    return subprocess.run(check, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode == 0


def main():
    if len(sys.argv) != 3:
        print(__doc__.strip().splitlines()[2].strip(), file=sys.stderr)
        return 2
    spec_dir, archive = sys.argv[1], os.path.abspath(sys.argv[2])
    try:
        with open(os.path.join(spec_dir, "kernel.json")) as f:
            spec = json.load(f)
    except (OSError, ValueError) as e:
        fail("cannot read the kernelspec in %s: %s" % (spec_dir, e))
    os.makedirs(os.path.dirname(archive), exist_ok=True)
    tmp_archive = archive + ".tmp"
    with tempfile.TemporaryDirectory(prefix="netgauss-cds-") as workdir, \
            open(os.path.join(workdir, "kernel.log"), "w+") as log:
        try:
            if os.path.exists(tmp_archive):
                os.unlink(tmp_archive)
            argv = train(spec, tmp_archive, workdir, log)
            if not os.path.isfile(tmp_archive) or os.path.getsize(tmp_archive) == 0:
                log.seek(0)
                tail = " ".join(log.read().split()[-30:])
                raise RuntimeError("the kernel exited without writing it (%s)" % tail)
            if not maps(argv, tmp_archive):
                raise RuntimeError("the JVM cannot map the archive it just wrote")
            os.replace(tmp_archive, archive)
        except Exception as e:  # one line, whatever went wrong; the previous archive stays as it was
            if os.path.exists(tmp_archive):
                os.unlink(tmp_archive)
            fail(str(e) or type(e).__name__)
    print("netgauss: kernel class archive: %s (%d MB)" % (archive, os.path.getsize(archive) // 2**20))
    return 0


if __name__ == "__main__":
    sys.exit(main())
