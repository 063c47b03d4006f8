"""netgauss from Python: read run directories, call the command line, turn PyTorch state_dicts into ensembles.

NumPy is the only dependency (PyTorch tensors are accepted where the authors' checkpoints hold them, but torch is
never imported). Put this file's folder on the path and import it::

    import sys; sys.path.insert(0, "/path/to/netgauss/environment/python")   # or PYTHONPATH=.../environment/python
    import netgauss

    run = netgauss.Run("notebooks/runs/quick/gaussian")     # manifest checked, every listed file present
    w2 = run.weights(50, "W2")                              # float32 [E, out, in], its CRC-32C checked
    p = run.probabilities(50)                               # [E, S, C]
    m = run.metrics()                                       # dict: column -> 1-D array (committed rows only)
    fit = netgauss.cli("fit", run.path("checkpoints/epoch-050/W2.npy"))   # dict, see docs/schema/fit.schema.json

    ens = netgauss.ensemble_from_state_dicts([torch.load(f) for f in files], "fc2.weight")
    netgauss.save_ensemble("W2.npy", ens)                   # [N, out, in] float32, what `netgauss fit` reads

Every problem is a :class:`NetgaussError` whose message is one line naming the file (or member, or key).
The run-directory layout is that of ``org.netgauss.store.RunDir``; the JSON of every subcommand is documented in
``docs/schema/<subcommand>.schema.json``.
"""

import csv
import json
import os
import subprocess

import numpy as np

__all__ = ["NetgaussError", "Run", "crc32c", "cli", "ensemble_from_state_dicts", "save_ensemble", "launcher"]

FORMAT = "netgauss-run"
FORMAT_VERSION = 1
_STATUSES = ("running", "complete", "partial")


class NetgaussError(Exception):
    """A damaged run directory, a bad ensemble or a failed command: one line saying what and where."""


# ---- CRC-32C (Castagnoli), as the manifest records it ------------------------------------------------------------

def _table():
    t = np.zeros(256, dtype=np.uint32)
    for i in range(256):
        c = i
        for _ in range(8):
            c = (c >> 1) ^ 0x82F63B78 if c & 1 else c >> 1
        t[i] = c
    return t


_TABLE = _table()
_TABLE_LIST = [int(x) for x in _TABLE]


def _register(data, reg):
    """The CRC register after feeding ``data`` (bytes) into ``reg``: reflected CRC-32C, one byte at a time."""
    t = _TABLE_LIST
    for b in data:
        reg = t[(reg ^ b) & 0xFF] ^ (reg >> 8)
    return reg


def _zeros_operator(n):
    """The register map of feeding ``n`` zero bytes (linear over GF(2)): column i is the image of bit i."""
    cols = np.array([1 << i for i in range(32)], dtype=np.uint32)
    for _ in range(n):
        cols = _TABLE[cols & 0xFF] ^ (cols >> np.uint32(8))
    return [int(c) for c in cols]


def _apply(cols, reg):
    out = 0
    i = 0
    while reg:
        if reg & 1:
            out ^= cols[i]
        reg >>= 1
        i += 1
    return out


def crc32c(data):
    """CRC-32C of ``data`` (bytes) as 8 lower-case hex digits, as in a run's manifest (RFC 3720 §B.4).

    Large inputs are cut into lanes whose registers NumPy advances side by side; the register is linear in its
    input, so the lanes are joined with the operator of feeding one lane's length of zero bytes.
    """
    data = memoryview(data).cast("B")
    n = len(data)
    lanes = min(4096, n // 256)
    if lanes < 2:
        return "%08x" % (_register(data, 0xFFFFFFFF) ^ 0xFFFFFFFF)
    length = n // lanes
    block = np.frombuffer(data, dtype=np.uint8, count=lanes * length).reshape(lanes, length).T.copy()
    regs = np.zeros(lanes, dtype=np.uint32)
    eight = np.uint32(8)
    for row in block:
        regs = _TABLE[(regs ^ row) & 0xFF] ^ (regs >> eight)
    shift = _zeros_operator(length)
    reg = 0xFFFFFFFF
    for r in regs:
        reg = _apply(shift, reg) ^ int(r)
    reg = _register(data[lanes * length:], reg)
    return "%08x" % (reg ^ 0xFFFFFFFF)


# ---- .npy ---------------------------------------------------------------------------------------------------------

def _load_npy(path, raw):
    """An array from the bytes of a .npy file (float32/float64/int32/int64, C order), naming the file on failure."""
    import io
    try:
        a = np.load(io.BytesIO(raw), allow_pickle=False)
    except (ValueError, EOFError, OSError) as e:
        raise NetgaussError("%s: not a readable .npy file (%s)" % (path, str(e).splitlines()[0] if str(e) else e))
    if a.dtype.str not in ("<f4", "<f8", "<i4", "<i8"):
        raise NetgaussError("%s: dtype %s, expected <f4, <f8, <i4 or <i8" % (path, a.dtype.str))
    return a


# ---- run directories ----------------------------------------------------------------------------------------------

class Run:
    """A netgauss run directory, read-only: ``manifest.json``, ``metrics.csv``, ``checkpoints/epoch-XXX/*.npy``,
    ``snapshots/step-XXXXXXX.npy``.

    Opening it checks the manifest's format and fields and that every file it lists exists with its recorded length
    (a truncated checkpoint is reported at once); each file's CRC-32C is checked when it is read, and
    :meth:`verify` checks them all.
    """

    def __init__(self, directory):
        self.directory = os.fspath(directory)
        manifest = os.path.join(self.directory, "manifest.json")
        try:
            with open(manifest, "rb") as f:
                text = f.read()
        except FileNotFoundError:
            raise NetgaussError("%s is missing: %s is not a netgauss run directory" % (manifest, self.directory))
        except OSError as e:
            raise NetgaussError("could not read %s: %s" % (manifest, e.strerror or e))
        try:
            m = json.loads(text.decode("utf-8"))
        except (UnicodeDecodeError, ValueError) as e:
            raise NetgaussError("%s: corrupt manifest, not JSON (%s)" % (manifest, str(e).splitlines()[0]))
        if not isinstance(m, dict):
            raise NetgaussError("%s: corrupt manifest, expected a JSON object" % manifest)
        self._file = manifest
        if m.get("format") != FORMAT:
            raise NetgaussError("%s: format %r is not a netgauss run (%s)" % (manifest, m.get("format"), FORMAT))
        self._need(m, "formatVersion", int)
        if m["formatVersion"] > FORMAT_VERSION:
            raise NetgaussError("%s: format version %d is newer than this helper reads (%d); update netgauss"
                                % (manifest, m["formatVersion"], FORMAT_VERSION))
        if m.get("status") not in _STATUSES:
            raise NetgaussError("%s: corrupt manifest, field 'status' is %r, expected one of %s"
                                % (manifest, m.get("status"), ", ".join(_STATUSES)))
        self._need(m, "epochsDone", int)
        self._need(m, "checkpoints", list)
        for i, c in enumerate(m["checkpoints"]):
            if not (isinstance(c, dict) and _is_int(c.get("epoch")) and isinstance(c.get("arrays"), dict)):
                raise NetgaussError("%s: corrupt manifest, checkpoints[%d] needs an integer 'epoch' and an"
                                    " object 'arrays'" % (manifest, i))
        files = m.get("files")
        if files is not None:
            if not isinstance(files, dict):
                raise NetgaussError("%s: corrupt manifest, field 'files' is not an object" % manifest)
            for name, e in files.items():
                if not (isinstance(e, dict) and _is_int(e.get("bytes")) and isinstance(e.get("crc32c"), str)):
                    raise NetgaussError("%s: corrupt manifest, files[%r] needs 'bytes' and 'crc32c'" % (manifest, name))
        self.manifest = m
        self._files = files
        for name in files or {}:
            self._size_ok(name)

    def _need(self, m, key, kind):
        if not (key in m and (_is_int(m[key]) if kind is int else isinstance(m[key], kind))):
            raise NetgaussError("%s: corrupt manifest, field %r is missing or not %s"
                                % (self._file, key, "an integer" if kind is int else "a " + kind.__name__))

    # -- what the manifest says

    @property
    def status(self):
        """'running', 'complete' or 'partial'."""
        return self.manifest["status"]

    @property
    def config(self):
        """The training configuration (the manifest's ``config`` object)."""
        return self.manifest.get("config")

    @property
    def epochs(self):
        """Epochs with a complete checkpoint, ascending (0 = initialisation)."""
        return sorted(c["epoch"] for c in self.manifest["checkpoints"])

    @property
    def snapshot_steps(self):
        """Global steps with a probability snapshot, ascending."""
        return sorted(s["step"] for s in self.manifest.get("snapshots", []))

    def path(self, relative):
        """The absolute path of a file of the run (e.g. ``checkpoints/epoch-050/W2.npy``), to hand to :func:`cli`."""
        return os.path.join(os.path.abspath(self.directory), relative)

    def arrays(self, epoch):
        """Names of the arrays of a checkpoint: W1.., b1.. (if biases), probabilities (if recorded)."""
        return list(self._checkpoint(epoch)["arrays"])

    # -- reading, checked

    def read(self, relative):
        """The bytes of a file of the run after checking its length and CRC-32C against the manifest."""
        full = os.path.join(self.directory, relative)
        try:
            with open(full, "rb") as f:
                data = f.read()
        except FileNotFoundError:
            raise NetgaussError("%s is missing, though the manifest lists it; the run directory is damaged" % full)
        if self._files is None:
            return data  # a run of a netgauss before checksums
        e = self._files.get(relative)
        if e is None:
            raise NetgaussError("%s is not among the files the manifest lists; the run directory is damaged or was"
                                " written by hand" % full)
        metrics = relative == "metrics.csv"
        if len(data) < e["bytes"] or (len(data) > e["bytes"] and not metrics):
            raise NetgaussError("%s is damaged (%s: %d bytes, the manifest recorded %d); restore it from a copy"
                                " or train the run again" % (full, "truncated" if len(data) < e["bytes"] else "grown",
                                                             len(data), e["bytes"]))
        data = data[:e["bytes"]]  # metrics.csv: only the rows the manifest commits to
        found = crc32c(data)
        if found != e["crc32c"]:
            raise NetgaussError("%s is damaged: its CRC-32C is %s, the manifest recorded %s when it was written;"
                                " restore it from a copy or train the run again" % (full, found, e["crc32c"]))
        return data

    def verify(self):
        """Checks the CRC-32C of every file the manifest lists (reads them all); returns the run."""
        for name in self._files or {}:
            self.read(name)
        return self

    def array(self, epoch, name):
        """One array of a checkpoint, checked: its CRC-32C and the shape the manifest recorded."""
        c = self._checkpoint(epoch)
        if name not in c["arrays"]:
            raise NetgaussError("%s: checkpoint of epoch %d has no array %r; it has %s"
                                % (self.directory, epoch, name, ", ".join(c["arrays"])))
        rel = "checkpoints/epoch-%03d/%s.npy" % (epoch, name)
        a = _load_npy(os.path.join(self.directory, rel), self.read(rel))
        if list(a.shape) != list(c["arrays"][name]):
            raise NetgaussError("%s: shape %s, the manifest recorded %s" % (self.path(rel), list(a.shape),
                                                                           c["arrays"][name]))
        return a

    def weights(self, epoch, layer):
        """Weights ``[E, out, in]`` float32 of layer ``W1``, ``W2``, ... at ``epoch`` (PyTorch orientation)."""
        return self.array(epoch, layer)

    def checkpoint(self, epoch):
        """Every array of a checkpoint, by name."""
        return {name: self.array(epoch, name) for name in self.arrays(epoch)}

    def probabilities(self, epoch):
        """Predicted probabilities ``[E, S, C]`` on the run's snapshot inputs at ``epoch``."""
        return self.array(epoch, "probabilities")

    def snapshot(self, step):
        """Probabilities ``[E, S, C]`` right after global step ``step``."""
        if step not in self.snapshot_steps:
            raise NetgaussError("%s has no probability snapshot at step %d; it has %s"
                                % (self.directory, step, self.snapshot_steps))
        rel = "snapshots/step-%07d.npy" % step
        return _load_npy(os.path.join(self.directory, rel), self.read(rel))

    def metrics(self):
        """``metrics.csv`` (the rows the manifest commits to) as a dict of columns: member, epoch, lr, train_loss,
        train_accuracy, validation_loss, test_accuracy, stopped. Numbers are arrays (NaN where empty)."""
        text = self.read("metrics.csv").decode("utf-8")
        rows = [r for r in csv.reader(text.splitlines()) if r]  # blank lines are ignored, as the Java reader does
        if not rows:
            raise NetgaussError("%s: empty, expected a header line" % self.path("metrics.csv"))
        header, body = rows[0], rows[1:]
        out = {}
        for j, name in enumerate(header):
            col = [r[j] if j < len(r) else "" for r in body]
            try:
                if name in ("member", "epoch"):
                    out[name] = np.array([int(v) for v in col], dtype=np.int64)
                elif name == "stopped":
                    out[name] = np.array([v.strip().lower() == "true" for v in col], dtype=bool)
                else:
                    out[name] = np.array([float(v) if v.strip() else np.nan for v in col], dtype=np.float64)
            except ValueError as e:
                raise NetgaussError("%s: column %r: %s" % (self.path("metrics.csv"), name, e))
        return out

    def _checkpoint(self, epoch):
        for c in self.manifest["checkpoints"]:
            if c["epoch"] == epoch:
                return c
        raise NetgaussError("%s has no checkpoint for epoch %r; it has %s" % (self.directory, epoch, self.epochs))

    def _size_ok(self, name):
        full = os.path.join(self.directory, name)
        try:
            size = os.path.getsize(full)
        except OSError:
            raise NetgaussError("%s is missing, though the manifest lists it; the run directory is damaged" % full)
        want = self._files[name]["bytes"]
        if size < want or (size > want and name != "metrics.csv"):
            raise NetgaussError("%s is damaged (%s: %d bytes, the manifest recorded %d); restore it from a copy or"
                                " train the run again" % (full, "truncated" if size < want else "grown", size, want))

    def __repr__(self):
        return "Run(%r, %s, epochs %s)" % (self.directory, self.status, self.epochs)


def _is_int(x):
    return isinstance(x, int) and not isinstance(x, bool)


# ---- the command line ---------------------------------------------------------------------------------------------

def launcher():
    """``environment/bin/netgauss`` of this checkout, or ``$NETGAUSS_LAUNCHER``."""
    env = os.environ.get("NETGAUSS_LAUNCHER")
    if env:
        return env
    return os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "bin", "netgauss")


def cli(*args, timeout=None):
    """Runs ``netgauss ARGS --json`` and returns its JSON object as a dict (see docs/schema/<subcommand>.schema.json).

    Arguments may be strings, numbers or paths. A failure raises :class:`NetgaussError` with the CLI's one-line
    message (and its exit code in ``.exit_code``).
    """
    argv = [launcher()] + [os.fspath(a) if isinstance(a, os.PathLike) else str(a) for a in args]
    if "--json" not in argv:
        argv.append("--json")
    try:
        p = subprocess.run(argv, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                           timeout=timeout)
    except FileNotFoundError:
        raise NetgaussError("%s not found: run environment/bin/setup, or set NETGAUSS_LAUNCHER" % argv[0])
    err = p.stderr.decode("utf-8", "replace").strip()
    if p.returncode != 0:
        e = NetgaussError(err.splitlines()[-1] if err else "netgauss %s exited with %d" % (args[0], p.returncode))
        e.exit_code = p.returncode
        raise e
    try:
        return json.loads(p.stdout.decode("utf-8"))
    except ValueError:
        raise NetgaussError("netgauss %s printed no JSON: %r" % (args[0] if args else "", p.stdout[:200]))


# ---- PyTorch state_dicts -> a netgauss ensemble ---------------------------------------------------------------------

def _as_array(value, where):
    if hasattr(value, "detach") and hasattr(value, "cpu"):  # a torch.Tensor, without importing torch
        value = value.detach().cpu().numpy()
    a = np.asarray(value)
    if a.dtype.kind not in "fiu":
        raise NetgaussError("%s: dtype %s, expected numbers" % (where, a.dtype))
    return a


def ensemble_from_state_dicts(state_dicts, key):
    """Stacks ``state_dict[key]`` of each member into the ``[N, out, in]`` float32 array netgauss reads.

    ``state_dicts`` is a list of mappings (PyTorch ``state_dict``s of tensors, or of NumPy arrays), one per
    member; ``key`` names a 2-D weight, e.g. ``"fc2.weight"`` (PyTorch's ``[out, in]`` orientation is kept).
    Raises :class:`NetgaussError` in one line naming the member and key on a missing key, a non-matrix, a shape
    that differs from member 0's, or a non-finite entry; an ensemble needs at least 2 members.
    """
    state_dicts = list(state_dicts)
    if len(state_dicts) < 2:
        raise NetgaussError("an ensemble needs at least 2 state_dicts, found %d" % len(state_dicts))
    out = None
    for n, sd in enumerate(state_dicts):
        where = "state_dict %d, key %r" % (n, key)
        if not hasattr(sd, "keys") or not hasattr(sd, "__getitem__"):
            raise NetgaussError("state_dict %d is a %s, expected a mapping of names to tensors"
                                % (n, type(sd).__name__))
        if key not in sd:
            keys = list(sd.keys())
            raise NetgaussError("%s: no such key; it has %s" % (where, ", ".join(map(str, keys[:12]))
                                                                  + (", ..." if len(keys) > 12 else "")))
        a = _as_array(sd[key], where)
        if a.ndim != 2:
            raise NetgaussError("%s: shape %s, expected a weight matrix [out, in]" % (where, list(a.shape)))
        if out is None:
            out = np.empty((len(state_dicts),) + a.shape, dtype=np.float32)
        elif a.shape != out.shape[1:]:
            raise NetgaussError("%s: shape %s, but state_dict 0 has %s" % (where, list(a.shape), list(out.shape[1:])))
        if not np.all(np.isfinite(a)):
            raise NetgaussError("%s: holds NaN or infinite entries" % where)
        out[n] = a
    return out


def save_ensemble(path, ensemble):
    """Writes ``[N, out, in]`` as a float32 C-order .npy (written to a temporary file, then renamed)."""
    a = np.ascontiguousarray(ensemble, dtype=np.float32)
    if a.ndim != 3 or a.shape[0] < 2:
        raise NetgaussError("%s: expected an ensemble [N, out, in] with N >= 2, found shape %s" % (path, list(a.shape)))
    path = os.fspath(path)
    tmp = path + ".tmp"
    with open(tmp, "wb") as f:
        np.save(f, a, allow_pickle=False)
    os.replace(tmp, path)
    return path
