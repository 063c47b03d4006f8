"""Executes notebooks headless with the 'netgauss-java' kernel and writes the executed .ipynb and .html.

    /usr/bin/python3 run_notebooks.py --out build/notebooks [--timeout 3600] [--force] [--index build/site/index.html
        [--javadoc build/site/javadoc/index.html]] notebooks/*.ipynb

One line per notebook: name, seconds, ok / FAILED (reason) / up to date; while a notebook runs, its progress
(cell k of n) on stderr, rewritten in place on a terminal and every 10 s otherwise. A notebook fails when a cell raises,
or when its metadata lists MIME types under netgauss.expects (e.g. ["text/html", "image/png"]) and no
output has them. A notebook whose inputs (its source, the profile, the toolkit jar) are unchanged since its
last successful run is skipped unless --force. Exit code 1 if any notebook failed. With --index, writes an HTML
page that links every executed notebook with its status (and the toolkit's javadoc, with --javadoc), and prints its
path last.

Writes are atomic: each file goes to a temporary name first, then is renamed.

    --publish: the copies committed for readers (docs/notebooks/): only the executed .ipynb is written, without
    the cells' execution timestamps, and a notebook fails (and nothing is written for it) when an output names an
    absolute path of this machine (the repository, the home or the temporary directory) or the file would reach
    MAX_PUBLISHED_BYTES.
"""
import argparse
import hashlib
import html
import json
import os
import sys
import tempfile
import time

import nbformat
from nbclient import NotebookClient
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


def atomic_write(path, text):
    directory = os.path.dirname(os.path.abspath(path))
    fd, tmp = tempfile.mkstemp(dir=directory, prefix=".tmp-", suffix=os.path.basename(path))
    with os.fdopen(fd, "w", encoding="utf-8") as f:
        f.write(text)
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o666 & ~umask)  # mkstemp makes files private; results are for reading
    os.replace(tmp, path)


def fingerprint(path, extra):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        h.update(f.read())
    for item in extra:
        h.update(item.encode())
    return h.hexdigest()


def mime_types(nb):
    found = set()
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            found.update(out.get("data", {}).keys())
    return found


def kernel_log_tail(path, lines=15):
    """The end of the kernel's stderr, without the JVM's incubator-module notice, for a failure report."""
    try:
        with open(path) as f:
            text = [l.rstrip() for l in f if not l.startswith("WARNING: Using incubator modules")]
    except OSError:
        return ""
    text = [l for l in text if l][-lines:]
    return "" if not text else "\n    kernel stderr (%s):\n      " % path + "\n      ".join(text)


MAX_PUBLISHED_BYTES = 5_000_000


def machine_paths(root):
    """Absolute paths that must not appear in a published notebook: they belong to the machine that ran it."""
    paths = {os.path.abspath(root), os.path.expanduser("~"), tempfile.gettempdir()}
    return sorted(p for p in paths if p not in ("", "/"))


def publish_problem(nb, text, forbidden):
    """Why the executed notebook nb (serialised as text) may not be published, or None."""
    for i, cell in enumerate(c for c in nb.cells if c.cell_type == "code"):
        for out in cell.get("outputs", []):
            blob = json.dumps(out)
            for p in forbidden:
                if p + "/" in blob or '"' + p + '"' in blob:
                    return "code cell %d shows the machine path %s" % (i + 1, p)
    size = len(text.encode("utf-8"))
    if size >= MAX_PUBLISHED_BYTES:
        return "%d bytes, over the %d allowed for a published notebook" % (size, MAX_PUBLISHED_BYTES)
    return None


def strip_timestamps(nb):
    for cell in nb.cells:
        cell.get("metadata", {}).pop("execution", None)


def runs(cell):
    """Whether nbclient executes the cell (it skips markdown and blank code cells)."""
    return cell.cell_type == "code" and bool(cell.source.strip())


class Progress:
    """'name: cell k of n' on stderr: rewritten in place on a terminal, else a line at most every 10 s."""

    def __init__(self, name, cells, stream=sys.stderr):
        self.name, self.total, self.stream = name, cells, stream
        self.done, self.tty, self.last = 0, stream.isatty(), 0.0

    def cell_started(self, cell=None, **_):
        if cell is None or not runs(cell):
            return
        self.done += 1
        now = time.monotonic()
        text = "%s: cell %d of %d" % (self.name, self.done, self.total)
        if self.tty:
            self.stream.write("\r\033[K" + text)
            self.stream.flush()
        elif now - self.last >= 10:
            self.stream.write(text + "\n")
            self.stream.flush()
            self.last = now

    def finish(self):
        if self.tty and self.done:
            self.stream.write("\r\033[K")
            self.stream.flush()


def run_one(path, out_dir, timeout, kernel, force, stamp_extra, publish=None):
    name = os.path.splitext(os.path.basename(path))[0]
    out_ipynb = os.path.join(out_dir, name + ".ipynb")
    out_html = os.path.join(out_dir, name + ".html")
    stamp_file = os.path.join(out_dir, "." + name + ".stamp")
    stamp = fingerprint(path, stamp_extra)
    if not force and os.path.exists(out_html) and os.path.exists(stamp_file):
        with open(stamp_file) as f:
            if f.read().strip() == stamp:
                return name, 0.0, "up to date", True

    nb = nbformat.read(path, as_version=4)
    progress = Progress(name, sum(1 for c in nb.cells if runs(c)))
    client = NotebookClient(nb, timeout=timeout, kernel_name=kernel, startup_timeout=60,
                            resources={"metadata": {"path": os.path.dirname(os.path.abspath(path))}},
                            on_cell_start=progress.cell_started)
    t0 = time.monotonic()
    problem = None
    # the kernel's own stderr (JVM notices, ND4J's log) goes to a log beside the outputs, shown when a notebook fails
    kernel_log = os.path.join(tempfile.gettempdir() if publish else out_dir, name + ".kernel.log")
    log = open(kernel_log, "w")
    try:
        client.execute(stderr=log)
    except CellExecutionError as e:
        problem = "cell error: " + str(e).strip().splitlines()[-1][:200]
    except CellTimeoutError:
        problem = "a cell ran longer than %d s" % timeout
    except DeadKernelError as e:
        problem = "kernel died: %s" % e
    except RuntimeError as e:  # e.g. the kernel did not start
        problem = "kernel trouble: %s" % e
    finally:
        log.close()
        progress.finish()
    seconds = time.monotonic() - t0

    expects = nb.metadata.get("netgauss", {}).get("expects", [])
    missing = [m for m in expects if m not in mime_types(nb)]
    if problem is None and missing:
        problem = "no %s output, though the notebook shows one" % ", ".join(missing)

    if publish is not None:
        strip_timestamps(nb)
        text = nbformat.writes(nb)
        problem = problem or publish_problem(nb, text, publish)
        if problem is None:
            atomic_write(out_ipynb, text)
            os.remove(kernel_log)
            return name, seconds, "ok", True
        return name, seconds, "FAILED (" + problem + "; not published)" + kernel_log_tail(kernel_log), False
    atomic_write(out_ipynb, nbformat.writes(nb))
    from nbconvert import HTMLExporter
    html, _ = HTMLExporter().from_notebook_node(nb)
    atomic_write(out_html, html)
    if problem is None:
        atomic_write(stamp_file, stamp + "\n")
    elif os.path.exists(stamp_file):
        os.remove(stamp_file)
    if problem is None:
        return name, seconds, "ok", True
    return name, seconds, "FAILED (" + problem + ")" + kernel_log_tail(kernel_log), False


def write_index(index, out_dir, results, javadoc=None):
    """A page that links each executed notebook and, if given, the toolkit's HTML javadoc (relative links, so the
    tree can be moved or served)."""
    rows = []
    for name, seconds, status, ok in results:
        target = os.path.relpath(os.path.join(out_dir, name + ".html"), os.path.dirname(os.path.abspath(index)))
        state = status.split("\n")[0]
        rows.append('<tr><td><a href="%s">%s</a></td><td class="%s">%s</td><td>%.1f s</td></tr>'
                    % (html.escape(target), html.escape(name), "ok" if ok else "failed", html.escape(state),
                       seconds))
    docs = ""
    if javadoc:
        if not os.path.isfile(javadoc):
            raise SystemExit("run_notebooks: --javadoc %s: no such file (build the toolkit: mvn package)" % javadoc)
        link = os.path.relpath(os.path.abspath(javadoc), os.path.dirname(os.path.abspath(index)))
        docs = ('<p>API documentation: <a href="%s">netgauss toolkit javadoc</a></p>\n' % html.escape(link))
    page = ("<!DOCTYPE html>\n<html><head><meta charset=\"utf-8\"><title>netgauss notebooks</title>\n"
            "<style>body{font-family:sans-serif;margin:2em}td{padding:.3em 1em}.failed{color:#b00}</style>"
            "</head><body>\n<h1>netgauss notebooks</h1>\n%s<p>Profile: %s</p>\n<table>\n"
            "<tr><th>notebook</th><th>status</th><th>time</th></tr>\n%s\n</table>\n</body></html>\n"
            % (docs, html.escape(os.environ.get("NETGAUSS_PROFILE", "quick")), "\n".join(rows)))
    os.makedirs(os.path.dirname(os.path.abspath(index)), exist_ok=True)
    atomic_write(index, page)


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--timeout", type=int, default=3600, help="seconds per cell")
    parser.add_argument("--kernel", default="netgauss-java")
    parser.add_argument("--force", action="store_true")
    parser.add_argument("--stamp", action="append", default=[], help="extra inputs of the up-to-date check")
    parser.add_argument("--index", help="write an HTML index of the executed notebooks here")
    parser.add_argument("--publish", metavar="ROOT",
                        help="write only the .ipynb for readers, refusing outputs that name paths of this machine")
    parser.add_argument("--javadoc", help="with --index: the toolkit's javadoc index.html, linked from the page")
    parser.add_argument("notebooks", nargs="+")
    args = parser.parse_args(argv)
    publish = machine_paths(args.publish) if args.publish else None
    os.makedirs(args.out, exist_ok=True)
    stamp_extra = ["profile=" + os.environ.get("NETGAUSS_PROFILE", "quick")] + args.stamp
    failed = 0
    results = []
    for path in args.notebooks:
        name, seconds, status, ok = run_one(path, args.out, args.timeout, args.kernel, args.force or publish is not None,
                                         stamp_extra, publish)
        print("%-28s %7.1f s  %s" % (name, seconds, status), flush=True)
        results.append((name, seconds, status, ok))
        failed += 0 if ok else 1
    print("%d passed, %d failed" % (len(args.notebooks) - failed, failed))
    if args.index:
        write_index(args.index, args.out, results, args.javadoc)
        print("index: %s" % os.path.abspath(args.index))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
