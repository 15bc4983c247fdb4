"""The staff task pages shown in a kiosk's panel: 目視, choosing a record, a check by insurance-card
data, the fallback (last visit / 申立書), a ● name correction and the T11 help card.

A page is opened for the patient on screen at that moment and every request it sends names that
patient: if the kiosk has moved on to someone else, the kiosk refuses instead of acting on them. Its
buttons follow the view's ``staff_actions``, as the panel's do. Answers come back through :func:`calls.call`
as the core values of :mod:`kiosk.staff.messages`.
"""
from __future__ import annotations

import io
from collections.abc import Callable
from dataclasses import replace
from datetime import date
from typing import Any

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

from kiosk.core.domain import CardFacts, Sex
from kiosk.core.fallback import Declaration, InsuranceType
from kiosk.core.qualification import QualificationRecord
from kiosk.core.states import StaffAction
from kiosk.core.values import InsuranceCardQuery
from kiosk.core.view import CheckReply, ChipPhoto, FallbackReply, SessionRecords, View
from kiosk.staff.client import KioskLink
from kiosk.staff.messages import fallback_args, query_args
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
    lab.setTextFormat(Qt.TextFormat.PlainText)  # names come from the card and the insurer: never markup
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
    return QImage(raw, rgb.width, rgb.height, 3 * rgb.width, QImage.Format.Format_RGB888).copy()


def _day(value: date | None) -> str:
    return value.isoformat() if value is not None else "—"


def _burden(percent: int | None) -> str:
    return tr("%1割").replace("%1", str(percent // 10)) if percent else "—"


def numbers_text(record: QualificationRecord) -> str:
    """記号・番号・枝番, as on the card."""
    return "・".join(x or "—" for x in (record.card_symbol, record.card_number, record.branch_number))


def record_line(record: QualificationRecord) -> str:
    """One record on one line: insurer, numbers, burden."""
    return "  ".join(p for p in (record.insurer_name or record.insurer_number, numbers_text(record),
                                 _burden(record.burden_percent)) if p)


class Page(QWidget):
    """A task page: ``finished(message)`` returns the panel to its actions with a message for staff."""

    finished = Signal(str)

    def __init__(self, link: KioskLink, title: str) -> None:
        super().__init__()
        self.link = link
        self.session_id = ""  # the patient the page was opened for
        self.view: View | None = None
        self.waiting = False  # a request of this page is under way
        self.layout_ = QVBoxLayout(self)
        head = QHBoxLayout()
        head.addWidget(label(title, "title"), 1)
        back = button(tr("戻る"), "back")
        back.clicked.connect(lambda: self.finished.emit(""))
        head.addWidget(back)
        self.layout_.addLayout(head)
        self.message = label("", "caution", "pageMessage")
        self.message.hide()

    def start(self, view: View | None) -> None:
        """Open for the patient on screen now (``None``: the kiosk is offline)."""
        self.view = view
        self.session_id = view.session_id if view is not None else ""
        self.waiting = False
        self.say("")
        self.opened()
        self.update_buttons()

    def opened(self) -> None:
        """What a page fetches or resets when it opens; most pages have nothing to do."""

    def show_view(self, view: View) -> None:
        self.view = view
        self.update_buttons()

    def allowed(self, action: StaffAction) -> bool:
        return self.view is not None and action in self.view.staff_actions

    def update_buttons(self) -> None:
        """Each page enables its buttons from ``waiting`` and ``allowed``, after every view."""
        raise NotImplementedError

    def say(self, text: str) -> None:
        self.message.setText(text)
        self.message.setVisible(bool(text))

    def ask(self, name: str, args: dict | None, done: Callable[[Any, str | None], None], timeout: float = 40.0) -> None:
        """A request about this page's patient; ``done(result, error_code)`` on the UI thread."""
        link, session_id = self.link, self.session_id
        call(lambda: link.session_request(name, args, timeout, session_id=session_id), done, self)

    def request(self, name: str, args: dict | None, done: Callable[[Any], None], timeout: float = 40.0) -> None:
        """Like :meth:`ask`, with the page's buttons off until the answer, and a refusal said on the page."""
        def answered(result, error) -> None:
            self.waiting = False
            if error is not None:
                self.say(error_text(error))
            else:
                done(result)
            self.update_buttons()

        self.waiting = True
        self.update_buttons()
        self.ask(name, args, answered, timeout)


class TakeoverPage(Page):
    """目視: the chip photo beside a live still, the card's facts, and two big buttons. 「本人と確認」
    waits for the photo: staff compare a face with a face, never with a loading note."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("目視で本人確認"))
        self.loading = False
        self.photo_shown = False
        pictures = QHBoxLayout()
        self.tr_loading = tr("カードの写真を読み込み中…")
        self.photo = label(self.tr_loading, "photo", "chipPhoto")
        self.still = label(tr("カメラ映像を読み込み中…"), "photo", "cameraStill")
        for pic, caption in ((self.photo, tr("カードの顔写真")), (self.still, tr("受付機のカメラ"))):
            pic.setAlignment(Qt.AlignmentFlag.AlignCenter)
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
        self.code_b.setEchoMode(QLineEdit.EchoMode.Password)  # birth date and expiry: not for the waiting room to read
        self.read = button(tr("読み込む"), "readCodeB", "primary")
        self.read.clicked.connect(self._read_typed)
        self.code_b.returnPressed.connect(self._read_typed)
        code_layout.addWidget(self.code_b, 1)
        code_layout.addWidget(self.read)
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
        self.photo_shown = False

    def update_buttons(self) -> None:
        idle = not self.waiting and not self.loading
        self.confirm.setEnabled(idle and self.photo_shown and self.allowed(StaffAction.VISUAL_OK))
        self.reject.setEnabled(not self.waiting and self.allowed(StaffAction.VISUAL_REJECT))
        self.read.setEnabled(idle)

    def opened(self) -> None:
        """Say 「対応中」 to the other consoles, then fetch the photo (照合番号B read by the kiosk's camera)
        and a still."""
        self._forget()
        self.facts.setText("—")
        self.request("takeover", None, lambda _state: self._fetch())

    def _fetch(self, code_b: str = "") -> None:
        self.loading, self.photo_shown = True, False
        self.photo.clear()
        self.photo.setText(self.tr_loading)
        self.ask("chip_photo", {"code_b": code_b} if code_b else None, self._photo_done)
        if not code_b:
            self.still.setText(tr("カメラ映像を読み込み中…"))
            self.ask("camera_still", None, self._still_done, 10.0)
        self.update_buttons()

    def _read_typed(self) -> None:
        code = self.code_b.text().strip()
        if len(code) != 14 or not code.isdigit():
            self.say(tr("照合番号Bは14桁の数字です（生年月日6桁・有効期限の西暦4桁・セキュリティコード4桁）。"))
            return
        self.say("")
        self._fetch(code)

    def _photo_done(self, result: ChipPhoto | None, error: str | None) -> None:
        self.loading = False
        if result is None:
            self.photo.setText(tr("写真なし"))
            self.say(error_text(error or "internal"))
            if error in ("code_b_unavailable", "code_b_rejected", "code_b_tries_low"):
                self.code_row.show()
                self.code_b.setFocus()
        else:
            self.code_b.clear()
            self.code_row.hide()
            self.say("")
            self.show_facts(result.facts)
            image = image_from_bytes(result.photo)
            if image is None:
                self.photo.setText(tr("写真を表示できません"))
            else:
                self.photo.setPixmap(QPixmap.fromImage(image).scaled(self.photo.size(),
                                                                     Qt.AspectRatioMode.KeepAspectRatio,
                                                                     Qt.TransformationMode.SmoothTransformation))
                self.photo_shown = True
        self.update_buttons()

    def show_facts(self, facts: CardFacts) -> None:
        self.facts.setText("\n".join((
            tr("氏名: %1").replace("%1", facts.name),
            tr("生年月日: %1").replace("%1", facts.birth_date.isoformat()),
            tr("性別: %1").replace("%1", sex_text(facts.sex.value)),
            tr("住所: %1").replace("%1", facts.address),
        )))

    def _still_done(self, result: bytes | None, error: str | None) -> None:
        if result is None:
            self.still.setText(error_text(error or "internal"))
            return
        image = image_from_bytes(result)
        if image is None:
            self.still.setText(tr("カメラ映像を表示できません"))
        else:
            self.still.setPixmap(QPixmap.fromImage(image).scaled(self.still.size(), Qt.AspectRatioMode.KeepAspectRatio,
                                                                 Qt.TransformationMode.SmoothTransformation))

    def _answer(self, confirmed: bool) -> None:
        def done(_state) -> None:
            self.finished.emit(tr("本人と確認しました。受付機が資格確認を続けます。") if confirmed
                               else tr("確認できないため受付を終了しました。"))

        self.request("visual_check", {"confirmed": confirmed}, done)


def _family(code: str) -> str:
    return {"1": tr("本人"), "2": tr("家族")}.get(code, "—")


def _validity_dates(record: QualificationRecord) -> str:
    """The card's validity: an open end (still valid) is left empty, not written as a dash."""
    start, until = record.card_valid_from, record.card_valid_until
    if start is None and until is None:
        return "—"
    return tr("%1 〜 %2").replace("%1", _day(start)).replace("%2", until.isoformat() if until else "").strip()


MARKS = "①②③④⑤⑥⑦⑧⑨"


class RecordsPage(Page):
    """複数該当: the records side by side, what tells them apart in bold, one button each."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("資格を選ぶ（複数該当）"))
        self.layout_.addWidget(label(tr("患者さんに保険証・資格確認書を確認し、今の資格を選んでください。"), "note"))
        self.layout_.addWidget(self.message)
        self.table: QWidget | None = None
        self.layout_.addStretch(1)

    def opened(self) -> None:
        if self.table is not None:
            self.layout_.removeWidget(self.table)
            self.table.deleteLater()
        self.table = QWidget()
        self.table.setObjectName("recordsTable")
        grid = QGridLayout(self.table)
        grid.setHorizontalSpacing(24)
        records = self.view.records if self.view is not None else ()
        rows = (
            (tr("保険者"), lambda r: f"{r.insurer_name or '—'}\n{r.insurer_number}"),
            (tr("記号・番号・枝番"), numbers_text),
            (tr("本人・家族"), lambda r: _family(r.personal_family)),
            (tr("負担割合"), lambda r: _burden(r.burden_percent)),
            (tr("資格取得日"), lambda r: _day(r.qualified_on)),
            (tr("有効期間"), _validity_dates),
        )
        for column, _record in enumerate(records):
            grid.addWidget(label(MARKS[column % len(MARKS)], "title"), 0, column + 1)
        for row, (caption, value_of) in enumerate(rows, start=1):
            grid.addWidget(label(caption, "muted"), row, 0, Qt.AlignmentFlag.AlignTop)
            values = [value_of(r) for r in records]
            differs = len(set(values)) > 1
            for column, value in enumerate(values):
                grid.addWidget(label(value, "differs" if differs else "", f"record{column}_{row}"), row, column + 1,
                               Qt.AlignmentFlag.AlignTop)
        for index, record in enumerate(records):
            name = record.insurer_name or record.insurer_number
            b = button(tr("%1 %2を選ぶ").replace("%1", MARKS[index % len(MARKS)]).replace("%2", name),
                       f"record{index}", "primary")
            b.clicked.connect(lambda _=False, i=index: self.request(
                "choose_record", {"index": i}, lambda _state: self.finished.emit(tr("資格を選びました。"))))
            grid.addWidget(b, len(rows) + 1, index + 1)
        grid.setColumnStretch(len(records) + 1, 1)
        self.layout_.insertWidget(self.layout_.count() - 1, self.table)

    def update_buttons(self) -> None:
        for b in self.findChildren(QPushButton):
            if b.objectName() != "back":
                b.setEnabled(not self.waiting and self.allowed(StaffAction.CHOOSE_RECORD))


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
        self.run = button(tr("資格を確認する"), "runInsuranceCheck", "primary")
        self.run.clicked.connect(self._run)
        self.layout_.addWidget(self.run)
        self.layout_.addStretch(1)

    def update_buttons(self) -> None:
        self.run.setEnabled(not self.waiting and self.allowed(StaffAction.INSURANCE_CHECK))

    def opened(self) -> None:
        for edit in self.fields.values():
            edit.clear()
        self.ask("session_records", None, self._prefill)

    def _prefill(self, records: SessionRecords | None, _error: str | None) -> None:
        facts = records.snapshot.facts if records is not None else None
        birth = self.fields["birth_date"]
        if facts is not None and not birth.text():
            birth.setText(facts.birth_date.isoformat())

    def _run(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        try:
            birth = date.fromisoformat(values.pop("birth_date"))
        except ValueError:
            self.say(tr("生年月日は YYYY-MM-DD で入力してください。"))
            return
        self.say(tr("確認中…"))

        def done(reply: CheckReply) -> None:
            self.finished.emit(tr("保険証で確認しました: %1").replace("%1", validity_text(reply.validity)))

        query = InsuranceCardQuery(insurer_number=values["insurer_number"], card_symbol=values["card_symbol"],
                                   card_number=values["card_number"], branch_number=values["branch_number"],
                                   birth_date=birth)
        self.request("insurance_check", query_args(query), done)


class FallbackPage(Page):
    """When the online check fails: the last visit's record (no change, confirmed orally) or a 申立書."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("前回の記録・申立書で受付"))
        self.records: SessionRecords | None = None
        self.layout_.addWidget(label(tr(
            "オンライン確認ができないときも、前回の記録（変更がないことを口頭で確認）または"
            "被保険者資格申立書で、通常の負担割合で受け付けられます。"), "note"))
        self.known = label("", "", "fallbackRecords")
        self.layout_.addWidget(self.known)
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
        for sex in Sex:
            self.sex.addItem(sex_text(sex.value) if sex is not Sex.UNSET else tr("未記載"), sex.value)
        self.kind = QComboBox()
        self.kind.setObjectName("decl_type")
        for kind, text in ((InsuranceType.UNKNOWN, tr("わからない")), (InsuranceType.EMPLOYEE, tr("被用者保険")),
                           (InsuranceType.NATIONAL, tr("国民健康保険")),
                           (InsuranceType.LATE_ELDERLY, tr("後期高齢者医療"))):
            self.kind.addItem(text, kind.value)
        self.burden = QComboBox()
        self.burden.setObjectName("decl_burden")
        for value, text in ((None, tr("わからない")), (30, tr("3割")), (20, tr("2割")), (10, tr("1割"))):
            self.burden.addItem(text, value)
        for i, (text, widget) in enumerate(((tr("性別"), self.sex), (tr("保険の種類"), self.kind),
                                            (tr("負担割合"), self.burden))):
            grid.addWidget(QLabel(text), row + i // 2, (i % 2) * 2)
            grid.addWidget(widget, row + i // 2, (i % 2) * 2 + 1)
        self.layout_.addLayout(grid)
        self.layout_.addWidget(self.message)
        self.declare = button(tr("申立書で受付"), "useDeclaration", "primary")
        self.declare.clicked.connect(self._declare)
        self.layout_.addWidget(self.declare)
        self.layout_.addStretch(1)

    def update_buttons(self) -> None:
        ready = not self.waiting and self.records is not None and self.allowed(StaffAction.COMPLETE_FALLBACK)
        self.last_visit.setEnabled(ready and self.records is not None and self.records.last_visit is not None)
        self.declare.setEnabled(ready)

    def opened(self) -> None:
        self.records = None
        self.known.clear()
        for edit in self.fields.values():
            edit.clear()
        self.request("session_records", None, self._show)

    def _show(self, records: SessionRecords) -> None:
        self.records = records
        snapshot, lines = records.snapshot, []
        if snapshot.old_qualification is not None:
            lines.append(tr("旧資格情報: %1").replace("%1", record_line(snapshot.old_qualification)))
        if records.last_visit is not None:
            lines.append(tr("前回の記録: %1").replace("%1", record_line(records.last_visit)))
        self.known.setText("\n".join(lines) or tr("旧資格情報・前回の記録はありません。申立書を記入してもらいます。"))
        if snapshot.facts is not None:
            self.fields["name"].setText(snapshot.facts.name)
            self.fields["birth_date"].setText(snapshot.facts.birth_date.isoformat())
            self.fields["address"].setText(snapshot.facts.address)
            self.sex.setCurrentIndex(max(0, self.sex.findData(snapshot.facts.sex.value)))
        declared = snapshot.declaration  # the patient's answers on the kiosk's form: staff add the kana
        if declared is not None:
            for key, value in (("name_kana", declared.name_kana), ("contact", declared.contact),
                               ("insurer_name", declared.insurer_name), ("employer", declared.employer)):
                self.fields[key].setText(value)
            self.kind.setCurrentIndex(max(0, self.kind.findData(declared.insurance_type.value)))
            self.burden.setCurrentIndex(max(0, self.burden.findData(declared.burden_percent)))

    def _declare(self) -> None:
        values = {key: edit.text().strip() for key, edit in self.fields.items()}
        try:
            birth = date.fromisoformat(values["birth_date"])
        except ValueError:
            self.say(tr("生年月日は YYYY-MM-DD で入力してください。"))
            return
        if not values["name"] or not values["name_kana"] or not values["contact"]:
            self.say(tr("氏名・カナ氏名・連絡先は必須です。"))
            return
        facts = CardFacts(values["name"], values["address"], birth, Sex(self.sex.currentData()))
        declared = self.records.snapshot.declaration if self.records is not None else None
        base = declared or Declaration(facts, "", "", date.today())  # the kiosk dates it by its own clock
        self._complete("declaration", replace(
            base, facts=facts, name_kana=values["name_kana"], contact=values["contact"],
            insurance_type=InsuranceType(self.kind.currentData()), insurer_name=values["insurer_name"],
            employer=values["employer"], burden_percent=self.burden.currentData()))

    def _complete(self, choice: str, declaration: Declaration | None) -> None:
        def done(reply: FallbackReply) -> None:
            text = tr("受付しました（窓口負担 %1割）。").replace("%1", str(reply.window_burden_percent // 10))
            self.finished.emit(f"{text} {' / '.join(reply.remarks)}".strip())

        self.request("complete_fallback", fallback_args(choice, declaration), done)


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
        self.apply = button(tr("この表記にする"), "applyName", "primary")
        self.apply.clicked.connect(self._apply)
        self.layout_.addWidget(self.apply)
        self.layout_.addStretch(1)

    def update_buttons(self) -> None:
        self.apply.setEnabled(not self.waiting and self.allowed(StaffAction.CORRECT_NAME))

    def opened(self) -> None:
        current = self.view.patient_name if self.view is not None else ""
        self.current.setText(tr("届いた氏名: %1").replace("%1", current))
        self.name.setText(current)
        self.request("session_records", None, self._suggest)

    def _suggest(self, records: SessionRecords) -> None:
        last = records.last_visit
        if last is not None and last.name and "●" not in last.name:
            self.name.setText(last.name)

    def _apply(self) -> None:
        name = self.name.text().strip()
        if not name or "●" in name:
            self.say(tr("●を含まない氏名を入力してください。"))
            return
        self.request("correct_name", {"name": name}, lambda _state: self.finished.emit(tr("氏名を修正しました。")))


class NoticeHelpPage(Page):
    """T11: what 「資格情報のお知らせ」 and 資格確認書 each allow, to show and explain to the patient."""

    def __init__(self, link: KioskLink) -> None:
        super().__init__(link, tr("資格情報のお知らせ と 資格確認書"))
        grid = QGridLayout()
        grid.addWidget(label(tr("資格情報のお知らせ"), "title"), 0, 0)
        grid.addWidget(label(tr("資格確認書"), "title"), 0, 1)
        grid.addWidget(label(tr(
            "マイナ保険証を持つ人に届く、加入している保険の情報の紙です。\n"
            "これだけでは受診できません。マイナ保険証と一緒に出すと、カードが読めないときの確認に使えます。"),
            "note"), 1, 0)
        grid.addWidget(label(tr(
            "マイナ保険証を持たない人などに届く、保険証の代わりになる書類です。\n"
            "これだけで受診できます。保険証と同じように記号・番号で資格を確認します。"), "note"), 1, 1)
        self.layout_.addLayout(grid)
        self.layout_.addWidget(self.message)
        self.explained = button(tr("患者さんに説明しました"), "noticeExplained", "primary")
        self.explained.clicked.connect(lambda: self.request(
            "acknowledge", {"what": "notice_explained"}, lambda _state: self.finished.emit(tr("記録しました。"))))
        self.layout_.addWidget(self.explained)
        self.layout_.addStretch(1)

    def update_buttons(self) -> None:
        """Recording 「説明した」 needs a patient at a kiosk online; the help itself needs nothing."""
        self.explained.setVisible(self.allowed(StaffAction.ACKNOWLEDGE))
        self.explained.setEnabled(not self.waiting)
