"""Sign-in and pairing dialogs."""
from __future__ import annotations

from PySide6.QtWidgets import QDialog, QFormLayout, QHBoxLayout, QLineEdit, QVBoxLayout

from kiosk.ui.staff.pages import button, label
from kiosk.ui.staff.texts import error_text, tr


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

    def fail(self, code: str, tries_left: str = "") -> None:
        text = error_text(code)
        if tries_left:
            text += " " + tr("あと%1回でロックされます。").replace("%1", tries_left)
        self.message.setText(text)
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
