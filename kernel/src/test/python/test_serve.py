"""`reproduce --serve`'s server (environment/lib/serve.sh) as issue 17 asks: it starts as root too, prints the URL
with its token, listens on 127.0.0.1 only, answers 403 without the token and 200 with it, and offers the
netgauss-java kernelspec of the private JUPYTER_DATA_DIR. Run from kernel/src/test/python."""
import json
import os
import re
import signal
import subprocess
import tempfile
import time
import unittest
import urllib.error
import urllib.request

import kernelspec_fixture as kf

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", "..", "..", ".."))


def status(url, headers=None):
    try:
        with urllib.request.urlopen(urllib.request.Request(url, headers=headers or {}), timeout=30) as r:
            return r.status, r.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, ""
    except (urllib.error.URLError, ConnectionError):
        return None, ""  # not listening yet


class Serve(unittest.TestCase):
    def test_the_server_needs_its_token_and_listens_on_localhost_only(self):
        notebooks = tempfile.mkdtemp(prefix="netgauss-serve-")
        env = dict(os.environ, JUPYTER_RUNTIME_DIR=tempfile.mkdtemp(prefix="netgauss-runtime-"),
                   JUPYTER_CONFIG_DIR=tempfile.mkdtemp(prefix="netgauss-config-"))
        env.pop("JUPYTER_TOKEN", None)
        server = subprocess.Popen([os.path.join(ROOT, "environment/lib/serve.sh"), notebooks], env=env,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                                  start_new_session=True)
        try:
            url = None
            log = []
            deadline = time.time() + 120
            while url is None and time.time() < deadline:
                line = server.stdout.readline()
                if not line:
                    break
                log.append(line)
                m = re.search(r"(http://127\.0\.0\.1:(\d+)/)\?token=([0-9a-f]{48})", line)
                if m:
                    url, port, token = m.group(1), m.group(2), m.group(3)
            self.assertIsNotNone(url, "no URL with a token printed:\n" + "".join(log))
            ok = None
            while time.time() < deadline:
                code, body = status(url + "api/kernelspecs", {"Authorization": "token " + token})
                if code == 200:
                    ok = body
                    break
                time.sleep(0.5)
            self.assertIsNotNone(ok, "the server never answered 200 with the token")
            self.assertIn(kf.KERNEL, json.loads(ok)["kernelspecs"])
            self.assertEqual(403, status(url + "api/kernelspecs")[0])
            self.assertEqual(403, status(url + "api/kernelspecs", {"Authorization": "token wrong"})[0])
            self.assertEqual(200, status(url + "api/status?token=" + token)[0])
            listening = subprocess.run(["ss", "-Hltn", "sport = :" + port], capture_output=True, text=True).stdout
            if listening.strip():
                self.assertNotIn("0.0.0.0:" + port, listening)
                self.assertNotIn("*:" + port, listening)
                self.assertIn("127.0.0.1:" + port, listening)
            if os.getuid() == 0:
                self.assertIsNone(server.poll(), "the server exited as root")
        finally:
            os.killpg(server.pid, signal.SIGTERM)
            try:
                server.wait(30)
            except subprocess.TimeoutExpired:
                os.killpg(server.pid, signal.SIGKILL)
            server.stdout.close()


if __name__ == "__main__":
    unittest.main()
