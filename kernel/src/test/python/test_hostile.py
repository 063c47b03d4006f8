"""The kernel keeps serving whatever a client sends (issue 14, "The kernel"). Every case below is sent on the
shell socket and on the control socket by a client of its own; after each, the kernel must still answer
kernel_info on both sockets, and the kernel's log must hold at most one line per dropped message. Then a cell,
an interrupt and a shutdown must all be answered. Prints "kernel cases survived: N / M".

Needs JUPYTER_DATA_DIR with the 'netgauss-java' kernelspec (see kernelspec_fixture)."""
import hashlib
import hmac
import json
import os
import queue
import re
import tempfile
import time
import unittest
import uuid

import zmq
from jupyter_client.session import Session

import kernelspec_fixture as kf

DELIM = b"<IDS|MSG>"


def header(msg_type, **extra):
    h = {"msg_id": uuid.uuid4().hex, "username": "attacker", "session": uuid.uuid4().hex,
         "date": "2026-01-01T00:00:00.000000Z", "msg_type": msg_type, "version": "5.3"}
    h.update(extra)
    return h


def dumps(obj):
    return json.dumps(obj).encode()


class Hostile(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.log = tempfile.NamedTemporaryFile(prefix="netgauss-hostile-", suffix=".log", delete=False)
        cls.km, cls.kc = kf.start(stderr=cls.log)
        info = cls.km.get_connection_info()
        cls.key = info["key"] if isinstance(info["key"], bytes) else info["key"].encode()
        cls.ctx = zmq.Context()
        cls.addr = {name: "%s://%s:%d" % (info["transport"], info["ip"], info[name + "_port"])
                    for name in ("shell", "control")}
        cls.survived, cls.tried, cls.failures = 0, 0, []

    @classmethod
    def tearDownClass(cls):
        cls.ctx.destroy(linger=0)
        if cls.km.is_alive():
            kf.stop(cls.km, cls.kc)
        print("kernel cases survived: %d / %d" % (cls.survived, cls.tried))
        if os.environ.get("HOSTILE_LOG_KEEP"):
            print("kernel log kept in", cls.log.name)
        else:
            os.unlink(cls.log.name)

    # frames ---------------------------------------------------------------------------------------------------
    def signed(self, h, parent=b"{}", metadata=b"{}", content=b"{}", buffers=(), key=None):
        parts = [h if isinstance(h, bytes) else dumps(h), parent, metadata,
                 content if isinstance(content, bytes) else dumps(content)]
        mac = hmac.new(self.key if key is None else key, digestmod=hashlib.sha256)
        for p in parts:
            mac.update(p)
        return [DELIM, mac.hexdigest().encode()] + parts + list(buffers)

    def cases(self):
        """(name, frames or a function of the socket that sends, whether the kernel should reply)"""
        wrong = Session(key=b"wrong")
        unsigned = Session(key=b"")
        nested = b"[" * 200000 + b"]" * 200000
        return [
            ("execute_request signed with a wrong key",
             lambda s: wrong.send(s, "execute_request", {"code": "System.exit(3)", "silent": False})),
            ("unsigned execute_request", lambda s: unsigned.send(s, "execute_request", {"code": "1"})),
            ("shutdown_request signed with a wrong key", lambda s: wrong.send(s, "shutdown_request", {"restart": False})),
            ("one frame of garbage", [b"garbage"]),
            ("empty frame", [b""]),
            ("five frames of garbage, no delimiter", [os.urandom(64) for _ in range(5)]),
            ("delimiter and nothing else", [DELIM]),
            ("delimiter, signature and a header only", self.signed(header("kernel_info_request"))[:3]),
            ("right signature over a non-JSON header", self.signed(b"\x00not json{")),
            ("header that is a JSON array", self.signed(b"[1, 2, 3]")),
            ("header without msg_type", self.signed({"msg_id": "x", "username": "u", "session": "s"})),
            ("header with msg_type a number", self.signed(header(42))),
            ("header that is not UTF-8", self.signed(b'{"msg_id": "\xff\xfe"}')),
            ("content that is not JSON", self.signed(header("execute_request"), content=b"{code: ")),
            ("execute_request whose code is an object", self.signed(header("execute_request"),
                                                                     content={"code": {"a": 1}})),
            ("execute_request whose silent is a list", self.signed(header("execute_request"),
                                                                   content={"code": "1", "silent": [1]})),
            ("content nested 200000 deep", self.signed(header("execute_request"), content=nested)),
            ("metadata that is a string", self.signed(header("kernel_info_request"), metadata=b'"meta"')),
            ("parent header that is garbage", self.signed(header("kernel_info_request"), parent=b'{"msg_id": 1}')),
            ("unknown message type", self.signed(header("format_my_disk_request"), content={})),
            ("a reply type sent as a request", self.signed(header("execute_reply"), content={"status": "ok"})),
            ("inspect_request with cursor_pos far past the code",
             self.signed(header("inspect_request"), content={"code": "Math.abs", "cursor_pos": 10 ** 9,
                                                             "detail_level": 0})),
            ("complete_request with a negative cursor_pos",
             self.signed(header("complete_request"), content={"code": "Math.", "cursor_pos": -7})),
            ("history_request with an unknown access type",
             self.signed(header("history_request"), content={"hist_access_type": "everything", "output": True,
                                                             "raw": True})),
            ("comm_msg to a comm that does not exist",
             self.signed(header("comm_msg"), content={"comm_id": "nope", "data": {"x": 1}})),
            ("comm_open for a target nobody registered",
             self.signed(header("comm_open"), content={"comm_id": uuid.uuid4().hex, "target_name": "nope",
                                                       "data": {}})),
            ("comm_close of an unknown comm", self.signed(header("comm_close"), content={"comm_id": "nope"})),
            ("input_reply on a socket that asked for nothing",
             self.signed(header("input_reply"), content={"value": "surprise"})),
            ("is_complete_request of a megabyte of braces",
             self.signed(header("is_complete_request"), content={"code": "{" * (1 << 20)})),
            ("3000 buffer frames", self.signed(header("kernel_info_request"), buffers=[b"b"] * 3000)),
            ("a 65 MB frame (past the kernel's frame limit)", [b"x" * (65 << 20)]),
            ("a 2 MB code string that is one comment",
             self.signed(header("execute_request"), content={"code": "// " + "x" * (2 << 20), "silent": False})),
        ]

    # checks ---------------------------------------------------------------------------------------------------
    def alive(self):
        """The kernel answers kernel_info on shell and on control, each within 20 s."""
        try:
            reply = self.kc.kernel_info(reply=True, timeout=20)
            if reply["content"].get("status") != "ok":
                return False
            msg = self.kc.session.msg("kernel_info_request")
            self.kc.control_channel.send(msg)
            deadline = time.time() + 20
            while time.time() < deadline:
                r = self.kc.get_control_msg(timeout=max(0.1, deadline - time.time()))
                if r["parent_header"].get("msg_id") == msg["header"]["msg_id"]:
                    return r["content"].get("status") == "ok"
        except Exception:
            return False
        return False

    def test_1_every_hostile_message_leaves_the_kernel_serving(self):
        for name, frames in self.cases():
            for channel in ("shell", "control"):
                sock = self.ctx.socket(zmq.DEALER)
                sock.setsockopt(zmq.LINGER, 1000)
                sock.connect(self.addr[channel])
                time.sleep(0.05)
                if callable(frames):
                    frames(sock)
                else:
                    sock.send_multipart(frames)
                type(self).tried += 1
                ok = self.alive()
                sock.close()
                if ok:
                    type(self).survived += 1
                else:
                    type(self).failures.append("%s on %s" % (name, channel))
                    if not self.km.is_alive():
                        self.fail("the kernel died after: %s on %s" % (name, channel))
        self.assertEqual([], self.failures)
        self.assertTrue(self.km.is_alive())

    def test_2_badly_signed_messages_are_logged_in_one_line_each(self):
        self.log.flush()
        with open(self.log.name, errors="replace") as f:
            text = f.read()
        bad_signature = re.findall(r"^netgauss kernel: dropped a message on (shell|control): bad signature", text,
                                   re.M)
        # two badly signed requests per socket
        self.assertEqual(4, len(bad_signature), text[-3000:])
        self.assertNotIn("SecurityException", text)
        self.assertNotIn("\tat ", text, "a stack trace in the kernel's log")

    def test_3_then_a_cell_an_interrupt_and_a_shutdown_are_answered(self):
        reply, outputs = kf.execute(self.kc, "6 * 7")
        self.assertEqual("ok", reply["status"])
        self.assertEqual("42", kf.result_data(outputs)["text/plain"])
        # one thread only: jupyter_client's client is not thread-safe, and a second thread reading iopub while
        # this one used the control socket sometimes missed the cell's idle status (the kernel had sent it)
        msg_id = self.kc.execute("while (true) { }")
        time.sleep(1.5)
        # one press: an interrupt that arrives while the cell is still being compiled stops it as it starts
        msg = self.kc.session.msg("interrupt_request", {})
        self.kc.control_channel.send(msg)
        interrupt_reply = self.kc.get_control_msg(timeout=20)
        self.assertEqual("interrupt_reply", interrupt_reply["msg_type"])
        deadline = time.time() + 20
        idle = False
        while not idle and time.time() < deadline:
            try:
                m = self.kc.get_iopub_msg(timeout=1)
            except queue.Empty:
                continue
            idle = (m["parent_header"].get("msg_id") == msg_id and m["msg_type"] == "status"
                    and m["content"]["execution_state"] == "idle")
        self.assertTrue(idle, "the interrupt did not stop the loop within 20 s")
        reply = self.kc.get_shell_msg(timeout=20)
        while reply["parent_header"].get("msg_id") != msg_id:
            reply = self.kc.get_shell_msg(timeout=20)
        self.assertEqual("error", reply["content"]["status"])
        msg = self.kc.session.msg("shutdown_request", {"restart": False})
        self.kc.control_channel.send(msg)
        shutdown_reply = self.kc.get_control_msg(timeout=20)
        self.assertEqual("shutdown_reply", shutdown_reply["msg_type"])
        deadline = time.time() + 20
        while self.km.is_alive() and time.time() < deadline:
            time.sleep(0.2)
        self.assertFalse(self.km.is_alive(), "the kernel did not exit after shutdown_request")


if __name__ == "__main__":
    unittest.main()
