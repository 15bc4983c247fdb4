"""The console window: every kiosk at a glance on the left; the chosen kiosk's patient, alerts and
staff tasks on the right; the day's receptions and the trouble report in their own tabs.

Staff read words: a state is its staff text, an alert its words first with the T-code small beside
them, and a call says that the patient called and why. Every task button is enabled from the view's
``staff_actions`` alone, so the console offers exactly what the kiosk's flow would accept.
"""
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

from kiosk.core.alerts import Alert
from kiosk.core.states import StaffAction
from kiosk.core.view import View
from kiosk.staff.client import KioskLink, Status
from kiosk.ui.staff.calls import call
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.follow_ups import FollowUpsView
from kiosk.ui.staff.pages import (
    FallbackPage,
    InsuranceCardPage,
    NamePage,
    NoticeHelpPage,
    Page,
    RecordsPage,
    TakeoverPage,
    button,
    label,
)
from kiosk.ui.staff.reports import ReceptionsView, TroubleReportView
from kiosk.ui.staff.texts import alert_reason, alert_words, error_text, state_text, status_text, step_text, tr


class AlertLine(QFrame):
    """One alert: its words, the T-code as a small label beside them, and why staff are needed."""

    def __init__(self, alert: Alert) -> None:
        super().__init__()
        self.setObjectName("alertLine")
        self.setProperty("role", "alert" if alert.urgent else "caution")
        layout = QGridLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setHorizontalSpacing(8)
        layout.setVerticalSpacing(2)
        layout.addWidget(label(alert_words(alert), "alertWords"), 0, 0)
        if alert.trouble is not None:
            code = label(alert.trouble.value, "code", "troubleCode")
            code.setWordWrap(False)
            layout.addWidget(code, 0, 1, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        reason = alert_reason(alert)
        if reason:
            layout.addWidget(label(reason, "alertReason", "alertReason"), 1, 0, 1, 2)
        layout.setColumnStretch(0, 1)


def _clear(layout) -> None:
    while layout.count():
        layout.takeAt(0).widget().deleteLater()


class KioskTile(QFrame):
    clicked = Signal(str)
    doctorRequested = Signal(str)  # 「点検」 (kiosk.ui.staff.doctor_panel)

    def __init__(self, address: str) -> None:
        super().__init__()
        self.address = address
        self.setObjectName("kioskTile")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        layout = QVBoxLayout(self)
        self.name = label("", "title")
        self.state = label("", "muted")
        self.alerts = QVBoxLayout()
        head = QHBoxLayout()
        head.addWidget(self.name, 1)
        doctor = button(tr("点検"), "doctor")
        doctor.clicked.connect(lambda: self.doctorRequested.emit(self.address))
        head.addWidget(doctor, 0, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(head)
        layout.addWidget(self.state)
        layout.addLayout(self.alerts)

    def mousePressEvent(self, _event) -> None:
        self.clicked.emit(self.address)

    def show_link(self, name: str, link: KioskLink, alerts: list[Alert], selected: bool) -> None:
        self.name.setText(name)
        view = link.snapshot.view if link.snapshot else None
        if link.status != Status.ONLINE:
            self.state.setText(status_text(link.status))
        elif view is None:
            self.state.setText(tr("サインインしてください"))
        else:
            who = f"  {view.patient_name}" if view.patient_name else ""
            self.state.setText(f"{state_text(view.state)}{who}")
        _clear(self.alerts)
        for alert in alerts[:3]:
            self.alerts.addWidget(AlertLine(alert))
        follow_ups = link.follow_ups if link.signed_in else None
        if follow_ups and follow_ups.interrupted:
            count = str(len(follow_ups.interrupted))
            self.alerts.addWidget(label(tr("中断した受付 %1件").replace("%1", count), "alert"))
        if follow_ups and follow_ups.rechecks:
            count = str(len(follow_ups.rechecks))
            self.alerts.addWidget(label(tr("再確認の結果 %1件").replace("%1", count), "caution"))
        urgent = any(a.urgent for a in alerts) or bool(follow_ups and follow_ups.interrupted)
        self.setProperty("urgent", "true" if urgent else "false")
        self.setProperty("selected", "true" if selected else "false")
        self.style().unpolish(self)
        self.style().polish(self)


def task_buttons() -> tuple[tuple[str, str, str, StaffAction | None], ...]:
    """The task buttons: key, text, look, and the staff action that enables it (None: the help card,
    which needs no kiosk)."""
    return (
        ("takeover", tr("目視で本人確認"), "primary", StaffAction.VISUAL_OK),
        ("records", tr("資格を選ぶ（複数該当）"), "primary", StaffAction.CHOOSE_RECORD),
        ("insurance", tr("保険証・資格確認書で確認"), "", StaffAction.INSURANCE_CHECK),
        ("fallback", tr("前回の記録・申立書で受付"), "", StaffAction.COMPLETE_FALLBACK),
        ("name", tr("●の氏名を修正"), "", StaffAction.CORRECT_NAME),
        ("burden", tr("負担割合の変更を確認した"), "", StaffAction.ACKNOWLEDGE),
        ("subsidy", tr("公費・子ども医療証を確認した"), "", StaffAction.ACKNOWLEDGE),
        ("notice", tr("資格情報のお知らせ／資格確認書の説明"), "", None),
        ("answer", tr("呼び出しに対応した"), "primary", StaffAction.ANSWER_CALL),
        ("resume", tr("患者の画面に戻す"), "", StaffAction.RESUME),
        ("end", tr("受付を終了する"), "stop", StaffAction.END),
    )


class SessionPanel(QWidget):
    """The chosen kiosk now: state, patient, alerts with reasons, and the tasks that fit."""

    def __init__(self, console: Console) -> None:
        super().__init__()
        self.console = console
        self.link: KioskLink | None = None
        self._note_for = ""  # the reception the message below is about: it goes with that patient
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
        self.tasks = task_buttons()
        for i, (key, text, kind, _action) in enumerate(self.tasks):
            b = button(text, f"action_{key}", kind)
            b.clicked.connect(lambda _=False, k=key: self.act(k))
            grid.addWidget(b, i // 2, i % 2)
            self.buttons[key] = b
        self.stack.addWidget(actions)
        self.pages: dict[str, Page] = {}

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
                    page.finished.connect(lambda message, page=page: self.back(message, page.session_id))
                    self.stack.addWidget(page)
            self.stack.setCurrentIndex(0)
            self.message.hide()
        self.refresh()

    @property
    def view(self) -> View | None:
        link = self.link
        return link.snapshot.view if link is not None and link.snapshot is not None and link.online else None

    @property
    def page(self) -> Page | None:
        current = self.stack.currentWidget()
        return current if isinstance(current, Page) else None

    def back(self, message: str = "", session_id: str = "") -> None:
        """From a task page: its message is about the patient the page was opened for."""
        self.stack.setCurrentIndex(0)
        self.say(message, session_id)
        self.refresh()

    def say(self, message: str, session_id: str) -> None:
        self._note_for = session_id
        self.message.setText(message)
        self.message.setVisible(bool(message))

    def refresh(self) -> None:
        link = self.link
        _clear(self.alerts_box)
        self.follow_ups.show_link(link)
        if link is None:
            self.title.setText(tr("受付機を選んでください"))
            self.state.clear()
            self.patient.clear()
            for b in self.buttons.values():
                b.setEnabled(False)
            return
        self.title.setText(f"{self.console.name_of(link.pairing.address)}　{status_text(link.status)}")
        for alert in self.console.alerts(link.pairing.address):
            self.alerts_box.addWidget(AlertLine(alert))
        view = self.view
        if view is None:
            self.state.setText(error_text(self.console.codes.get(link.pairing.address, "")) if not link.online
                               else tr("サインインしてください"))
            self.patient.clear()
            for key, b in self.buttons.items():
                b.setEnabled(key == "notice")  # the help card needs no kiosk
            return
        if view.session_id != self._note_for:
            self.say("", view.session_id)  # a note about one patient never stays for the next
        page = self.page
        if page is not None:
            page.show_view(view)
        self.state.setText(tr("状態: %1　（%2）").replace("%1", state_text(view.state))
                           .replace("%2", step_text(int(view.step))))
        parts = []
        if view.patient_name:
            parts.append(tr("患者: %1").replace("%1", view.patient_name))
        if view.pin_tries_left is not None:
            parts.append(tr("暗証番号 残り%1回").replace("%1", str(view.pin_tries_left)))
        if view.face_failures:
            parts.append(tr("顔認証の失敗 %1回").replace("%1", str(view.face_failures)))
        if view.taken_by:
            parts.append(tr("対応中: %1").replace("%1", view.taken_by))
        self.patient.setText("　".join(parts) if parts else tr("患者はいません"))
        alerts = {a.code for a in self.console.alerts(link.pairing.address)}
        also = {"burden": "burden_changed" in alerts, "subsidy": "public_subsidy_seen" not in view.acks}
        for key, _text, _kind, action in self.tasks:
            allowed = action is None or action in view.staff_actions
            self.buttons[key].setEnabled(allowed and also.get(key, True))

    def act(self, key: str) -> None:
        link = self.link
        if link is None:
            return
        view = self.view
        page = self.pages.get(key)
        if page is not None and (view is not None or key == "notice"):
            self.message.hide()
            page.start(view)
            self.stack.setCurrentWidget(page)
            return
        if view is None:
            return
        request, args, done_text = {
            "burden": ("acknowledge", {"what": "burden_changed"}, tr("負担割合の変更を確認済みにしました。")),
            "subsidy": ("acknowledge", {"what": "public_subsidy_seen"}, tr("公費・子ども医療証を確認済みにしました。")),
            "answer": ("answer_call", None, tr("呼び出しに対応済みにしました。")),
            "resume": ("resume_session", None, tr("患者の画面に戻しました。")),
            "end": ("end_session", None, tr("受付を終了しました。カードの取り出しを案内してください。")),
        }[key]
        session_id = view.session_id

        def done(_result, error) -> None:
            self.say(error_text(error) if error else done_text, session_id)
            self.refresh()

        if key == "answer":  # a call outside a reception names no patient
            call(lambda: link.request(request, {"session_id": session_id}), done, self)
        else:
            call(lambda: link.session_request(request, args, session_id=session_id), done, self)


class ConsoleWindow(QMainWindow):
    signInRequested = Signal()
    addKioskRequested = Signal()  # 「受付機を追加」 (kiosk.ui.staff.add_kiosk)

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
        add = button(tr("受付機を追加"), "addKiosk")
        add.clicked.connect(self.addKioskRequested.emit)
        head.addWidget(add)
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
        self.sign_in_button.setVisible(not user or any(not link.signed_in for link in self.console.links.values()))

    def _tile(self, address: str) -> KioskTile:
        tile = self.tiles.get(address)
        if tile is None:
            tile = KioskTile(address)
            tile.clicked.connect(self.select)
            tile.doctorRequested.connect(self.open_doctor)
            self.tiles_layout.insertWidget(self.tiles_layout.count() - 1, tile)
            self.tiles[address] = tile
        return tile

    def open_doctor(self, address: str) -> None:
        from kiosk.ui.staff.doctor_panel import DoctorDialog

        dialog = DoctorDialog(self.console.links[address], self.console.name_of(address), self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()

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
        self.sign_in_button.setVisible(any(not link.signed_in for link in self.console.links.values()))
        self._tile(address).show_link(self.console.name_of(address), link, self.console.alerts(address),
                                      address == self.selected)
        if address != self.selected:
            return
        page, view = self.panel.page, self.panel.view
        if page is not None and view is not None and page.session_id and view.session_id != page.session_id:
            # the patient moved on while staff were on a task page: say so rather than act on the next one
            self.panel.stack.setCurrentIndex(0)
            self.panel.say(error_text("session_changed"), view.session_id)
        self.panel.refresh()
