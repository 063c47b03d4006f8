"""The publish mode of environment/lib/run_notebooks.py (reproduce --publish): what it refuses to commit."""
import os
import sys
import tempfile
import unittest

import nbformat

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "..",
                                "environment", "lib"))
import run_notebooks  # noqa: E402


def notebook(*outputs, timestamps=True):
    cell = nbformat.v4.new_code_cell("1 + 1", outputs=list(outputs), execution_count=1)
    if timestamps:
        cell.metadata["execution"] = {"iopub.execute_input": "2026-12-03T20:00:00Z"}
    return nbformat.v4.new_notebook(cells=[nbformat.v4.new_markdown_cell("text"), cell])


def result(text):
    return nbformat.v4.new_output("execute_result", data={"text/plain": text}, execution_count=1)


class PublishTest(unittest.TestCase):
    forbidden = ["/home/ada", "/srv/netgauss", "/tmp"]

    def problem(self, nb):
        return run_notebooks.publish_problem(nb, nbformat.writes(nb), self.forbidden)

    def test_a_clean_notebook_is_published(self):
        self.assertIsNone(self.problem(notebook(result("2"), result("results/gaussian/pigmm.csv"))))

    def test_an_output_naming_the_home_or_repository_is_refused_with_its_cell(self):
        p = self.problem(notebook(result("Mnist[/home/ada/.cache/netgauss/mnist, ZERO_TO_ONE]")))
        self.assertEqual("code cell 1 shows the machine path /home/ada", p)
        p = self.problem(notebook(nbformat.v4.new_output("stream", name="stdout", text="wrote /srv/netgauss/x\n")))
        self.assertEqual("code cell 1 shows the machine path /srv/netgauss", p)
        p = self.problem(notebook(nbformat.v4.new_output("error", ename="E", evalue="/tmp/abc", traceback=[])))
        self.assertIn("/tmp", p)

    def test_a_path_that_only_starts_like_the_home_is_not_the_home(self):
        self.assertIsNone(self.problem(notebook(result("/home/adam is another user"))))

    def test_an_oversized_notebook_is_refused(self):
        big = notebook(result("x" * run_notebooks.MAX_PUBLISHED_BYTES))
        self.assertRegex(self.problem(big), r"^\d+ bytes, over the 5000000 allowed")

    def test_timestamps_are_stripped(self):
        nb = notebook(result("2"))
        run_notebooks.strip_timestamps(nb)
        self.assertNotIn("execution", nb.cells[1].metadata)
        self.assertNotIn("2026-12-03", nbformat.writes(nb))

    def test_the_machine_paths_are_the_repository_home_and_temporary_directory(self):
        with tempfile.TemporaryDirectory() as root:
            paths = run_notebooks.machine_paths(root)
            self.assertIn(os.path.abspath(root), paths)
            self.assertIn(os.path.expanduser("~"), paths)
            self.assertIn(tempfile.gettempdir(), paths)
            self.assertNotIn("/", paths)


if __name__ == "__main__":
    unittest.main()
