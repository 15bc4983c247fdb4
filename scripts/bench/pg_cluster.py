"""A throwaway PostgreSQL cluster: the hub tests' server (tests/hub/conftest.py) and the hub benchmark's.

Debian's PostgreSQL (``initdb`` and ``pg_ctl`` from /usr/lib/postgresql/<version>/bin, the newest present)
in a temporary folder, listening only on a Unix socket in that folder (``listen_addresses=''``), fsync off.
initdb refuses to run as root, and the suite runs as root here and in CI: then the server runs as the
``postgres`` user the package creates, owning the folder. :meth:`PgCluster.remove` stops it
(``pg_ctl stop -m immediate``) and deletes the folder.

Kiosk-free and psycopg-free on purpose: only the standard library, so a bench or a fixture can import it
without the kiosk's packages.
"""
from __future__ import annotations

import os
import pwd
import shutil
import subprocess
import tempfile
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path

SERVER_USER = "postgres"
SUPERUSER = "kiosk_test"
# Durability is not what the tests or the bench measure on a throwaway cluster: no fsync, no waiting for it.
FAST_SETTINGS = {"fsync": "off", "synchronous_commit": "off", "full_page_writes": "off"}


def bin_dir() -> Path | None:
    """The newest installed server's bin folder, None when PostgreSQL is not installed."""
    found = sorted(Path("/usr/lib/postgresql").glob("*/bin/initdb"), key=lambda p: int(p.parent.parent.name)
                   if p.parent.parent.name.isdigit() else 0)
    return found[-1].parent if found else None


def server_user_prefix() -> list[str] | None:
    """The prefix that runs a server command as an unprivileged user; None when there is no way to."""
    if os.geteuid() != 0:
        return []
    try:
        pwd.getpwnam(SERVER_USER)
    except KeyError:
        return None
    runuser = shutil.which("runuser")
    return [runuser, "-u", SERVER_USER, "--"] if runuser else None


def unavailable() -> str | None:
    """Why no cluster can be started here (for a skip or an error message), None when one can."""
    if bin_dir() is None:
        return "PostgreSQL is not installed (no /usr/lib/postgresql/<version>/bin/initdb): apt-get install postgresql"
    if server_user_prefix() is None:
        return f"running as root without a {SERVER_USER!r} user or runuser: initdb refuses to run as root"
    return None


class PgCluster:
    """``initdb`` now; :meth:`start` and :meth:`stop` as often as wanted; :meth:`remove` at the end.
    ``settings`` are extra ``-c name=value`` server settings on top of :data:`FAST_SETTINGS`."""

    def __init__(self, bin_dir: Path, prefix: list[str], settings: Mapping[str, str] | None = None) -> None:
        self.bin_dir = bin_dir
        self.prefix = prefix
        self.settings = {**FAST_SETTINGS, **(settings or {})}
        self.folder = Path(tempfile.mkdtemp(prefix="kiosk-pg-"))  # short: a socket path has ~107 bytes
        self.data = self.folder / "data"
        self.log = self.folder / "server.log"
        if prefix:
            pw = pwd.getpwnam(SERVER_USER)
            os.chown(self.folder, pw.pw_uid, pw.pw_gid)
        self.running = False
        try:
            self._run("initdb", "-D", str(self.data), "-A", "trust", "-U", SUPERUSER, "-E", "UTF8",
                      "--locale=C.UTF-8", "--no-sync")
        except BaseException:
            shutil.rmtree(self.folder, ignore_errors=True)
            raise

    def _run(self, tool: str, *args: str, timeout: float = 120) -> None:
        done = subprocess.run([*self.prefix, str(self.bin_dir / tool), *args], capture_output=True, text=True,
                              timeout=timeout)
        if done.returncode != 0:
            log = self.log.read_text(errors="replace")[-2000:] if self.log.exists() else ""
            raise RuntimeError(f"{tool} failed ({done.returncode}): {done.stderr.strip()}\n{log}")

    def start(self) -> None:
        options = " ".join([f"-c listen_addresses='' -c unix_socket_directories={self.folder}",
                            *(f"-c {name}={value}" for name, value in self.settings.items())])
        self._run("pg_ctl", "-D", str(self.data), "-l", str(self.log), "-o", options, "-w", "-t", "60", "start")
        self.running = True

    def stop(self, mode: str = "fast") -> None:
        self._run("pg_ctl", "-D", str(self.data), "-m", mode, "-w", "-t", "60", "stop")
        self.running = False

    def dsn(self, dbname: str = "postgres") -> str:
        return f"host={self.folder} dbname={dbname} user={SUPERUSER}"

    def remove(self) -> None:
        if self.running:
            try:
                self.stop("immediate")
            except (RuntimeError, subprocess.TimeoutExpired):
                pass
        shutil.rmtree(self.folder, ignore_errors=True)


@contextmanager
def running_cluster(settings: Mapping[str, str] | None = None) -> Iterator[PgCluster]:
    """A started cluster, removed at the end whatever happened. RuntimeError when none can be started here."""
    reason = unavailable()
    if reason is not None:
        raise RuntimeError(reason)
    found, prefix = bin_dir(), server_user_prefix()
    assert found is not None and prefix is not None  # unavailable() said so
    cluster = PgCluster(found, prefix, settings)
    try:
        cluster.start()
        yield cluster
    finally:
        cluster.remove()
