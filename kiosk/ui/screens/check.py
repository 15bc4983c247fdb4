"""The answer of the qualification check when it is not a plain "valid" (T3, T6, T9, T12).

Each says what happened without blame and what the patient can do (the words are in kiosk.ui.content);
none shows a medical or insurance detail, and PERSON_MISMATCH shows nothing of the result at all (it may
be someone else's).
"""
from __future__ import annotations

from kiosk.core.states import State
from kiosk.ui.screens.base import MessagePage


class PersonMismatchPage(MessagePage):
    state = State.PERSON_MISMATCH


class QualInvalidPage(MessagePage):
    state = State.QUAL_INVALID


class QualNonePage(MessagePage):
    state = State.QUAL_NONE


class QualSeveralPage(MessagePage):
    state = State.QUAL_SEVERAL


class TerminalDownPage(MessagePage):
    state = State.TERMINAL_DOWN
