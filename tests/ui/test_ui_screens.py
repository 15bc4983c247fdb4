"""Every screen against the flow's table: one page per state, and buttons that do exactly what the View allows."""
from __future__ import annotations

import pytest
from PySide6.QtWidgets import QPushButton

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.simulation.player import stand_in
from kiosk.ui.screens import PAGES
from kiosk.ui.screens.base import Page

# Each patient button and the event action it sends (the keypad's digits and 訂正 make a PIN).
ACTIONS = {
    "btn_face": ev.ChooseFace.action,
    "btn_stop_waiting": ev.StopWaiting.action,
    "btn_pin": ev.ChoosePin.action,
    "btn_child": ev.FaceChildMode.action,
    "btn_cancel": ev.Cancel.action,
    "key_cancel": ev.Cancel.action,
    "key_back": ev.SubmitPin.action,
    **{f"key_{d}": ev.SubmitPin.action for d in "0123456789"},
    "btn_next": ev.Proceed.action,
    "btn_consent_yes": ev.AnswerConsent.action,
    "btn_consent_no": ev.AnswerConsent.action,
    "btn_limit": ev.AskLimitConsent.action,
    "btn_limit_yes": ev.AnswerLimitConsent.action,
    "btn_limit_no": ev.AnswerLimitConsent.action,
    "btn_declare": ev.StartDeclaration.action,
    "btn_declaration_submit": ev.SubmitDeclaration.action,
    "btn_call_staff": ev.CallStaff.action,
    "btn_resume": ev.ResumeFromStaff.action,
}


def _concrete_pages(cls=Page):
    for sub in cls.__subclasses__():
        if "state" in vars(sub):
            yield sub
        yield from _concrete_pages(sub)


def test_every_state_has_exactly_one_page():
    pages = list(_concrete_pages())
    states = [page.state for page in pages]
    assert sorted(states) == sorted(State), "one page class per state, none missing, none twice"
    assert all(PAGES[page.state] is page for page in pages)


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
def test_buttons_follow_the_actions_the_view_allows(kiosk_for, state):
    k = kiosk_for(stand_in(state))
    allowed = k.view.actions
    page_buttons = [b for b in k.window.page.findChildren(QPushButton) if b.objectName() in ACTIONS]
    assert page_buttons, f"{state.value} offers the patient nothing"
    for b in page_buttons:  # isHidden, not isVisible: a button on a later page of the 申立書 counts too
        action = ACTIONS[b.objectName()]
        usable = not b.isHidden() and b.isEnabled()
        assert usable == (action in allowed), f"{state.value}: {b.objectName()} ({action}) usable={usable}"
    offered = {ACTIONS[b.objectName()] for b in page_buttons if not b.isHidden() and b.isEnabled()}
    assert ev.CallStaff.action in offered, "「職員を呼ぶ」 on every screen"
    assert (ev.Cancel.action in offered) == (ev.Cancel.action in allowed)
