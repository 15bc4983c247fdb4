"""The terminal's health probe on real folders with the simulator as a real process: a folder removed or not
writable, the simulator stopped (its check unanswered) and started again, a share that does not answer;
and a flow fed by the probe, telling the next patient at once."""
from __future__ import annotations

import shutil
import threading
import time
from collections.abc import Callable
from datetime import date

import pytest

from kiosk.core import events as ev
from kiosk.core.cancel import CancelToken
from kiosk.core.states import State
from kiosk.core.values import InsuranceCardQuery
from kiosk.qualification import health
from kiosk.qualification.errors import TerminalTimeout
from kiosk.qualification.gateway import FolderGateway, TerminalConfig
from kiosk.qualification.health import HealthReport, TerminalProbe, watch_terminal
from kiosk.qualification.simulator import SimulatorProcess
from kiosk.simulation.harness import make_harness

QUERY = InsuranceCardQuery("06139999", "見本", "1234567", "00", date(1980, 2, 17))
LIMIT = 10.0
NEVER = 600.0


def _until(predicate: Callable[[], bool], limit: float = LIMIT) -> None:
    deadline = time.monotonic() + limit
    while not predicate():
        assert time.monotonic() < deadline, "not within the limit"
        time.sleep(0.02)


@pytest.fixture
def root(tmp_path):
    for folder in ("req", "res", "face"):
        (tmp_path / folder).mkdir()
    return tmp_path


def _gateway(root, timeout: float = 3.0) -> FolderGateway:
    return FolderGateway(TerminalConfig(root, "1312345678", timeout=timeout, poll_interval=0.05, settle=0.5))


def _probe(gateway: FolderGateway, **settings) -> tuple[TerminalProbe, list[HealthReport]]:
    heard: list[HealthReport] = []
    return TerminalProbe(gateway.config, gateway.health, heard.append, **settings), heard


def test_a_removed_folder_is_down_and_up_again_when_it_is_back(root):
    gateway = _gateway(root)
    probe, heard = _probe(gateway)
    with SimulatorProcess(root, "valid", poll=0.02):
        assert not probe.look().down and heard == [], "up is what it was presumed: nothing to report"
        shutil.rmtree(root / "res")
        report = probe.look()
        assert report.down and report.reason == "folder_missing" and str(root / "res") in report.detail
        assert probe.look() == report and len(heard) == 1, "the same state is reported once"
        (root / "res").mkdir()
        assert not probe.look().down and [h.down for h in heard] == [True, False]
        assert gateway.check_by_insurance_card(QUERY, CancelToken()).validity.is_valid, "the terminal answers"


def test_a_folder_that_takes_no_file_is_down(root):
    gateway = _gateway(root)
    probe, _ = _probe(gateway)
    (root / "req").rmdir()
    (root / "req").symlink_to("/proc/self")  # a folder nobody can write in, root included
    report = probe.look()
    assert report.down and report.reason == "folder_not_writable" and str(root / "req") in report.detail
    assert not [p for p in root.rglob(".kiosk-probe-*")], "the probe leaves nothing behind"


def test_a_stopped_terminal_is_down_after_its_check_went_unanswered_and_up_when_it_answers_anyone(root):
    gateway = _gateway(root, timeout=0.5)
    probe, heard = _probe(gateway, hold=NEVER)
    simulator = SimulatorProcess(root, "valid", poll=0.02).start()
    assert gateway.check_by_insurance_card(QUERY, CancelToken()).validity.is_valid
    simulator.stop()
    assert not probe.look().down, "a quiet terminal is not a down one"
    with pytest.raises(TerminalTimeout):
        gateway.check_by_insurance_card(QUERY, CancelToken())
    report = probe.look()
    assert report.down and report.reason == "unanswered" and report.last_answer_age is not None
    with SimulatorProcess(root, "valid", poll=0.02):
        assert probe.look().down, "started again, it has shown no life yet"
        # The レセコン checks through the same terminal: its answer in res is the terminal at work.
        clinic = FolderGateway(TerminalConfig(root, "1312345678", timeout=3.0, remove_answers=False))
        clinic.check_by_insurance_card(QUERY, CancelToken())
        assert not probe.look().down and [h.reason for h in heard] == ["unanswered", ""]


def test_the_unanswered_mark_lapses_so_the_next_patient_tries_again(root):
    gateway = _gateway(root, timeout=0.3)
    probe, _ = _probe(gateway, hold=0.5)
    with pytest.raises(TerminalTimeout):
        gateway.check_by_insurance_card(QUERY, CancelToken())
    assert probe.look().down
    time.sleep(0.6)
    assert not probe.look().down


def test_a_share_that_does_not_answer_is_down_within_the_deadline_and_not_looked_at_twice(root, monkeypatch):
    release, looks = threading.Event(), []

    def hung(folder):
        looks.append(folder)
        release.wait(LIMIT)  # a file call on a share whose server went away

    monkeypatch.setattr(health, "_folder_problem", hung)
    probe, heard = _probe(_gateway(root), deadline=0.2)
    try:
        started = time.monotonic()
        report = probe.look()
        assert time.monotonic() - started < 2.0
        assert report.down and report.reason == "share_not_answering"
        assert probe.look().down and len(looks) == 1, "no second look while the first still hangs"
    finally:
        release.set()
    monkeypatch.setattr(health, "_folder_problem", lambda folder: None)
    _until(lambda: not probe.look().down)  # once the hung look has ended, the next one starts afresh
    assert [h.down for h in heard] == [True, False]


def test_the_flow_fed_by_the_probe_sends_the_next_patient_to_the_fallbacks_at_once(root):
    """The probe on its own thread, its reports posted to the flow's thread (here: the test's), as in the kiosk."""
    gateway = _gateway(root, timeout=0.5)
    posted: list[Callable[[], None]] = []
    rig = make_harness(qualification=gateway)

    def pump() -> None:
        while posted:
            posted.pop(0)()

    simulator = SimulatorProcess(root, "valid", poll=0.02, institution_code="1312345678").start()
    probe = watch_terminal(gateway, posted.append, rig.flow.dispatch, interval=NEVER, deadline=2.0, hold=NEVER)
    try:
        rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"))
        assert rig.state is State.CONSENT, "the terminal answered the first patient"
        rig.send(ev.Cancel(), ev.CardRemovedEvent())
        simulator.stop()
        rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"))
        assert rig.state is State.TERMINAL_DOWN and rig.view.problem == "terminal_timeout"
        rig.send(ev.Cancel(), ev.CardRemovedEvent())
        _until(lambda: bool(posted))  # the unanswered check woke the probe at once, not at its interval
        pump()
        assert rig.view.terminal_down and rig.state is State.IDLE
        rig.send(ev.CardInserted())
        assert rig.state is State.TERMINAL_DOWN and rig.view.problem == "terminal_known_down"
        assert not list((root / "req").iterdir()), "no request for the terminal known to be down"
        rig.send(ev.Cancel(), ev.CardRemovedEvent())
        shutil.rmtree(root / "req")
        probe.look()  # the interval's look, now
        pump()
        assert rig.view.terminal_down
    finally:
        probe.stop()
        gateway.close()
