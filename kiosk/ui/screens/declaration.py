"""The 被保険者資格申立書 on the kiosk: the check failed, so the patient declares what they know.

The card's 4 facts are shown as read from the chip (read-only). The kana name, the insurer's name and
the employer are typed on the on-screen katakana keyboard (a kiosk has no system IME), each first asked
on a page of its own whose 「わからない」 skips the keyboard. The telephone number goes in on a keypad;
the insurance type and the burden ratio are big choices with 「わからない」 always among them. One
question per page, with 「もどる」 on each, because an elderly patient answers one thing at a time.

A kana name the terminal sent (the old qualification) comes prefilled: the patient sees it on the
keyboard and only checks it. Without a kana name a 不詳 bill cannot be made; the flow then calls staff
(WAITING_STAFF, ``declaration_incomplete``), and the summary says so before the patient taps 受付する.
The employer is asked only for 会社の保険 (and わからない): 国民健康保険 and 後期高齢者医療 have none.
The answers live in this screen until they are sent, like the PIN's digits. While the flow decides the
bill (``decide_billing`` under way) the form says so and waits.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractButton,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from kiosk.core import events as ev
from kiosk.core.domain import CardFacts, Sex
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.states import State
from kiosk.core.view import View
from kiosk.ui import content, theme
from kiosk.ui.content import QT_TRANSLATE_NOOP, shown
from kiosk.ui.kana_keyboard import KanaKeyboard, full_width
from kiosk.ui.screens.base import Page
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


# A patient who knows no employer (retired, or on a family member's 国民健康保険) is not asked for one.
ASKS_EMPLOYER = (InsuranceType.EMPLOYEE, InsuranceType.UNKNOWN)


@dataclass(frozen=True)
class Question:
    """One typed answer: asked on its own page (入力する / わからない), then typed on the kana keyboard."""

    key: str  # "kana", "insurer", "employer": the object names and the answer's slot
    title: str  # QT_TRANSLATE_NOOP("Declaration", …): the question
    hint: str  # where to find the answer
    prompt: str  # beside the keys: what is being typed
    note: str = ""  # under the question: what happens without an answer


# What the voice adds to each page's question (the answers themselves are never said: they are personal).
ASK_SPEECH = QT_TRANSLATE_NOOP("Speech", "「入力する」か「わからない」を選んでください。")
KEYS_SPEECH = QT_TRANSLATE_NOOP(
    "Speech", "画面のカタカナのキーで入力し、「次へ」を押してください。入力した文字は読み上げません。")
PHONE_SPEECH = QT_TRANSLATE_NOOP(
    "Speech", "数字のキーで入力し、「確定」のキーを押してください。入力した数字は読み上げません。")
CONFIRM_SPEECH = QT_TRANSLATE_NOOP("Speech", "内容は画面に出ています。よければ「受付する」を選んでください。")


KANA = Question(
    "kana",
    QT_TRANSLATE_NOOP("Declaration", "お名前のフリガナを入力してください"),
    QT_TRANSLATE_NOOP("Declaration", "カタカナで入力します。姓と名のあいだは「空白」です。"),
    QT_TRANSLATE_NOOP("Declaration", "お名前のフリガナ"),
    QT_TRANSLATE_NOOP("Declaration", "わからないときは「わからない」を押してください。職員がお手伝いします。"),
)
INSURER = Question(
    "insurer",
    QT_TRANSLATE_NOOP("Declaration", "保険者の名前を入力してください"),
    QT_TRANSLATE_NOOP("Declaration", "保険証や資格確認書の「保険者名称」にある名前です。カタカナで入力します。"),
    QT_TRANSLATE_NOOP("Declaration", "保険者の名前"),
)
EMPLOYER = Question(
    "employer",
    QT_TRANSLATE_NOOP("Declaration", "お勤め先の名前を入力してください"),
    QT_TRANSLATE_NOOP("Declaration", "ご家族の保険に入っている方は、ご家族のお勤め先です。カタカナで入力します。"),
    QT_TRANSLATE_NOOP("Declaration", "お勤め先の名前"),
)
QUESTIONS = (KANA, INSURER, EMPLOYER)

UNKNOWN = QT_TRANSLATE_NOOP("Declaration", "わからない")
CHECKED_LATER = QT_TRANSLATE_NOOP("Declaration", "保険の資格は、あとで職員が確認します。")
NO_KANA = QT_TRANSLATE_NOOP(  # the flow sends for staff when a 不詳 bill lacks the kana (declaration_incomplete)
    "Declaration",
    "フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら、そのままお待ちください。")


class Questions(QWidget):
    """The form's pages, one shown at a time. Not a QStackedWidget: that is as tall as its tallest page
    (its height-for-width asks every page), so under large text every question would scroll as far."""

    def __init__(self, pages: tuple[QWidget, ...]) -> None:
        super().__init__()
        self.setObjectName("declarationSteps")
        box = QVBoxLayout(self)
        box.setContentsMargins(0, 0, 0, 0)
        self._pages = pages
        self._current = -1
        for page in pages:
            box.addWidget(page)
            page.hide()

    def count(self) -> int:
        return len(self._pages)

    def currentIndex(self) -> int:
        return self._current

    def setCurrentIndex(self, index: int) -> None:
        for i, page in enumerate(self._pages):
            page.setVisible(i == index)
        self._current = index


class DeclarationPage(Page):
    state = State.DECLARATION

    (FACTS, KANA_ASK, KANA_KEYS, PHONE, TYPE, INSURER_ASK, INSURER_KEYS, EMPLOYER_ASK, EMPLOYER_KEYS, BURDEN,
     CONFIRM) = range(11)
    QUESTION_PAGES = {"kana": (KANA_ASK, KANA_KEYS), "insurer": (INSURER_ASK, INSURER_KEYS),
                      "employer": (EMPLOYER_ASK, EMPLOYER_KEYS)}

    def build(self, view: View) -> None:
        self._phone = ""
        self._type: InsuranceType | None = None
        self._burden: int | None = None
        self._answers = {q.key: "" for q in QUESTIONS}
        self._answers["kana"] = full_width(view.name_kana)  # from the terminal, for the patient to check
        self.keyboards: dict[str, KanaKeyboard] = {}
        self.typed: dict[str, QLabel] = {}
        self.typed_next: dict[str, QPushButton] = {}
        pages = (self._facts_page(view), self._ask(KANA), self._keys(KANA), self._phone_page(), self._type_page(),
                 self._ask(INSURER), self._keys(INSURER), self._ask(EMPLOYER), self._keys(EMPLOYER),
                 self._burden_page(), self._confirm_page())  # in the order of the page numbers above
        self.stack = Questions(pages)
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
        spec = self.spec
        page, box = self._column(shown(spec, spec.title))
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
        box.addWidget(label(shown(spec, spec.lines[0]), "note"))
        [ok] = spec.choices
        box.addLayout(self._row(self.choice_button(ok, lambda: self._show(self._enter(KANA)))))
        return page

    def _ask(self, q: Question) -> QWidget:
        """The question, what it means, and the two ways on: type it, or 「わからない」."""
        page, box = self._column(translate("Declaration", q.title))
        box.addWidget(label(translate("Declaration", q.hint), "muted", f"{q.key}_hint"))
        box.addStretch(1)
        if q.note:
            box.addWidget(label(translate("Declaration", q.note), "note", f"{q.key}_note"))
        keys = self.QUESTION_PAGES[q.key][1]
        choices = []
        for text, name, kind, on_click in (
            (translate("Declaration", "入力する"), f"btn_{q.key}_type", "primary", lambda: self._show(keys)),
            (translate("Declaration", UNKNOWN), f"btn_{q.key}_unknown", "", lambda: self._answer(q, "")),
        ):
            b = button(text, name, kind, on_click)
            b.setProperty("big", True)
            choices.append(b)
        back = self._back()
        if self.host.large_text:  # the three side by side are wider than the screen: もどる goes below
            box.addLayout(self._row(*choices))
            box.addLayout(self._row(back, stretch=True))
            return page
        row = self._row(back, *choices)
        row.setAlignment(back, Qt.AlignmentFlag.AlignBottom)
        box.addLayout(row)
        return page

    def _keys(self, q: Question) -> QWidget:
        """The katakana keys on the left; what is typed, 次へ and もどる on the right, near the hand."""
        page = QWidget()
        row = self.side_by_side(page)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(self.px(24))
        keyboard = KanaKeyboard()
        keyboard.setObjectName(f"{q.key}_keyboard")
        keyboard.set_text(self._answers[q.key])
        keyboard.changed.connect(lambda _text, q=q: self._typed(q))
        self.keyboards[q.key] = keyboard
        row.addWidget(keyboard, 1)
        side = QVBoxLayout()
        side.setSpacing(12)
        side.addWidget(label(translate("Declaration", q.prompt), "", f"{q.key}_prompt"))
        shown = label("", "typed", f"{q.key}_typed")
        shown.setMinimumHeight(self._typed_height())
        shown.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.typed[q.key] = shown
        side.addWidget(shown)
        side.addStretch(1)
        back = self._back(fixed=False)
        self.typed_next[q.key] = button(translate("Declaration", "次へ"), f"btn_{q.key}_next", "primary",
                                        lambda q=q: self._answer(q, self.keyboards[q.key].text().strip()))
        side.addLayout(self._row(back, self.typed_next[q.key]))
        holder = QWidget()
        holder.setLayout(side)
        holder.setFixedWidth(self.px(380))  # a name of 8 letters on one line
        row.addWidget(holder)
        self._show_typed(q)
        return page

    def _typed_height(self) -> int:
        """Room for three lines of kana (20 letters), so the box does not grow while the patient types."""
        font = QFont()
        font.setFamilies(list(theme.FONT_FAMILIES))
        font.setPixelSize(self.px(theme.KANA_PX))
        return 3 * QFontMetrics(font).lineSpacing() + self.px(2 * (8 + 3))  # padding and border

    def _phone_page(self) -> QWidget:
        page = QWidget()
        row = self.side_by_side(page)
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
        left.addLayout(self._row(self._back(), self.phone_next))
        row.addLayout(left, 5)
        pad = QGridLayout()
        pad.setSpacing(14)
        for i, digit in enumerate("123456789"):
            pad.addWidget(self._digit_key(digit), i // 3, i % 3)
        back = self._key(translate("Declaration", "訂正"), "phone_key_back", self._erase)
        back.setProperty("kind", "")  # a word, not a digit: the normal button size
        pad.addWidget(back, 3, 0)
        pad.addWidget(self._digit_key("0"), 3, 1)
        row.addLayout(pad, 4)
        self._show_phone()
        return page

    def _type_page(self) -> QWidget:
        page, box = self._column(translate("Declaration", "加入している保険の種類を選んでください"))
        box.addLayout(self._grid([button(translate("Declaration", text), name, "", lambda k=kind: self._choose_type(k))
                                  for kind, text, name in INSURANCE_TYPES], 1 if self.host.large_text else 2))
        box.addStretch(1)
        box.addLayout(self._row(self._back(), stretch=True))
        return page

    def _burden_page(self) -> QWidget:
        page, box = self._column(translate("Declaration", "窓口で支払う割合（負担割合）を選んでください"))
        choices = []
        for percent, text, name in BURDENS:
            b = button(translate("Declaration", text), name, "", lambda p=percent: self._choose_burden(p))
            b.setProperty("big", True)
            choices.append(b)
        box.addLayout(self._grid(choices, 2 if self.host.large_text else len(choices)))
        box.addStretch(1)
        box.addLayout(self._row(self._back(), stretch=True))
        return page

    def _confirm_page(self) -> QWidget:
        """Every answer on one page, the buttons beside them; a missing kana name is said plainly here."""
        page, box = self._column(translate("Declaration", "この内容で受付します"))
        self.summary = {}
        self._summary_rows: dict[str, list[QWidget]] = {}
        grid = QGridLayout()
        grid.setHorizontalSpacing(28)
        grid.setVerticalSpacing(4)
        rows = (
            ((translate("Declaration", "フリガナ"), "kana"),),
            ((translate("Declaration", "電話番号"), "phone"), (translate("Declaration", "負担割合"), "burden")),
            ((translate("Declaration", "保険の種類"), "type"),),
            ((translate("Declaration", "保険者"), "insurer"),),
            ((translate("Declaration", "お勤め先"), "employer"),),
        )
        for i, pairs in enumerate(rows):
            for j, (name, key) in enumerate(pairs):
                title = label(name, "muted")
                if j:  # the second answer on a line: kept apart from the first
                    title.setContentsMargins(self.px(32), 0, 0, 0)
                self.summary[key] = label("", "", f"summary_{key}")
                grid.addWidget(title, i, 2 * j)
                grid.addWidget(self.summary[key], i, 2 * j + 1, 1, 3 if len(pairs) == 1 else 1)
                self._summary_rows[key] = [title, self.summary[key]]
        grid.setColumnStretch(3, 1)
        answers = QHBoxLayout()
        answers.setSpacing(self.px(32))
        answers.addLayout(grid, 1)
        side = QVBoxLayout()
        side.setSpacing(12)
        self.submit = self.gate(button(translate("Declaration", "受付する"), "btn_declaration_submit", "primary",
                                       self._submit), ev.SubmitDeclaration.action)
        self.submit.setMinimumWidth(self.px(300))
        side.addWidget(self.submit)
        self.confirm_back = self._back(fixed=False)
        side.addWidget(self.confirm_back)
        # While the bill is decided there is no way back: the words take もどる's place.
        self.sending_note = label(translate("Declaration", "受け付けています…"), "muted", "declaration_sending")
        side.addWidget(self.sending_note)
        side.addStretch(1)
        answers.addLayout(side)
        box.addLayout(answers)
        box.addStretch(1)
        self.later_note = label("", "note", "declaration_note")
        box.addWidget(self.later_note)
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

    @staticmethod
    def _grid(buttons: list[QPushButton], columns: int) -> QGridLayout:
        """Choices in rows of ``columns``: fewer under large text, so none is wider than the screen."""
        grid = QGridLayout()
        grid.setSpacing(24)
        for i, b in enumerate(buttons):
            grid.addWidget(b, i // columns, i % columns)
        return grid

    def _back(self, *, fixed: bool = True):
        """もどる: to the page the patient came from (which depends on their answers, so asked when tapped)."""
        b = button(translate("Declaration", "もどる"), "btn_declaration_back", "",
                   lambda: self._show(self._previous(self.stack.currentIndex())))
        if fixed:
            b.setMinimumWidth(self.px(240))
            b.setSizePolicy(QSizePolicy.Policy.Fixed, QSizePolicy.Policy.Fixed)  # a way back, not a choice: small
        return b

    def _key(self, text: str, name: str, on_click):
        return button(text, name, "key", on_click)

    def _digit_key(self, digit: str):
        b = self._key(digit, f"phone_key_{digit}", lambda: self._press(digit))
        b.setProperty("digit", True)  # the ten-key types digits itself: + and − skip these
        return b

    # --- the way through ------------------------------------------------------------------------

    def _asks_employer(self) -> bool:
        return self._type in ASKS_EMPLOYER

    def _enter(self, q: Question) -> int:
        """A typed answer's first page: the keys when there is an answer already (prefilled, or coming
        back to it), else the question."""
        ask, keys = self.QUESTION_PAGES[q.key]
        return keys if self._answers[q.key] else ask

    def _after(self, q: Question) -> int:
        if q is KANA:
            return self.PHONE
        if q is INSURER and self._asks_employer():
            return self._enter(EMPLOYER)
        return self.BURDEN

    def _previous(self, page: int) -> int:
        if page == self.BURDEN:
            return self._enter(EMPLOYER if self._asks_employer() else INSURER)
        return {
            self.KANA_ASK: self.FACTS, self.KANA_KEYS: self.KANA_ASK, self.PHONE: self._enter(KANA),
            self.TYPE: self.PHONE, self.INSURER_ASK: self.TYPE, self.INSURER_KEYS: self.INSURER_ASK,
            self.EMPLOYER_ASK: self._enter(INSURER), self.EMPLOYER_KEYS: self.EMPLOYER_ASK,
            self.CONFIRM: self.BURDEN,
        }[page]

    def _show(self, page: int) -> None:
        if page == self.CONFIRM:
            self._fill_summary()
        self.stack.setCurrentIndex(page)
        if page != self.FACTS:
            self.host.send(ev.Touch())  # answering is activity: no "still there?" mid-form
            self.host.announce(" ".join(self.extra_speech()))  # a new question within the same screen

    # --- the ten-key and the voice --------------------------------------------------------------

    def speech(self) -> list[str]:
        if self.stack.currentIndex() == self.FACTS:
            return super().speech()
        return self.extra_speech()

    def extra_speech(self) -> list[str]:
        """The current page's question and how to answer it; never an answer (they are the patient's)."""
        page = self.stack.currentIndex()
        if page == self.FACTS:
            return []
        question = next((q for q in QUESTIONS if page in self.QUESTION_PAGES[q.key]), None)
        if question is not None:
            ask = page == self.QUESTION_PAGES[question.key][0]
            said = [translate("Declaration", question.title if ask else question.prompt)]
            if ask:
                said.append(translate("Declaration", question.hint))
                if question.note:
                    said.append(translate("Declaration", question.note))
            return [*said, translate("Speech", ASK_SPEECH if ask else KEYS_SPEECH)]
        titles = {
            self.PHONE: (translate("Declaration", "連絡先の電話番号を入力してください"), PHONE_SPEECH),
            self.TYPE: (translate("Declaration", "加入している保険の種類を選んでください"), content.HOW_TO_CHOOSE),
            self.BURDEN: (translate("Declaration", "窓口で支払う割合（負担割合）を選んでください"),
                          content.HOW_TO_CHOOSE),
            self.CONFIRM: (translate("Declaration", "この内容で受付します"), CONFIRM_SPEECH),
        }
        title, how = titles[page]
        said = [title, translate("Speech", how)]
        if page == self.CONFIRM:
            said += [line for line in self.later_note.text().split("\n") if line]  # staff may ask; checked later
        return said

    def default_choice(self) -> QAbstractButton | None:
        """The current page's way forward (まちがいありません, 次へ, 受付する) when it can be taken."""
        return next((b for b in self.choices() if b.property("kind") == "primary"), None)

    def key_digit(self, digit: str) -> bool:
        if self.stack.currentIndex() != self.PHONE:
            return False
        self._press(digit)
        return True

    def key_erase(self) -> bool:
        if self.stack.currentIndex() != self.PHONE:
            return False
        self._erase()
        return True

    # --- answering ------------------------------------------------------------------------------

    def _answer(self, q: Question, text: str) -> None:
        """次へ under the keys (what was typed) or 「わからない」 (an empty answer, as the 申立書 keeps it)."""
        self._answers[q.key] = text
        self._show(self._after(q))

    def _typed(self, q: Question) -> None:
        self.host.send(ev.Touch())
        self._show_typed(q)

    def _show_typed(self, q: Question) -> None:
        text = self.keyboards[q.key].text()
        self.typed[q.key].setText(text)
        self.typed_next[q.key].setEnabled(bool(text.strip()))

    def _press(self, digit: str) -> None:
        if len(self._phone) < max(PHONE_DIGITS):
            self._phone += digit
            self.host.announce(translate("Speech", content.DIGIT_TYPED).format(n=len(self._phone)))
        self.host.send(ev.Touch())
        self._show_phone()

    def _erase(self) -> None:
        if self._phone:
            self._phone = self._phone[:-1]
            self.host.announce(translate("Speech", content.DIGIT_ERASED))
        self.host.send(ev.Touch())
        self._show_phone()

    def _show_phone(self) -> None:
        self.phone.setText(phone_text(self._phone) or "－")
        self.phone_next.setEnabled(len(self._phone) in PHONE_DIGITS)

    def _choose_type(self, kind: InsuranceType) -> None:
        self._type = kind
        self._show(self._enter(INSURER))

    def _choose_burden(self, percent: int | None) -> None:
        self._burden = percent
        self._show(self.CONFIRM)

    def _fill_summary(self) -> None:
        kinds = {kind: text for kind, text, _ in INSURANCE_TYPES}
        burdens = {percent: text for percent, text, _ in BURDENS}
        unknown = translate("Declaration", UNKNOWN)
        for q in QUESTIONS:
            self.summary[q.key].setText(self._answers[q.key] or unknown)
        for widget in self._summary_rows["employer"]:
            widget.setVisible(self._asks_employer())
        self.summary["phone"].setText(phone_text(self._phone))
        self.summary["type"].setText(translate("Declaration", kinds[self._type or InsuranceType.UNKNOWN]))
        self.summary["burden"].setText(translate("Declaration", burdens[self._burden]))
        lines = [translate("Declaration", CHECKED_LATER)]
        if self._kana_missing():
            lines.insert(0, translate("Declaration", NO_KANA))
        self.later_note.setText("\n".join(lines))
        self.later_note.setProperty("role", "caution" if self._kana_missing() else "note")
        self.later_note.style().unpolish(self.later_note)
        self.later_note.style().polish(self.later_note)

    def _kana_missing(self) -> bool:
        """No kana name from the patient or the terminal: a 不詳 bill cannot be made, staff complete it."""
        return not self._answers["kana"].strip() and not self.view.name_kana.strip()

    @property
    def sending(self) -> bool:
        return "decide_billing" in self.view.working

    def refresh(self, view: View) -> None:
        self.sending_note.setVisible(self.sending)
        self.confirm_back.setVisible(not self.sending)

    def _submit(self) -> None:
        facts = self.view.card_facts
        if facts is None or len(self._phone) not in PHONE_DIGITS:
            return
        self.host.send(ev.SubmitDeclaration(Declaration(
            facts=facts,
            name_kana=self._answers["kana"],
            contact=phone_text(self._phone),
            declared_on=date.today(),  # the flow stamps its own clock's date
            insurance_type=self._type or InsuranceType.UNKNOWN,
            insurer_name=self._answers["insurer"],
            employer=self._answers["employer"] if self._asks_employer() else "",
            burden_percent=self._burden,
        )))
