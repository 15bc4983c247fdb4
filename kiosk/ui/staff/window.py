"""The console window: every kiosk at a glance on the left; the chosen kiosk's patient, alerts and
staff tasks on the right; the day's receptions and the trouble report in their own tabs."""
from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QMainWindow,
    QScrollArea,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from kiosk.staff.alerts import name_has_gaiji
from kiosk.staff.client import KioskLink, Status
from kiosk.ui.staff.calls import call
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.follow_ups import FollowUpsView
from kiosk.ui.staff.pages import (
    FallbackPage,
    InsuranceCardPage,
    NamePage,
    NoticeHelpPage,
    RecordsPage,
    TakeoverPage,
    button,
    label,
)
from kiosk.ui.staff.reports import ReceptionsView, TroubleReportView
from kiosk.ui.staff.texts import alert_text, error_text, staff_reason_text, state_text, status_text, step_text, tr

# When each task makes sense, by the kiosk's state.
TAKEOVER_STATES = {"waiting_staff", "face_failed", "pin_low", "pin_locked", "choose_method"}
INSURANCE_STATES = {"waiting_staff", "cert_expired", "qual_invalid", "qual_none", "terminal_down", "face_failed",
                    "pin_low", "pin_locked", "person_mismatch"}
FALLBACK_STATES = {"waiting_staff", "cert_expired", "qual_invalid", "qual_none", "terminal_down"}
NAME_STATES = {"consent", "limit_consent", "waiting_staff", "qual_several"}
ENDED_STATES = {"idle", "done", "ended", "card_left", "card_removed", "reader_fault", "not_my_number", "unreadable"}


def alert_line(alert) -> str:
    text = alert_text(alert.code)
    if alert.code == "staff_called":
        text = f"{text}: {staff_reason_text(alert.detail)}"
    return f"{alert.trouble.value}  {text}"


class KioskTile(QFrame):
    clicked = Signal(str)

    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address
        self.setObjectName("kioskTile")
        self.setCursor(Qt.PointingHandCursor)
        layout = QVBoxLayout(self)
        self.name = label("", "title")
        self.state = label("", "muted")
        self.alerts = QVBoxLayout()
        layout.addWidget(self.name)
        layout.addWidget(self.state)
        layout.addLayout(self.alerts)

    def mousePressEvent(self, _event) -> None:
        self.clicked.emit(self.address)

    def show_link(self, link: KioskLink, alerts, selected: bool) -> None:
        self.name.setText(link.name)
        view = link.snapshot.view if link.snapshot else None
        if link.status != Status.ONLINE or view is None:
            self.state.setText(status_text(link.status) if link.status != Status.ONLINE else tr("サインインしてください"))
        else:
            who = f"  {view.patient_name}" if view.patient_name else ""
            self.state.setText(f"{state_text(view.state.value)}{who}")
        while self.alerts.count():
            self.alerts.takeAt(0).widget().deleteLater()
        for alert in alerts[:3]:
            self.alerts.addWidget(label(alert_line(alert), "alert" if alert.urgent else "caution"))
        follow_ups = link.follow_ups if link.signed_in else None
        if follow_ups and follow_ups.interrupted:
            self.alerts.addWidget(label(tr("中断した受付 %1件").replace("%1", str(len(follow_ups.interrupted))), "alert"))
        if follow_ups and follow_ups.rechecks:
            self.alerts.addWidget(label(tr("再確認の結果 %1件").replace("%1", str(len(follow_ups.rechecks))), "caution"))
        urgent = any(a.urgent for a in alerts) or bool(follow_ups and follow_ups.interrupted)
        self.setProperty("urgent", "true" if urgent else "false")
        self.setProperty("selected", "true" if selected else "false")
        self.style().unpolish(self)
        self.style().polish(self)


class SessionPanel(QWidget):
    """The chosen kiosk now: state, patient, alerts with reasons, and the tasks that fit."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console
        self.link: KioskLink | None = None
        layout = QVBoxLayout(self)
        self.title = label("", "title", "panelTitle")
        self.state = label("", "", "panelState")
        self.patient = label("", "", "panelPatient")
        self.alerts_box = QVBoxLayout()
        self.message = label("", "note", "panelMessage")
        self.message.hide()
        for w in (self.title, self.state, self.patient):
            layout.addWidget(w)
        layout.addLayout(self.alerts_box)
        layout.addWidget(self.message)
        self.stack = QStackedWidget()
        layout.addWidget(self.stack, 1)

        # The follow-ups sit above the tasks and take the room the tasks leave (the pages need it all).
        actions = QWidget()
        column = QVBoxLayout(actions)
        column.setContentsMargins(0, 0, 0, 0)
        self.follow_ups = FollowUpsView()
        column.addWidget(self.follow_ups, 100)
        grid = QGridLayout()
        column.addLayout(grid)
        column.addStretch(1)
        self.buttons = {}
        specs = (
            ("takeover", tr("目視で本人確認"), "primary"),
            ("records", tr("資格を選ぶ（複数該当）"), "primary"),
            ("insurance", tr("保険証・資格確認書で確認"), ""),
            ("fallback", tr("前回の記録・申立書で受付"), ""),
            ("name", tr("●の氏名を修正"), ""),
            ("burden", tr("負担割合の変更を確認した"), ""),
            ("subsidy", tr("公費・子ども医療証を確認した"), ""),
            ("notice", tr("資格情報のお知らせ／資格確認書の説明"), ""),
            ("resume", tr("患者の画面に戻す"), ""),
            ("end", tr("受付を終了する"), "stop"),
        )
        for i, (key, text, kind) in enumerate(specs):
            b = button(text, f"action_{key}", kind)
            b.clicked.connect(lambda _=False, k=key: self.act(k))
            grid.addWidget(b, i // 2, i % 2)
            self.buttons[key] = b
        self.stack.addWidget(actions)
        self.pages: dict[str, QWidget] = {}

    def set_link(self, link: KioskLink | None) -> None:
        if link is not self.link:
            self.link = link
            for page in self.pages.values():
                self.stack.removeWidget(page)
                page.deleteLater()
            self.pages = {}
            if link is not None:
                self.pages = {"takeover": TakeoverPage(link), "records": RecordsPage(link),
                              "insurance": InsuranceCardPage(link), "fallback": FallbackPage(link),
                              "name": NamePage(link), "notice": NoticeHelpPage(link)}
                for page in self.pages.values():
                    page.finished.connect(self.back)
                    self.stack.addWidget(page)
            self.stack.setCurrentIndex(0)
            self.message.hide()
        self.refresh()

    def back(self, message: str = "") -> None:
        self.stack.setCurrentIndex(0)
        self.message.setText(message)
        self.message.setVisible(bool(message))
        self.refresh()

    def refresh(self) -> None:
        link = self.link
        while self.alerts_box.count():
            self.alerts_box.takeAt(0).widget().deleteLater()
        self.follow_ups.show_link(link)
        if link is None:
            self.title.setText(tr("受付機を選んでください"))
            self.state.clear()
            self.patient.clear()
            for b in self.buttons.values():
                b.setEnabled(False)
            return
        self.title.setText(f"{link.name}　{status_text(link.status)}")
        for alert in self.console.alerts(link.pairing.address):
            self.alerts_box.addWidget(label(alert_line(alert), "alert" if alert.urgent else "caution"))
        snapshot = link.snapshot if link.status == Status.ONLINE else None
        view = snapshot.view if snapshot else None
        if view is None:
            self.state.setText(error_text(self.console.codes.get(link.pairing.address, "")) if link.status != Status.ONLINE
                               else tr("サインインしてください"))
            self.patient.clear()
            for key, b in self.buttons.items():
                b.setEnabled(key == "notice")  # the help card needs no kiosk
            return
        self.state.setText(tr("状態: %1　（%2）").replace("%1", state_text(view.state.value))
                           .replace("%2", step_text(int(view.step))))
        parts = []
        if view.patient_name:
            parts.append(tr("患者: %1").replace("%1", view.patient_name))
        if view.pin_tries_left is not None:
            parts.append(tr("暗証番号 残り%1回").replace("%1", str(view.pin_tries_left)))
        if view.face_failures:
            parts.append(tr("顔認証の失敗 %1回").replace("%1", str(view.face_failures)))
        taken = snapshot.detail.get("taken_by")
        if taken:
            parts.append(tr("対応中: %1").replace("%1", taken))
        self.patient.setText("　".join(parts) if parts else tr("患者はいません"))
        state, in_session = view.state.value, bool(view.session_id) and view.state.value not in ENDED_STATES
        acks = set(snapshot.detail.get("acks", ()))
        enabled = {
            "takeover": in_session and state in TAKEOVER_STATES and snapshot.detail.get("card_idle", False),
            "records": in_session and state == "qual_several",
            "insurance": in_session and state in INSURANCE_STATES,
            "fallback": in_session and state in FALLBACK_STATES,
            "name": in_session and name_has_gaiji(view) and state in NAME_STATES,
            "burden": in_session and "T7" in view.troubles and "burden_changed" not in acks,
            "subsidy": in_session and "public_subsidy_seen" not in acks,
            "notice": True,
            "resume": in_session and state == "waiting_staff",
            "end": in_session,
        }
        for key, b in self.buttons.items():
            b.setEnabled(bool(enabled[key]))

    def act(self, key: str) -> None:
        link = self.link
        if link is None:
            return
        page = self.pages.get(key)
        if key == "notice":
            view = link.snapshot.view if link.snapshot and link.online else None
            page.open(view is not None and bool(view.session_id) and view.state.value not in ENDED_STATES)
            self.message.hide()
            self.stack.setCurrentWidget(page)
            return
        if link.snapshot is None:
            return
        view, detail = link.snapshot.view, link.snapshot.detail
        if key == "takeover":
            page.show_facts(detail.get("facts"))
            page.open()
        elif key == "records" or key == "fallback":
            page.open()
        elif key == "insurance":
            page.open(detail.get("facts"))
        elif key == "name":
            page.open(view.patient_name)
        else:
            self._simple(key)
            return
        self.message.hide()
        self.stack.setCurrentWidget(page)

    def _simple(self, key: str) -> None:
        link = self.link
        assert link is not None
        request, args, done_text = {
            "burden": ("acknowledge", {"what": "burden_changed"}, tr("負担割合の変更を確認済みにしました。")),
            "subsidy": ("acknowledge", {"what": "public_subsidy_seen"}, tr("公費・子ども医療証を確認済みにしました。")),
            "resume": ("resume_session", None, tr("患者の画面に戻しました。")),
            "end": ("end_session", None, tr("受付を終了しました。カードの取り出しを案内してください。")),
        }[key]

        def done(_result, error) -> None:
            self.back(error_text(error) if error else done_text)

        call(lambda: link.session_request(request, args), done, self)


class ConsoleWindow(QMainWindow):
    signInRequested = Signal()

    def __init__(self, console: Console, user: str = "") -> None:
        super().__init__()
        self.console = console
        self.setWindowTitle(tr("受付機 職員コンソール"))
        self.selected: str | None = None
        root = QWidget()
        root.setObjectName("page")
        self.setCentralWidget(root)
        outer = QVBoxLayout(root)
        head = QHBoxLayout()
        head.addWidget(label(tr("職員コンソール"), "title"), 1)
        self.user = label("", "muted", "signedInUser")
        head.addWidget(self.user)
        self.sign_in_button = button(tr("サインイン"), "signIn", "primary")
        self.sign_in_button.clicked.connect(self.signInRequested.emit)
        head.addWidget(self.sign_in_button)
        outer.addLayout(head)
        body = QHBoxLayout()
        tiles_widget = QWidget()
        self.tiles_layout = QVBoxLayout(tiles_widget)
        self.tiles_layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidget(tiles_widget)
        scroll.setWidgetResizable(True)
        scroll.setFixedWidth(330)
        body.addWidget(scroll)
        self.tabs = QTabWidget()
        self.panel = SessionPanel(console)
        self.receptions = ReceptionsView()
        self.report = TroubleReportView()
        self.tabs.addTab(self.panel, tr("受付機"))
        self.tabs.addTab(self.receptions, tr("本日の受付"))
        self.tabs.addTab(self.report, tr("トラブル集計"))
        body.addWidget(self.tabs, 1)
        outer.addLayout(body, 1)
        self.tiles: dict[str, KioskTile] = {}
        console.changed.connect(self.on_changed)
        for address in console.links:
            self._tile(address)
        if console.links:
            self.select(next(iter(console.links)))
        self.set_user(user)

    def set_user(self, user: str) -> None:
        self.user.setText(tr("サインイン中: %1").replace("%1", user) if user else tr("サインインしていません"))
        self.sign_in_button.setVisible(not user or any(not l.signed_in for l in self.console.links.values()))

    def _tile(self, address: str) -> KioskTile:
        tile = self.tiles.get(address)
        if tile is None:
            tile = KioskTile(address)
            tile.clicked.connect(self.select)
            self.tiles_layout.insertWidget(self.tiles_layout.count() - 1, tile)
            self.tiles[address] = tile
        return tile

    def select(self, address: str) -> None:
        self.selected = address
        link = self.console.links.get(address)
        self.panel.set_link(link)
        self.receptions.set_link(link)
        self.report.set_link(link)
        for a in self.tiles:
            self.on_changed(a)

    def on_changed(self, address: str) -> None:
        link = self.console.links[address]
        self.sign_in_button.setVisible(any(not l.signed_in for l in self.console.links.values()))
        self._tile(address).show_link(link, self.console.alerts(address), address == self.selected)
        if address == self.selected and self.panel.stack.currentIndex() == 0:
            self.panel.refresh()
        elif address == self.selected and link.snapshot is not None:
            # the patient moved on while staff were on a task page: say so rather than act on the next one
            current = self.panel.stack.currentWidget()
            if not link.snapshot.view.session_id and current is not None:
                self.panel.back(error_text("session_changed"))
