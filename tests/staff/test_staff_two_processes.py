"""A kiosk process and this test as the console, on loopback: pairing (and a refused wrong secret), an
alert arriving live, and a 目視 takeover that moves the kiosk's flow on."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.core.states import SPECS, State
from kiosk.staff.identity import PairingBook
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.window import ConsoleWindow

ROOT = Path(__file__).resolve().parents[2]
USER, PASSWORD = "yamada", "two-process-pass"


def kiosk_cli(*args: str, env=None, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=60, **kwargs)


@pytest.fixture
def kiosk_process(tmp_path):
    env = dict(os.environ, KIOSK_DEMO_STAFF=f"{USER}:{PASSWORD}", PYTHONPATH=str(ROOT))
    process = subprocess.Popen(
        [sys.executable, "-m", "kiosk", "--log-level", "INFO", "staff", "demo-kiosk", "--scenario", "staff-visual",
         "--data-dir", str(tmp_path / "kiosk"), "--key-dir", str(tmp_path / "keys"), "--port", "0", "--play-on-stdin"],
        cwd=ROOT, env=env, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    assert line.startswith("listening "), process.stderr.read()
    process.address = line.split()[1]
    yield process
    if process.poll() is None:
        process.stdin.write("quit\n")
        process.stdin.flush()
        try:
            process.wait(10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_pair_watch_and_take_over_across_processes(qtbot, tmp_path, kiosk_process):
    pairings = tmp_path / "console" / "kiosks.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    wrong = kiosk_cli("staff", "pair", kiosk_process.address, "--secret", "AAAA-BBBB-CCCC-DDDD",
                      "--pairings", str(pairings), env=env)
    assert wrong.returncode == 1 and "staff_pairing_refused" in wrong.stderr
    assert not pairings.exists()

    secret = (tmp_path / "kiosk" / "staff" / "pairing-secret").read_text().strip()
    right = kiosk_cli("staff", "pair", kiosk_process.address, "--pairings", str(pairings), env=env,
                      input=secret + "\n")
    assert right.returncode == 0, right.stderr
    pairing = PairingBook(pairings).get(kiosk_process.address)
    assert pairing.fingerprint and pairing.name == "demo-staff-visual"

    console = Console(DEFAULT_PORT)
    link = console.add(pairing)
    try:
        assert link.wait_online(10)
        link.sign_in(USER, PASSWORD)
        window = ConsoleWindow(console, USER)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitUntil(lambda: link.snapshot is not None and link.snapshot.view.state is State.IDLE, timeout=10000)

        kiosk_process.stdin.write("play\n")  # the patient: face fails, then 「職員を呼ぶ」
        kiosk_process.stdin.flush()
        tile = window.tiles[pairing.address]
        called = "「職員を呼ぶ」を押しました"
        qtbot.waitUntil(lambda: any(called in label.text() for label in tile.findChildren(QLabel)), timeout=10000)
        face_failed = SPECS[State.FACE_FAILED].alert.text  # the reason travels with the call
        assert any(face_failed in label.text() for label in tile.findChildren(QLabel))
        assert link.snapshot.view.state is State.WAITING_STAFF

        takeover = window.findChild(QPushButton, "action_takeover")
        qtbot.waitUntil(takeover.isEnabled, timeout=5000)
        qtbot.mouseClick(takeover, Qt.LeftButton)
        page = window.panel.pages["takeover"]
        qtbot.waitUntil(page.confirm.isEnabled, timeout=10000)  # once the card's photo is on screen
        assert "見本 太郎" in page.facts.text()
        qtbot.mouseClick(window.findChild(QPushButton, "confirmPerson"), Qt.LeftButton)
        qtbot.waitUntil(lambda: link.snapshot.view.state is State.CONSENT, timeout=10000)
        assert link.snapshot.view.staff_present == USER
    finally:
        console.stop()
    kiosk_process.stdin.write("quit\n")
    kiosk_process.stdin.flush()
    kiosk_process.wait(10)
    log = kiosk_process.stderr.read()
    assert "refused a console at 127.0.0.1: wrong pairing secret" in log
    assert PASSWORD not in log and secret not in log
