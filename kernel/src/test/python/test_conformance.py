"""Jupyter protocol conformance of the netgauss Java kernel, with Debian's jupyter_kernel_test.

Run with Debian's python and JUPYTER_DATA_DIR pointing at a data dir holding the 'netgauss-java' kernelspec:
    /usr/bin/python3 -m unittest -v test_conformance
"""
import unittest

import jupyter_kernel_test


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


if __name__ == "__main__":
    unittest.main()
