"""``render_staff_screens(out_dir, lang)``: every console screen as PNG, for ``kiosk screenshots``.

Each kiosk shown is a real reception flow standing in a state (``kiosk.simulation.player``: the packaged
scenarios on held fakes) behind a real staff server on loopback with a real store, so the pictures show
exactly what the channel delivers. The flows run on the UI thread; their held device work is let go as
soon as it is asked for, as devices would answer. The portraits are drawn: no face of a real person.
"""
from __future__ import annotations

import tempfile
from dataclasses import replace
from datetime import date, datetime, timedelta
from pathlib import Path
from typing import cast

from PySide6.QtCore import QCoreApplication, QDate, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.config import Config
from kiosk.core import events as ev
from kiosk.core.domain import IdentityMethod, Trouble
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.core.tasks import StoreLane
from kiosk.core.values import ReceptionRecord
from kiosk.simulation.fakes import DEMO_FACTS, DEMO_RECORD
from kiosk.simulation.player import HeldRig, play, stand_in
from kiosk.simulation.script import named
from kiosk.staff.identity import Pairing
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.staff.server import StaffServer, start_staff_server
from kiosk.staff.training import show_portraits
from kiosk.ui.driver import QtPoster
from kiosk.ui.staff.app import install_language, wait_for
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.pages import FallbackPage, InsuranceCardPage, TakeoverPage
from kiosk.ui.staff.style import stylesheet
from kiosk.ui.staff.window import ConsoleWindow

STAFF_USER, STAFF_PASSWORD = "demo-staff", "demo-password"

# Two records of one patient as a terminal sends them after a change of job: the details that tell
# them apart (insurer, numbers, 本人/家族, dates) are what staff choose by.
SEVERAL = QualificationResult(Validity.SEVERAL, (
    replace(DEMO_RECORD, personal_family="1", qualified_on=date(2019, 4, 1), card_valid_from=date(2019, 4, 1),
            card_valid_until=date(2026, 3, 31)),
    replace(DEMO_RECORD, insurer_number="138016", insurer_name="千代田区", card_symbol="千代", card_number="7654321",
            branch_number="01", personal_family="1", qualified_on=date(2026, 4, 1), card_valid_from=date(2026, 4, 1)),
))


class _Kiosk:
    """One kiosk of the pictures: a held flow, let go on the UI thread, behind its own server and store."""

    def __init__(self, rig: HeldRig, name: str, folder: Path, earlier=None) -> None:
        self.rig = rig
        self.poster = QtPoster()
        self.lane = _store(folder, earlier)
        self.config = Config(data_dir=folder, key_dir=folder / "keys", terminal_root=folder / "terminal")
        self.server: StaffServer = start_staff_server(rig.flow, self.poster.post, self.lane, self.config,
                                                      host="127.0.0.1", port=0, kiosk_name=name)
        self.devices = QTimer()
        self.devices.timeout.connect(rig.settle)
        self.devices.start(20)
        host, port = self.server.address
        self.pairing = Pairing(f"{host}:{port}", self.server.identity.secret, self.server.identity.fingerprint)

    def close(self) -> None:
        self.devices.stop()
        self.server.stop()
        self.poster.close()
        self.lane.close()


def _store(folder: Path, earlier=None) -> StoreLane:
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store

    keys = FileKeyProvider(folder / "keys")
    store = Store.open(folder / "kiosk.db", keys)
    StaffAccounts(store).create(STAFF_USER, STAFF_PASSWORD, Role.RECEPTION, actor="screenshots")
    if earlier is not None:
        earlier(store)
        store.close()  # the kiosk stopped; its next run shows staff what was left
        store = Store.open(folder / "kiosk.db", keys)
    return StoreLane(store)


def history(store, today: datetime) -> None:
    """A week of saved receptions for the receptions list and the trouble report."""
    plan = [
        (0, "completed", IdentityMethod.FACE, ()),
        (0, "completed_by_staff", IdentityMethod.VISUAL, (Trouble.T14, Trouble.T17)),
        (0, "fallback", IdentityMethod.PIN, (Trouble.T3,)),
        (0, "card_removed", None, (Trouble.T13,)),
        (1, "completed", IdentityMethod.PIN, (Trouble.T13,)),
        (1, "not_confirmed", None, (Trouble.T13, Trouble.T14, Trouble.T17)),
        (2, "completed", IdentityMethod.PIN, (Trouble.T1,)),
        (3, "abandoned", None, (Trouble.T15,)),
        (4, "fallback", None, (Trouble.T4,)),
        (5, "completed_by_staff", IdentityMethod.VISUAL, (Trouble.T14, Trouble.T17)),
    ]
    for i, (days_ago, outcome, method, troubles) in enumerate(plan):
        start = today.replace(hour=9, minute=0) - timedelta(days=days_ago) + timedelta(minutes=11 * i)
        store.reception_started(f"s{i}", start)
        store.save_reception(ReceptionRecord(f"s{i}", start, start + timedelta(minutes=2), outcome, method=method,
                                             facts=DEMO_FACTS, billing=DEMO_RECORD, troubles=troubles))


def earlier_run(store) -> None:
    """What an earlier run of a kiosk left in its store: a reception cut short at the PIN, a 不詳 bill
    whose re-check waits for the insurance numbers, and two fallback bills whose re-check found something
    (the store's own API, as the flow and the worker use it)."""
    from kiosk.core.fallback import CheckOutcome, Declaration, compare_recheck, decide_billing, recheck_item

    now = datetime.now().astimezone()
    store.reception_started("cut-short", now - timedelta(minutes=40))
    store.reception_progress("cut-short", State.PIN_LOW.value, (Trouble.T13,))
    second = replace(DEMO_RECORD, name="見本 花子", sex="2", insurer_number="06131111")
    found = (
        (DEMO_RECORD, QualificationResult(Validity.VALID, (replace(DEMO_RECORD, burden_percent=20),))),
        (second, QualificationResult(Validity.VALID, (replace(second, insurer_number="39131015", card_symbol="",
                                                              card_number="00112233", branch_number=""),))),
    )
    for n, (record, result) in enumerate(found):
        assert record.birth_date is not None  # both records above carry one
        billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=now.date(), last_confirmed=record,
                                 facts_unchanged=True)
        item = store.enqueue_recheck(recheck_item(f"fallback-{n}", billing, record.birth_date,
                                                  now - timedelta(days=2, hours=n)))
        store.recheck_done(item, result, compare_recheck(billing, result))
    newcomer = replace(DEMO_FACTS, name="見本 次郎", birth_date=date(1948, 6, 3))
    unknown = decide_billing(CheckOutcome.TERMINAL_DOWN, today=now.date(),
                             declaration=Declaration(newcomer, "ミホン ジロウ", "090-0000-0000", now.date()))
    store.enqueue_recheck(recheck_item("fallback-unknown", unknown, newcomer.birth_date, now - timedelta(hours=3)))


def _several() -> HeldRig:
    script = named()["several"]
    rig = HeldRig(script)
    rig.parts.checker.result = SEVERAL
    assert play(script, rig, stop_at=State.QUAL_SEVERAL, timeout=0.0)
    return rig


def _called_at_idle() -> HeldRig:
    rig = stand_in(State.IDLE)
    rig.flow.dispatch(ev.CallStaff())
    return rig


def render_staff_screens(out_dir: Path, lang: str = "ja", size: tuple[int, int] = (1280, 800)) -> list[Path]:
    """Render the console's screens; returns the PNG files written (names start with ``staff``)."""
    # instance() is typed as a QCoreApplication; here it is always a QApplication (it shows widgets).
    app = cast(QApplication, QApplication.instance() or QApplication([]))
    translator = install_language(app, lang)
    previous_style = app.styleSheet()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        waiting = stand_in(State.WAITING_STAFF, {"staff-visual": named()["staff-visual"]})
        show_portraits(waiting.parts, waiting.flow.devices.camera)
        waiting.parts.card_face.code_b = None  # the card face camera could not read 照合番号B: staff type it
        kiosks = [
            _Kiosk(waiting, "受付機1（入口）", work / "1", lambda store: history(store, waiting.clock.now())),
            _Kiosk(stand_in(State.CONSENT, {"black-circle": named()["black-circle"]}), "受付機2（奥）", work / "2"),
            _Kiosk(_several(), "受付機3（発熱外来）", work / "3"),
            _Kiosk(stand_in(State.WAITING_STAFF, {"invalid": named()["invalid"]}), "", work / "4"),  # no name
            _Kiosk(_called_at_idle(), "受付機5（2階）", work / "5", earlier_run),
        ]
        console = Console(DEFAULT_PORT)
        links = [console.add(k.pairing) for k in kiosks]
        try:
            app.setStyleSheet(stylesheet())
            wait_for(lambda: all(link.online for link in links), 5000)
            for link in links:
                link.sign_in(STAFF_USER, STAFF_PASSWORD)
            wait_for(lambda: all(link.snapshot is not None for link in links) and len(links[4].follow_ups) == 4, 5000)
            window = ConsoleWindow(console, STAFF_USER)
            window.resize(*size)
            window.show()

            def shot(name: str, widget: QWidget | None = None) -> None:
                wait_for(lambda: False, 80)  # let replies and repaints land
                path = out_dir / f"{name}.png"
                (widget or window).grab().save(str(path))
                written.append(path)

            shot("staff_overview")
            panel = window.panel
            panel.act("takeover")
            page = cast(TakeoverPage, panel.pages["takeover"])
            wait_for(lambda: page.code_row.isVisible(), 5000)
            shot("staff_takeover_code_b")
            page.code_b.setText(waiting.parts.card.card.code_b)
            page._read_typed()
            wait_for(lambda: page.confirm.isEnabled(), 5000)
            wait_for(lambda: page.still.pixmap() is not None and not page.still.pixmap().isNull(), 5000)
            shot("staff_takeover")
            panel.back()
            panel.act("insurance")
            wait_for(lambda: bool(cast(InsuranceCardPage, panel.pages["insurance"]).fields["birth_date"].text()), 5000)
            shot("staff_insurance_card")
            panel.back()
            window.select(kiosks[3].pairing.address)
            shot("staff_called_reason")
            window.panel.act("fallback")
            wait_for(lambda: cast(FallbackPage, window.panel.pages["fallback"]).records is not None, 5000)
            shot("staff_fallback")
            window.panel.back()
            window.panel.act("notice")
            shot("staff_notice_help")
            window.panel.back()
            window.select(kiosks[1].pairing.address)
            shot("staff_gaiji_alert")
            window.panel.act("name")
            shot("staff_name_correction")
            window.panel.back()
            window.select(kiosks[2].pairing.address)
            window.panel.act("records")
            shot("staff_records")
            window.panel.back()
            window.select(kiosks[4].pairing.address)
            shot("staff_follow_ups")
            numbers = window.panel.follow_ups.enter_numbers(links[4].follow_ups.awaiting[0])
            assert numbers is not None  # the list came from a signed-in link
            numbers.adjustSize()
            shot("staff_recheck_numbers", numbers)
            for key, typed in (("insurer_number", "0613999"), ("card_number", ""), ("branch_number", "1")):
                numbers.fields[key].setText(typed)
            numbers.ok.click()
            shot("staff_recheck_numbers_invalid", numbers)
            numbers.reject()
            window.select(kiosks[0].pairing.address)
            window.tabs.setCurrentWidget(window.receptions)
            today = waiting.clock.now().date()
            window.receptions.day.setDate(QDate(today.year, today.month, today.day))
            window.receptions.load()
            wait_for(lambda: window.receptions.table.rowCount() > 0, 5000)
            shot("staff_receptions")
            window.tabs.setCurrentWidget(window.report)
            window.report.until.setDate(QDate(today.year, today.month, today.day))
            window.report.load()
            wait_for(lambda: window.report.table.rowCount() > 0, 5000)
            shot("staff_trouble_report")
            kiosks[2].server.stop()
            wait_for(lambda: links[2].status != "online", 12000)
            window.tabs.setCurrentWidget(window.panel)
            window.select(kiosks[2].pairing.address)
            shot("staff_kiosk_offline")
            window.close()
            from kiosk.ui.staff.dialogs import PairDialog, SignInDialog

            dialogs = (("staff_sign_in", SignInDialog()), ("staff_pairing", PairDialog("192.168.1.20:47810")))
            for name, dialog in dialogs:
                dialog.resize(520, 320)
                dialog.show()
                shot(name, dialog)
                dialog.close()
        finally:
            console.stop()
            for kiosk in kiosks:
                kiosk.close()
            app.setStyleSheet(previous_style)
            if translator is not None:
                QCoreApplication.removeTranslator(translator)
    return written

