"""The kernel's class archive (AppCDS), as environment/bin/setup writes it with environment/lib/kernel_cds.py: the
archive written from the installed kernelspec is one the JVM maps (a kernel started with -Xshare:on, which refuses
an archive it cannot map, runs a cell), and a kernel whose archive is missing, damaged or stale (written for other
jars) still starts and runs a cell, with nothing about the archive in its output.

Needs JUPYTER_DATA_DIR with the 'netgauss-java' kernelspec (see kernelspec_fixture)."""
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.manager import KernelManager

import kernelspec_fixture as kf

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", ".."))
WRITER = os.path.join(ROOT, "environment", "lib", "kernel_cds.py")
ARCHIVE_OPTIONS = ("-XX:SharedArchiveFile=", "-Xlog:cds", "-Xshare:")


class ClassArchive(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.tmp = tempfile.mkdtemp(prefix="netgauss-cds-test-")
        cls.kernels = os.path.join(cls.tmp, "kernels")
        spec_dir = KernelSpecManager().get_kernel_spec(kf.KERNEL).resource_dir
        with open(os.path.join(spec_dir, "kernel.json")) as f:
            cls.spec = json.load(f)
        cls.archive = os.path.join(cls.tmp, "kernel.jsa")
        cls.writer = subprocess.run([sys.executable, WRITER, spec_dir, cls.archive], capture_output=True, text=True,
                                    timeout=900)

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def kernelspec(self, name, *jvm_options):
        """The installed kernelspec with jvm_options (instead of its own archive options) as kernelspec 'name'."""
        argv = [a for a in self.spec["argv"] if not a.startswith(ARCHIVE_OPTIONS)]
        spec = dict(self.spec, argv=argv[:1] + list(jvm_options) + argv[1:])
        os.makedirs(os.path.join(self.kernels, name))
        with open(os.path.join(self.kernels, name, "kernel.json"), "w") as f:
            json.dump(spec, f)
        return name

    def assert_starts_and_runs_a_cell(self, name):
        """Starts kernelspec 'name', runs 1 + 1, and returns everything the kernel process printed."""
        log_path = os.path.join(self.tmp, name + ".log")
        with open(log_path, "w") as log:
            km = KernelManager(kernel_name=name, kernel_spec_manager=KernelSpecManager(kernel_dirs=[self.kernels]))
            km.start_kernel(stdout=log, stderr=log)
            kc = km.client()
            kc.start_channels()
            try:
                kc.wait_for_ready(timeout=120)
                reply, outputs = kf.execute(kc, "1 + 1", timeout=120)
                self.assertEqual("ok", reply["status"], kf.error_text(outputs))
                self.assertEqual("2", kf.result_data(outputs)["text/plain"])
            finally:
                kf.stop(km, kc)
        with open(log_path, errors="replace") as f:
            return f.read()

    def assert_nothing_about_the_archive(self, output):
        lines = [line for line in output.splitlines()
                 if "cds" in line.lower() or "shared archive" in line.lower() or "sharing" in line.lower()]
        self.assertEqual([], lines, output)

    def test_the_written_archive_is_mapped_by_the_kernel(self):
        self.assertEqual(0, self.writer.returncode, self.writer.stderr)
        self.assertIn("kernel class archive: " + self.archive, self.writer.stdout)
        self.assertGreater(os.path.getsize(self.archive), 1 << 20)
        self.assertFalse(os.path.exists(self.archive + ".tmp"))
        # -Xshare:on: the JVM refuses to start rather than run without the archive
        self.assert_starts_and_runs_a_cell(
            self.kernelspec("mapped", "-XX:SharedArchiveFile=" + self.archive, "-Xshare:on"))

    def test_a_missing_archive_is_ignored(self):
        output = self.assert_starts_and_runs_a_cell(self.kernelspec(
            "missing", "-XX:SharedArchiveFile=" + os.path.join(self.tmp, "absent.jsa"), "-Xlog:cds=off,cds+dynamic=off"))
        self.assert_nothing_about_the_archive(output)

    def test_a_damaged_archive_is_ignored(self):
        damaged = os.path.join(self.tmp, "damaged.jsa")
        with open(damaged, "wb") as f:
            f.write(os.urandom(1 << 16))
        output = self.assert_starts_and_runs_a_cell(self.kernelspec(
            "damaged", "-XX:SharedArchiveFile=" + damaged, "-Xlog:cds=off,cds+dynamic=off"))
        self.assert_nothing_about_the_archive(output)

    def test_a_stale_archive_written_for_other_jars_is_ignored(self):
        # an archive of a JVM whose classpath lists the same jars in another order: not this kernel's
        argv = [a for a in self.spec["argv"] if not a.startswith(ARCHIVE_OPTIONS)]
        cp = argv.index("-cp")
        other_cp = ":".join(reversed(argv[cp + 1].split(":")))
        stale = os.path.join(self.tmp, "stale.jsa")
        subprocess.run([argv[0], "-XX:ArchiveClassesAtExit=" + stale] + argv[1:cp]
                       + ["-cp", other_cp, "org.netgauss.kernel.KernelMain"], capture_output=True, timeout=300)
        self.assertTrue(os.path.isfile(stale), "no archive for the other classpath was written")
        output = self.assert_starts_and_runs_a_cell(self.kernelspec(
            "stale", "-XX:SharedArchiveFile=" + stale, "-Xlog:cds=off,cds+dynamic=off"))
        self.assert_nothing_about_the_archive(output)


if __name__ == "__main__":
    unittest.main()
