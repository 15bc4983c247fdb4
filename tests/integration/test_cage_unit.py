"""The Linux unit (packaging/linux/kiosk.service): what it starts is a kiosk command line the parser takes,
systemd reads it without a complaint, and its own ExecStart brings the kiosk up under cage — headless here,
on Qt's Wayland platform — and its ExecStop closes it in order with nothing left running."""
from __future__ import annotations

import configparser
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest

from kiosk.commands.main import build_parser
from kiosk.commands.supervise import _kiosk_arguments
from kiosk.watchdog import EXIT_GAVE_UP

ROOT = Path(__file__).resolve().parents[2]
UNIT = ROOT / "packaging" / "linux" / "kiosk.service"
INSTALLED = "/opt/kiosk/kiosk"  # where the unit expects the bundle's executable
RUN_DIR = "/run/kiosk"  # the unit's RuntimeDirectory


def _service() -> configparser.SectionProxy:
    unit = configparser.ConfigParser(interpolation=None, strict=False)
    unit.optionxform = str  # type: ignore[assignment,method-assign]  # systemd's keys are case-sensitive
    unit.read(UNIT, encoding="utf-8")
    return unit["Service"]


def _exec_start() -> tuple[list[str], list[str]]:
    """cage's own arguments, and the command it runs."""
    argv = shlex.split(_service()["ExecStart"])
    split = argv.index("--")
    return argv[:split], argv[split + 1:]


def test_the_unit_runs_cage_with_the_kiosk_under_its_watchdog():
    service = _service()
    cage, kiosk = _exec_start()
    assert Path(cage[0]).name == "cage" and "-s" not in cage, "no switching to a text console from the kiosk"
    assert kiosk[0] == INSTALLED
    args = build_parser().parse_args(kiosk[1:])  # exits (SystemExit) on anything the parser refuses
    assert args.command == "supervise" and _kiosk_arguments(args.kiosk) == ["run"]
    assert str(args.pid_file).startswith(RUN_DIR + "/") and service["RuntimeDirectory"] == Path(RUN_DIR).name
    assert str(args.pid_file).replace("/", "") in service["ExecStop"].replace("/", ""), "ExecStop reads that pid"
    assert service["User"] == "kiosk" and service["Restart"] == "on-failure"
    assert str(EXIT_GAVE_UP) in service["RestartPreventExitStatus"].split(), "a watchdog that gave up stays down"
    unit = UNIT.read_text(encoding="utf-8")
    assert re.search(r"^After=.*pcscd", unit, re.MULTILINE), "started after the card reader's daemon"
    assert "QT_QPA_PLATFORM=wayland" in service["Environment"]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is not installed")
def test_systemd_reads_the_unit_without_a_complaint():
    check = subprocess.run(["systemd-analyze", "verify", str(UNIT)], capture_output=True, text=True, timeout=60)
    complaints = [line for line in check.stderr.splitlines() if UNIT.name in line]
    assert check.returncode == 0 and not complaints, check.stderr


# --- the unit's own command lines, under cage, headless -------------------------------------------


def _not_root() -> list[str]:
    """cage refuses to run as root; the unit runs it as the kiosk account. As root here, a user namespace
    where this process is an ordinary user (it still owns its files outside)."""
    if os.geteuid() != 0:
        return []
    if shutil.which("unshare") is None:
        pytest.skip("cage refuses root and there is no unshare(1) to run it as another user")
    return ["unshare", "--user", "--map-user=1000", "--map-group=1000", "--"]


def _headless_env(tmp_path: Path) -> dict[str, str]:
    runtime = tmp_path / "xdg"
    runtime.mkdir(mode=0o700)
    (tmp_path / "terminal").mkdir()
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    env = dict(os.environ)
    env.pop("WAYLAND_DISPLAY", None)
    env.pop("DISPLAY", None)
    env.update(kv.split("=", 1) for kv in shlex.split(_service()["Environment"]))
    env.update(
        XDG_RUNTIME_DIR=str(runtime), WLR_BACKENDS="headless", WLR_LIBINPUT_NO_DEVICES="1",
        WLR_RENDERER="pixman",  # no GPU here: wlroots' software renderer
        # The clinic's configuration file is not here: the environment names what a kiosk.toml would.
        KIOSK_CONFIG="", KIOSK_DATA_DIR=str(tmp_path / "data"), KIOSK_KEY_DIR=str(tmp_path / "keys"),
        KIOSK_KEY_PROVIDER="file", KIOSK_TERMINAL_ROOT=str(tmp_path / "terminal"), KIOSK_STAFF_PORT=str(port),
        KIOSK_VOICE_ENGINE="none", KIOSK_READER="no such reader",  # the machine's reader stays untouched
        HOME=str(tmp_path))
    return env


def _cage_or_skip(env: dict[str, str]) -> str:
    cage = shutil.which("cage")
    if cage is None:
        pytest.skip("cage is not installed (apt-get install cage)")
    probe = subprocess.run([*_not_root(), cage, "-d", "--", "true"], env=env, capture_output=True, text=True,
                           timeout=60)
    if probe.returncode != 0:
        pytest.skip(f"cage cannot start on this machine: {probe.stderr.strip()[-300:]}")
    return cage


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0] != "Z"
    except (ProcessLookupError, OSError):
        return False


def _until(condition, what: str, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            pytest.fail(f"not seen within {timeout:.0f} s: {what}")
        time.sleep(0.2)


def test_the_units_command_brings_the_kiosk_up_under_cage_and_its_stop_closes_it(tmp_path):
    env = _headless_env(tmp_path)
    cage = _cage_or_skip(env)
    run_dir = tmp_path / "run"
    run_dir.mkdir()
    cage_args, kiosk = _exec_start()
    here = [sys.executable, "-m", "kiosk"]  # the bundle's executable, from this checkout
    command = [cage, *cage_args[1:], "--", *here,
               *(arg.replace(RUN_DIR, str(run_dir)) for arg in kiosk[1:])]
    stop = _service()["ExecStop"].replace("$$", "$").replace(RUN_DIR, str(run_dir))  # systemd's $$ is a $
    # libwayland's own trace of the kiosk's requests and the compositor's answers: how its window came up.
    env["WAYLAND_DEBUG"] = "client"
    out = tmp_path / "cage.out"
    log = tmp_path / "data" / "logs" / "watchdog.log"
    pid_file = run_dir / "watchdog.pid"
    with open(out, "w") as sink:
        process = subprocess.Popen([*_not_root(), *command], cwd=ROOT, env=env, stdout=sink,
                                   stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _until(lambda: log.exists() and "first heartbeat" in log.read_text(),
               "the kiosk's first heartbeat: its UI loop turning on cage's display", timeout=180)
        supervisor = int(pid_file.read_text())
        [kiosk_pid] = [int(p) for p in re.findall(r"started the kiosk, pid (\d+)", log.read_text())]
        stopped = subprocess.run(["sh", "-c", stop], timeout=90)
        assert stopped.returncode == 0
        assert process.wait(timeout=60) == 0, "cage ends when the watchdog, its one client, has ended"
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait(timeout=30)
    trace = out.read_text(errors="replace")
    watchdog = log.read_text()
    [(width, height)] = set(re.findall(r"wl_output@\d+\.mode\(\d+, (\d+), (\d+),", trace)) or [("?", "?")]
    assert re.search(r"-> xdg_toplevel@\d+\.set_fullscreen\(", trace), "the kiosk asked for the whole screen"
    assert re.search(rf"xdg_toplevel@\d+\.configure\({width}, {height}, ", trace), \
        f"cage gave the kiosk's window the whole {width}x{height} screen"
    assert "stopped; the kiosk has ended (exit status 0)" in watchdog, watchdog
    assert "restarting" not in watchdog, watchdog
    assert not _alive(supervisor) and not _alive(kiosk_pid), "nothing left running"
    assert not pid_file.exists()
