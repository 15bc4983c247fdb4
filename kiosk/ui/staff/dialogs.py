"""Sign-in, pairing, and the numbers of a 不詳 reception's re-check."""
from __future__ import annotations

import unicodedata

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.staff.follow_ups import AwaitingNumbers
from kiosk.staff.messages import BRANCH_DIGITS, INSURER_DIGITS, CardNumbers
from kiosk.ui.staff.pages import button, label
from kiosk.ui.staff.style import TITLE_PX
from kiosk.ui.staff.texts import error_text, moment_text, numbers_problem_text, tr


class SignInDialog(QDialog):
    """Name and password (or PIN); the kiosks check them against their staff accounts."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setWindowTitle(tr("サインイン"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(tr("職員のサインイン"), "title"))
        form = QFormLayout()
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(tr("職員名"), self.user)
        form.addRow(tr("パスワード"), self.password)
        layout.addLayout(form)
        self.message = label("", "caution", "signInMessage")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.ok = button(tr("サインイン"), "signInOk", "primary")
        cancel = button(tr("やめる"), "signInCancel")
        self.ok.clicked.connect(self.accept)
        self.password.returnPressed.connect(self.accept)
        cancel.clicked.connect(self.reject)
        row.addWidget(self.ok)
        row.addWidget(cancel)
        layout.addLayout(row)

    def fail(self, code: str, detail: str = "") -> None:
        """``detail``: for staff_sign_in_slowed, the seconds this console must wait."""
        self.message.setText(error_text(code).replace("%1", detail or "…"))
        self.message.show()
        self.password.clear()


class PairDialog(QDialog):
    """First contact with a kiosk: its address and the pairing secret shown by `kiosk staff secret`."""

    def __init__(self, address: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("page")
        self.setWindowTitle(tr("受付機とペアリング"))
        layout = QVBoxLayout(self)
        layout.addWidget(label(tr("受付機とペアリング"), "title"))
        layout.addWidget(label(tr("受付機で `kiosk staff secret` を実行すると合言葉が表示されます。"), "note"))
        form = QFormLayout()
        self.address = QLineEdit(address)
        self.address.setObjectName("pairAddress")
        self.secret = QLineEdit()
        self.secret.setObjectName("pairSecret")
        self.secret.setPlaceholderText("XXXX-XXXX-XXXX-XXXX")
        form.addRow(tr("受付機のアドレス"), self.address)
        form.addRow(tr("合言葉"), self.secret)
        layout.addLayout(form)
        self.message = label("", "caution", "pairMessage")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        ok = button(tr("ペアリング"), "pairOk", "primary")
        cancel = button(tr("やめる"), "pairCancel")
        ok.clicked.connect(self.accept)
        cancel.clicked.connect(self.reject)
        row.addWidget(ok)
        row.addWidget(cancel)
        layout.addLayout(row)

    def fail(self, code: str) -> None:
        self.message.setText(error_text(code))
        self.message.show()


# Which field each problem of CardNumbers.problems() is about: the first one gets the focus.
_PROBLEM_FIELDS = {"insurer_number_missing": "insurer_number", "insurer_number_not_digits": "insurer_number",
                   "insurer_number_length": "insurer_number", "card_symbol_too_long": "card_symbol",
                   "card_number_missing": "card_number", "card_number_too_long": "card_number",
                   "branch_number_format": "branch_number"}


class RecheckNumbersDialog(QDialog):
    """The numbers of a 不詳 reception's 保険証 or 資格確認書, as staff learnt them from the patient; the
    kiosk then re-checks the qualification. The birth date is the reception's: shown, never typed.

    Large fields, because staff copy digits off a card or down a telephone line. No field cuts what is
    typed short: the checks say what is too long. Full-width digits (typed with the Japanese input method
    on) count as digits. ``submitted(CardNumbers)`` once they pass the checks the kiosk applies too; the
    sender then calls :meth:`fail` or ``accept``."""

    submitted = Signal(object)

    def __init__(self, item: AwaitingNumbers, parent=None) -> None:
        super().__init__(parent)
        self.item = item
        self.setObjectName("page")
        self.setWindowTitle(tr("保険証の番号を入力"))
        self.setMinimumWidth(640)
        big = TITLE_PX + 4
        self.setStyleSheet(f"QLineEdit {{ font-size: {big}px; min-height: 56px; }}"
                           f"QLabel[role=\"field\"] {{ font-size: {TITLE_PX - 2}px; font-weight: bold; }}"
                           f"QLabel#recheckBirthDate {{ font-size: {big}px; }}")
        layout = self._column = QVBoxLayout(self)
        layout.addWidget(label(tr("保険証の番号を入力"), "title"))
        layout.addWidget(label(tr("%1 様　%2 の受付（不詳で請求）").replace("%1", item.name or "—")
                               .replace("%2", moment_text(item.billed_at)), "", "recheckPatient"))
        layout.addWidget(label(tr("患者さんの保険証または資格確認書の番号を入力してください。"
                                  "入力すると、受付機が資格を確認し直します。"), "note"))
        form = QFormLayout()
        form.setLabelAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        self.fields: dict[str, QLineEdit] = {}
        eight, six = INSURER_DIGITS
        for key, caption, hint in (
            ("insurer_number", tr("保険者番号"), tr("%1桁（国民健康保険は%2桁）").replace("%1", str(eight))
             .replace("%2", str(six))),
            ("card_symbol", tr("記号"), tr("なければ空欄")),
            ("card_number", tr("番号"), ""),
            ("branch_number", tr("枝番"), tr("%1桁・なければ空欄").replace("%1", str(BRANCH_DIGITS))),
        ):
            edit = QLineEdit()
            edit.setObjectName(f"recheck_{key}")
            edit.setPlaceholderText(hint)
            form.addRow(label(caption, "field"), edit)
            self.fields[key] = edit
        birth = QHBoxLayout()
        birth.addWidget(label(item.birth_date.isoformat(), "", "recheckBirthDate"))
        birth.addWidget(label(tr("（受付の記録から）"), "muted"), 1)
        form.addRow(label(tr("生年月日"), "field"), birth)
        layout.addLayout(form)
        self.message = label("", "caution", "recheckNumbersMessage")
        self.message.hide()
        layout.addWidget(self.message)
        row = QHBoxLayout()
        self.ok = button(tr("再確認する"), "recheckNumbersOk", "primary")
        cancel = button(tr("やめる"), "recheckNumbersCancel")
        self.ok.clicked.connect(self._submit)
        self.fields["branch_number"].returnPressed.connect(self._submit)
        cancel.clicked.connect(self.reject)
        row.addWidget(self.ok)
        row.addWidget(cancel)
        layout.addLayout(row)

    def numbers(self) -> CardNumbers:
        """As typed, full-width digits made plain; 記号 exactly as typed (it may be kanji or kana)."""
        def plain(key: str) -> str:
            return unicodedata.normalize("NFKC", self.fields[key].text()).strip()

        return CardNumbers(plain("insurer_number"), self.fields["card_symbol"].text().strip(),
                           plain("card_number"), plain("branch_number"))

    def _submit(self) -> None:
        numbers = self.numbers()
        problems = numbers.problems()
        if problems:
            self._say("\n".join(numbers_problem_text(p) for p in problems))
            self.fields[_PROBLEM_FIELDS.get(problems[0], "insurer_number")].setFocus()
            return
        self.message.hide()
        self.ok.setEnabled(False)  # one request at a time; fail() gives the button back
        self.submitted.emit(numbers)

    def fail(self, code: str) -> None:
        self._say(error_text(code))
        self.ok.setEnabled(True)

    def _say(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        # A window grows for a new widget, not for the lines a wrapped label needs: ask the layout.
        needed = self._column.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)
