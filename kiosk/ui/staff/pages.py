"""The staff task pages shown in a kiosk's panel: 目視 takeover, choosing a record, a check by
insurance-card data, the fallback (last visit / 申立書), a ● name correction and the T11 help card.

Each page talks to one kiosk through its link; answers come back through :func:`calls.call`.
"""
from __future__ import annotations

import base64
import io
from datetime import date
from typing import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QImage, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from kiosk.staff.client import KioskLink
from kiosk.ui.staff.calls import call
from kiosk.ui.staff.texts import error_text, sex_text, tr, validity_text


def button(text: str, name: str, kind: str = "", big: bool = False) -> QPushButton:
    b = QPushButton(text)
    b.setObjectName(name)
    if kind:
        b.setProperty("kind", kind)
    if big:
        b.setProperty("size", "big")
    return b


def label(text: str = "", role: str = "", name: str = "") -> QLabel:
    lab = QLabel(text)
    lab.setWordWrap(True)
    lab.setTextFormat(Qt.PlainText)  # names come from the card and the insurer: never markup
    if role:
        lab.setProperty("role", role)
    if name:
        lab.setObjectName(name)
    return lab


def image_from_bytes(data: bytes) -> QImage | None:
    """JPEG 2000 (the chip photo) or JPEG (a camera still), decoded in memory by Pillow."""
    from PIL import Image, UnidentifiedImageError

    try:
        with Image.open(io.BytesIO(data)) as picture:
            rgb = picture.convert("RGB")
    except (UnidentifiedImageError, OSError, ValueError):
        return None
    raw = rgb.tobytes()
    return QImage(raw, rgb.width, rgb.height, 3 * rgb.width, QImage.Format_RGB888).copy()


class Page(QWidget):
    """A task page: ``finished(message)`` returns the panel to its actions with a message for staff."""

    finished = Signal(str)

    def __init__(self, link: KioskLink, title: str) -> None:
        super().__init__()
        self.link = link
        self.layout_ = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(label(title, "title"), 1)
        back = button(tr("戻る"), "back")
        back.clicked.connect(lambda: self.finished.emit(""))
        head.addWidget(back)
        self.layout_.addLayout(head)
        self.message = label("", "caution", "pageMessage")
        self.message.hide()

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def request(self, name: str, args: dict | None, done: Callable[[object], None], timeout: float = 40.0) -> None:
        def answered(result, error) -> None:
            if error is not None:
                self.say(error_text(error))
                self.busy(False)
            else:
                done(result)

        self.busy(True)
        call(lambda: self.link.session_request(name, args, timeout), answered, self)

    def busy(self, on: bool) -> None:
        for b in self.findChildren(QPushButton):
            if b.objectName() != "back":
                b.setEnabled(not on)


class TakeoverPage(Page):
    """目視: the chip photo beside a live still, the card's facts, and two big buttons."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("目視で本人確認"))
        pictures = QHBoxLayout()
        self.tr_loading = tr("カードの写真を読み込み中…")
        self.photo = label(self.tr_loading, "photo", "chipPhoto")
        self.still = label(tr("カメラ映像を読み込み中…"), "photo", "cameraStill")
        for pic, caption in ((self.photo, tr("カードの顔写真")), (self.still, tr("受付機のカメラ"))):
            pic.setAlignment(Qt.AlignCenter)
            pic.setFixedSize(270, 330)
            column = QVBoxLayout()
            column.addWidget(label(caption, "muted"))
            column.addWidget(pic)
            pictures.addLayout(column)
        self.facts = label("", "", "cardFacts")
        facts_column = QVBoxLayout()
        facts_column.addWidget(label(tr("カードの記載事項"), "muted"))
        facts_column.addWidget(self.facts)
        self.code_row = QWidget()
        code_layout = QHBoxLayout(self.code_row)
        code_layout.setContentsMargins(0, 0, 0, 0)
        self.code_b = QLineEdit()
        self.code_b.setObjectName("codeB")
        self.code_b.setPlaceholderText(tr("照合番号B（14桁）"))
        self.code_b.setMaxLength(14)
        self.code_b.setEchoMode(QLineEdit.Password)  # birth date and expiry: not for the waiting room to read
        read = button(tr("読み込む"), "readCodeB", "primary")
        read.clicked.connect(self._read_typed)
        self.code_b.returnPressed.connect(self._read_typed)
        code_layout.addWidget(self.code_b, 1)
        code_layout.addWidget(read)
        self.code_row.hide()
        facts_column.addWidget(self.code_row)
        facts_column.addStretch(1)
        pictures.addLayout(facts_column, 1)
        self.layout_.addLayout(pictures)
        self.layout_.addWidget(self.message)
        choices = QHBoxLayout()
        self.confirm = button(tr("本人と確認"), "confirmPerson", "primary", big=True)
        self.reject = button(tr("確認できない"), "rejectPerson", "stop", big=True)
        self.confirm.clicked.connect(lambda: self._answer(True))
        self.reject.clicked.connect(lambda: self._answer(False))
        choices.addWidget(self.confirm)
        choices.addWidget(self.reject)
        self.layout_.addLayout(choices)
        self.layout_.addWidget(label(tr("写真と記載事項は画面にだけ表示し、保存しません。"), "muted"))
        self.finished.connect(self._forget)

    def _forget(self, _message: str = "") -> None:
        """The photo, the still and the facts leave the screen (and memory) with the page."""
        self.photo.clear()
        self.still.clear()
        self.facts.clear()
        self.code_b.clear()
        self.code_row.hide()

    def open(self) -> None:
        """Take the session, then fetch the photo (照合番号B read by the kiosk's camera) and a still."""
        self.request("takeover", None, lambda _: self._fetch())

    def _fetch(self, code_b: str = "") -> None:
        self.busy(False)
        self.photo.setText(self.tr_loading)
        call(lambda: self.link.session_request("chip_photo", {"code_b": code_b} if code_b else None), self._photo_done,
             self)
        if not code_b:
            call(lambda: self.link.session_request("camera_still", None, 10.0), self._still_done, self)

    def _read_typed(self) -> None:
        code = self.code_b.text().strip()
        if len(code) != 14 or not code.isdigit():
            self.say(tr("照合番号Bは14桁の数字です（生年月日6桁・有効期限の西暦4桁・セキュリティコード4桁）。"))
            return
        self.say("")
        self._fetch(code)

    def _photo_done(self, result, error) -> None:
        if error is not None:
            self.photo.setText(tr("写真なし"))
            self.say(error_text(error))
            if error == "code_b_unavailable":
                self.code_row.show()
                self.code_b.setFocus()
            return
        self.code_b.clear()
        self.code_row.hide()
        self.say("")
        facts = result["facts"]
        self.show_facts(facts)
        image = image_from_bytes(base64.b64decode(result["photo"]))
        if image is None:
            self.photo.setText(tr("写真を表示できません"))
        else:
            self.photo.setPixmap(QPixmap.fromImage(image).scaled(self.photo.size(), Qt.KeepAspectRatio,
                                                                 Qt.SmoothTransformation))

    def show_facts(self, facts: dict | None) -> None:
        if not facts:
            self.facts.setText("—")
            return
        self.facts.setText("\n".join((
            tr("氏名: %1").replace("%1", facts["name"]),
            tr("生年月日: %1").replace("%1", facts["birth_date"]),
            tr("性別: %1").replace("%1", sex_text(facts["sex"])),
            tr("住所: %1").replace("%1", facts["address"]),
        )))

    def _still_done(self, result, error) -> None:
        if error is not None:
            self.still.setText(error_text(error))
            return
        image = image_from_bytes(base64.b64decode(result["jpeg"]))
        if image is not None:
            self.still.setPixmap(QPixmap.fromImage(image).scaled(self.still.size(), Qt.KeepAspectRatio,
                                                                 Qt.SmoothTransformation))

    def _answer(self, confirmed: bool) -> None:
        def done(_result) -> None:
            self.finished.emit(tr("本人と確認しました。受付機が資格確認を続けます。") if confirmed
                               else tr("確認できないため受付を終了しました。"))

        self.request("visual_check", {"confirmed": confirmed}, done)


def record_line(record: dict) -> str:
    number = "・".join(x for x in (record.get("card_symbol"), record.get("card_number"), record.get("branch_number")) if x)
    burden = record.get("burden_percent")
    parts = [record.get("insurer_name") or record.get("insurer_number", ""), number]
    if burden:
        parts.append(tr("%1割").replace("%1", str(burden // 10)))
    if record.get("name"):
        parts.insert(0, record["name"])
    return "  ".join(p for p in parts if p)


class RecordsPage(Page):
    """Validity 5 (複数該当): staff pick the current record; one tap."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("資格を選ぶ（複数該当）"))
        self.layout_.addWidget(label(tr("患者さんに保険証・資格確認書を確認し、今の資格を選んでください。"), "note"))
        self.layout_.addWidget(self.message)
        self.list = QVBoxLayout()
        self.layout_.addLayout(self.list)
        self.layout_.addStretch(1)

    def open(self) -> None:
        while self.list.count():
            item = self.list.takeAt(0)
            if item.widget():
                item.widget().deleteLater()
        self.request("session_records", None, self._show)

    def _show(self, data) -> None:
        self.busy(False)
        for index, record in enumerate(data["records"]):
            b = button(record_line(record), f"record{index}", "primary")
            b.clicked.connect(lambda _=False, i=index: self.request(
                "choose_record", {"index": i}, lambda _r: self.finished.emit(tr("資格を選びました。"))))
            self.list.addWidget(b)


class InsuranceCardPage(Page):
    """A check by 保険証 / 資格確認書 data typed by staff; the kiosk runs it and continues the flow."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("保険証・資格確認書で確認"))
        form = QFormLayout()
        self.fields: dict[str, QLineEdit] = {}
        for key, text, hint in (
            ("insurer_number", tr("保険者番号"), tr("6桁または8桁")),
            ("card_symbol", tr("記号"), ""),
            ("card_number", tr("番号"), ""),
            ("branch_number", tr("枝番"), tr("2桁")),
            ("birth_date", tr("生年月日"), "YYYY-MM-DD"),
        ):
            edit = QLineEdit()
            edit.setObjectName(key)
            edit.setPlaceholderText(hint)
            form.addRow(text, edit)
            self.fields[key] = edit
        self.layout_.addLayout(form)
        self.layout_.addWidget(self.message)
        run = button(tr("資格を確認する"), "runInsuranceCheck", "primary")
        run.clicked.connect(self._run)
        self.layout_.addWidget(run)
        self.layout_.addStretch(1)

    def open(self, facts: dict | None) -> None:
        for edit in self.fields.values():
            edit.clear()
        if facts:
            self.fields["birth_date"].setText(facts["birth_date"])
        self.say("")

    def _run(self) -> None:
        args = {key: edit.text().strip() for key, edit in self.fields.items()}
        try:
            date.fromisoformat(args["birth_date"])
        except ValueError:
            self.say(tr("生年月日は YYYY-MM-DD で入力してください。"))
            return
        self.say(tr("確認中…"))
        self.request("insurance_check", args, lambda r: self.finished.emit(
            tr("保険証で確認しました: %1").replace("%1", validity_text(r["validity"]))))


class FallbackPage(Page):
    """When the online check fails: the last visit's record (no change, confirmed orally) or a 申立書."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("前回の記録・申立書で受付"))
        self.layout_.addWidget(label(tr(
            "オンライン確認ができないときも、前回の記録（変更がないことを口頭で確認）または"
            "被保険者資格申立書で、通常の負担割合で受け付けられます。"), "note"))
        self.records = label("", "", "fallbackRecords")
        self.layout_.addWidget(self.records)
        self.last_visit = button(tr("前回の記録で受付（変更なしを確認済み）"), "useLastVisit", "primary")
        self.last_visit.clicked.connect(lambda: self._complete("last_visit", None))
        self.layout_.addWidget(self.last_visit)
        self.layout_.addWidget(label(tr("被保険者資格申立書"), "title"))
        grid = QGridLayout()
        self.fields: dict[str, QLineEdit] = {}
        specs = (("name", tr("氏名")), ("name_kana", tr("カナ氏名")), ("birth_date", tr("生年月日")),
                 ("address", tr("住所")), ("contact", tr("連絡先")), ("insurer_name", tr("保険者名")),
                 ("employer", tr("勤務先")))
        for i, (key, text) in enumerate(specs):
            edit = QLineEdit()
            edit.setObjectName(f"decl_{key}")
            grid.addWidget(QLabel(text), i // 2, (i % 2) * 2)
            grid.addWidget(edit, i // 2, (i % 2) * 2 + 1)
            self.fields[key] = edit
        row = len(specs) // 2 + 1
        self.sex = QComboBox()
        self.sex.setObjectName("decl_sex")
        for value in ("1", "2", "3"):
            self.sex.addItem(sex_text(value) if value != "3" else tr("未記載"), value)
        self.kind = QComboBox()
        self.kind.setObjectName("decl_type")
        for value, text in (("unknown", tr("わからない")), ("employee", tr("被用者保険")),
                            ("national", tr("国民健康保険")), ("late_elderly", tr("後期高齢者医療"))):
            self.kind.addItem(text, value)
        self.burden = QComboBox()
        self.burden.setObjectName("decl_burden")
        for value, text in ((None, tr("わからない")), (30, tr("3割")), (20, tr("2割")), (10, tr("1割"))):
            self.burden.addItem(text, value)
        for i, (text, widget) in enumerate(((tr("性別"), self.sex), (tr("保険の種類"), self.kind), (tr("負担割合"), self.burden))):
            grid.addWidget(QLabel(text), row + i // 2, (i % 2) * 2)
            grid.addWidget(widget, row + i // 2, (i % 2) * 2 + 1)
        self.layout_.addLayout(grid)
        self.layout_.addWidget(self.message)
        declare = button(tr("申立書で受付"), "useDeclaration", "primary")
        declare.clicked.connect(self._declare)
        self.layout_.addWidget(declare)
        self.layout_.addStretch(1)

    def open(self) -> None:
        self.say("")
        for edit in self.fields.values():
            edit.clear()
        self.request("session_records", None, self._show)

    def _show(self, data) -> None:
        self.busy(False)
        lines = []
        if data.get("old_qualification"):
            lines.append(tr("旧資格情報: %1").replace("%1", record_line(data["old_qualification"])))
        if data.get("last_visit"):
            lines.append(tr("前回の記録: %1").replace("%1", record_line(data["last_visit"])))
        self.records.setText("\n".join(lines) or tr("旧資格情報・前回の記録はありません。申立書を記入してもらいます。"))
        self.last_visit.setEnabled(bool(data.get("last_visit")))
        facts = data.get("facts")
        if facts:
            for key in ("name", "birth_date", "address"):
                self.fields[key].setText(facts[key])
            self.sex.setCurrentIndex(max(0, self.sex.findData(facts["sex"])))
        declared = data.get("declaration")  # the patient's answers on the kiosk's form: staff add the kana
        if declared:
            for key in ("name_kana", "contact", "insurer_name", "employer"):
                self.fields[key].setText(declared.get(key) or "")
            self.kind.setCurrentIndex(max(0, self.kind.findData(declared.get("insurance_type"))))
            self.burden.setCurrentIndex(max(0, self.burden.findData(declared.get("burden_percent"))))

    def _declare(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        try:
            date.fromisoformat(values["birth_date"])
        except ValueError:
            self.say(tr("生年月日は YYYY-MM-DD で入力してください。"))
            return
        if not values["name"] or not values["name_kana"] or not values["contact"]:
            self.say(tr("氏名・カナ氏名・連絡先は必須です。"))
            return
        declaration = {**values, "sex": self.sex.currentData(), "insurance_type": self.kind.currentData(),
                       "burden_percent": self.burden.currentData()}
        self._complete("declaration", declaration)

    def _complete(self, choice: str, declaration: dict | None) -> None:
        args = {"choice": choice}
        if declaration is not None:
            args["declaration"] = declaration

        def done(result) -> None:
            remarks = " / ".join(result.get("remarks") or ())
            text = tr("受付しました（窓口負担 %1割）。").replace("%1", str(result["window_burden_percent"] // 10))
            self.finished.emit(f"{text} {remarks}".strip())

        self.request("complete_fallback", args, done)


class NamePage(Page):
    """T1: replace a ● name with the clinic's own spelling, suggested from the last visit."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("●の氏名を修正"))
        self.current = label("", "", "currentName")
        self.layout_.addWidget(self.current)
        self.name = QLineEdit()
        self.name.setObjectName("correctedName")
        self.layout_.addWidget(QLabel(tr("当院の記録の表記")))
        self.layout_.addWidget(self.name)
        self.layout_.addWidget(self.message)
        apply = button(tr("この表記にする"), "applyName", "primary")
        apply.clicked.connect(self._apply)
        self.layout_.addWidget(apply)
        self.layout_.addStretch(1)

    def open(self, current: str) -> None:
        self.say("")
        self.current.setText(tr("届いた氏名: %1").replace("%1", current))
        self.name.setText(current)
        self.request("session_records", None, self._suggest)

    def _suggest(self, data) -> None:
        self.busy(False)
        last = data.get("last_visit")
        if last and last.get("name") and "●" not in last["name"]:
            self.name.setText(last["name"])

    def _apply(self) -> None:
        name = self.name.text().strip()
        if not name or "●" in name:
            self.say(tr("●を含まない氏名を入力してください。"))
            return
        self.request("correct_name", {"name": name}, lambda _: self.finished.emit(tr("氏名を修正しました。")))


class NoticeHelpPage(Page):
    """T11: what 「資格情報のお知らせ」 and 資格確認書 each allow, to show and explain to the patient."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("資格情報のお知らせ と 資格確認書"))
        grid = QGridLayout()
        grid.addWidget(label(tr("資格情報のお知らせ"), "title"), 0, 0)
        grid.addWidget(label(tr("資格確認書"), "title"), 0, 1)
        grid.addWidget(label(tr(
            "マイナ保険証を持つ人に届く、加入している保険の情報の紙です。\n"
            "これだけでは受診できません。マイナ保険証と一緒に出すと、カードが読めないときの確認に使えます。"), "note"), 1, 0)
        grid.addWidget(label(tr(
            "マイナ保険証を持たない人などに届く、保険証の代わりになる書類です。\n"
            "これだけで受診できます。保険証と同じように記号・番号で資格を確認します。"), "note"), 1, 1)
        self.layout_.addLayout(grid)
        self.layout_.addWidget(self.message)
        self.explained = button(tr("患者さんに説明しました"), "noticeExplained", "primary")
        self.explained.clicked.connect(lambda: self.request(
            "acknowledge", {"what": "notice_explained"}, lambda _: self.finished.emit(tr("記録しました。"))))
        self.layout_.addWidget(self.explained)
        self.layout_.addStretch(1)

    def open(self, in_session: bool) -> None:
        self.say("")
        self.explained.setVisible(in_session)
