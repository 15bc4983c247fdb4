"""The 被保険者資格申立書 on the kiosk: the check failed, so the patient declares what they know.

Touch only, no typing: the card's 4 facts are shown as read from the chip (read-only), the telephone
number goes in on a keypad, the insurance type and the burden ratio are big choices with 「わからない」
always among them. One question per page, with 「もどる」 on each, because an elderly patient answers
one thing at a time. The answers live in this screen until they are sent, like the PIN's digits.
While the flow decides the bill (``decide_billing`` under way) the form says so and waits.
"""
from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QGridLayout, QHBoxLayout, QSizePolicy, QStackedWidget, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.domain import CardFacts, Sex
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.states import State
from kiosk.core.view import View
from kiosk.ui.screens.base import QT_TRANSLATE_NOOP, Page
from kiosk.ui.widgets import button, label

translate = QCoreApplication.translate

PHONE_DIGITS = (10, 11)  # 03-1234-5678, 090-1234-5678

INSURANCE_TYPES = (
    (InsuranceType.EMPLOYEE, QT_TRANSLATE_NOOP("Declaration", "会社の保険"), "btn_type_employee"),
    (InsuranceType.NATIONAL, QT_TRANSLATE_NOOP("Declaration", "国民健康保険"), "btn_type_national"),
    (InsuranceType.LATE_ELDERLY, QT_TRANSLATE_NOOP("Declaration", "後期高齢者医療"), "btn_type_late_elderly"),
    (InsuranceType.UNKNOWN, QT_TRANSLATE_NOOP("Declaration", "わからない"), "btn_type_unknown"),
)

BURDENS = (
    (30, QT_TRANSLATE_NOOP("Declaration", "3割"), "btn_burden_30"),
    (20, QT_TRANSLATE_NOOP("Declaration", "2割"), "btn_burden_20"),
    (10, QT_TRANSLATE_NOOP("Declaration", "1割"), "btn_burden_10"),
    (None, QT_TRANSLATE_NOOP("Declaration", "わからない"), "btn_burden_unknown"),
)

SEXES = {
    Sex.MALE: QT_TRANSLATE_NOOP("Declaration", "男性"),
    Sex.FEMALE: QT_TRANSLATE_NOOP("Declaration", "女性"),
    Sex.UNSET: QT_TRANSLATE_NOOP("Declaration", "記載なし"),
}


def birth_text(day: date) -> str:
    return translate("Declaration", "{year}年{month}月{day}日").format(year=day.year, month=day.month, day=day.day)


def phone_text(digits: str) -> str:
    """The number grouped as people write it (090-1234-5678, 03-1234-5678); never a guess beyond that."""
    if len(digits) == 11:
        return f"{digits[:3]}-{digits[3:7]}-{digits[7:]}"
    if len(digits) == 10:
        return f"{digits[:2]}-{digits[2:6]}-{digits[6:]}"
    return digits


class DeclarationPage(Page):
    state = State.DECLARATION

    FACTS, PHONE, TYPE, BURDEN, CONFIRM = range(5)

    def build(self, view: View) -> None:
        self._phone = ""
        self._type: InsuranceType | None = None
        self._burden: int | None = None
        self.stack = QStackedWidget()
        self.stack.setObjectName("declarationSteps")
        for make in (self._facts_page, self._phone_page, self._type_page, self._burden_page, self._confirm_page):
            self.stack.addWidget(make(view))
        self.body.addWidget(self.stack, 1)
        self._show(self.FACTS)
        self.refresh(view)

    # --- the pages ------------------------------------------------------------------------------

    def _column(self, title: str) -> tuple[QWidget, QVBoxLayout]:
        page = QWidget()
        box = QVBoxLayout(page)
        box.setContentsMargins(0, 0, 0, 0)
        box.setSpacing(12)
        box.addWidget(label(title, "title", "title"))
        return page, box

    def _facts_page(self, view: View) -> QWidget:
        page, box = self._column(translate("Declaration", "申立書の記入：カードの内容をご確認ください"))
        facts: CardFacts | None = view.card_facts
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        rows = (
            (translate("Declaration", "氏名"), facts.name if facts else "", "fact_name"),
            (translate("Declaration", "生年月日"), birth_text(facts.birth_date) if facts else "", "fact_birth_date"),
            (translate("Declaration", "性別"), translate("Declaration", SEXES[facts.sex]) if facts else "", "fact_sex"),
            (translate("Declaration", "住所"), facts.address if facts else "", "fact_address"),
        )
        for i, (name, value, object_name) in enumerate(rows):
            grid.addWidget(label(name, "muted"), i, 0, Qt.AlignmentFlag.AlignTop)
            grid.addWidget(label(value, "", object_name), i, 1)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)
        box.addStretch(1)
        box.addWidget(label(translate("Declaration", "ちがうところがあれば、職員をお呼びください。"), "note"))
        box.addLayout(self._row(button(translate("Declaration", "まちがいありません"), "btn_facts_ok", "primary",
                                       lambda: self._show(self.PHONE))))
        return page

    def _phone_page(self, view: View) -> QWidget:
        page = QWidget()
        row = QHBoxLayout(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(40)
        left = QVBoxLayout()
        left.setSpacing(12)
        left.addWidget(label(translate("Declaration", "連絡先の電話番号を入力してください"), "title", "title"))
        self.phone = label("", "dots", "phone_digits")
        left.addWidget(self.phone)
        left.addWidget(label(translate("Declaration", "携帯電話でも、ご自宅の電話でもかまいません。"), "muted"))
        left.addStretch(1)
        self.phone_next = button(translate("Declaration", "次へ"), "btn_phone_next", "primary",
                                 lambda: self._show(self.TYPE))
        left.addLayout(self._row(self._back(self.FACTS), self.phone_next))
        row.addLayout(left, 5)
        pad = QGridLayout()
        pad.setSpacing(14)
        for i, digit in enumerate("123456789"):
            pad.addWidget(self._key(digit, f"phone_key_{digit}", lambda d=digit: self._press(d)), i // 3, i % 3)
        back = self._key(translate("Declaration", "訂正"), "phone_key_back", self._erase)
        back.setProperty("kind", "")  # a word, not a digit: the normal button size
        pad.addWidget(back, 3, 0)
        pad.addWidget(self._key("0", "phone_key_0", lambda: self._press("0")), 3, 1)
        row.addLayout(pad, 4)
        self._show_phone()
        return page

    def _type_page(self, view: View) -> QWidget:
        page, box = self._column(translate("Declaration", "加入している保険の種類を選んでください"))
        grid = QGridLayout()
        grid.setSpacing(24)
        for i, (kind, text, name) in enumerate(INSURANCE_TYPES):
            grid.addWidget(button(translate("Declaration", text), name, "", lambda k=kind: self._choose_type(k)),
                           i // 2, i % 2)
        box.addLayout(grid)
        box.addStretch(1)
        box.addLayout(self._row(self._back(self.PHONE), stretch=True))
        return page

    def _burden_page(self, view: View) -> QWidget:
        page, box = self._column(translate("Declaration", "窓口で支払う割合（負担割合）を選んでください"))
        choices = []
        for percent, text, name in BURDENS:
            b = button(translate("Declaration", text), name, "", lambda p=percent: self._choose_burden(p))
            b.setProperty("big", True)
            choices.append(b)
        box.addLayout(self._row(*choices))
        box.addStretch(1)
        box.addLayout(self._row(self._back(self.TYPE), stretch=True))
        return page

    def _confirm_page(self, view: View) -> QWidget:
        page, box = self._column(translate("Declaration", "この内容で受付します"))
        self.summary = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(10)
        for i, (name, key) in enumerate((
            (translate("Declaration", "電話番号"), "phone"),
            (translate("Declaration", "保険の種類"), "type"),
            (translate("Declaration", "負担割合"), "burden"),
        )):
            grid.addWidget(label(name, "muted"), i, 0)
            self.summary[key] = label("", "", f"summary_{key}")
            grid.addWidget(self.summary[key], i, 1)
        grid.setColumnStretch(1, 1)
        box.addLayout(grid)
        box.addWidget(label(translate("Declaration", "保険の資格は、あとで職員が確認します。"), "note"))
        box.addStretch(1)
        self.sending_note = label(translate("Declaration", "受け付けています…"), "muted", "declaration_sending")
        box.addWidget(self.sending_note)
        self.submit = self.gate(button(translate("Declaration", "受付する"), "btn_declaration_submit", "primary",
                                       self._submit), ev.SubmitDeclaration.action)
        self.confirm_back = self._back(self.BURDEN)
        box.addLayout(self._row(self.confirm_back, self.submit))
        return page

    # --- pieces ---------------------------------------------------------------------------------

    @staticmethod
    def _row(*buttons, stretch: bool = False) -> QHBoxLayout:
        row = QHBoxLayout()
        row.setSpacing(32)
        for b in buttons:
            row.addWidget(b)
        if stretch:
            row.addStretch(1)
        return row

    def _back(self, page: int):
        b = button(translate("Declaration", "もどる"), "btn_declaration_back", "", lambda: self._show(page))
        b.setMinimumWidth(self.px(240))
        b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # a way back, not a choice: kept small
        return b

    def _key(self, text: str, name: str, on_click):
        return button(text, name, "key", on_click)

    # --- answering ------------------------------------------------------------------------------

    def _show(self, page: int) -> None:
        if page == self.CONFIRM:
            self._fill_summary()
        self.stack.setCurrentIndex(page)
        if page != self.FACTS:
            self.host.send(ev.Touch())  # answering is activity: no "still there?" mid-form

    def _press(self, digit: str) -> None:
        if len(self._phone) < max(PHONE_DIGITS):
            self._phone += digit
        self.host.send(ev.Touch())
        self._show_phone()

    def _erase(self) -> None:
        self._phone = self._phone[:-1]
        self.host.send(ev.Touch())
        self._show_phone()

    def _show_phone(self) -> None:
        self.phone.setText(phone_text(self._phone) or "－")
        self.phone_next.setEnabled(len(self._phone) in PHONE_DIGITS)

    def _choose_type(self, kind: InsuranceType) -> None:
        self._type = kind
        self._show(self.BURDEN)

    def _choose_burden(self, percent: int | None) -> None:
        self._burden = percent
        self._show(self.CONFIRM)

    def _fill_summary(self) -> None:
        kinds = {kind: text for kind, text, _ in INSURANCE_TYPES}
        burdens = {percent: text for percent, text, _ in BURDENS}
        self.summary["phone"].setText(phone_text(self._phone))
        self.summary["type"].setText(translate("Declaration", kinds[self._type or InsuranceType.UNKNOWN]))
        self.summary["burden"].setText(translate("Declaration", burdens[self._burden]))

    @property
    def sending(self) -> bool:
        return "decide_billing" in self.view.working

    def refresh(self, view: View) -> None:
        self.sending_note.setVisible(self.sending)
        self.confirm_back.setEnabled(not self.sending)

    def _submit(self) -> None:
        facts = self.view.card_facts
        if facts is None or len(self._phone) not in PHONE_DIGITS:
            return
        self.host.send(ev.SubmitDeclaration(Declaration(
            facts=facts,
            name_kana=self.view.name_kana,
            contact=phone_text(self._phone),
            declared_on=date.today(),  # the flow stamps its own clock's date
            insurance_type=self._type or InsuranceType.UNKNOWN,
            burden_percent=self._burden,
        )))
