"""The day's receptions and the trouble report (table, bar chart painted with QPainter, CSV export)."""
from __future__ import annotations

import io
from collections.abc import Callable, Iterable
from datetime import date, timedelta
from pathlib import Path
from typing import Any, Protocol, cast

from PySide6.QtCore import QDate, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from kiosk.staff import report as rp
from kiosk.staff.client import KioskLink
from kiosk.ui import theme
from kiosk.ui.staff.calls import call
from kiosk.ui.staff.pages import button, label
from kiosk.ui.staff.texts import error_text, method_text, outcome_text, resolution_text, tr, trouble_text

RESOLUTION_COLOURS = {"kiosk": "#1d6b2b", "staff": theme.PRIMARY.bg, "fallback": "#7a5200",
                      "not_completed": theme.ALERT.bg}


def _table(columns: list[str], name: str) -> QTableWidget:
    table = QTableWidget(0, len(columns))
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(columns)
    table.verticalHeader().hide()
    table.setEditTriggers(QTableWidget.EditTrigger.NoEditTriggers)
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    return table


def _fill(table: QTableWidget, rows: list[list[str]]) -> None:
    table.setRowCount(len(rows))
    for r, values in enumerate(rows):
        for c, value in enumerate(values):
            table.setItem(r, c, QTableWidgetItem(value))


def day_edit(name: str) -> QDateEdit:
    """A day to show, today to begin with, picked from a calendar."""
    day = QDateEdit(QDate.currentDate())
    day.setObjectName(name)
    day.setCalendarPopup(True)
    day.setDisplayFormat("yyyy-MM-dd")
    return day


def button_bar(*widgets: QWidget) -> QHBoxLayout:
    """A view's controls in a row from the left, the rest of the row empty."""
    bar = QHBoxLayout()
    for widget in widgets:
        bar.addWidget(widget)
    bar.addStretch(1)
    return bar


def troubles_line(codes: Iterable[str]) -> str:
    """A reception's troubles in a table cell: each T-code with its words."""
    return " ".join(f"{t} {trouble_text(t)}" for t in codes)


class RowsView(Protocol):
    """A view that shows rows fetched off the UI thread, and a line for when they could not be."""

    message: QLabel

    def show_rows(self, rows: Any) -> None: ...


def shown_in(view: RowsView, words: Callable[[str], str]) -> Callable[[Any, str | None], None]:
    """The ``done`` of a :func:`call` that fetched ``view``'s rows: they are shown, or ``view.message`` says
    what went wrong (``words`` of the error code) and the rows shown before stay."""

    def done(rows: Any, error: str | None) -> None:
        view.message.setVisible(error is not None)
        if error is not None:
            view.message.setText(words(error))
            return
        view.show_rows(rows)

    return done


class ReceptionsView(QWidget):
    """One kiosk's receptions on one day, with names (reading them is audited on the kiosk)."""

    def __init__(self) -> None:
        super().__init__()
        self.link: KioskLink | None = None
        layout = QVBoxLayout(self)
        self.day = day_edit("receptionsDay")
        refresh = button(tr("表示"), "showReceptions", "primary")
        refresh.clicked.connect(self.load)
        layout.addLayout(button_bar(label(tr("受付日"), "muted"), self.day, refresh))
        self.message = label("", "caution")
        self.message.hide()
        layout.addWidget(self.message)
        self.table = _table([tr("時刻"), tr("氏名"), tr("本人確認"), tr("結果"), tr("トラブル")], "receptionsTable")
        layout.addWidget(self.table, 1)

    def set_link(self, link: KioskLink | None) -> None:
        self.link = link
        self.table.setRowCount(0)

    def load(self) -> None:
        if self.link is None:
            return
        # PySide6's stubs type QDate.toPython() as object; for a QDate it is a datetime.date.
        link, day = self.link, cast(date, self.day.date().toPython())
        call(lambda: link.request("receptions", {"since": day.isoformat(), "until": day.isoformat(), "personal": True}),
             shown_in(self, error_text), self)

    def show_rows(self, rows: list[rp.ReceptionRow]) -> None:
        _fill(self.table, [[r.started_at.strftime("%H:%M"), r.name or "—", method_text(r.method),
                            outcome_text(r.outcome), troubles_line(r.troubles)]
                           for r in rows])


class TroubleChart(QWidget):
    """One horizontal bar per trouble that happened, split by how the receptions ended."""

    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("troubleChart")
        self.setMinimumHeight(260)
        self.counts: list[rp.TroubleCount] = []

    def set_counts(self, counts: list[rp.TroubleCount]) -> None:
        self.counts = [c for c in counts if c.total]
        self.setMinimumHeight(max(260, 60 + 30 * len(self.counts)))
        self.update()

    def paintEvent(self, _event) -> None:
        p = QPainter(self)
        p.setRenderHint(QPainter.RenderHint.Antialiasing)
        p.fillRect(self.rect(), QColor(theme.PAGE.bg))
        font = p.font()
        font.setFamilies(list(theme.FONT_FAMILIES))
        font.setPixelSize(14)
        p.setFont(font)
        if not self.counts:
            p.setPen(QColor(theme.MUTED.fg))
            p.drawText(self.rect(), Qt.AlignmentFlag.AlignCenter, tr("この期間のトラブルはありません"))
            return
        left, top, legend_h, row_h = 190, 10, 30, 30
        width = max(50, self.width() - left - 60)
        peak = max(c.total for c in self.counts)
        for i, count in enumerate(self.counts):
            y = top + i * row_h
            p.setPen(QColor(theme.PAGE.fg))
            p.drawText(QRectF(0, y, left - 8, row_h - 6), Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                       f"{count.trouble.value} {trouble_text(count.trouble.value)}")
            x = float(left)
            for resolution in rp.RESOLUTIONS:
                n = count.by_resolution.get(resolution, 0)
                if not n:
                    continue
                w = width * n / peak
                p.fillRect(QRectF(x, y + 3, w, row_h - 12), QColor(RESOLUTION_COLOURS[resolution]))
                x += w
            p.setPen(QColor(theme.PAGE.fg))
            p.drawText(QRectF(x + 6, y, 60, row_h - 6), Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                       str(count.total))
        y = top + len(self.counts) * row_h + 8
        x = float(left)
        for resolution in rp.RESOLUTIONS:
            p.fillRect(QRectF(x, y + 4, 14, 14), QColor(RESOLUTION_COLOURS[resolution]))
            p.setPen(QPen(QColor(theme.PAGE.fg)))
            text = resolution_text(resolution)
            p.drawText(QRectF(x + 18, y, 160, legend_h - 8),
                       Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, text)
            x += 26 + p.fontMetrics().horizontalAdvance(text)


class TroubleReportView(QWidget):
    """Per day (last 7 days) or per week (last 4 weeks): counts by T-code and how each ended."""

    def __init__(self) -> None:
        super().__init__()
        self.link: KioskLink | None = None
        self.reports: list[rp.TroubleReport] = []
        layout = QVBoxLayout(self)
        self.period = QComboBox()
        self.period.setObjectName("reportPeriod")
        self.period.addItem(tr("日別（直近7日）"), "daily")
        self.period.addItem(tr("週別（直近4週）"), "weekly")
        self.until = day_edit("reportUntil")
        show = button(tr("集計"), "showReport", "primary")
        show.clicked.connect(self.load)
        export = button(tr("CSVに書き出す"), "exportCsv")
        export.clicked.connect(lambda: self.export())
        layout.addLayout(button_bar(self.period, label(tr("まで"), "muted"), self.until, show, export))
        self.message = label("", "caution")
        self.message.hide()
        layout.addWidget(self.message)
        self.summary = label("", "muted", "reportSummary")
        layout.addWidget(self.summary)
        self.table = _table([tr("トラブル"), tr("件数"), *(resolution_text(r) for r in rp.RESOLUTIONS)], "reportTable")
        self.chart = TroubleChart()
        self.table.setMaximumHeight(260)
        layout.addWidget(self.table)
        layout.addWidget(self.chart, 1)

    def set_link(self, link: KioskLink | None) -> None:
        self.link = link

    def span(self) -> tuple[date, date]:
        until = cast(date, self.until.date().toPython())  # a datetime.date (the stubs say object)
        if self.period.currentData() == "weekly":
            return rp.week_start(until) - timedelta(weeks=3), until
        return until - timedelta(days=6), until

    def load(self) -> None:
        if self.link is None:
            return
        link, (since, until) = self.link, self.span()
        call(lambda: link.request("receptions", {"since": since.isoformat(), "until": until.isoformat()}),
             shown_in(self, error_text), self)

    def show_rows(self, rows: list[rp.ReceptionRow]) -> None:
        since, until = self.span()
        if self.period.currentData() == "weekly":
            self.reports = rp.weekly_reports(rows, since, 4)
        else:
            self.reports = rp.daily_reports(rows, since, 7)
        total = rp.trouble_report(rows, since, until)
        self.summary.setText(tr("%1 〜 %2　受付 %3 件").replace("%1", since.isoformat())
                             .replace("%2", until.isoformat()).replace("%3", str(total.receptions)))
        _fill(self.table, [[f"{c.trouble.value} {trouble_text(c.trouble.value)}", str(c.total),
                            *(str(c.by_resolution[r]) for r in rp.RESOLUTIONS)] for c in total.counts if c.total])
        self.chart.set_counts(list(total.counts))

    def csv_text(self) -> str:
        out = io.StringIO()
        rp.write_csv(self.reports, out)
        return out.getvalue()

    def export(self, path: str | None = None) -> None:
        if not self.reports:
            return
        if not path:
            path, _ = QFileDialog.getSaveFileName(self, tr("CSVに書き出す"), "troubles.csv", "CSV (*.csv)")
        if path:
            Path(path).write_text(self.csv_text(), encoding="utf-8")
