"""ゆっくり操作 at the machine: every timeout doubled, the countdown only in its last 30 s, for one visit."""
from __future__ import annotations

import pytest

from kiosk.core import events as ev
from kiosk.core.flow import FlowConfig
from kiosk.core.machine import candidates
from kiosk.core.states import SPECS, State
from kiosk.simulation.fakes import ManualRunner
from kiosk.simulation.harness import make_harness
from kiosk.simulation.player import stand_in

ALL = list(State)
SLOW = ev.SetPace(True)
# States whose timer restarts with the patient's tap (a busy state counts from entry: tested by hand below).
TOUCHED = [s for s in ALL if SPECS[s].timeout is not None and not SPECS[s].busy]


def _no_warning_until(rig, seconds: int) -> None:
    for _ in range(seconds):
        rig.wait(1)
        assert not rig.view.warning, f"a warning {rig.clock.monotonic()} s into {rig.state.value}"


def test_the_patient_may_change_the_pace_on_every_screen():
    for state in ALL:
        [row] = candidates(state, "SetPace")
        assert (row.target, row.guards, row.actions) == ("stay", (), ("pace",)), state.value


@pytest.mark.parametrize("state", ALL, ids=[s.value for s in ALL])
def test_setting_the_pace_keeps_the_screen_and_shows_in_the_view(state):
    rig = stand_in(state)
    before = rig.flow.view()
    assert "pace" in before.actions and before.unhurried is False
    assert rig.flow.dispatch(SLOW)
    after = rig.flow.view()
    assert (after.state, after.entry, after.unhurried) == (state, before.entry, True)
    assert rig.flow.dispatch(ev.SetPace(False)) and rig.flow.view().unhurried is False


def test_at_idle_the_pace_is_for_the_coming_reception_and_doubles_reading_the_card():
    rig = make_harness(runner=ManualRunner())
    assert rig.send(SLOW)
    rig.send(ev.CardInserted())
    assert rig.state is State.READING and rig.view.unhurried
    rig.wait(59)  # 30 s at the normal pace, 60 unhurried
    assert rig.state is State.READING
    rig.wait(1)
    assert rig.state is State.UNREADABLE


def test_at_the_normal_pace_reading_the_card_times_out_after_its_own_30_s():
    rig = make_harness(runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.wait(29)
    assert rig.state is State.READING
    rig.wait(1)
    assert rig.state is State.UNREADABLE


def test_unhurried_a_screen_waits_twice_as_long_and_counts_down_only_in_its_last_30_s():
    rig = make_harness()
    rig.send(SLOW, ev.CardInserted())
    assert rig.state is State.CHOOSE_METHOD  # 60 s, warned 15 s before at the normal pace
    _no_warning_until(rig, 89)
    rig.wait(1)
    view = rig.view
    assert view.warning and view.seconds_left == 30
    rig.wait(29)
    assert rig.state is State.CHOOSE_METHOD and rig.view.seconds_left == 1
    rig.wait(1)
    assert rig.state is State.ENDED, "abandoned after 120 s: the card is still in"


def test_unhurried_a_long_warning_is_cut_to_the_last_30_s():
    rig = make_harness()
    rig.send(ev.CardInserted(), ev.CallStaff(), SLOW)  # waiting for staff: 600 s, warned 60 s before
    assert rig.state is State.WAITING_STAFF
    rig.wait(1169)
    assert not rig.view.warning, "twice the warning would be 120 s of countdown: only the last 30 s show"
    rig.wait(1)
    assert rig.view.warning and rig.view.seconds_left == 30
    rig.wait(30)
    assert rig.state is State.ENDED


def test_at_the_normal_pace_the_same_screen_warns_15_s_before_its_60_s():
    rig = make_harness()
    rig.send(ev.CardInserted())
    _no_warning_until(rig, 44)
    rig.wait(1)
    assert rig.view.warning and rig.view.seconds_left == 15
    rig.wait(15)
    assert rig.state is State.ENDED


@pytest.mark.parametrize("state", TOUCHED, ids=[s.value for s in TOUCHED])
def test_every_timeout_doubles(state):
    rig = stand_in(state)
    rig.flow.dispatch(SLOW)  # a tap: the timer counts from here
    timeout = int(2 * SPECS[state].timeout)
    entry = rig.flow.view().entry
    rig.skip(timeout - 1)
    view = rig.flow.view()
    assert (view.state, view.entry) == (state, entry), f"{state.value} left before {timeout} s"
    if SPECS[state].warn_before is not None:
        assert view.warning and view.seconds_left is not None and view.seconds_left <= 30
    rig.skip(1)
    assert rig.flow.view().entry != entry, f"{state.value} still waiting after {timeout} s"


def test_checking_at_the_terminal_waits_twice_as_long():
    rig = make_harness(runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.settle()
    rig.send(ev.ChoosePin(), ev.SubmitPin("1234"))
    rig.settle()
    assert rig.state is State.CHECKING
    rig.send(SLOW)
    rig.wait(89)
    assert rig.state is State.CHECKING
    rig.wait(1)
    assert rig.state is State.TERMINAL_DOWN


def test_a_tap_on_the_pace_answers_the_warning():
    rig = make_harness()
    rig.send(ev.CardInserted())
    rig.wait(50)
    assert rig.view.warning
    rig.send(SLOW)
    assert not rig.view.warning and rig.state is State.CHOOSE_METHOD
    _no_warning_until(rig, 89)


def test_the_next_visit_starts_at_the_normal_pace():
    rig = make_harness()
    rig.send(ev.CardInserted(), SLOW, ev.ChoosePin(), ev.SubmitPin("1234"), ev.AnswerConsent(True, True, True))
    assert rig.state is State.DONE and rig.view.unhurried
    visit = rig.view.visit
    rig.send(ev.CardRemovedEvent())
    view = rig.view
    assert view.state is State.IDLE and view.visit == visit + 1 and not view.unhurried
    rig.send(ev.CardInserted())
    rig.wait(45)
    assert rig.view.warning, "the normal 60 s with its 15 s warning again"


def test_a_pace_chosen_at_idle_and_left_there_is_gone_when_idle_resets():
    rig = make_harness()
    rig.send(SLOW)
    rig.wait(599)  # idle's 300 s, doubled
    assert rig.view.unhurried and rig.view.visit == 0
    rig.wait(1)
    assert rig.view.visit == 1 and not rig.view.unhurried


def test_a_site_default_of_unhurried_starts_every_visit_unhurried():
    rig = make_harness(config=FlowConfig(unhurried_default=True))
    assert rig.view.unhurried
    rig.send(ev.CardInserted())
    _no_warning_until(rig, 89)
    rig.wait(1)
    assert rig.view.warning and rig.view.seconds_left == 30
    rig.send(ev.SetPace(False), ev.Cancel())
    assert rig.state is State.ENDED and not rig.view.unhurried
    rig.send(ev.CardRemovedEvent())
    assert rig.state is State.IDLE and rig.view.unhurried, "the next patient gets the site's choice again"
