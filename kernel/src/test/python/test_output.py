"""Output throughput (issue 14): stream output is batched, capped per cell with a notice, ordered with displays,
and an interrupt stops a cell that prints without end. Prints the measured seconds; asserts only generous bounds.
Needs JUPYTER_DATA_DIR with the 'netgauss-java' kernelspec (default output limit, 10 MB)."""
import re
import threading
import time
import unittest

import kernelspec_fixture as kf

ANSI = re.compile(r"\x1b\[[0-9;]*m")


class Output(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.km, cls.kc = kf.start()
        kf.execute(cls.kc, "1")  # JShell's warm-up is not what is measured

    @classmethod
    def tearDownClass(cls):
        kf.stop(cls.km, cls.kc)

    def test_a_megabyte_line_by_line_arrives_whole(self):
        t0 = time.time()
        reply, outputs = kf.execute(self.kc, 'for (int i = 0; i < 100000; i++) System.out.println("line " + i);')
        seconds = time.time() - t0
        self.assertEqual("ok", reply["status"])
        text = kf.stdout_text(outputs)
        self.assertEqual("".join("line %d\n" % i for i in range(100000)), text)
        messages = sum(1 for k, c, _ in outputs if k == "stream")
        print("1.2 MB in 100000 printlns: %.2f s, %d stream messages" % (seconds, messages))
        self.assertLess(messages, 1000)

    def test_fifty_megabytes_are_truncated_at_the_limit_with_a_notice(self):
        t0 = time.time()
        reply, outputs = kf.execute(self.kc, textwrap_code(), timeout=120)
        seconds = time.time() - t0
        self.assertEqual("ok", reply["status"])
        out = kf.stdout_text(outputs)
        err = "".join(c["text"] for k, c, _ in outputs if k == "stream" and c["name"] == "stderr")
        print("50 MB printed line by line: %.2f s to the reply; %d bytes shown" % (seconds, len(out)))
        self.assertEqual(10 << 20, len(out.encode()))
        self.assertIn("output truncated: this cell printed more than 10 MB", err)
        self.assertEqual(1, err.count("output truncated"))
        self.assertLess(seconds, 60)
        # the next cell prints again
        reply, outputs = kf.execute(self.kc, 'System.out.println("next");')
        self.assertEqual("next\n", kf.stdout_text(outputs))

    def test_prints_and_displays_keep_their_order(self):
        reply, outputs = kf.execute(self.kc, 'System.out.println("before");\ndisplay("<b>shown</b>", "text/html");\n'
                                             'System.out.println("after");')
        self.assertEqual("ok", reply["status"])
        kinds = [(k, c.get("text", "").strip()) for k, c, _ in outputs if k in ("stream", "display_data")]
        self.assertEqual([("stream", "before"), ("display_data", ""), ("stream", "after")], kinds)

    def test_interrupt_stops_an_endless_println_loop(self):
        result = {}

        def run():
            result["reply"], result["outputs"] = kf.execute(self.kc, 'while (true) System.out.println("spam spam");',
                                                            timeout=120)

        worker = threading.Thread(target=run)
        worker.start()
        time.sleep(2)
        t0 = time.time()
        self.km.interrupt_kernel()
        worker.join(60)
        seconds = time.time() - t0
        print("interrupt of an endless println loop: error reply %.2f s after the interrupt" % seconds)
        self.assertFalse(worker.is_alive(), "the interrupt did not stop the loop within 60 s")
        self.assertEqual("error", result["reply"]["status"])
        self.assertIn("interrupted", ANSI.sub("", kf.error_text(result["outputs"])))
        reply, outputs = kf.execute(self.kc, "1 + 1")
        self.assertEqual("2", kf.result_data(outputs)["text/plain"])


def textwrap_code():
    # 50 MB: 1 000 000 lines of 52 bytes
    return ('String line = "x".repeat(51);\n'
            'for (int i = 0; i < 1_000_000; i++) System.out.println(line);')


if __name__ == "__main__":
    unittest.main()
