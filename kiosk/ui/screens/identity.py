"""Step 2, proving identity: choosing face or PIN, the camera, the keypad, and their failures (T13, T14)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QPushButton, QVBoxLayout

from kiosk.core import events as ev
from kiosk.core.domain import IdentityMethod
from kiosk.core.flow import View
from kiosk.core.states import State
from kiosk.ui.screens.base import CALL_STAFF, Action, MessagePage, Page
from kiosk.ui.screens.card import BusyPage
from kiosk.ui.widgets import FaceFrame, button, label

translate = QCoreApplication.translate

FACE = ev.ChooseMethod(IdentityMethod.FACE)
PIN = ev.ChooseMethod(IdentityMethod.PIN)

# What the camera sees, in words the patient can act on; codes come from kiosk.face.guidance.
GUIDANCE = {
    "no_face": QT_TRANSLATE_NOOP("Face", "お顔が見つかりません。カメラの正面に立ってください。"),
    "several_faces": QT_TRANSLATE_NOOP("Face", "何人か映っています。おひとりで映ってください。"),
    "too_far": QT_TRANSLATE_NOOP("Face", "もう少しカメラに近づいてください。"),
    "too_close": QT_TRANSLATE_NOOP("Face", "少しカメラから離れてください。"),
    "off_centre": QT_TRANSLATE_NOOP("Face", "お顔を枠のまん中に合わせてください。"),
    "too_dark": QT_TRANSLATE_NOOP("Face", "お顔が暗く映っています。帽子をとり、顔を上げてください。"),
    "mask": QT_TRANSLATE_NOOP("Face", "マスクを外してください。"),
    "hold_still": QT_TRANSLATE_NOOP("Face", "そのまま動かないでください。"),
    "blink": QT_TRANSLATE_NOOP("Face", "ゆっくり、まばたきをしてください。"),
}


def guidance_text(codes: tuple[str, ...]) -> str:
    """The first code we have words for: one instruction at a time is what a patient can follow."""
    for code in codes:
        if code in GUIDANCE:
            return translate("Face", GUIDANCE[code])
    return ""


def face_left(view: View) -> bool:
    return view.face_failures < view.max_face_attempts


class ChooseMethodPage(Page):
    state = State.CHOOSE_METHOD
    language_button = True

    def build(self, view: View) -> None:
        self.headline(translate("Screen", "本人確認の方法を選んでください"))
        self.body.addStretch(1)
        face = button(translate("Screen", "顔認証"), "btn_face", "primary", self.send(FACE))
        face.setProperty("big", True)
        face.setEnabled(face_left(view))
        pin = button(translate("Screen", "暗証番号"), "btn_pin", "primary", self.send(PIN))
        pin.setProperty("big", True)
        self.actions(face, pin)
        captions = QHBoxLayout()
        captions.setSpacing(32)
        for text in (translate("Screen", "カメラにお顔を映します"), translate("Screen", "数字4桁を入力します")):
            cap = label(text, "muted")
            cap.setAlignment(Qt.AlignCenter)
            captions.addWidget(cap)
        self.body.addLayout(captions)
        self.body.addStretch(1)
        self.line(translate("Screen", "本人確認の情報は、他の目的には使用しません。"), "note", "privacy_note")


class FacePage(Page):
    state = State.FACE

    def build(self, view: View) -> None:
        row = QHBoxLayout()
        row.setSpacing(32)
        self.preview = FaceFrame()
        row.addWidget(self.preview, 4)
        side = QVBoxLayout()
        side.setSpacing(20)
        side.addWidget(label(translate("Screen", "顔を枠内に入れてください"), "title", "title"))
        self.hint = label(translate("Screen", "カメラを見て、そのままお待ちください。"), "", "face_hint")
        side.addWidget(self.hint)
        self.child_note = label(translate("Screen", "お子さまの顔を枠に入れてください。大人の方が一緒に写っても大丈夫です。"),
                                "", "child_note")
        side.addWidget(self.child_note)
        self.guidance = label("", "caution", "guidance")
        side.addWidget(self.guidance)
        self.attempts = label("", "muted", "attempts")
        side.addWidget(self.attempts)
        side.addStretch(1)
        choices = QHBoxLayout()
        choices.setSpacing(16)
        self.child = button("", "btn_child", "", lambda: self.host.send(ev.FaceChildMode(not self.view.child_mode)))
        choices.addWidget(self.child)
        choices.addWidget(button(translate("Screen", "暗証番号にする"), "btn_pin", "", self.send(PIN)))
        side.addLayout(choices)
        row.addLayout(side, 5)
        self.body.addLayout(row, 1)
        self.update_view(view)

    def update_view(self, view: View) -> None:
        self.view = view
        text = guidance_text(view.guidance)
        self.guidance.setText(text)
        self.guidance.setVisible(bool(text))
        left = view.max_face_attempts - view.face_failures
        self.attempts.setText(translate("Screen", "あと{n}回ためせます。").format(n=left))
        self.attempts.setVisible(view.face_failures > 0)
        self.child_note.setVisible(view.child_mode)  # a parent holding a child: say the adult may show
        self.hint.setVisible(not view.child_mode)
        self.child.setText(translate("Screen", "おとなの受付") if view.child_mode
                           else translate("Screen", "お子さまの受付"))

    def set_preview(self, image: QImage) -> None:
        self.preview.set_preview(image)


class FaceFailedPage(MessagePage):
    state = State.FACE_FAILED
    pictogram = "warn"
    title = QT_TRANSLATE_NOOP("Screen", "顔認証ができませんでした")
    lines = (QT_TRANSLATE_NOOP("Screen", "暗証番号で確認できます。わからないときは、職員がお手伝いします。"),)
    choices = (Action(QT_TRANSLATE_NOOP("Screen", "暗証番号で確認"), "btn_pin", "primary", PIN), CALL_STAFF)

    def extra(self, view: View) -> None:
        reason = guidance_text(view.guidance)
        if reason:
            self.line(reason, "caution", "guidance")


class PinPage(Page):
    """The keypad. The digits never appear: only ●, and only on this screen, only until sent."""

    state = State.PIN
    pin_length = 4

    def build(self, view: View) -> None:
        self._digits, self._entered, self._busy = "", 0, False
        row = QHBoxLayout()
        row.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(20)
        left.addWidget(label(translate("Screen", "暗証番号（数字4桁）を入力してください"), "title", "title"))
        self.dots = label("", "dots", "pin_dots")
        left.addWidget(self.dots)
        self.wrong = label(translate("Screen", "暗証番号がちがいます。"), "error", "pin_wrong")
        left.addWidget(self.wrong)
        self.tries = label("", "muted", "pin_tries")
        left.addWidget(self.tries)
        self.last_tries = label("", "caution", "pin_tries_warning")  # two left: the next two decide
        left.addWidget(self.last_tries)
        self.status = label(translate("Screen", "確認しています…"), "muted", "pin_status")
        left.addWidget(self.status)
        left.addStretch(1)
        row.addLayout(left, 5)

        pad = QGridLayout()
        pad.setSpacing(14)
        self.keys = []
        for i, digit in enumerate("123456789"):
            self.keys.append(self._key(digit, f"key_{digit}", lambda d=digit: self._press(d)))
            pad.addWidget(self.keys[-1], i // 3, i % 3)
        self.keys.append(self._key(translate("Screen", "訂正"), "key_back", self._back))
        pad.addWidget(self.keys[-1], 3, 0)
        self.keys.append(self._key("0", "key_0", lambda: self._press("0")))
        pad.addWidget(self.keys[-1], 3, 1)
        pad.addWidget(self._key(translate("Screen", "キャンセル"), "key_cancel", self.send(ev.Cancel())), 3, 2)
        row.addLayout(pad, 5)
        self.body.addLayout(row, 1)
        self._set_busy(False)
        self._show_tries(view)

    def cancel_text(self) -> str:
        return ""  # the keypad's キャンセル is the way out here

    def _key(self, text, name, on_click):
        b = button(text, name, "key", on_click)
        if name in ("key_back", "key_cancel"):
            b.setProperty("kind", "")  # words, not digits: the normal button size
        return b

    def _press(self, digit: str) -> None:
        if len(self._digits) >= self.pin_length:
            return
        self._digits += digit
        self.host.send(ev.Touch())  # typing is activity: no "still there?" mid-PIN
        self._show_dots()
        if len(self._digits) == self.pin_length:
            pin, self._digits = self._digits, ""
            self._entered = self.pin_length
            self._set_busy(True)
            self.host.send(ev.SubmitPin(pin))

    def _back(self) -> None:
        self._digits = self._digits[:-1]
        self.host.send(ev.Touch())
        self._show_dots()

    def _show_dots(self) -> None:
        n = self._entered if self._busy else len(self._digits)
        self.dots.setText(" ".join("●" * n + "○" * (self.pin_length - n)))

    def _set_busy(self, busy: bool) -> None:
        if not busy:
            self._digits, self._entered = "", 0
        self._busy = busy
        for key in self.keys:
            key.setEnabled(not busy)
        self.status.setVisible(busy)
        self._show_dots()

    def update_view(self, view: View) -> None:
        if (view.pin_failures, view.pin_tries_left) != (self.view.pin_failures, self.view.pin_tries_left):
            self._set_busy(False)  # the card answered: a new, empty entry
        self.view = view
        self._show_tries(view)

    def _show_tries(self, view: View) -> None:
        self.wrong.setVisible(view.pin_failures > 0)
        left = view.pin_tries_left
        self.tries.setVisible(left is not None and left > 2)
        self.last_tries.setVisible(left is not None and left <= 2)
        if left is not None:
            self.tries.setText(translate("Screen", "入力できる回数：あと{n}回").format(n=left))
            self.last_tries.setText(
                translate("Screen", "注意：あと{n}回まちがえると、カードがロックされます。").format(n=left))


class PinLowPage(MessagePage):
    state = State.PIN_LOW
    pictogram = "warn"
    title = QT_TRANSLATE_NOOP("Screen", "暗証番号は、あと1回まちがえるとロックされます")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "ロックされると、市区町村の窓口で解除が必要になります。"),
        QT_TRANSLATE_NOOP("Screen", "顔認証で確認するか、職員をお呼びください。"),
    )
    choices = (Action(QT_TRANSLATE_NOOP("Screen", "顔認証で確認"), "btn_face", "primary", FACE), CALL_STAFF)

    def build(self, view: View) -> None:
        super().build(view)
        self.findChild(QPushButton, "btn_face").setEnabled(face_left(view))


class PinLockedPage(PinLowPage):
    state = State.PIN_LOCKED
    pictogram = "stop"
    title = QT_TRANSLATE_NOOP("Screen", "暗証番号がロックされています")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "ロックの解除は、お住まいの市区町村の窓口でできます。"),
        QT_TRANSLATE_NOOP("Screen", "今日は、顔認証で確認できます。"),
    )


class CheckingPage(BusyPage):
    state = State.CHECKING
    title = QT_TRANSLATE_NOOP("Screen", "保険の資格を確認しています")
    hint = QT_TRANSLATE_NOOP("Screen", "カードは置いたまま、お待ちください。")
