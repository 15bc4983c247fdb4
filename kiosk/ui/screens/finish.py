"""Steps 3 and 4: consent, the 限度額 question, done; and the ends of a session (staff, ended, card left)."""
from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, QTimer

from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.core.view import Outcome, View
from kiosk.ui.screens.base import QT_TRANSLATE_NOOP, Action, MessagePage, Page
from kiosk.ui.widgets import Pictogram, button, label

translate = QCoreApplication.translate

CHIME_EVERY_MS = 4000


class ConsentPage(Page):
    state = State.CONSENT

    def build(self, view: View) -> None:
        self.headline(translate("Screen", "過去の診療・お薬・健診の情報を当機関に提供することに同意しますか。"))
        self.line(translate("Screen", "同意すると、医師がこれまでの情報を見て、診療に役立てます。"))
        if view.limit_answer is not None:
            answer = (translate("Screen", "限度額情報：提供する") if view.limit_answer
                      else translate("Screen", "限度額情報：提供しない"))
            self.line(answer, "note", "limit_answer")
        self.body.addStretch(1)
        yes = button(translate("Screen", "同意する"), "btn_consent_yes", "primary",
                     self.send(ev.AnswerConsent(True, True, True)))
        no = button(translate("Screen", "同意しない"), "btn_consent_no", "",
                    self.send(ev.AnswerConsent(False, False, False)))
        self.action_row(self.gate(yes, ev.AnswerConsent.action), self.gate(no, ev.AnswerConsent.action))
        self.body.addStretch(1)
        limit = button(translate("Screen", "高額療養費制度を利用する方はこちら"), "btn_limit", "",
                       self.send(ev.AskLimitConsent()))
        self.action_row(self.gate(limit, ev.AskLimitConsent.action))


class LimitConsentPage(MessagePage):
    state = State.LIMIT_CONSENT
    pictogram = "info"
    title = QT_TRANSLATE_NOOP("Screen", "限度額情報を当機関に提供しますか。")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "提供すると、窓口でのお支払いが自己負担限度額までになります。"),
        QT_TRANSLATE_NOOP("Screen", "限度額適用認定証は不要です。"),
    )
    choices = (
        Action(QT_TRANSLATE_NOOP("Screen", "提供する"), "btn_limit_yes", "primary", ev.AnswerLimitConsent(True)),
        Action(QT_TRANSLATE_NOOP("Screen", "提供しない"), "btn_limit_no", "", ev.AnswerLimitConsent(False)),
    )


def greeting_name(name: str) -> str:
    """The name for 「…様」, or nothing when the insurer's data holds a ● (T1): a patient should not
    be greeted with a broken name; staff see the flag and correct it."""
    return "" if not name or "●" in name else name


class DonePage(Page):
    state = State.DONE

    def build(self, view: View) -> None:
        self.body.addStretch(1)
        name = greeting_name(view.patient_name)
        # Received, but the insurance is not confirmed: never say it is.
        fallback = view.outcome == Outcome.FALLBACK.value
        if fallback:
            title = (translate("Screen", "{name}様 受付しました。").format(name=name) if name
                     else translate("Screen", "受付しました。"))
        else:
            title = (translate("Screen", "{name}様 確認が完了しました。").format(name=name) if name
                     else translate("Screen", "確認が完了しました。"))
        self.body.addWidget(Pictogram("ok", self.px(130)), 0, Qt.AlignmentFlag.AlignHCenter)
        head = label(title, "title", "title")
        head.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(head)
        if fallback:
            later = label(translate("Screen", "保険の資格は、あとで職員が確認します。"), "note", "fallback_note")
            later.setAlignment(Qt.AlignmentFlag.AlignCenter)
            self.body.addWidget(later)
        take = label(translate("Screen", "マイナンバーカードを取り出し、待合室でお待ちください。"), "", "take_card")
        take.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(take)
        if view.certificate == "expiring":
            self.line(translate("Screen", "電子証明書の有効期限が近づいています。市区町村の窓口で更新してください。"),
                      "caution", "notice_expiring")
        self.body.addStretch(1)


class WaitingStaffPage(Page):
    state = State.WAITING_STAFF

    def build(self, view: View) -> None:
        self.headline(translate("Screen", "職員を呼びました"), "staff")
        self.line(translate("Screen", "そのままお待ちください。"))
        self.line(translate("Screen", "カードは置いたままにしてください。"))
        self.body.addStretch(1)
        # Offered after the patient's own call, which may have been a mistake; not when the kiosk sent for staff.
        back = button(translate("Screen", "もどる"), "btn_resume", "", self.send(ev.ResumeFromStaff()))
        self.action_row(self.gate(back, ev.ResumeFromStaff.action, hide=True))


class EndedPage(MessagePage):
    state = State.ENDED
    pictogram = "info"
    title = QT_TRANSLATE_NOOP("Screen", "終了しました")
    lines = (QT_TRANSLATE_NOOP("Screen", "マイナンバーカードを取り出してください。"),)


class CardLeftPage(Page):
    """T15: loud on purpose. The chime repeats until the card is taken."""

    state = State.CARD_LEFT

    def build(self, view: View) -> None:
        self.body.addStretch(1)
        alert = label(translate("Screen", "マイナンバーカードをお取りください"), "alert", "title")
        alert.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(alert)
        lab = label(translate("Screen", "カードがカードリーダーに残っています。"))
        lab.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body.addWidget(lab)
        self.body.addStretch(1)
        self.host.play_chime()
        self._timer = QTimer(self)
        self._timer.timeout.connect(self.host.play_chime)
        self._timer.start(CHIME_EVERY_MS)
