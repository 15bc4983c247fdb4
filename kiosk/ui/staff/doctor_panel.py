"""「点検」: one kiosk's ``kiosk doctor`` report on the console, asked for over the staff channel.

The kiosk answers with each finding's message keys and parameters (kiosk/staff/doctor_request.py); the
words come from :mod:`kiosk.doctor.messages` in the console's language (Japanese, or English when the
console runs in English), so the clerk reads here exactly what ``kiosk doctor`` prints at the kiosk. Each
line is its mark and its colour both (○ fine, △ a warning, × a problem, － cannot be told), never colour
alone, in large text, and under every line that is not fine what to do.
"""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFrame, QGridLayout, QHBoxLayout, QScrollArea, QVBoxLayout, QWidget

from kiosk.doctor.findings import Level
from kiosk.doctor.messages import LANGS, render
from kiosk.doctor.report import MARKS, title
from kiosk.staff.client import KioskLink
from kiosk.staff.doctor_request import ANSWER_WITHIN, DoctorLine, DoctorReport
from kiosk.ui import theme
from kiosk.ui.staff.calls import call
from kiosk.ui.staff.pages import button, label
from kiosk.ui.staff.texts import error_text, moment_text, tr

LINE_PX = 20  # the findings: bigger than the console's body text, read from a step back
MARK_PX = 30
LEVEL_COLOURS = {Level.OK: theme.NOTE, Level.UNKNOWN: theme.SECONDARY, Level.WARN: theme.CAUTION,
                 Level.PROBLEM: theme.ALERT}


def report_language() -> str:
    """Which of the doctor's languages (ja, en) the console is in: its own catalog says so (the English
    catalog translates this marker to ``en``); Japanese for every other language, as the console is."""
    lang = tr("ja")
    return lang if lang in LANGS else "ja"


def level_words(level: Level) -> str:
    """The mark's meaning in words, beside it (and for a screen reader)."""
    return {Level.OK: tr("正常"), Level.UNKNOWN: tr("不明"), Level.WARN: tr("要注意"),
            Level.PROBLEM: tr("問題")}[level]


class FindingLine(QFrame):
    """One part: its mark in its colour, its name and what was found; what to do under it."""

    def __init__(self, line: DoctorLine, lang: str) -> None:
        super().__init__()
        self.setObjectName(f"finding_{line.name}")
        self.level = line.level
        colours = LEVEL_COLOURS[line.level]
        self.setStyleSheet(f"QFrame#finding_{line.name} {{ border: 2px solid {theme.BORDER}; border-radius: 8px; }}")
        grid = QGridLayout(self)
        grid.setContentsMargins(8, 6, 10, 6)
        grid.setHorizontalSpacing(12)
        self.mark = label(MARKS[line.level], "", "mark")
        self.mark.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.mark.setFixedSize(52, 52)
        self.mark.setToolTip(level_words(line.level))
        self.mark.setAccessibleName(level_words(line.level))
        self.mark.setStyleSheet(f"font-size: {MARK_PX}px; font-weight: bold; color: {colours.fg}; "
                                f"background: {colours.bg}; border: 2px solid {theme.BORDER}; border-radius: 26px;")
        grid.addWidget(self.mark, 0, 0, 2, 1, Qt.AlignmentFlag.AlignTop)
        self.found = label(f"{title(line.name, lang)}{'：' if lang == 'ja' else ': '}{render(line.found, lang)}",
                           "", "found")
        self.found.setStyleSheet(f"font-size: {LINE_PX}px; font-weight: bold;")
        grid.addWidget(self.found, 0, 1)
        self.todo = None
        if line.what_to_do is not None and line.level is not Level.OK:
            self.todo = label(f"→ {render(line.what_to_do, lang)}", "", "todo")
            self.todo.setStyleSheet(f"font-size: {LINE_PX}px;")
            grid.addWidget(self.todo, 1, 1)
        grid.setColumnStretch(1, 1)


class DoctorDialog(QDialog):
    """「点検」 of one kiosk: asks as it opens and on 「もう一度調べる」; says so when the kiosk does not answer."""

    def __init__(self, link: KioskLink, name: str, parent=None, answer_within: float = ANSWER_WITHIN) -> None:
        super().__init__(parent)
        self.link = link
        self.answer_within = answer_within
        self.lang = report_language()
        self.report: DoctorReport | None = None
        self.setObjectName("page")
        self.setWindowTitle(tr("点検：%1").replace("%1", name))
        self.resize(900, 760)
        layout = QVBoxLayout(self)
        layout.addWidget(label(tr("点検：%1").replace("%1", name), "title", "doctorTitle"))
        self.status = label("", "muted", "doctorStatus")
        layout.addWidget(self.status)
        self.message = label("", "caution", "doctorMessage")
        self.message.hide()
        layout.addWidget(self.message)
        self.summary = label("", "", "doctorSummary")
        self.summary.setStyleSheet(f"font-size: {LINE_PX}px; font-weight: bold;")
        self.summary.hide()
        layout.addWidget(self.summary)
        body = QWidget()
        self.lines_box = QVBoxLayout(body)
        self.lines_box.setContentsMargins(0, 0, 8, 0)
        self.lines_box.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(body)
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        layout.addWidget(scroll, 1)
        row = QHBoxLayout()
        self.again = button(tr("もう一度調べる"), "doctorAgain", "primary")
        self.again.clicked.connect(self.ask)
        close = button(tr("閉じる"), "doctorClose")
        close.clicked.connect(self.accept)
        row.addWidget(self.again)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.lines: dict[str, FindingLine] = {}
        self.ask()

    def ask(self) -> None:
        link = self.link
        if not link.signed_in:
            self._failed("not_signed_in")
            return
        self.again.setEnabled(False)
        self.message.hide()
        self.status.setText(tr("受付機を調べています…（最長%1秒）").replace("%1", f"{self.answer_within:.0f}"))
        call(lambda: link.request("doctor", timeout=self.answer_within), self._answered, self)

    def _answered(self, report: DoctorReport | None, error: str | None) -> None:
        self.again.setEnabled(True)
        if error is not None or report is None:
            self._failed(error or "internal")
            return
        self.show_report(report)

    def _failed(self, code: str) -> None:
        self.again.setEnabled(True)
        self.status.setText(tr("前回の結果です。") if self.report is not None else "")
        self.message.setText(doctor_error_text(code, self.answer_within))
        self.message.show()

    def show_report(self, report: DoctorReport) -> None:
        self.report = report
        while self.lines_box.count() > 1:
            item = self.lines_box.takeAt(0)
            old = item.widget() if item is not None else None
            if old is not None:
                old.deleteLater()
        self.lines = {}
        for i, line in enumerate(report.lines):
            widget = FindingLine(line, self.lang)
            self.lines[line.name] = widget
            self.lines_box.insertWidget(i, widget)
        self.status.setText(tr("%1 に調べた結果").replace("%1", moment_text(report.when)))
        problems = sum(line.level is Level.PROBLEM for line in report.lines)
        warnings = sum(line.level is Level.WARN for line in report.lines)
        self.summary.setText(tr("問題 %1 件、注意 %2 件").replace("%1", str(problems)).replace("%2", str(warnings))
                             if problems or warnings else tr("すべて正常です。"))
        self.summary.show()


def doctor_error_text(code: str, seconds: float) -> str:
    """Why there is no report, and what to do."""
    if code == "staff_channel_timeout":
        return tr("受付機から%1秒たっても返事がありません。受付機の電源とネットワークを確かめて、"
                  "もう一度調べてください。").replace("%1", f"{seconds:.0f}")
    if code == "staff_channel_closed":
        return tr("受付機とつながっていません。受付機の電源とネットワークを確かめてください。")
    if code == "not_signed_in":
        return tr("点検を見るにはサインインしてください。")
    if code == "not_available":
        return tr("この受付機は点検に対応していません。")
    return error_text(code)
