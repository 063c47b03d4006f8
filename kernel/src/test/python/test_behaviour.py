"""What a notebook user sees from the netgauss Java kernel: rich results, streaming, errors, interrupt and
the classpath magics. Needs JUPYTER_DATA_DIR with the 'netgauss-java' kernelspec whose classpath holds the toolkit
(its Extension renders Tablesaw tables and XChart charts)."""
import os
import re
import shutil
import subprocess
import tempfile
import textwrap
import threading
import time
import unittest
import urllib.parse
import urllib.request

import kernelspec_fixture as kf

ANSI = re.compile(r"\x1b\[[0-9;]*m")


def plain(text):
    return ANSI.sub("", text)


class KernelBehaviour(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kf.start()
        cls.tmp = tempfile.mkdtemp(prefix="netgauss-kernel-test-")

    @classmethod
    def tearDownClass(cls):
        kf.stop(cls.km, cls.kc)
        shutil.rmtree(cls.tmp, ignore_errors=True)

    def run_ok(self, code):
        reply, outputs = kf.execute(self.kc, code)
        self.assertEqual("ok", reply["status"], kf.error_text(outputs))
        return outputs

    def test_tablesaw_table_renders_as_html(self):
        outputs = self.run_ok(textwrap.dedent("""
            var t = tech.tablesaw.api.Table.create("demo",
                tech.tablesaw.api.IntColumn.create("n", 1, 2, 3),
                tech.tablesaw.api.StringColumn.create("s", "a", "b", "c"));
            t"""))
        data = kf.result_data(outputs)
        self.assertIsNotNone(data, outputs)
        self.assertIn("text/html", data)
        self.assertIn("<table", data["text/html"])
        self.assertIn("text/plain", data)

    def test_xchart_chart_renders_as_png(self):
        outputs = self.run_ok(textwrap.dedent("""
            var c = new org.knowm.xchart.XYChartBuilder().width(300).height(200).title("line").build();
            c.addSeries("y", new double[] {1, 2, 3}, new double[] {1, 4, 9});
            c"""))
        data = kf.result_data(outputs)
        self.assertIsNotNone(data, outputs)
        self.assertIn("image/png", data)
        self.assertTrue(data["image/png"].startswith("iVBORw0KGgo"), "not a base64 PNG")

    def test_stdout_streams_while_the_cell_runs(self):
        outputs = self.run_ok(textwrap.dedent("""
            System.out.println("first");
            Thread.sleep(1500);
            System.out.println("second");"""))
        streams = [(c["text"], t) for k, c, t in outputs if k == "stream" and c["name"] == "stdout"]
        self.assertEqual("first\nsecond\n", "".join(s for s, _ in streams))
        self.assertGreaterEqual(len(streams), 2, "output arrived in one piece, not as written")
        self.assertGreater(streams[-1][1] - streams[0][1], 1.0)

    def test_compile_error_names_the_line_and_the_problem(self):
        reply, outputs = kf.execute(self.kc, "int ok = 1;\nString s = 42;")
        self.assertEqual("error", reply["status"])
        text = plain(kf.error_text(outputs))
        self.assertIn("line 2", text)
        self.assertIn("incompatible types", text)

    def test_runtime_exception_shows_exception_and_user_frames_only(self):
        reply, outputs = kf.execute(self.kc, 'int f(String s) { return Integer.parseInt(s); }\nf("x1")')
        self.assertEqual("error", reply["status"])
        text = plain(kf.error_text(outputs))
        self.assertIn("java.lang.NumberFormatException", text)
        self.assertIn("at f(declared in the notebook)", text)
        self.assertNotIn("org.netgauss.kernel", text)

    def test_incomplete_cell_is_reported(self):
        reply, outputs = kf.execute(self.kc, "if (true) {\n  int x = 1;")
        self.assertEqual("error", reply["status"])
        self.assertIn("Incomplete cell", plain(kf.error_text(outputs)))

    def test_interrupt_stops_an_infinite_loop_and_the_kernel_stays_usable(self):
        result = {}

        def run():
            result["reply"], result["outputs"] = kf.execute(self.kc, "while (true) { }", timeout=60)

        worker = threading.Thread(target=run)
        worker.start()
        time.sleep(2)
        self.km.interrupt_kernel()
        worker.join(30)
        self.assertFalse(worker.is_alive(), "interrupt did not stop the loop")
        self.assertEqual("error", result["reply"]["status"])
        self.assertIn("interrupted", plain(kf.error_text(result["outputs"])))
        outputs = self.run_ok("1 + 1")
        self.assertEqual("2", kf.result_data(outputs)["text/plain"])

    def test_an_interrupt_while_the_cell_is_compiled_stops_it_as_it_starts(self):
        # the interrupt is sent the moment the kernel takes the cell (its 'busy'), while JShell compiles the first
        # of 40 snippets: it must stop the cell when its code starts, not be lost while the loop runs forever
        code = "int compiled = 0;\n" + "compiled++;\n" * 40 + "while (true) { }"
        msg_id = self.kc.execute(code)
        deadline = time.time() + 60
        while True:
            msg = self.kc.get_iopub_msg(timeout=max(0.1, deadline - time.time()))
            if (msg["parent_header"].get("msg_id") == msg_id and msg["msg_type"] == "status"
                    and msg["content"]["execution_state"] == "busy"):
                break
        sent = time.time()
        self.km.interrupt_kernel()
        reply = self.kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=30)
        print("interrupt during compilation: error reply %.2f s after the interrupt" % (time.time() - sent))
        self.assertEqual("error", reply["content"]["status"])
        error = reply["content"]
        self.assertIn("interrupted", plain(" ".join([error.get("evalue", "")] + error.get("traceback", []))))
        self.assertEqual("2", kf.result_data(self.run_ok("1 + 1"))["text/plain"])

    def test_an_interrupt_with_no_cell_running_does_not_stop_the_next_one(self):
        self.km.interrupt_kernel()
        time.sleep(0.5)  # let the control message arrive while the kernel is idle
        outputs = self.run_ok("long total = 0;\nfor (int i = 0; i < 20_000_000; i++) { total += i % 7; }\ntotal")
        self.assertEqual(str(sum(i % 7 for i in range(7)) * (20_000_000 // 7) + sum(range(20_000_000 % 7))),
                         kf.result_data(outputs)["text/plain"])

    def test_system_exit_fails_the_cell_and_the_kernel_lives(self):
        for code in ("System.exit(3);", "Runtime.getRuntime().halt(4);"):
            reply, outputs = kf.execute(self.kc, code)
            self.assertEqual("error", reply["status"])
            self.assertIn("would end the JVM that runs this notebook's kernel", plain(kf.error_text(outputs)))
        self.assertTrue(self.km.is_alive())
        self.assertEqual("2", kf.result_data(self.run_ok("1 + 1"))["text/plain"])

    def test_shift_tab_shows_the_toolkits_javadoc_and_help_links_it(self):
        self.run_ok("import org.netgauss.pigmm.*;")
        msg_id = self.kc.inspect("Pigmm.fit", len("Pigmm.fit"), detail_level=0)
        reply = self.kc.get_shell_msg(timeout=60)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=60)
        self.assertTrue(reply["content"]["found"])
        text = reply["content"]["data"]["text/plain"]
        self.assertIn("Fits the PIGMM to an ensemble of D x D matrices by moment matching", text)
        self.assertIn("f1, f2 = mean_n S_{0,1}", text)
        info = self.kc.kernel_info(reply=True, timeout=30)["content"]
        links = {link["text"]: link["url"] for link in info["help_links"]}
        self.assertIn("netgauss toolkit (javadoc)", links)
        # the kernelspec points it at the HTML javadoc the build wrote; the page is there and documents Pigmm
        url = urllib.parse.urlparse(links["netgauss toolkit (javadoc)"])
        self.assertEqual("file", url.scheme, links)
        index = urllib.request.url2pathname(url.path)
        self.assertTrue(os.path.isfile(index), index)
        pigmm = os.path.join(os.path.dirname(index), "org", "netgauss", "pigmm", "Pigmm.html")
        with open(pigmm, encoding="utf-8") as f:
            self.assertIn("moment matching", f.read())

    def test_unknown_magic_gives_a_clear_error(self):
        reply, outputs = kf.execute(self.kc, "%nosuchmagic x")
        self.assertEqual("error", reply["status"])
        text = plain(kf.error_text(outputs))
        self.assertIn("Unknown magic %nosuchmagic", text)
        self.assertIn("%jars", text)

    def _build_jar(self, package, cls, body):
        src = os.path.join(self.tmp, "src-" + cls)
        out = os.path.join(self.tmp, "classes-" + cls)
        pkg_dir = os.path.join(src, *package.split("."))
        os.makedirs(pkg_dir, exist_ok=True)
        path = os.path.join(pkg_dir, cls + ".java")
        with open(path, "w") as f:
            f.write("package %s;\npublic class %s { %s }\n" % (package, cls, body))
        subprocess.run(["javac", "--release", "17", "-d", out, path], check=True)
        jar = os.path.join(self.tmp, cls.lower() + ".jar")
        subprocess.run(["jar", "--create", "--file", jar, "-C", out, "."], check=True)
        return jar

    def test_jars_magic_adds_a_usable_class(self):
        jar = self._build_jar("greet", "Hello", 'public static String hi() { return "hi from a jar"; }')
        glob = os.path.join(os.path.dirname(jar), "hell*.jar")
        self.run_ok("%jars " + glob)
        outputs = self.run_ok("greet.Hello.hi()")
        self.assertEqual("hi from a jar", kf.result_data(outputs)["text/plain"])

    def test_maven_magic_resolves_from_a_repository_and_the_class_is_usable(self):
        jar = self._build_jar("org.example.tiny", "Tiny", "public static int answer() { return 42; }")
        repo = os.path.join(self.tmp, "repo")
        target = os.path.join(repo, "org", "example", "tiny", "1.0")
        os.makedirs(target, exist_ok=True)
        shutil.copy(jar, os.path.join(target, "tiny-1.0.jar"))
        with open(os.path.join(target, "tiny-1.0.pom"), "w") as f:
            f.write('<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>'
                    "<groupId>org.example</groupId><artifactId>tiny</artifactId><version>1.0</version></project>")
        self.run_ok("%mavenRepo scratch file://" + repo)
        outputs = self.run_ok("%maven org.example:tiny:1.0")
        self.run_ok("int answer = org.example.tiny.Tiny.answer();")
        self.assertEqual("42", kf.result_data(self.run_ok("answer"))["text/plain"])

    def test_load_magic_runs_a_script(self):
        script = os.path.join(self.tmp, "helpers.jsh")
        with open(script, "w") as f:
            f.write("int triple(int x) { return 3 * x; }\n")
        self.run_ok("%load " + script)
        self.assertEqual("21", kf.result_data(self.run_ok("triple(7)"))["text/plain"])

    def test_stdin_reads_through_an_input_request(self):
        msg_id = self.kc.execute('var line = new java.util.Scanner(System.in).nextLine();\nline.toUpperCase()',
                                 allow_stdin=True)
        req = self.kc.get_stdin_msg(timeout=30)
        self.assertEqual("input_request", req["msg_type"])
        self.kc.input("netgauss")
        reply = self.kc.get_shell_msg(timeout=30)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=30)
        self.assertEqual("ok", reply["content"]["status"])
        self.assertEqual("NETGAUSS", kf.result_data(self.run_ok("line.toUpperCase()"))["text/plain"])


class KernelRestart(unittest.TestCase):
    def test_restart_gives_a_fresh_session(self):
        km, kc = kf.start()
        try:
            reply, outputs = kf.execute(kc, "int before = 1;")
            self.assertEqual("ok", reply["status"])
            km.restart_kernel(now=False)
            kc.wait_for_ready(timeout=60)
            reply, outputs = kf.execute(kc, "before")
            self.assertEqual("error", reply["status"], "a variable survived the restart")
            reply, outputs = kf.execute(kc, "40 + 2")
            self.assertEqual("42", kf.result_data(outputs)["text/plain"])
        finally:
            kf.stop(km, kc)


if __name__ == "__main__":
    unittest.main()
