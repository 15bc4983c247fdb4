"""Steps 3 and 4: consent, the 限度額 question, done; and the ends of a session (staff, ended, card left).

Done and ended ask for the card themselves while it is still in the reader (``View.card_reminder``): the
words on the screen and the chime, louder once the flow escalates (T15 before it happens)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from kiosk.core.states import State
from kiosk.core.view import Outcome, View
from kiosk.ui import content
from kiosk.ui.content import shown
from kiosk.ui.screens.base import MessagePage, Page
from kiosk.ui.widgets import Pictogram, label

translate = QCoreApplication.translate

CHIME_EVERY_MS = 4000


class ConsentPage(Page):
    state = State.CONSENT

    def build(self, view: View) -> None:
        spec = self.spec
        self.headline(shown(spec, spec.title))
        self.line(shown(spec, spec.lines[0]))
        if view.limit_answer is not None:
            answer = content.LIMIT_PROVIDED if view.limit_answer else content.LIMIT_NOT_PROVIDED
            self.line(translate("Screen", answer), "note", "limit_answer")
        self.body.addStretch(1)
        yes, no, limit = spec.choices
        self.action_row(self.choice_button(yes, default=True), self.choice_button(no))
        self.body.addStretch(1)
        self.action_row(self.choice_button(limit))


class LimitConsentPage(MessagePage):
    state = State.LIMIT_CONSENT


def greeting_name(name: str) -> str:
    """The name for 「…様」, or nothing when the insurer's data holds a ● (T1): a patient should not
    be greeted with a broken name; staff see the flag and correct it."""
    return "" if not name or "●" in name else name


class CardReminder:
    """「マイナンバーカードをお取りください」 on a closing screen while the card is in, and the chime: at the
    reminder's level on entry and again, louder, when the flow escalates it."""

    def __init__(self, page: Page) -> None:
        self._page = page
        self._level: int | None = None
        self.line = label(translate("Screen", content.TAKE_CARD), "caution", "card_reminder")
        self.line.setAlignment(Qt.AlignmentFlag.AlignCenter)

    def update(self, view: View) -> None:
        level = view.card_reminder
        self.line.setVisible(level is not None)
        if level is None:
            return
        self.line.setProperty("role", "alert" if level > 0 else "caution")
        self.line.style().unpolish(self.line)
        self.line.style().polish(self.line)
        if self._level is None or level > self._level:
            self._page.host.play_chime(level)
        self._level = level


class DonePage(Page):
    state = State.DONE

    def build(self, view: View) -> None:
        self.body.addStretch(1)
        name = greeting_name(view.patient_name)
        # Received, but the insurance is not confirmed: never say it is.
        fallback = view.outcome == Outcome.FALLBACK.value
        if fallback:
            title = (translate("Screen", content.DONE_FALLBACK_NAMED).format(name=name) if name
                     else translate("Screen", content.DONE_FALLBACK))
        else:
            title = (translate("Screen", content.DONE_NAMED).format(name=name) if name
                     else shown(self.spec, self.spec.title))
        self.body.addWidget(Pictogram(self.spec.pictogram, self.px(110)), 0, Qt.AlignmentFlag.AlignHCenter)
        head = label(title, "title", "title")
        head.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(head)
        if fallback:
            later = label(translate("Screen", content.DONE_FALLBACK_NOTE), "note", "fallback_note")
            later.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.body.addWidget(later)
        take = label(shown(self.spec, self.spec.lines[0]), "", "take_card")
        take.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(take)
        self.reminder = CardReminder(self)
        self.body.addWidget(self.reminder.line)
        if view.certificate == "expiring":
            self.line(translate("Screen", content.DONE_EXPIRING), "caution", "notice_expiring")
        self.body.addStretch(1)
        self.reminder.update(view)

    def refresh(self, view: View) -> None:
        self.reminder.update(view)


class WaitingStaffPage(Page):
    state = State.WAITING_STAFF

    def build(self, view: View) -> None:
        spec = self.spec
        self.headline(shown(spec, spec.title), spec.pictogram)
        for text in spec.lines:
            self.line(shown(spec, text))
        self.body.addStretch(1)
        # Offered after the patient's own call, which may have been a mistake; not when the kiosk sent for staff.
        [back] = spec.choices
        self.action_row(self.choice_button(back, hide=True))


class EndedPage(MessagePage):
    state = State.ENDED

    def extra(self, view: View) -> None:
        self.reminder = CardReminder(self)
        self.body.addWidget(self.reminder.line)
        self.reminder.update(view)

    def refresh(self, view: View) -> None:
        self.reminder.update(view)


class CardLeftPage(Page):
    """T15: loud on purpose. The chime repeats until the card is taken."""

    state = State.CARD_LEFT

    def build(self, view: View) -> None:
        spec = self.spec
        self.body.addStretch(1)
        alert = label(shown(spec, spec.title), "alert", "title")
        alert.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(alert)
        for text in spec.lines:
            lab = label(shown(spec, text))
            lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.body.addWidget(lab)
        self.body.addStretch(1)
        self.host.play_chime(1)
        self._timer = QTimer(self)
        self._timer.timeout.connect(lambda: self.host.play_chime(1))
        self._timer.start(CHIME_EVERY_MS)


