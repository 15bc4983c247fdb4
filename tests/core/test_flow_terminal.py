"""The terminal seen from the reception: slow to answer (a way on at 5 s) and known to be down (said as the
card is read). The check is held on a ManualRunner; time moves on the harness's clock."""
from __future__ import annotations

from kiosk.core import events as ev
from kiosk.core.domain import CardKind, Trouble
from kiosk.core.flow import FlowConfig
from kiosk.core.machine import candidates
from kiosk.core.states import SPECS, State
from kiosk.simulation.fakes import FakeCard, ManualRunner
from kiosk.simulation.harness import Harness, make_harness


def _checking(config: FlowConfig | None = None) -> Harness:
    """A patient past the PIN, the check sent and held."""
    rig = make_harness(runner=ManualRunner(), config=config)
    rig.send(ev.CardInserted())
    rig.settle()
    rig.send(ev.ChoosePin(), ev.SubmitPin("1234"))
    rig.settle()
    assert rig.state is State.CHECKING and rig.view.working == ("check",)
    return rig


def test_the_check_screen_says_it_is_slow_after_its_state_s_5_s_and_offers_a_way_on():
    assert SPECS[State.CHECKING].slow_after == 5.0
    assert [s for s in State if SPECS[s].slow_after is not None] == [State.CHECKING]
    rig = _checking()
    entered = rig.clock.monotonic()
    rig.wait(4)
    view = rig.view
    assert not view.slow and "stop_waiting" not in view.actions
    refused = rig.send(ev.StopWaiting())
    assert not refused and refused.reason == "not_slow" and rig.state is State.CHECKING
    rig.wait(1)
    view = rig.view
    assert view.slow and "stop_waiting" in view.actions and "call_staff" in view.actions
    assert rig.views[-1] == view, "listeners heard of it when it happened, not at the next change"
    assert view.working == ("check",), "the check goes on waiting"
    [said] = [e for e in rig.flow.transcript if e["what"] == "slow"]
    assert said["t"] - entered == 5.0 and said["state"] == "checking"


def test_stopping_the_wait_gives_the_check_up_and_leads_to_the_fallbacks():
    rig = _checking()
    check = rig.runner.pending[0]
    rig.wait(6)
    assert rig.send(ev.StopWaiting())
    view = rig.view
    assert check.cancelled, "the gateway withdraws its request"
    assert view.state is State.TERMINAL_DOWN and view.problem == "terminal_slow" and not view.slow
    assert "declare" in view.actions, "the PIN read the card's facts: the 申立書 is offered"
    assert Trouble.T12.value in view.troubles
    rig.settle()  # the given-up check answers late: nothing moves
    assert rig.state is State.TERMINAL_DOWN


def test_a_slow_answer_still_counts_and_the_next_screen_is_not_slow():
    rig = _checking()
    rig.wait(8)
    assert rig.view.slow
    rig.settle()
    assert rig.state is State.CONSENT and not rig.view.slow


def test_touching_the_screen_does_not_put_the_slow_notice_off_nor_does_the_unhurried_pace_delay_it():
    rig = _checking(FlowConfig(unhurried_default=True))
    for _ in range(5):
        rig.send(ev.Touch())
        rig.wait(1)
    assert rig.view.slow and rig.view.unhurried


def test_the_check_s_own_timeout_still_ends_a_slow_check():
    rig = _checking()
    rig.wait(SPECS[State.CHECKING].timeout)
    assert rig.state is State.TERMINAL_DOWN and rig.view.problem == "timeout"


def test_a_terminal_known_down_is_said_as_the_card_is_read_without_asking_for_a_pin():
    rig = make_harness()
    rig.send(ev.TerminalLost("unanswered"))
    assert rig.state is State.IDLE and rig.view.terminal_down
    rig.send(ev.CardInserted())
    view = rig.view
    assert view.state is State.TERMINAL_DOWN and view.problem == "terminal_known_down"
    assert rig.states() == ["idle", "reading", "terminal_down"]
    assert rig.checker.card_checks == [], "no check sent to a terminal known to be down"
    assert Trouble.T12.value in view.troubles and "call_staff" in view.actions and "cancel" in view.actions
    assert "declare" not in view.actions, "the card's facts are unread: staff complete the fallback"


def test_the_terminal_back_up_gives_the_next_patient_the_check_again():
    rig = make_harness()
    rig.send(ev.TerminalLost("folder_missing"), ev.TerminalRestored())
    assert not rig.view.terminal_down
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"))
    assert rig.state is State.CONSENT and len(rig.checker.card_checks) == 1


def test_a_terminal_lost_while_the_patient_types_the_pin_is_said_when_the_pin_is_verified():
    rig = make_harness(runner=ManualRunner())
    rig.send(ev.CardInserted())
    rig.settle()
    rig.send(ev.ChoosePin(), ev.SubmitPin("1234"), ev.TerminalLost("share_not_answering"))
    rig.settle()
    view = rig.view
    assert view.state is State.TERMINAL_DOWN and view.problem == "terminal_known_down"
    assert rig.runner.pending == [] and rig.checker.card_checks == []
    assert "declare" in view.actions, "the PIN read the facts: the patient can fill in the 申立書"


def test_a_terminal_lost_during_the_check_lets_the_check_run_to_its_answer():
    rig = _checking()
    rig.send(ev.TerminalLost("unanswered"))
    assert rig.state is State.CHECKING and rig.view.working == ("check",)
    rig.settle()
    assert rig.state is State.CONSENT


def test_a_card_that_is_no_my_number_card_is_said_first():
    other = FakeCard(kind=CardKind.OTHER)
    rig = make_harness(card=other)
    rig.send(ev.TerminalLost("unanswered"), ev.CardInserted())
    assert rig.state is State.NOT_MY_NUMBER


def test_every_state_keeps_the_probe_s_word_without_a_new_screen():
    for state in State:
        for kind in ("TerminalLost", "TerminalRestored"):
            [row] = candidates(state, kind)
            assert row.target == "stay" and not row.guards, f"{state.value} {kind}"
