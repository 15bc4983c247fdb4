"""The console in clinic mode (``hub_dsn`` in its config, docs/staff.md): every kiosk of the clinic through the
clinic hub, beside the kiosks it is paired with.

- :class:`ClinicFeed` listens on the hub (:class:`kiosk.hub.live.LiveListener`, its own thread) and keeps
  each kiosk's live state on the UI thread. A kiosk is known as paired when its staff certificate's
  fingerprint is one this console pinned: its tile stays the direct link's (目視 and every session action
  go over that link), and shows the hub's state only while the link has none.
- :class:`ClinicTile`: a kiosk this console is not paired with: its state and alerts, 「未接続」 for the
  session actions, and how to pair with it for 目視.
- :class:`ClinicPanel` (tab 「医院全体」): every kiosk in a table, the hub's status, and the clinic's
  receptions of a day by kiosk (times, method, outcome, troubles: what the hub holds in the clear);
  :class:`ClinicReportView` (tab 「医院のトラブル集計」): the trouble report over every kiosk.

Names are sealed on the hub under the clinic key, which the console does not hold: the clinic's lists
carry none, and say where to read them (a paired kiosk's 「本日の受付」).
"""
from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, cast

import shiboken6
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QFrame, QHeaderView, QLabel, QVBoxLayout, QWidget

from kiosk.core.alerts import Alert
from kiosk.core.domain import Trouble
from kiosk.core.states import SESSION_ALERTS, SPECS
from kiosk.hub.live import ListenStatus, LiveAlert, LiveKiosk, LiveListener, clinic_receptions
from kiosk.staff import report as rp
from kiosk.ui.staff.calls import call, ui_poster
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.pages import button, label
from kiosk.ui.staff.reports import (
    TroubleReportView,
    _fill,
    _table,
    button_bar,
    day_edit,
    shown_in,
    troubles_line,
)
from kiosk.ui.staff.texts import method_text, outcome_text, state_text, tr
from kiosk.ui.staff.window import AlertLine, KioskTile, _clear

if TYPE_CHECKING:
    from kiosk.ui.staff.window import ConsoleWindow


def _alert_texts() -> dict[str, str]:
    texts = {code: spec.text for code, spec in SESSION_ALERTS.items()}
    for spec in SPECS.values():
        if spec.alert is not None:
            texts.setdefault(spec.alert.code, spec.alert.text)
    return texts


_ALERT_TEXTS = _alert_texts()


def alert_of(live: LiveAlert) -> Alert:
    """The console's Alert for one the hub carries by code: the words are the console's own catalog's, so
    a row on the hub shows nothing but what the machine's alerts say."""
    try:
        trouble: Trouble | None = Trouble(live.trouble) if live.trouble else None
    except ValueError:
        trouble = None  # a newer kiosk's code
    return Alert(live.code, _ALERT_TEXTS.get(live.code, live.code), trouble, live.urgent, live.called, live.reason)


def hub_text(status: str, code: str) -> str:
    if status == ListenStatus.ONLINE:
        return tr("医院サーバー: 接続済み")
    if status == ListenStatus.CONNECTING:
        return tr("医院サーバー: 接続中…")
    return {
        "hub_too_old": tr("医院サーバー: まだどの受付機も状態を送っていません"),
        "hub_too_new": tr("医院サーバー: この職員端末の更新が必要です"),
        "hub_sign_in_refused": tr("医院サーバー: サインインを拒否されました（設定を確認）"),
        "hub_timeout": tr("医院サーバー: 応答が遅れています。再接続します"),
    }.get(code, tr("医院サーバーに接続できません。再接続します"))


def hub_error_text(code: str) -> str:
    """Why a read from the hub failed, in the words of the hub's status line (the console reads the hub
    directly, not over a kiosk's link)."""
    return hub_text(ListenStatus.OFFLINE, code)


def kiosk_name(kiosk: LiveKiosk) -> str:
    return kiosk.name or tr("名前のない受付機（%1）").replace("%1", kiosk.kiosk_id[:6])


def state_line(kiosk: LiveKiosk) -> str:
    if kiosk.state.closed:
        return tr("停止しています")
    if kiosk.stale:
        return tr("更新が止まっています（%1秒前）").replace("%1", str(int(kiosk.age)))
    return state_text(kiosk.state.state)


def follow_up_lines(kiosk: LiveKiosk) -> list[tuple[str, str]]:
    """(text, role) of the kiosk's follow-up counts."""
    s, lines = kiosk.state, []
    if s.interrupted:
        lines.append((tr("中断した受付 %1件").replace("%1", str(s.interrupted)), "alert"))
    if s.rechecks:
        lines.append((tr("再確認の結果 %1件").replace("%1", str(s.rechecks)), "caution"))
    if s.awaiting:
        lines.append((tr("番号の入力待ち %1件").replace("%1", str(s.awaiting)), "caution"))
    return lines


class ClinicFeed(QObject):
    """Every kiosk's live state from the hub, on the UI thread."""

    changed = Signal(str)  # a kiosk id: its live state changed
    statusChanged = Signal()

    def __init__(self, dsn: str, console: Console, parent: QObject | None = None,
                 listener: Callable[..., LiveListener] = LiveListener) -> None:
        """``parent``: the window; the feed goes with it, and nothing the listener said late reaches it."""
        super().__init__(parent)
        self.console = console
        self.kiosks: dict[str, LiveKiosk] = {}
        self.status, self.code = ListenStatus.CONNECTING, ""
        self._stopped = False
        post = ui_poster().post
        self._listener = listener(
            dsn, lambda kiosks, complete: post(lambda: self._on_ui(self._arrived, kiosks, complete)),
            lambda status, code: post(lambda: self._on_ui(self._status, status, code)))

    def start(self) -> ClinicFeed:
        self._listener.start()
        return self

    def stop(self) -> None:
        self._stopped = True
        self._listener.stop()

    def _on_ui(self, fn: Callable[..., None], *args: object) -> None:
        if not self._stopped and shiboken6.isValid(self):
            fn(*args)

    def paired_address(self, kiosk_id: str) -> str | None:
        """The address of this console's link to the kiosk, when it is paired with it (its certificate)."""
        kiosk = self.kiosks.get(kiosk_id)
        if kiosk is None or not kiosk.fingerprint:
            return None
        return next((a for a, link in self.console.links.items() if link.pairing.fingerprint == kiosk.fingerprint),
                    None)

    def live_for(self, address: str) -> LiveKiosk | None:
        """The hub's state of the paired kiosk at ``address``."""
        fingerprint = self.console.links[address].pairing.fingerprint
        return next((k for k in self.kiosks.values() if k.fingerprint and k.fingerprint == fingerprint), None)

    def _arrived(self, kiosks: list[LiveKiosk], complete: bool) -> None:
        gone = set(self.kiosks) - {k.kiosk_id for k in kiosks} if complete else set()
        for kiosk_id in gone:
            del self.kiosks[kiosk_id]
            self.changed.emit(kiosk_id)
        for kiosk in kiosks:
            self.kiosks[kiosk.kiosk_id] = kiosk
            self.changed.emit(kiosk.kiosk_id)

    def _status(self, status: str, code: str) -> None:
        self.status, self.code = status, code
        self.statusChanged.emit()
        for kiosk_id in list(self.kiosks):
            self.changed.emit(kiosk_id)


class ClinicTile(QFrame):
    """A kiosk of the clinic this console is not paired with: seen through the hub, no session actions."""

    clicked = Signal(str)

    def __init__(self, kiosk_id: str) -> None:
        super().__init__()
        self.kiosk_id = kiosk_id
        self.setObjectName("kioskTile")
        self.setProperty("clinic", "true")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        self.name = label("", "title", "clinicTileName")
        self.state = label("", "muted", "clinicTileState")
        self.alerts = QVBoxLayout()
        self.unpaired = label(tr("未接続：目視などの操作はできません"), "caution", "clinicTileUnpaired")
        self.hint = label(tr("目視するには「受付機を追加」でペアリングしてください"), "muted", "clinicTileHint")
        for w in (self.name, self.state):
            layout.addWidget(w)
        layout.addLayout(self.alerts)
        layout.addWidget(self.unpaired)
        layout.addWidget(self.hint)

    def mousePressEvent(self, _event) -> None:
        self.clicked.emit(self.kiosk_id)

    def show_kiosk(self, kiosk: LiveKiosk, hub_down: bool) -> None:
        self.name.setText(kiosk_name(kiosk))
        line = state_line(kiosk)
        if hub_down:
            line = tr("%1（医院サーバーに接続できないため、最後に届いた状態）").replace("%1", line)
        self.state.setText(line)
        _clear(self.alerts)
        alerts = [alert_of(a) for a in kiosk.state.alerts] if not kiosk.stale else []
        for alert in alerts[:3]:
            self.alerts.addWidget(AlertLine(alert))
        for text, role in follow_up_lines(kiosk):
            self.alerts.addWidget(label(text, role))
        urgent = any(a.urgent for a in alerts) or bool(kiosk.state.interrupted)
        self.setProperty("urgent", "true" if urgent else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class ClinicPanel(QWidget):
    """「医院全体」: every kiosk of the clinic, and the day's receptions by kiosk."""

    def __init__(self, feed: ClinicFeed, dsn: str) -> None:
        super().__init__()
        self.feed, self.dsn = feed, dsn
        layout = QVBoxLayout(self)
        self.status = label("", "muted", "clinicStatus")
        layout.addWidget(self.status)
        self.kiosks = _table([tr("受付機"), tr("状態"), tr("注意"), tr("操作")], "clinicKiosks")
        self.kiosks.setMinimumHeight(180)
        header = self.kiosks.horizontalHeader()
        header.setStretchLastSection(False)
        # the alerts take the room left and end in … when it is short (the whole text is its tooltip)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.kiosks.setWordWrap(False)
        layout.addWidget(self.kiosks, 3)
        self.day = day_edit("clinicDay")
        show = button(tr("表示"), "showClinicReceptions", "primary")
        show.clicked.connect(self.load)
        layout.addLayout(button_bar(label(tr("医院全体の受付"), "title"), self.day, show))
        self.summary = label("", "muted", "clinicSummary")
        layout.addWidget(self.summary)
        self.message = label("", "caution", "clinicMessage")
        self.message.hide()
        layout.addWidget(self.message)
        self.receptions = _table([tr("時刻"), tr("受付機"), tr("本人確認"), tr("結果"), tr("トラブル")],
                                 "clinicReceptions")
        layout.addWidget(self.receptions, 2)
        names = tr("氏名は医院サーバーでは暗号化されていて、この画面には出ません。"
                   "氏名はペアリングした受付機の「本日の受付」で見られます。")
        layout.addWidget(label(names, "note", "clinicNamesNote"))
        feed.changed.connect(self.on_kiosk)
        feed.statusChanged.connect(self.refresh)
        self.refresh()

    def on_kiosk(self, _kiosk_id: str) -> None:
        self.refresh()

    def refresh(self) -> None:
        feed = self.feed
        self.status.setText(hub_text(feed.status, feed.code))
        rows = []
        for kiosk in sorted(feed.kiosks.values(), key=lambda k: (kiosk_name(k), k.kiosk_id)):
            alerts = [] if kiosk.stale else [alert_of(a) for a in kiosk.state.alerts]
            notes = [tr(a.text) for a in alerts] + [text for text, _role in follow_up_lines(kiosk)]
            paired = feed.paired_address(kiosk.kiosk_id)
            reach = tr("直接接続（%1）").replace("%1", paired) if paired else tr("未接続")
            rows.append([kiosk_name(kiosk), state_line(kiosk), tr("、").join(notes) or "—", reach])
        _fill(self.kiosks, rows)
        for r, values in enumerate(rows):
            item = self.kiosks.item(r, 2)
            if item is not None:  # _fill just made it
                item.setToolTip(values[2])

    def names(self) -> dict[str, str]:
        return {k.kiosk_id: kiosk_name(k) for k in self.feed.kiosks.values()}

    def load(self) -> None:
        day = cast(date, self.day.date().toPython()).isoformat()  # a datetime.date (the stubs say object)
        dsn = self.dsn
        call(lambda: clinic_receptions(dsn, day, day), shown_in(self, hub_error_text), self)

    def show_rows(self, rows: list) -> None:
        names = self.names()
        counts: dict[str, int] = {}
        for r in rows:
            counts[r.kiosk_id] = counts.get(r.kiosk_id, 0) + 1
        each = tr("、").join(tr("%1 %2件").replace("%1", names.get(k, k[:6])).replace("%2", str(n))
                            for k, n in counts.items())
        total = tr("受付 %1 件（%2）").replace("%2", each) if each else tr("受付 %1 件")
        self.summary.setText(total.replace("%1", str(len(rows))))
        _fill(self.receptions, [[r.started_at.strftime("%H:%M"), names.get(r.kiosk_id, r.kiosk_id[:6]),
                                 method_text(r.method), outcome_text(r.outcome),
                                 troubles_line(r.troubles)] for r in rows])


def report_rows(dsn: str, since: date, until: date) -> list[rp.ReceptionRow]:
    """The clinic's receptions as the trouble report reads them: codes and times, no names."""
    return [rp.ReceptionRow(r.session_id, r.started_at, r.outcome, r.method, r.troubles, r.staff_flags)
            for r in clinic_receptions(dsn, since.isoformat(), until.isoformat())]


class ClinicReportView(TroubleReportView):
    """「医院のトラブル集計」: the same report as one kiosk's, over every kiosk's receptions on the hub
    (kiosk.staff.report runs on the hub's rows as they are: it needs no name, so no key)."""

    def __init__(self, dsn: str) -> None:
        super().__init__()
        self.setObjectName("clinicReport")
        self.dsn = dsn

    def load(self) -> None:
        dsn, (since, until) = self.dsn, self.span()
        call(lambda: report_rows(dsn, since, until), shown_in(self, hub_error_text), self)


class Clinic:
    """Clinic mode in one console window: the feed, the tiles of unpaired kiosks, the two tabs, and the
    hub's state under a paired kiosk's tile while its direct link has none."""

    def __init__(self, window: ConsoleWindow, dsn: str) -> None:
        self.window = window
        self.feed = ClinicFeed(dsn, window.console, window)
        self.panel = ClinicPanel(self.feed, dsn)
        self.report = ClinicReportView(dsn)
        window.tabs.addTab(self.panel, tr("医院全体"))
        window.tabs.addTab(self.report, tr("医院のトラブル集計"))
        self.tiles: dict[str, ClinicTile] = {}
        self.via_hub: dict[str, QLabel] = {}  # a paired tile's line of the hub's state
        self.feed.changed.connect(self.on_kiosk)
        window.console.changed.connect(self._paired_changed)

    def start(self) -> Clinic:
        self.feed.start()
        return self

    def stop(self) -> None:
        self.feed.stop()
        self.window.console.changed.disconnect(self._paired_changed)

    def on_kiosk(self, kiosk_id: str) -> None:
        kiosk = self.feed.kiosks.get(kiosk_id)
        paired = self.feed.paired_address(kiosk_id)
        tile = self.tiles.get(kiosk_id)
        if kiosk is None or paired is not None:
            if tile is not None:  # gone from the hub, or paired since: the direct link's tile shows it
                del self.tiles[kiosk_id]
                tile.deleteLater()
            if paired is not None:
                self._paired_changed(paired)
            return
        if tile is None:
            tile = self.tiles[kiosk_id] = ClinicTile(kiosk_id)
            tile.clicked.connect(self.select)
            layout = self.window.tiles_layout
            layout.insertWidget(layout.count() - 1, tile)  # after the paired kiosks, above the stretch
        tile.show_kiosk(kiosk, self.feed.status == ListenStatus.OFFLINE)

    def select(self, kiosk_id: str) -> None:
        self.window.tabs.setCurrentWidget(self.panel)

    def _paired_changed(self, address: str) -> None:
        """Under a paired kiosk's tile, the hub's state while its link shows none (offline, not signed in)."""
        if not shiboken6.isValid(self.window):
            return  # the console outlives a window (the tests' consoles do)
        tile: KioskTile | None = self.window.tiles.get(address)
        if tile is None or address not in self.window.console.links:
            return
        link = self.window.console.links[address]
        kiosk = self.feed.live_for(address)
        line = self.via_hub.get(address)
        if line is None:
            line = self.via_hub[address] = label("", "muted", "viaHub")
            cast(QVBoxLayout, tile.layout()).addWidget(line)
        shown = kiosk is not None and (link.snapshot is None or not link.online)
        if shown:
            assert kiosk is not None
            line.setText(tr("医院サーバーより: %1").replace("%1", state_line(kiosk)))
        line.setVisible(shown)


def attach_clinic(window: ConsoleWindow, dsn: str) -> Clinic:
    """Clinic mode for ``window``: started; :meth:`Clinic.stop` when the console closes."""
    return Clinic(window, dsn).start()
