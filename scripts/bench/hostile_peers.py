"""A hostile peer on the clinic LAN against a kiosk's staff channel, with the reference tree in the same run.

Each tree runs ``kiosk staff demo-kiosk`` (a kiosk on simulated devices with its real staff server and
store) as a child. Then, from one address:

1. 40 peers complete TLS and send 4 MiB without a newline before pairing (the post-sign-in line limit);
2. 300 connections that never speak, held open;
3. 200 wrong pairing secrets, as fast as the kiosk answers,

all from 127.0.0.2, while a console that knows the secret pairs from 127.0.0.1. Printed per tree: the
kiosk's RSS before, its peak (VmHWM) and after; audit rows written; whether the console was served during the flood.

    python scripts/bench/hostile_peers.py [--reference DIR]   (DIR: a checkout of the reference, e.g. a
                                                                 git worktree of the commit before)
"""
from __future__ import annotations

import argparse
import os
import socket
import sqlite3
import ssl
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HOSTILE = "127.0.0.2"  # the attacker's address; the console pairs from 127.0.0.1 (all of 127/8 is loopback)


def _status(pid: int, key: str) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(key + ":"):
            return int(line.split()[1]) / 1024
    return float("nan")


def _start(tree: Path, folder: Path) -> tuple[subprocess.Popen, str, int]:
    env = {**os.environ, "PYTHONPATH": str(tree), "KIOSK_CONFIG": "", "HOME": str(folder),
           "QT_QPA_PLATFORM": "offscreen"}
    child = subprocess.Popen(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
         "from kiosk.commands.main import main; sys.exit(main(sys.argv[2:]))", str(tree),
         "staff", "demo-kiosk", "--data-dir", str(folder / "data"), "--key-dir", str(folder / "keys"),
         "--port", "0"],
        env=env, cwd=tree, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)
    assert child.stdout is not None
    for line in child.stdout:
        if line.startswith("listening"):
            host, port = line.split()[1].rsplit(":", 1)
            return child, host, int(port)
    raise RuntimeError(f"{tree}: the demo kiosk did not start")


def _tls() -> ssl.SSLContext:
    context = ssl.create_default_context()
    context.check_hostname = False
    context.verify_mode = ssl.CERT_NONE
    return context


def _hostile(host: str, port: int) -> socket.socket:
    return socket.create_connection((host, port), timeout=20, source_address=(HOSTILE, 0))


def _big_line(host: str, port: int) -> None:
    try:
        with _hostile(host, port) as raw, _tls().wrap_socket(raw) as tls:
            tls.recv(4096)
            tls.sendall(b"x" * (4 * 1024 * 1024))
            tls.recv(1)
    except OSError:
        pass


def _wrong_secret(host: str, port: int) -> None:
    try:
        with _hostile(host, port) as raw, _tls().wrap_socket(raw) as tls:
            tls.recv(4096)
            tls.sendall(b'{"v":1,"type":"auth","nonce":"' + b"a" * 32 + b'","proof":"00"}\n')
            tls.recv(4096)
    except OSError:
        pass


def _paired(tree: Path, folder: Path, host: str, port: int) -> bool:
    """A console that knows the secret pairs during the flood (in the tree's own code)."""
    code = ("import sys; sys.path.insert(0, sys.argv[1]); "
            "sys.meta_path[:] = [f for f in sys.meta_path if 'editable' not in repr(f)]; "
            "from kiosk.staff import identity as ids; from kiosk.staff.client import pair; "
            "i = ids.load_identity(__import__('pathlib').Path(sys.argv[2])); "
            "pair(sys.argv[3], i.secret, 0); print('paired')")
    done = subprocess.run([sys.executable, "-c", code, str(tree), str(folder / "data" / "staff"), f"{host}:{port}"],
                          capture_output=True, text=True, timeout=60, cwd=tree)
    return "paired" in done.stdout


def _audit_rows(folder: Path) -> int:
    with sqlite3.connect(folder / "data" / "kiosk.db") as db:
        return int(db.execute("SELECT COUNT(*) FROM audit").fetchone()[0])


def run(tree: Path) -> dict[str, object]:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        child, host, port = _start(tree, folder)
        try:
            time.sleep(1.0)
            before, rows_before = _status(child.pid, "VmRSS"), _audit_rows(folder)
            threads = [threading.Thread(target=_big_line, args=(host, port)) for _ in range(40)]
            threads += [threading.Thread(target=_wrong_secret, args=(host, port)) for _ in range(200)]
            idle = []
            for _ in range(300):
                try:
                    idle.append(_hostile(host, port))
                except OSError:
                    break
            for t in threads:
                t.start()
            served = _paired(tree, folder, host, port)
            for t in threads:
                t.join(60)
            for sock in idle:
                sock.close()
            time.sleep(1.0)
            return {"rss_before": before, "rss_peak": _status(child.pid, "VmHWM"),
                    "rss_after": _status(child.pid, "VmRSS"), "audit_rows": _audit_rows(folder) - rows_before,
                    "console_served": served}
        finally:
            child.terminate()
            child.wait(10)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--reference", type=Path, help="a checkout of the reference tree")
    args = parser.parse_args()
    trees = [("ours", ROOT)] + ([("reference", args.reference.resolve())] if args.reference else [])
    print(f"{'tree':<10} {'RSS before':>11} {'peak':>8} {'after':>8} {'audit rows':>11} {'console served':>15}")
    for name, tree in trees:
        r = run(tree)
        print(f"{name:<10} {r['rss_before']:>9.0f} MB {r['rss_peak']:>5.0f} MB {r['rss_after']:>5.0f} MB "
              f"{r['audit_rows']:>11} {str(r['console_served']):>15}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
