"""The watchdog's decisions without processes (kiosk/watchdog.py): when a silent kiosk counts as frozen, how
long to wait before a restart and when to stay down; and what the restarted kiosk's flow tells staff."""
from __future__ import annotations

import signal
import socket

import pytest

from kiosk.core import events as ev
from kiosk.core.alerts import alerts_of
from kiosk.core.states import SESSION_ALERTS, State
from kiosk.simulation.harness import make_harness
from kiosk.watchdog import (
    HEARTBEAT_ENV,
    RESTARTED_ENV,
    Heartbeat,
    HeartbeatWatch,
    Policy,
    Restarts,
    display_gone,
    ending_of,
    restart_reason,
)

POLICY = Policy(stall=10.0, start_grace=60.0, backoff=(1.0, 5.0, 30.0), max_per_hour=4, healthy_after=300.0)


def test_a_starting_kiosk_has_its_grace_and_then_ten_seconds_between_beats():
    watch = HeartbeatWatch(POLICY, started=100.0)
    assert not watch.stalled(159.0), "models and pcscd may take the start-up grace"
    assert watch.stalled(160.5), "no first heartbeat within the grace"
    watch.beat(150.0)
    assert not watch.stalled(160.0)
    assert watch.stalled(160.5) and watch.silent_for(160.5) == pytest.approx(10.5)
    watch.beat(160.4)
    assert not watch.stalled(170.0)


def test_restarts_back_off_while_they_follow_each_other_and_reset_after_a_healthy_run():
    restarts = Restarts(POLICY)
    assert restarts.next_delay(0.0, ran_for=2.0) == 1.0
    assert restarts.next_delay(10.0, ran_for=2.0) == 5.0
    assert restarts.next_delay(20.0, ran_for=2.0) == 30.0
    assert restarts.next_delay(100.0, ran_for=301.0) == 1.0, "a long healthy run waits the shortest time again"


def test_at_most_max_per_hour_restarts_then_it_stays_down_until_the_oldest_is_an_hour_old():
    restarts = Restarts(POLICY)
    for n in range(4):
        assert restarts.next_delay(n * 400.0, ran_for=400.0) is not None
    assert restarts.next_delay(1700.0, ran_for=400.0) is None, "the fifth within the hour"
    assert restarts.next_delay(3600.0, ran_for=400.0) is not None, "the first has left the hour"


def test_no_restart_at_all_when_the_cap_is_zero():
    assert Restarts(Policy(max_per_hour=0)).next_delay(0.0, ran_for=1.0) is None


def test_the_log_names_the_signal_or_the_exit_status():
    assert ending_of(-signal.SIGKILL) == "signal SIGKILL"
    assert ending_of(1) == "exit status 1"


def test_the_heartbeat_writes_a_new_count_each_beat(tmp_path):
    assert Heartbeat.from_environment({}) is None, "a kiosk on its own writes nothing"
    heartbeat = Heartbeat.from_environment({HEARTBEAT_ENV: str(tmp_path / "beat")})
    assert heartbeat is not None
    heartbeat.beat()
    first = (tmp_path / "beat").read_text()
    heartbeat.beat()
    assert (tmp_path / "beat").read_text() != first


def test_a_heartbeat_that_cannot_be_written_does_not_stop_the_kiosk(tmp_path):
    heartbeat = Heartbeat(tmp_path / "gone" / "beat")
    heartbeat.beat()
    heartbeat.beat()
    assert heartbeat.count == 2


def test_only_the_supervisors_own_reasons_count_as_a_restart():
    assert restart_reason({}) == ""
    assert restart_reason({RESTARTED_ENV: "stall"}) == "stall"
    assert restart_reason({RESTARTED_ENV: "crash"}) == "crash"
    assert restart_reason({RESTARTED_ENV: "whatever"}) == ""


@pytest.mark.parametrize("reason", ["stall", "crash"])
def test_a_restarted_kiosk_tells_staff_on_every_screen_and_audits_it_once(reason):
    rig = make_harness()
    rig.send(ev.KioskRestarted(reason))
    code = f"kiosk_restarted_{reason}"
    [alert] = [a for a in alerts_of(rig.view) if a.code == code]
    assert alert.text == SESSION_ALERTS[code].text and "再起動" in alert.text and not alert.urgent
    rig.send(ev.CardInserted(), ev.ChoosePin())  # a patient comes meanwhile: the notice stays
    assert rig.flow.state is State.PIN and code in [a.code for a in alerts_of(rig.view)]
    rig.send(ev.KioskRestarted(reason))
    assert rig.store.audit_log.count(("kiosk", "kiosk_restarted", f"reason={reason}")) == 1
    rig.send(ev.KioskRestarted(""))
    assert not [a for a in alerts_of(rig.view) if a.code.startswith("kiosk_restarted")]


@pytest.mark.skipif(not hasattr(socket, "AF_UNIX"), reason="Wayland sockets are Unix sockets")
def test_a_compositor_that_has_gone_is_told_from_one_that_listens(tmp_path):
    env = {"XDG_RUNTIME_DIR": str(tmp_path), "WAYLAND_DISPLAY": "wayland-1"}
    assert display_gone({}) == "", "a kiosk not on Wayland has no compositor to lose"
    assert display_gone(env), "no socket at all"
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as compositor:
        compositor.bind(str(tmp_path / "wayland-1"))
        compositor.listen()
        assert display_gone(env) == ""
    assert display_gone(env), "the socket is left behind with nobody listening (cage tearing down)"
