"""The card left behind: asked for on the done screen at once, loud and on the console a few seconds later."""
from __future__ import annotations

import pytest

from kiosk.core import events as ev
from kiosk.core.alerts import alerts_of
from kiosk.core.domain import Trouble
from kiosk.core.flow import FlowConfig
from kiosk.core.states import SPECS, State
from kiosk.simulation.harness import make_harness
from kiosk.simulation.player import stand_in

RECEPTION = (ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"), ev.AnswerConsent(True, True, True))


def _alerts(view):
    return [(a.code, a.trouble, a.urgent) for a in alerts_of(view)]


def _done(config: FlowConfig | None = None):
    rig = make_harness(config=config)
    rig.send(*RECEPTION)
    assert rig.state is State.DONE
    return rig


def test_the_done_screen_asks_for_the_card_from_its_first_view():
    rig = _done()
    [first] = [v for v in rig.views if v.state is State.DONE]
    assert first.card_reminder == 0 and first.card_present
    assert _alerts(first) == [], "the gentle ask is the screen's own: staff are not called yet"


def test_the_reminder_escalates_after_6_s_and_reaches_the_console_until_the_card_is_taken():
    rig = _done()
    rig.wait(5)
    assert rig.view.card_reminder == 0 and _alerts(rig.view) == []
    rig.wait(1)
    view = rig.view
    assert view.state is State.DONE and view.card_reminder == 1
    assert rig.views[-1] == view, "listeners heard of the escalation when it happened"
    assert _alerts(view) == [("card_left", None, True)]
    assert [e for e in rig.flow.transcript if e["what"] == "card_reminder"][-1]["level"] == 1
    rig.send(ev.CardRemovedEvent())
    view = rig.view
    assert view.state is State.IDLE and view.card_reminder is None and _alerts(view) == []
    rig.wait(30)
    assert rig.view.card_reminder is None and Trouble.T15 not in rig.store.receptions[-1].troubles


def test_pulling_the_card_before_the_escalation_stops_it():
    rig = _done()
    rig.wait(3)
    rig.send(ev.CardRemovedEvent())
    rig.wait(10)
    assert rig.state is State.IDLE and rig.view.card_reminder is None
    assert all(v.card_reminder != 1 for v in rig.views), "never escalated"
    assert not [e for e in rig.flow.transcript if e["what"] == "card_reminder"]


def test_a_card_still_there_when_the_done_screen_times_out_is_left_behind_and_stays_loud():
    rig = _done()
    rig.wait(SPECS[State.DONE].timeout)
    view = rig.view
    assert view.state is State.CARD_LEFT and view.card_reminder == 1
    assert _alerts(view) == [("card_left", Trouble.T15, True)], "one console line, now counted as T15"
    rig.send(ev.CardRemovedEvent())
    assert rig.state is State.IDLE and Trouble.T15 in rig.store.receptions[-1].troubles


def test_touching_the_screen_does_not_put_the_escalation_off():
    rig = _done()
    for _ in range(6):
        rig.send(ev.Touch())
        rig.wait(1)
    assert rig.view.card_reminder == 1


def test_the_unhurried_pace_does_not_put_the_escalation_off_but_doubles_the_done_screen():
    rig = make_harness()
    rig.send(ev.SetPace(True), *RECEPTION)
    rig.wait(6)
    assert rig.state is State.DONE and rig.view.card_reminder == 1
    rig.wait(2 * SPECS[State.DONE].timeout - 7)
    assert rig.state is State.DONE
    rig.wait(1)
    assert rig.state is State.CARD_LEFT


def test_the_site_sets_how_long_before_the_reminder_escalates():
    rig = _done(FlowConfig(card_left_escalate_after=3.0))
    rig.wait(2)
    assert rig.view.card_reminder == 0
    rig.wait(1)
    assert rig.view.card_reminder == 1


def test_an_ended_reception_asks_for_the_card_the_same_way():
    rig = make_harness()
    rig.send(ev.CardInserted(), ev.Cancel())
    assert rig.state is State.ENDED and rig.view.card_reminder == 0
    rig.wait(6)
    assert rig.view.card_reminder == 1 and _alerts(rig.view)[0] == ("card_left", None, True)
    rig.send(ev.CardRemovedEvent())
    assert rig.state is State.IDLE and _alerts(rig.view) == []


ASKING = (State.DONE, State.ENDED, State.CARD_LEFT)


@pytest.mark.parametrize("state", [s for s in State if s not in ASKING], ids=lambda s: s.value)
def test_no_other_screen_asks_for_the_card(state):
    rig = stand_in(state)
    rig.skip(7)
    view = rig.flow.view()
    assert view.state is state and view.card_reminder is None


def test_the_remote_console_reads_the_escalation_off_the_wire():
    from kiosk.staff.messages import view_message, view_of

    rig = _done()
    calm = view_of(view_message("受付機1", rig.view))
    rig.wait(6)
    loud = view_of(view_message("受付機1", rig.view))
    assert (calm.card_reminder, loud.card_reminder) == (0, 1)
    assert _alerts(calm) == [] and _alerts(loud) == [("card_left", None, True)]
