"""``render_staff_screens(out_dir, lang)``: every console screen as PNG, for ``kiosk screenshots``.

Each kiosk shown is a real reception flow on fakes (``kiosk.core.harness.reach``) behind a real staff
server on loopback, so the pictures show exactly what the channel delivers. The portraits are drawn
here: no face image of a real person is used or kept.
"""
from __future__ import annotations

import io
import tempfile
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QWidget

from kiosk.core import events as ev
from kiosk.core.domain import IdentityMethod, Trouble
from kiosk.core.fakes import DEMO_FACTS, DEMO_RECORD, FakeCard, FakeQualificationChecker, ManualRunner
from kiosk.core.harness import Harness, make_harness, reach, settle
from kiosk.core.ports import ReceptionRecord
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.staff.identity import Pairing, load_identity
from kiosk.staff.report import ReceptionRow
from kiosk.staff.server import DEFAULT_PORT, StaffServer
from kiosk.ui.staff.app import install_language, wait_for
from kiosk.ui.driver import QtPoster
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.style import stylesheet
from kiosk.ui.staff.window import ConsoleWindow

STAFF_USER, STAFF_PASSWORD = "demo-staff", "demo-password"


def sample_portrait(background: tuple[int, int, int] = (214, 226, 240), size: tuple[int, int] = (240, 300)):
    """A drawn head-and-shoulders figure (a Pillow image), standing in for a photo."""
    from PIL import Image, ImageDraw

    w, h = size
    picture = Image.new("RGB", size, background)
    draw = ImageDraw.Draw(picture)
    draw.ellipse((w * 0.12, h * 0.68, w * 0.88, h * 1.3), fill=(60, 72, 96))
    draw.ellipse((w * 0.3, h * 0.18, w * 0.7, h * 0.66), fill=(236, 200, 170))
    draw.chord((w * 0.28, h * 0.12, w * 0.72, h * 0.5), 180, 360, fill=(40, 34, 30))
    for x in (0.42, 0.58):
        draw.ellipse((w * x - 5, h * 0.4 - 4, w * x + 5, h * 0.4 + 4), fill=(30, 30, 30))
    draw.arc((w * 0.43, h * 0.48, w * 0.57, h * 0.56), 20, 160, fill=(150, 60, 60), width=3)
    return picture


def sample_chip_photo() -> bytes:
    """The portrait as JPEG 2000, the chip's format."""
    out = io.BytesIO()
    sample_portrait().save(out, format="JPEG2000")
    return out.getvalue()


class _Kiosk:
    def __init__(self, rig: Harness, name: str, accounts, work: Path, frames=None, store=None) -> None:
        self.rig = rig
        self.poster = QtPoster()
        identity = load_identity(work / name, name)
        self.server = StaffServer(rig.flow, self.poster.post, identity=identity, accounts=accounts,
                                  store=store or rig.store,
                                  card=rig.card, card_face=rig.card_face, qualification=rig.checker, frames=frames,
                                  host="127.0.0.1", port=0, kiosk_name=name).start()
        host, port = self.server.address
        self.pairing = Pairing(f"{host}:{port}", identity.secret, identity.fingerprint, name)


def _gaiji_rig() -> Harness:
    gaiji = QualificationResult(Validity.VALID, (replace(DEMO_RECORD, name="見本 ●郎"),))
    rig = make_harness(FakeCard(), runner=ManualRunner(), qualification=FakeQualificationChecker(gaiji))
    rig.send(ev.CardInserted())
    settle(rig)
    rig.send(ev.ChooseMethod(IdentityMethod.PIN), ev.SubmitPin("1234"))
    settle(rig, 2)
    return rig


def _history(rig: Harness) -> None:
    """A week of saved receptions for the receptions list and the trouble report."""
    now = rig.clock.now()
    plan = [
        (0, "completed", IdentityMethod.FACE, ()),
        (0, "completed_by_staff", IdentityMethod.VISUAL, (Trouble.T14, Trouble.T17)),
        (0, "fallback", IdentityMethod.PIN, (Trouble.T3,)),
        (1, "completed", IdentityMethod.PIN, (Trouble.T13,)),
        (1, "not_confirmed", None, (Trouble.T13, Trouble.T14, Trouble.T17)),
        (2, "completed", IdentityMethod.PIN, (Trouble.T1,)),
        (3, "abandoned", None, (Trouble.T15,)),
        (4, "fallback", None, (Trouble.T4,)),
        (5, "completed_by_staff", IdentityMethod.VISUAL, (Trouble.T14, Trouble.T17)),
    ]
    for i, (days_ago, outcome, method, troubles) in enumerate(plan):
        start = now - timedelta(days=days_ago, hours=i % 3, minutes=7 * i)
        rig.store.receptions.append(ReceptionRecord(
            session_id=f"s{i}", started_at=start, ended_at=start + timedelta(minutes=2), outcome=outcome,
            method=method, facts=DEMO_FACTS, billing=DEMO_RECORD, troubles=troubles))


def _earlier_run(store) -> None:
    """What an earlier run of a kiosk left in its store: a reception cut short at the PIN, and two
    fallback bills whose re-check found something (the store's own API, as the flow and the worker use it)."""
    from kiosk.core.fallback import CheckOutcome, compare_recheck, decide_billing, recheck_item

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
        billing = decide_billing(CheckOutcome.TERMINAL_DOWN, today=now.date(), last_confirmed=record,
                                 facts_unchanged=True)
        item = store.enqueue_recheck(recheck_item(f"fallback-{n}", billing, record.birth_date,
                                                  now - timedelta(days=2, hours=n)))
        store.recheck_done(item, result, compare_recheck(billing, result))


def render_staff_screens(out_dir: Path, lang: str = "ja", size: tuple[int, int] = (1280, 800)) -> list[Path]:
    """Render the console's screens; returns the PNG files written (names start with ``staff``)."""
    import numpy as np

    from kiosk.camera.replay import ReplaySource
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store

    app = QApplication.instance() or QApplication([])
    translator = install_language(app, lang)
    previous_style = app.styleSheet()
    out_dir.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        earlier = Store.open(work / "kiosk4.db", FileKeyProvider(work / "keys"))
        _earlier_run(earlier)
        earlier.close()  # the kiosk stopped; its next run shows staff what was left
        store = Store.open(work / "kiosk4.db", FileKeyProvider(work / "keys"))
        accounts = StaffAccounts(store)
        accounts.create(STAFF_USER, STAFF_PASSWORD, Role.RECEPTION, actor="screenshots")
        waiting = reach(State.WAITING_STAFF)
        waiting.card.card.photo = sample_chip_photo()
        waiting.card_face.code_b = None  # the card face camera could not read 照合番号B: staff type it
        _history(waiting)
        camera = ReplaySource([np.asarray(sample_portrait((190, 190, 180), (320, 240)))])
        kiosks = [
            _Kiosk(waiting, "受付機1（入口）", accounts, work, frames=camera),
            _Kiosk(_gaiji_rig(), "受付機2（奥）", accounts, work),
            _Kiosk(reach(State.QUAL_SEVERAL), "受付機3（発熱外来）", accounts, work),
            _Kiosk(make_harness(), "受付機4（2階）", accounts, work, store=store),
        ]
        console = Console(DEFAULT_PORT)
        links = [console.add(k.pairing) for k in kiosks]
        try:
            app.setStyleSheet(stylesheet())
            wait_for(lambda: all(l.online for l in links), 5000)
            for link in links:
                link.sign_in(STAFF_USER, STAFF_PASSWORD)
            wait_for(lambda: all(l.snapshot is not None for l in links) and len(links[3].follow_ups) == 3, 5000)
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
            page = panel.pages["takeover"]
            wait_for(lambda: page.code_row.isVisible(), 5000)
            shot("staff_takeover_code_b")
            page.code_b.setText(waiting.card.card.code_b)
            page._read_typed()
            wait_for(lambda: page.photo.pixmap() is not None and not page.photo.pixmap().isNull(), 5000)
            wait_for(lambda: page.still.pixmap() is not None and not page.still.pixmap().isNull(), 5000)
            shot("staff_takeover")
            panel.back()
            panel.act("insurance")
            shot("staff_insurance_card")
            panel.back()
            panel.act("fallback")
            shot("staff_fallback")
            panel.back()
            panel.act("notice")
            shot("staff_notice_help")
            panel.back()
            window.select(kiosks[1].pairing.address)
            shot("staff_gaiji_alert")
            window.panel.act("name")
            shot("staff_name_correction")
            window.panel.back()
            window.select(kiosks[2].pairing.address)
            window.panel.act("records")
            wait_for(lambda: window.panel.pages["records"].list.count() > 0, 5000)
            shot("staff_records")
            window.panel.back()
            window.select(kiosks[3].pairing.address)
            shot("staff_follow_ups")
            window.select(kiosks[0].pairing.address)
            window.tabs.setCurrentWidget(window.receptions)
            window.receptions.show_rows([ReceptionRow(r.session_id, r.started_at, r.outcome,
                                                      r.method.value if r.method else "",
                                                      tuple(t.value for t in r.troubles), name=r.facts.name)
                                         for r in waiting.store.receptions if r.started_at.date() == waiting.clock.now().date()])
            shot("staff_receptions")
            window.tabs.setCurrentWidget(window.report)
            window.report.until.setDate(waiting.clock.now().date())
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

            for name, dialog in (("staff_sign_in", SignInDialog()), ("staff_pairing", PairDialog("192.168.1.20:47810"))):
                dialog.resize(520, 320)
                dialog.show()
                shot(name, dialog)
                dialog.close()
        finally:
            console.stop()
            for kiosk in kiosks:
                kiosk.server.stop()
            camera.close()
            store.close()
            app.setStyleSheet(previous_style)
            if translator is not None:
                QCoreApplication.removeTranslator(translator)
    return written
