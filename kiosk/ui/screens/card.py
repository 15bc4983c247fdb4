"""Step 1, the card: placing it, reading it, and everything that goes wrong with it (T2, T4, T16)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QHBoxLayout, QVBoxLayout

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.view import View
from kiosk.ui.screens.base import CALL_STAFF, QT_TRANSLATE_NOOP, Action, MessagePage, Page
from kiosk.ui.widgets import BusyRing, CardIllustration, label

translate = QCoreApplication.translate


class IdlePage(Page):
    state = State.IDLE
    language_button = True

    def build(self, view: View) -> None:
        self.headline(translate("Screen", "マイナンバーカードを置いてください"))
        row = QHBoxLayout()
        row.setSpacing(32)
        row.addWidget(CardIllustration(), 3)
        hints = QVBoxLayout()
        hints.setSpacing(20)
        hints.addWidget(label(translate("Screen", "顔写真のある面を上にして置いてください。"), "note", "hint_face_up"))
        hints.addWidget(label(translate("Screen", "ケースやビニールから出してください。"), "note", "hint_sleeve"))
        hints.addWidget(label(translate("Screen", "診察券ではなく、マイナンバーカードです。"), "note"))
        hints.addStretch(1)
        row.addLayout(hints, 2)
        self.body.addLayout(row, 1)


class BusyPage(Page):
    title = ""
    hint = ""

    def build(self, view: View) -> None:
        self.body.addStretch(1)
        ring = BusyRing(self.px(120))
        self.body.addWidget(ring, 0, Qt.AlignmentFlag.AlignHCenter)
        title = label(translate("Screen", self.title), "title", "title")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(title)
        hint = label(translate("Screen", self.hint))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(hint)
        self.body.addStretch(1)


class ReadingPage(BusyPage):
    state = State.READING
    title = QT_TRANSLATE_NOOP("Screen", "カードを読み取っています")
    hint = QT_TRANSLATE_NOOP("Screen", "カードを動かさずに、お待ちください。")


class NotMyNumberPage(MessagePage):
    state = State.NOT_MY_NUMBER
    pictogram = "stop"
    title = QT_TRANSLATE_NOOP("Screen", "このカードはマイナンバーカードではありません")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "診察券やほかのカードは使えません。"),
        QT_TRANSLATE_NOOP("Screen", "カードを取り出して、マイナンバーカードを置いてください。"),
    )
    caution = QT_TRANSLATE_NOOP("Screen", "マイナンバーカードをお持ちでない方は、受付にお声がけください。")


class UnreadablePage(MessagePage):
    state = State.UNREADABLE
    pictogram = "warn"
    title = QT_TRANSLATE_NOOP("Screen", "カードを読み取れませんでした")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "カードを取り出して、もう一度置いてください。"),
        QT_TRANSLATE_NOOP("Screen", "顔写真のある面を上にして、ケースから出して置いてください。"),
    )
    caution = QT_TRANSLATE_NOOP("Screen", "何度やっても読めないときは、職員がお手伝いします。")


class CardRemovedPage(MessagePage):
    state = State.CARD_REMOVED
    pictogram = "info"
    title = QT_TRANSLATE_NOOP("Screen", "カードが取り出されました")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "確認は終わっていません。"),
        QT_TRANSLATE_NOOP("Screen", "はじめからやり直すときは、もう一度カードを置いてください。"),
    )


class ReaderFaultPage(MessagePage):
    state = State.READER_FAULT
    pictogram = "warn"
    title = QT_TRANSLATE_NOOP("Screen", "カードリーダーが使えません")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "いま、自動で直しています。しばらくお待ちください。"),
        QT_TRANSLATE_NOOP("Screen", "お急ぎの方は、受付にお声がけください。"),
    )
    choices = (CALL_STAFF,)


class CertExpiredPage(MessagePage):
    state = State.CERT_EXPIRED
    pictogram = "stop"
    title = QT_TRANSLATE_NOOP("Screen", "カードの電子証明書の有効期限が切れています")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "このカードでは、保険の確認ができません。"),
        QT_TRANSLATE_NOOP("Screen", "電子証明書は、お住まいの市区町村の窓口で更新できます。"),
    )
    caution = QT_TRANSLATE_NOOP(
        "Screen", "資格確認書や保険証をお持ちの方は、受付でお見せください。職員がお手伝いします。")
    choices = (CALL_STAFF,)


class CertExpiringPage(MessagePage):
    state = State.CERT_EXPIRING
    pictogram = "warn"
    title = QT_TRANSLATE_NOOP("Screen", "電子証明書の有効期限が近づいています")
    lines = (QT_TRANSLATE_NOOP("Screen", "期限が切れる前に、お住まいの市区町村の窓口で更新してください。"),)
    choices = (Action(QT_TRANSLATE_NOOP("Screen", "次へ"), "btn_next", "primary", ev.Proceed()),)

    def extra(self, view: View) -> None:
        if view.certificate_expiry is not None:
            d = view.certificate_expiry.date()
            self.line(translate("Screen", "有効期限：{year}年{month}月{day}日").format(
                year=d.year, month=d.month, day=d.day), "caution", "expiry")
