"""Tests of netgauss.py with Debian's python3 (numpy, torch). Run by PythonHelperIT in `mvn verify`, which first
makes a real run with the CLI and writes what the Java side reads from it into $NETGAUSS_TEST_DATA:

    expected/arrays.json            {"<epoch>/<name>": {"shape": [...], "dtype": "<f4"}} for every checkpoint array
    expected/<epoch>-<name>.raw     the array's values as Java read them (RunDir), little-endian, C order
    expected/metrics.json           the committed metrics rows as Java parsed them
    torch/members.raw               float32 [N, D, D] made in Java (shape in torch/expected-fit.json)
    torch/expected-fit.json         Pigmm.fit of those values in Java: shape and f1..f13

By hand: /usr/bin/python3 -m unittest -v test_netgauss (in environment/python, after the IT wrote the data).
"""

import json
import os
import shutil
import tempfile
import unittest

import numpy as np
import torch

import netgauss
from netgauss import NetgaussError

DATA = os.environ.get("NETGAUSS_TEST_DATA", "")


def data(*parts):
    if not DATA or not os.path.isdir(DATA):
        raise AssertionError("NETGAUSS_TEST_DATA is not set to the folder PythonHelperIT writes; run this test"
                             " through 'mvn verify' (PythonHelperIT) or set it by hand")
    return os.path.join(DATA, *parts)


class Crc32cTest(unittest.TestCase):
    def test_known_vectors(self):
        # RFC 3720 §B.4 and the CRC catalogue's check value
        self.assertEqual("e3069283", netgauss.crc32c(b"123456789"))
        self.assertEqual("8a9136aa", netgauss.crc32c(bytes(32)))
        self.assertEqual("62a8ab43", netgauss.crc32c(b"\xff" * 32))
        self.assertEqual("46dd794e", netgauss.crc32c(bytes(range(32))))
        self.assertEqual("00000000", netgauss.crc32c(b""))

    def test_lanes_agree_with_the_byte_loop(self):
        rng = np.random.default_rng(7)
        for size in (255, 256, 511, 512, 4097, 100003, 1 << 20):
            b = rng.integers(0, 256, size, dtype=np.uint8).tobytes()
            slow = "%08x" % (netgauss._register(b, 0xFFFFFFFF) ^ 0xFFFFFFFF)
            self.assertEqual(slow, netgauss.crc32c(b), size)

    def test_one_flipped_bit_changes_it(self):
        b = bytearray(np.random.default_rng(8).integers(0, 256, 70000, dtype=np.uint8).tobytes())
        before = netgauss.crc32c(bytes(b))
        b[12345] ^= 0x10
        self.assertNotEqual(before, netgauss.crc32c(bytes(b)))


class RunTest(unittest.TestCase):
    def setUp(self):
        self.run_dir = data("run")
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def copy(self):
        d = os.path.join(self.tmp, "run")
        shutil.copytree(self.run_dir, d)
        return d

    def test_arrays_equal_what_java_read(self):
        run = netgauss.Run(self.run_dir).verify()
        self.assertEqual("complete", run.status)
        with open(data("expected", "arrays.json")) as f:
            expected = json.load(f)
        self.assertEqual(sorted(expected), sorted("%d/%s" % (e, n) for e in run.epochs for n in run.arrays(e)))
        self.assertIn("probabilities", run.arrays(run.epochs[-1]))
        for key, meta in expected.items():
            epoch, name = key.split("/")
            a = run.array(int(epoch), name)
            want = np.fromfile(data("expected", "%s-%s.raw" % (epoch, name)), dtype=meta["dtype"]).reshape(meta["shape"])
            self.assertEqual(want.dtype, a.dtype, key)
            self.assertEqual(want.shape, a.shape, key)
            np.testing.assert_array_equal(want, a, key)
        w = run.weights(run.epochs[-1], "W2")
        self.assertEqual(np.float32, w.dtype)
        self.assertEqual(3, w.ndim)
        p = run.probabilities(run.epochs[-1])
        np.testing.assert_allclose(p.sum(axis=2), 1, atol=1e-5)

    def test_metrics_equal_what_java_parsed(self):
        m = netgauss.Run(self.run_dir).metrics()
        with open(data("expected", "metrics.json")) as f:
            rows = json.load(f)
        self.assertEqual(len(rows), len(m["epoch"]))
        for i, r in enumerate(rows):
            self.assertEqual(r["member"], m["member"][i])
            self.assertEqual(r["epoch"], m["epoch"][i])
            for key, col in (("lr", "lr"), ("trainLoss", "train_loss"), ("trainAccuracy", "train_accuracy")):
                self.assertEqual(r[key], m[col][i], "%s row %d" % (col, i))  # exact: shortest round-trip decimals
            self.assertEqual(r["stopped"], bool(m["stopped"][i]))

    def test_metrics_rows_past_the_manifest_are_ignored(self):
        d = self.copy()
        with open(os.path.join(d, "metrics.csv"), "a") as f:
            f.write("0,99,0.1,9.9,0.5,,,false\n")  # what a killed writer leaves behind
        m = netgauss.Run(d).metrics()
        self.assertNotIn(99, m["epoch"])

    def test_cli_returns_the_json_of_the_schema(self):
        run = netgauss.Run(self.run_dir)
        w2 = run.path("checkpoints/epoch-%03d/W2.npy" % run.epochs[-1])
        fit = netgauss.cli("fit", w2, "--model", "pigmm")
        self.assertEqual("pigmm", fit["model"])
        self.assertEqual(run.weights(run.epochs[-1], "W2").shape[0], fit["members"])
        self.assertEqual(["f%d" % k for k in range(1, 14)], list(fit["pigmmParameters"]))
        inv = netgauss.cli("invariants", w2, "--set", "paper")
        self.assertAlmostEqual(1 / np.sqrt(fit["members"]), inv["noiseFloor"], places=15)
        self.assertEqual(39, len(inv["invariants"]))

    # -- hostile run directories

    def assert_one_line(self, fn, *fragments):
        with self.assertRaises(NetgaussError) as c:
            fn()
        msg = str(c.exception)
        self.assertNotIn("\n", msg)
        for f in fragments:
            self.assertIn(f, msg)
        return msg

    def test_truncated_manifest(self):
        d = self.copy()
        m = os.path.join(d, "manifest.json")
        with open(m, "rb") as f:
            text = f.read()
        with open(m, "wb") as f:
            f.write(text[: len(text) // 2])
        self.assert_one_line(lambda: netgauss.Run(d), "manifest.json", "corrupt manifest, not JSON")

    def test_wrong_crc(self):
        d = self.copy()
        run = netgauss.Run(d)
        rel = "checkpoints/epoch-%03d/W2.npy" % run.epochs[-1]
        with open(os.path.join(d, rel), "r+b") as f:
            f.seek(-3, 2)
            b = f.read(1)
            f.seek(-3, 2)
            f.write(bytes([b[0] ^ 0x01]))
        run = netgauss.Run(d)  # same length: opening succeeds, reading checks the CRC
        self.assert_one_line(lambda: run.weights(run.epochs[-1], "W2"), "W2.npy is damaged: its CRC-32C is")
        self.assert_one_line(run.verify, "W2.npy is damaged")
        run.weights(run.epochs[0], "W2")  # the other files still read

    def test_truncated_checkpoint(self):
        d = self.copy()
        rel = os.path.join(d, "checkpoints", "epoch-000", "W1.npy")
        with open(rel, "r+b") as f:
            f.truncate(100)
        self.assert_one_line(lambda: netgauss.Run(d), "W1.npy is damaged (truncated: 100 bytes")

    def test_missing_file_and_manifest_and_foreign_json(self):
        d = self.copy()
        os.remove(os.path.join(d, "metrics.csv"))
        self.assert_one_line(lambda: netgauss.Run(d), "metrics.csv is missing")
        self.assert_one_line(lambda: netgauss.Run(self.tmp), "manifest.json is missing")
        for text, fragment in (('[1, 2]', "expected a JSON object"),
                               ('{"format": "other"}', "is not a netgauss run"),
                               ('{"format": "netgauss-run", "formatVersion": 99}', "newer than this helper"),
                               ('{"format": "netgauss-run", "formatVersion": 1, "status": "odd"}', "'status'"),
                               ('{"format": "netgauss-run", "formatVersion": 1, "status": "complete",'
                                ' "epochsDone": "2", "checkpoints": []}', "'epochsDone'"),
                               (b"\xff\xfe{}", "not JSON")):
            with open(os.path.join(d, "manifest.json"), "wb") as f:
                f.write(text if isinstance(text, bytes) else text.encode())
            self.assert_one_line(lambda: netgauss.Run(d), fragment)

    def test_unknown_epoch_and_array(self):
        run = netgauss.Run(self.run_dir)
        self.assert_one_line(lambda: run.weights(12345, "W2"), "no checkpoint for epoch 12345")
        self.assert_one_line(lambda: run.weights(run.epochs[0], "W9"), "no array 'W9'")


class StateDictTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.mkdtemp()

    def tearDown(self):
        shutil.rmtree(self.tmp)

    def test_torch_round_trip_fits_as_in_java(self):
        with open(data("torch", "expected-fit.json")) as f:
            expected = json.load(f)
        n, d = expected["shape"][0], expected["shape"][1]
        members = np.fromfile(data("torch", "members.raw"), dtype="<f4").reshape(expected["shape"])
        # the authors' way: one state_dict per network, saved with torch.save
        files = []
        for k in range(n):
            net = torch.nn.Sequential(torch.nn.Linear(3, d), torch.nn.Tanh(), torch.nn.Linear(d, d, bias=False))
            with torch.no_grad():
                net[2].weight.copy_(torch.from_numpy(members[k]))
            p = os.path.join(self.tmp, "member-%d.pt" % k)
            torch.save(net.state_dict(), p)
            files.append(p)
        dicts = [torch.load(p) for p in files]
        ens = netgauss.ensemble_from_state_dicts(dicts, "2.weight")
        self.assertEqual(np.float32, ens.dtype)
        np.testing.assert_array_equal(members, ens)
        path = netgauss.save_ensemble(os.path.join(self.tmp, "W.npy"), ens)
        np.testing.assert_array_equal(members, np.load(path))
        fit = netgauss.cli("fit", path, "--model", "pigmm")
        self.assertEqual(n, fit["members"])
        for k in range(1, 14):
            self.assertEqual(expected["f%d" % k], fit["pigmmParameters"]["f%d" % k], "f%d" % k)  # bit for bit

    def test_numpy_state_dicts_work_too(self):
        dicts = [{"w": np.full((2, 3), float(k))} for k in range(4)]
        e = netgauss.ensemble_from_state_dicts(dicts, "w")
        self.assertEqual((4, 2, 3), e.shape)
        self.assertEqual(3.0, e[3, 1, 2])

    def test_bad_state_dicts_give_one_line(self):
        good = {"fc.weight": torch.zeros(3, 4), "fc.bias": torch.zeros(3)}
        cases = (
            ([good, {"fc.weight": torch.zeros(4, 3)}], "state_dict 1, key 'fc.weight': shape [4, 3], but state_dict 0 has [3, 4]"),
            ([good, {"other": torch.zeros(3, 4)}], "state_dict 1, key 'fc.weight': no such key; it has other"),
            ([good, {"fc.weight": torch.zeros(3, 4, 1)}], "expected a weight matrix [out, in]"),
            ([good, {"fc.weight": torch.tensor([[float("nan")] * 4] * 3)}], "state_dict 1, key 'fc.weight': holds NaN"),
            ([good], "at least 2 state_dicts, found 1"),
            ([good, [1, 2]], "state_dict 1 is a list, expected a mapping"),
            ([good, {"fc.weight": np.array([["a"] * 4] * 3)}], "expected numbers"),
        )
        for dicts, fragment in cases:
            with self.assertRaises(NetgaussError) as c:
                netgauss.ensemble_from_state_dicts(dicts, "fc.weight")
            self.assertIn(fragment, str(c.exception))
            self.assertNotIn("\n", str(c.exception))
        with self.assertRaises(NetgaussError) as c:
            netgauss.ensemble_from_state_dicts([good, good], "fc.bias")
        self.assertIn("shape [3], expected a weight matrix", str(c.exception))

    def test_cli_failure_is_the_clis_one_line(self):
        bad = os.path.join(self.tmp, "bad.npy")
        np.save(bad, np.zeros((1, 5, 5), dtype=np.float32))
        with self.assertRaises(NetgaussError) as c:
            netgauss.cli("fit", bad)
        self.assertEqual(1, c.exception.exit_code)
        self.assertIn("bad.npy", str(c.exception))
        self.assertNotIn("\n", str(c.exception))
        with self.assertRaises(NetgaussError) as c:
            netgauss.save_ensemble(os.path.join(self.tmp, "x.npy"), np.zeros((1, 2, 2)))
        self.assertIn("N >= 2", str(c.exception))


if __name__ == "__main__":
    unittest.main()
