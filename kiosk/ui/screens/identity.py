"""Step 2, proving identity: choosing face or PIN, the camera, the keypad, and their failures (T13, T14)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QVBoxLayout

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.view import View
from kiosk.ui.screens.base import CALL_STAFF, QT_TRANSLATE_NOOP, Action, MessagePage, Page
from kiosk.ui.screens.card import BusyPage
from kiosk.ui.widgets import FaceFrame, button, label

translate = QCoreApplication.translate

FACE = ev.ChooseFace()
PIN = ev.ChoosePin()

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


class ChooseMethodPage(Page):
    state = State.CHOOSE_METHOD
    language_button = True

    def build(self, view: View) -> None:
        self.headline(translate("Screen", "本人確認の方法を選んでください"))
        self.body.addStretch(1)
        face = self.gate(button(translate("Screen", "顔認証"), "btn_face", "primary", self.send(FACE)), FACE.action)
        face.setProperty("big", True)
        pin = self.gate(button(translate("Screen", "暗証番号"), "btn_pin", "primary", self.send(PIN)), PIN.action)
        pin.setProperty("big", True)
        self.action_row(face, pin)
        captions = QHBoxLayout()
        captions.setSpacing(32)
        for text in (translate("Screen", "カメラにお顔を映します"), translate("Screen", "数字4桁を入力します")):
            cap = label(text, "muted")
            cap.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        side.setSpacing(12)  # a child's check-in fills the column: title, note, guidance, tries left, two buttons
        self.title = label("", "title", "title")
        side.addWidget(self.title)
        self.hint = label(translate("Screen", "カメラを見て、そのままお待ちください。"), "", "face_hint")
        side.addWidget(self.hint)
        self.child_note = label(translate("Screen", "大人の方が一緒に写っても大丈夫です。"), "", "child_note")
        side.addWidget(self.child_note)
        self.guidance = label("", "caution", "guidance")
        side.addWidget(self.guidance)
        self.attempts = label("", "muted", "attempts")
        side.addWidget(self.attempts)
        side.addStretch(1)
        choices = QHBoxLayout()
        choices.setSpacing(16)
        self.child = self.gate(button("", "btn_child", "",
                                      lambda: self.host.send(ev.FaceChildMode(not self.view.child_mode))),
                               ev.FaceChildMode.action)
        choices.addWidget(self.child)
        choices.addWidget(self.gate(button(translate("Screen", "暗証番号にする"), "btn_pin", "", self.send(PIN)),
                                    PIN.action))
        side.addLayout(choices)
        row.addLayout(side, 5)
        self.body.addLayout(row, 1)
        self.refresh(view)

    def refresh(self, view: View) -> None:
        text = guidance_text(view.guidance)
        self.guidance.setText(text)
        self.guidance.setVisible(bool(text))
        left = view.max_face_attempts - view.face_failures
        self.attempts.setText(translate("Screen", "あと{n}回ためせます。").format(n=left))
        self.attempts.setVisible(view.face_failures > 0)
        self.title.setText(translate("Screen", "お子さまの顔を枠内に入れてください") if view.child_mode
                           else translate("Screen", "顔を枠内に入れてください"))
        self.child_note.setVisible(view.child_mode)  # a parent holding a child: say the adult may show
        self.hint.setVisible(not view.child_mode and not text)  # what to fix replaces "wait": one thing at a time
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
    """The keypad. The digits never appear: only ●, and only on this screen, only until sent.

    The keys work while the flow takes a PIN; while the card checks one (``verify_pin`` under way) the
    four dots stay filled. A wrong PIN enters this screen again: a new, empty keypad."""

    state = State.PIN
    pin_length = 4

    def build(self, view: View) -> None:
        self._digits = ""
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
        for i, digit in enumerate("123456789"):
            pad.addWidget(self._key(digit, f"key_{digit}", lambda d=digit: self._press(d)), i // 3, i % 3)
        pad.addWidget(self._key(translate("Screen", "訂正"), "key_back", self._back), 3, 0)
        pad.addWidget(self._key("0", "key_0", lambda: self._press("0")), 3, 1)
        cancel = self._key(translate("Screen", "キャンセル"), "key_cancel", self.send(ev.Cancel()), ev.Cancel.action)
        pad.addWidget(cancel, 3, 2)
        row.addLayout(pad, 5)
        self.body.addLayout(row, 1)
        self.refresh(view)

    def cancel_text(self) -> str:
        return ""  # the keypad's キャンセル is the way out here

    def _key(self, text, name, on_click, action: str = ev.SubmitPin.action):
        b = button(text, name, "key", on_click)
        if name in ("key_back", "key_cancel"):
            b.setProperty("kind", "")  # words, not digits: the normal button size
        return self.gate(b, action)

    @property
    def checking(self) -> bool:
        return "verify_pin" in self.view.working

    def _press(self, digit: str) -> None:
        if len(self._digits) >= self.pin_length:
            return
        self._digits += digit
        self.host.send(ev.Touch())  # typing is activity: no "still there?" mid-PIN
        if len(self._digits) == self.pin_length:
            pin, self._digits = self._digits, ""
            self.host.send(ev.SubmitPin(pin))
        self._show_dots()

    def _back(self) -> None:
        self._digits = self._digits[:-1]
        self.host.send(ev.Touch())
        self._show_dots()

    def _show_dots(self) -> None:
        n = self.pin_length if self.checking else len(self._digits)
        self.dots.setText(" ".join("●" * n + "○" * (self.pin_length - n)))

    def refresh(self, view: View) -> None:
        self.status.setVisible(self.checking)
        self._show_dots()
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
