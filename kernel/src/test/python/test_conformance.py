"""Jupyter protocol conformance of the netgauss Java kernel, with Debian's jupyter_kernel_test.

Run with Debian's python and JUPYTER_DATA_DIR pointing at a data dir holding the 'netgauss-java' kernelspec:
    /usr/bin/python3 -m unittest -v test_conformance
"""
import unittest

import jupyter_kernel_test
from jupyter_client.utils import run_sync
from jupyter_kernel_test.msgspec_v5 import validate_message

# jupyter_kernel_test allows 0.1 s between two iopub messages of one cell: on a machine loaded many times over
# (CI, 8 builds on 2 cores) the client's own receiving thread misses that. The order and content checks stay.
IOPUB_GAP = 10


class JavaKernelConformance(jupyter_kernel_test.KernelTests):
    kernel_name = "netgauss-java"
    language_name = "java"
    file_extension = ".jshell"

    code_hello_world = 'System.out.println("hello, world");'
    code_stderr = 'System.err.println("to stderr");'

    completion_samples = [
        {"text": "Math.abs", "matches": {"abs(", "absExact("}},
        {"text": "String.valueO", "matches": {"valueOf("}},
    ]

    complete_code_samples = ["int a = 1;", "System.out.println(1);", "class A {}"]
    incomplete_code_samples = ["for (int i = 0; i < 3; i++) {", "class B {", "String s = \"a\" +"]
    invalid_code_samples = ["}", "int x = );", "import ;"]

    code_generate_error = "throw new IllegalStateException(\"boom\");"

    code_execute_result = [
        {"code": "6 * 7", "result": "42"},
        {"code": "\"net\" + \"gauss\"", "result": "netgauss"},
        {"code": "java.util.List.of(1, 2)", "result": "[1, 2]"},
    ]

    code_display_data = [
        {"code": 'display("<b>bold</b>", "text/html");', "mime": "text/html"},
        {"code": "display(new java.awt.image.BufferedImage(4, 4, java.awt.image.BufferedImage.TYPE_INT_RGB));",
         "mime": "image/png"},
    ]

    code_history_pattern = "6 * 7*"
    supported_history_operations = ("tail", "range", "search")

    code_inspect_sample = "Math.abs"

    def execute_helper(self, code, timeout=jupyter_kernel_test.TIMEOUT, silent=False, store_history=True,
                       stop_on_error=True):
        msg_id = self.kc.execute(code=code, silent=silent, store_history=store_history, stop_on_error=stop_on_error)
        reply = self.get_non_kernel_info_reply(timeout=timeout)
        validate_message(reply, "execute_reply", msg_id)
        busy = run_sync(self.kc.iopub_channel.get_msg)(timeout=IOPUB_GAP)
        validate_message(busy, "status", msg_id)
        self.assertEqual("busy", busy["content"]["execution_state"])
        outputs = []
        while True:
            msg = run_sync(self.kc.iopub_channel.get_msg)(timeout=IOPUB_GAP)
            validate_message(msg, msg["msg_type"], msg_id)
            if msg["msg_type"] == "status":
                self.assertEqual("idle", msg["content"]["execution_state"])
                break
            if msg["msg_type"] == "execute_input":
                self.assertEqual(code, msg["content"]["code"])
                continue
            outputs.append(msg)
        return reply, outputs


if __name__ == "__main__":
    unittest.main()
