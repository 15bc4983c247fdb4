"""Step 2, proving identity: choosing face or PIN, the camera, the keypad, and their failures (T13, T14)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QSizePolicy, QVBoxLayout

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.view import View
from kiosk.ui import content
from kiosk.ui.content import Choice, guidance_text, shown
from kiosk.ui.screens.base import MessagePage, Page
from kiosk.ui.screens.card import BusyPage
from kiosk.ui.widgets import FaceFrame, button, label

translate = QCoreApplication.translate


class ChooseMethodPage(Page):
    state = State.CHOOSE_METHOD

    def build(self, view: View) -> None:
        spec = self.spec
        head = QHBoxLayout()
        head.setSpacing(24)
        head.addWidget(label(shown(spec, spec.title), "title", "title"), 1)
        language = self.language_choice()
        language.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # beside the question, not a choice
        head.addWidget(language, 0, Qt.AlignmentFlag.AlignTop)
        self.body.addLayout(head)
        self.body.addStretch(1)
        choices = [self.choice_button(c) for c in spec.choices]
        for b in choices:
            b.setProperty("big", True)
        self.action_row(*choices)
        captions = QHBoxLayout()
        captions.setSpacing(32)
        for text in content.METHOD_CAPTIONS:
            cap = label(shown(spec, text), "muted")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
            captions.addWidget(cap)
        self.body.addLayout(captions)
        self.body.addStretch(1)
        self.line(shown(spec, spec.lines[0]), "note", "privacy_note")


class FacePage(Page):
    state = State.FACE

    def build(self, view: View) -> None:
        spec = self.spec
        row = QHBoxLayout()
        row.setSpacing(32)
        self.preview = FaceFrame()
        row.addWidget(self.preview, 4)
        side = QVBoxLayout()
        side.setSpacing(12)  # a child's check-in fills the column: title, note, guidance, tries left, two buttons
        self.title = label("", "title", "title")
        side.addWidget(self.title)
        self.hint = label(shown(spec, spec.lines[0]), "", "face_hint")
        side.addWidget(self.hint)
        self.child_note = label(translate("Screen", content.FACE_CHILD_NOTE), "", "child_note")
        side.addWidget(self.child_note)
        self.guidance = label("", "caution", "guidance")
        side.addWidget(self.guidance)
        self.attempts = label("", "muted", "attempts")
        side.addWidget(self.attempts)
        side.addStretch(1)
        choices = self.side_by_side()
        choices.setSpacing(16)
        child, pin = spec.choices
        self.child = self.gate(self.choice_button(
            child, lambda: self.host.send(ev.FaceChildMode(not self.view.child_mode))), ev.FaceChildMode.action)
        choices.addWidget(self.child)
        choices.addWidget(self.choice_button(pin))
        side.addLayout(choices)
        row.addLayout(side, 5)
        self.body.addLayout(row, 1)
        self.refresh(view)

    def refresh(self, view: View) -> None:
        text = guidance_text(view.guidance, view.child_mode)
        self.guidance.setText(text)
        self.guidance.setVisible(bool(text))
        left = view.max_face_attempts - view.face_failures
        self.attempts.setText(translate("Screen", content.TRIES_LEFT).format(n=left))
        self.attempts.setVisible(view.face_failures > 0)
        self.title.setText(translate("Screen", content.FACE_CHILD_TITLE if view.child_mode else self.spec.title))
        self.child_note.setVisible(view.child_mode)  # a parent holding a child: say the adult may show
        self.hint.setVisible(not view.child_mode and not text)  # what to fix replaces "wait": one thing at a time
        switch = content.FACE_ADULT if view.child_mode else content.FACE_CHILD
        self.child.setText(translate("Screen", switch.text))
        self.speaks(self.child, switch.speech)

    def set_preview(self, image: QImage) -> None:
        self.preview.set_preview(image)


class FaceFailedPage(MessagePage):
    state = State.FACE_FAILED

    def extra(self, view: View) -> None:
        reason = guidance_text(view.guidance, view.child_mode)
        if reason:
            self.line(reason, "caution", "guidance")


class PinPage(Page):
    """The keypad. The digits never appear: only ●, and only on this screen, only until sent. The voice
    says which digit was typed (「2けた目を入力しました」), never the digit.

    The PIN goes with 確定, which works once four digits are typed: a shaky finger or key costs nothing.
    The keys work while the flow takes a PIN; while the card checks one (``verify_pin`` under way) the
    four dots stay filled. A wrong PIN enters this screen again: a new, empty keypad."""

    state = State.PIN
    pin_length = 4

    def build(self, view: View) -> None:
        self._digits = ""
        row = self.side_by_side()
        row.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(20)
        left.addWidget(label(shown(self.spec, self.spec.title), "title", "title"))
        self.dots = label("", "dots", "pin_dots")
        left.addWidget(self.dots)
        self.wrong = label(translate("Screen", content.PIN_WRONG), "error", "pin_wrong")
        left.addWidget(self.wrong)
        self.tries = label("", "muted", "pin_tries")
        left.addWidget(self.tries)
        self.last_tries = label("", "caution", "pin_tries_warning")  # two left: the next two decide
        left.addWidget(self.last_tries)
        self.status = label(translate("Screen", content.PIN_CHECKING), "muted", "pin_status")
        left.addWidget(self.status)
        left.addStretch(1)
        row.addLayout(left, 5)

        pad = QGridLayout()
        pad.setSpacing(14)
        for i, digit in enumerate("123456789"):
            pad.addWidget(self._digit_key(digit), i // 3, i % 3)
        ok, back, _cancel = self.spec.choices
        erase = self.gate(self.choice_button(back, self._back), ev.SubmitPin.action)
        erase.setProperty("kind", "")  # a word: the normal button size
        pad.addWidget(erase, 3, 0)
        pad.addWidget(self._digit_key("0"), 3, 1)
        self.ok = self.choice_button(ok, self._submit, default=True)
        self.ok.setProperty("kind", "primary")
        pad.addWidget(self.ok, 3, 2)
        row.addLayout(pad, 5)
        self.body.addLayout(row, 1)
        self.refresh(view)

    def cancel_choice(self) -> tuple[Choice, str]:
        return self.spec.choices[2], self.spec.context  # キャンセル, where 「終了」 is on every other screen

    def _digit_key(self, digit: str) -> QPushButton:
        b = button(digit, f"key_{digit}", "key", lambda: self._press(digit))
        b.setProperty("digit", True)  # the ten-key types digits itself: + and − skip these
        return self.gate(b, ev.SubmitPin.action)

    @property
    def checking(self) -> bool:
        return "verify_pin" in self.view.working

    @property
    def typing(self) -> bool:
        return ev.SubmitPin.action in self.view.actions and not self.checking

    def _press(self, digit: str) -> None:
        self.host.send(ev.Touch())  # typing is activity: no "still there?" mid-PIN
        if len(self._digits) < self.pin_length:
            self._digits += digit
        n = len(self._digits)
        self.host.announce(translate("Speech", content.PIN_FULL) if n == self.pin_length
                           else translate("Speech", content.DIGIT_TYPED).format(n=n))
        self._show_dots()

    def _back(self) -> None:
        self.host.send(ev.Touch())
        if self._digits:
            self._digits = self._digits[:-1]
            self.host.announce(translate("Speech", content.DIGIT_ERASED))
        self._show_dots()

    def _submit(self) -> None:
        if len(self._digits) != self.pin_length or not self.typing:
            return
        pin, self._digits = self._digits, ""
        self.host.send(ev.SubmitPin(pin))
        self._show_dots()

    def key_digit(self, digit: str) -> bool:
        if self.typing:
            self._press(digit)
        return True

    def key_erase(self) -> bool:
        if self.typing:
            self._back()
        return True

    def _show_dots(self) -> None:
        n = self.pin_length if self.checking else len(self._digits)
        self.dots.setText(" ".join("●" * n + "○" * (self.pin_length - n)))
        self.ok.setEnabled(self.typing and len(self._digits) == self.pin_length)

    def refresh(self, view: View) -> None:
        self.status.setVisible(self.checking)
        self._show_dots()
        self.wrong.setVisible(view.pin_failures > 0)
        left = view.pin_tries_left
        self.tries.setVisible(left is not None and left > 2)
        self.last_tries.setVisible(left is not None and left <= 2)
        if left is not None:
            self.tries.setText(translate("Screen", content.PIN_TRIES).format(n=left))
            self.last_tries.setText(translate("Screen", content.PIN_LAST_TRIES).format(n=left))


class PinLowPage(MessagePage):
    state = State.PIN_LOW


class PinLockedPage(MessagePage):
    state = State.PIN_LOCKED


class CheckingPage(BusyPage):
    state = State.CHECKING

    def build(self, view: View) -> None:
        super().build(view)
        self.slow = label(translate("Screen", content.CHECK_SLOW), "caution", "check_slow")
        self.slow.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.insertWidget(self.body.count() - 1, self.slow)  # above BusyPage's closing stretch
        self.action_row(self.choice_button(content.STOP_WAITING, hide=True))  # 職員を呼ぶ is in the bar
        self._said_slow = False
        self.refresh(view)

    def refresh(self, view: View) -> None:
        self.slow.setVisible(view.slow)
        if view.slow and not self._said_slow:  # said once, as it turns slow
            self._said_slow = True
            self.host.announce(translate("Screen", content.CHECK_SLOW))
