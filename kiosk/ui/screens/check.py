"""The answer of the qualification check when it is not a plain "valid" (T3, T6, T9, T12).

Each says what happened without blame and what the patient can do; none shows a medical or insurance
detail, and PERSON_MISMATCH shows nothing of the result at all (it may be someone else's).
"""
from __future__ import annotations

from kiosk.core.states import State
from kiosk.ui.screens.base import CALL_STAFF, QT_TRANSLATE_NOOP, MessagePage


class PersonMismatchPage(MessagePage):
    state = State.PERSON_MISMATCH
    pictogram = "staff"
    title = QT_TRANSLATE_NOOP("Screen", "ここから先は、職員がご案内します")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "もう少し確認が必要です。"),
        QT_TRANSLATE_NOOP("Screen", "カードは置いたまま、職員をお呼びください。"),
    )
    choices = (CALL_STAFF,)


class QualInvalidPage(MessagePage):
    state = State.QUAL_INVALID
    pictogram = "warn"
    title = QT_TRANSLATE_NOOP("Screen", "保険の資格が確認できませんでした")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "保険が変わったとき、保険者の登録がまだ終わっていないことがあります。"),
        QT_TRANSLATE_NOOP("Screen", "職員がお手伝いします。"),
    )
    caution = QT_TRANSLATE_NOOP("Screen", "資格確認書や保険証をお持ちの方は、受付でお見せください。")
    choices = (CALL_STAFF,)


class QualNonePage(MessagePage):
    state = State.QUAL_NONE
    pictogram = "warn"
    title = QT_TRANSLATE_NOOP("Screen", "保険の資格の情報が見つかりませんでした")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "保険者の登録がまだ終わっていないことがあります。"),
        QT_TRANSLATE_NOOP("Screen", "職員がお手伝いします。"),
    )
    caution = QT_TRANSLATE_NOOP("Screen", "資格確認書や保険証をお持ちの方は、受付でお見せください。")
    choices = (CALL_STAFF,)


class QualSeveralPage(MessagePage):
    state = State.QUAL_SEVERAL
    pictogram = "staff"
    title = QT_TRANSLATE_NOOP("Screen", "保険の情報が複数見つかりました")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "どの保険を使うか、職員が確認します。"),
        QT_TRANSLATE_NOOP("Screen", "カードは置いたまま、職員をお呼びください。"),
    )
    choices = (CALL_STAFF,)


class TerminalDownPage(MessagePage):
    state = State.TERMINAL_DOWN
    pictogram = "warn"
    title = QT_TRANSLATE_NOOP("Screen", "ただいま、オンラインで資格を確認できません")
    lines = (
        QT_TRANSLATE_NOOP("Screen", "職員が別の方法で確認します。"),
        QT_TRANSLATE_NOOP("Screen", "いつもどおり受付できますので、ご安心ください。"),
    )
    caution = QT_TRANSLATE_NOOP("Screen", "資格確認書や保険証をお持ちの方は、受付でお見せください。")
    choices = (CALL_STAFF,)
