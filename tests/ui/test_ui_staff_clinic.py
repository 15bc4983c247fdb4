"""The console in clinic mode (kiosk/ui/staff/clinic_view.py) on the real widgets, against the real throwaway
PostgreSQL cluster: kiosks' live states arrive by NOTIFY and change the tiles, a kiosk the console is paired
with keeps its direct link, the hub restarting is recovered from, the kiosk's runtime publishes when (and
only when) hub_dsn is set, and the clinic mode renders in Japanese and English.

Every wait is on a condition (a widget's text, a row on the hub), never on time."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QLabel

import tests.hub.conftest as hub_fixtures
from kiosk.config import Config, load
from kiosk.core import events as ev
from kiosk.core.domain import Trouble
from kiosk.core.states import State
from kiosk.hub.live import LivePublisher, start_live
from kiosk.simulation.player import stand_in
from kiosk.staff import report as rp
from kiosk.staff.messages import DEFAULT_PORT
from kiosk.ui.staff.app import install_language
from kiosk.ui.staff.clinic_view import ClinicTile, attach_clinic, report_rows
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.texts import state_text, trouble_text
from kiosk.ui.staff.window import ConsoleWindow
from tests.hub.conftest import hub_rows
from tests.staff.conftest import PASSWORD, USER, Kiosk, open_lane, standing

# The hub tests' throwaway cluster and a fresh database on it per test (tests/hub/conftest.py).
pg_cluster = hub_fixtures.pg_cluster
hub_dsn = hub_fixtures.hub_dsn

WAIT = 30000  # ms: a ceiling for a condition on a busy machine, not a pause
ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture
def clinic_window(qtbot):
    """``clinic_window(dsn, console=None)``: a console window in clinic mode, shown."""
    made = []

    def make(dsn: str, console: Console | None = None):
        console = console or Console(DEFAULT_PORT)
        window = ConsoleWindow(console, USER)
        qtbot.addWidget(window)
        window.resize(1280, 800)
        clinic = attach_clinic(window, dsn)
        made.append((console, clinic))
        window.show()
        return window, clinic

    yield make
    for console, clinic in made:
        clinic.stop()
        console.stop()


@pytest.fixture
def publishers():
    made: list[LivePublisher] = []

    def make(dsn: str, kiosk_id: str, name: str, **kwargs) -> LivePublisher:
        kwargs.setdefault("statement_timeout", 30.0)
        live = LivePublisher(dsn, kiosk_id, name=lambda: name, **kwargs).start()
        made.append(live)
        return live

    yield make
    for live in made:
        live.stop()


def tile_of(clinic, kiosk_id: str) -> ClinicTile | None:
    return clinic.tiles.get(kiosk_id)


def tile_text(clinic, kiosk_id: str) -> str:
    tile = tile_of(clinic, kiosk_id)
    return tile.state.text() if tile is not None else ""


def view_in(state: State):
    """A real flow's view standing in ``state`` (a packaged scenario played up to it on held fakes)."""
    rig = stand_in(state)
    try:
        return rig.flow.view()
    finally:
        rig.close()


def test_a_kiosks_live_state_changes_the_tile_of_a_console_not_paired_with_it(hub_dsn, clinic_window, publishers,
                                                                              qtbot):
    live = publishers(hub_dsn, "kiosk-b", "受付2")
    live.on_view(view_in(State.PIN))
    window, clinic = clinic_window(hub_dsn)
    qtbot.waitUntil(lambda: tile_text(clinic, "kiosk-b") == state_text(State.PIN), timeout=WAIT)
    tile = tile_of(clinic, "kiosk-b")
    assert tile is not None and tile.name.text() == "受付2"
    qtbot.waitUntil(tile.unpaired.isVisible, timeout=WAIT)  # a tile added to a shown window shows next turn
    assert tile.unpaired.text().startswith("未接続")
    assert "受付機を追加" in tile.hint.text()
    live.on_view(view_in(State.PIN_LOCKED))  # heard by NOTIFY, not by the next full read
    qtbot.waitUntil(lambda: tile_text(clinic, "kiosk-b") == state_text(State.PIN_LOCKED), timeout=WAIT)
    qtbot.waitUntil(lambda: tile.property("urgent") == "true", timeout=WAIT)
    words = [lab.text() for lab in tile.findChildren(QLabel, "")]
    assert any("暗証番号" in w for w in words), words
    table = clinic.panel.kiosks
    assert table.rowCount() == 1 and table.item(0, 0).text() == "受付2"
    assert table.item(0, 3).text().startswith("未接続")
    live.stop()  # the kiosk shuts down: its tile says so rather than go on showing a patient's screen
    qtbot.waitUntil(lambda: tile_text(clinic, "kiosk-b") == "停止しています", timeout=WAIT)


def test_a_paired_kiosk_keeps_its_direct_link_and_shows_the_hubs_state_while_the_link_has_none(
        hub_dsn, clinic_window, qtbot, tmp_path):
    lane = open_lane(tmp_path / "store")
    rig = standing("staff-visual", lane)
    kiosk = Kiosk(rig, lane, tmp_path / "kiosk", "受付1")
    config = Config(data_dir=tmp_path / "kiosk", key_dir=tmp_path / "store" / "keys",
                    terminal_root=tmp_path / "terminal", hub_dsn=hub_dsn)
    live = start_live(config, lane, rig.flow, rig.queue.post, kiosk.server)
    console = Console(DEFAULT_PORT)
    try:
        link = console.add(kiosk.pairing)
        assert link.wait_online(10)
        window, clinic = clinic_window(hub_dsn, console)
        address = kiosk.pairing.address
        qtbot.waitUntil(lambda: any(clinic.feed.paired_address(k) == address for k in clinic.feed.kiosks),
                        timeout=WAIT)
        assert clinic.tiles == {}, "no second tile for a kiosk the console is paired with"
        via_hub = clinic.via_hub[address]
        # not signed in: the link has no view yet, the hub's state stands in under the kiosk's own tile
        qtbot.waitUntil(lambda: via_hub.isVisible() and state_text(kiosk.state) in via_hub.text(), timeout=WAIT)
        assert clinic.panel.kiosks.item(0, 3).text() == f"直接接続（{address}）"
        link.sign_in(USER, PASSWORD)
        qtbot.waitUntil(lambda: link.snapshot is not None, timeout=WAIT)
        qtbot.waitUntil(lambda: not via_hub.isVisible(), timeout=WAIT)
        row = hub_rows(hub_dsn, "SELECT fingerprint, address, summary::text FROM kiosk_live")[0]
        assert row[0] == kiosk.server.identity.fingerprint and row[1].endswith(f":{kiosk.server.address[1]}")
        assert "見本" not in row[2], "the patient's name stays on the direct channel"
    finally:
        live.stop()
        console.stop()
        kiosk.stop()
        lane.close()


def test_the_hub_restarting_mid_listen_is_recovered(hub_dsn, pg_cluster, clinic_window, publishers, qtbot):
    live = publishers(hub_dsn, "kiosk-c", "受付3", connect_timeout=2, max_backoff=0.5)
    live.on_view(view_in(State.IDLE))
    window, clinic = clinic_window(hub_dsn)
    clinic.feed._listener._max_backoff = 0.5  # reconnect soon once the server is back
    status = clinic.panel.status
    qtbot.waitUntil(lambda: tile_text(clinic, "kiosk-c") == state_text(State.IDLE), timeout=WAIT)
    qtbot.waitUntil(lambda: status.text() == "医院サーバー: 接続済み", timeout=WAIT)  # said after the first read
    pg_cluster.stop()
    qtbot.waitUntil(lambda: status.text() == "医院サーバーに接続できません。再接続します", timeout=WAIT)
    qtbot.waitUntil(lambda: "最後に届いた状態" in tile_text(clinic, "kiosk-c"), timeout=WAIT)
    pg_cluster.start()
    live.on_view(view_in(State.FACE))
    qtbot.waitUntil(lambda: tile_text(clinic, "kiosk-c") == state_text(State.FACE), timeout=WAIT)
    qtbot.waitUntil(lambda: status.text() == "医院サーバー: 接続済み", timeout=WAIT)


def test_the_clinic_trouble_report_and_receptions_come_from_the_hub(hub_dsn, clinic_window, qtbot, tmp_path):
    from datetime import date

    from PySide6.QtCore import QDate

    deliver_receptions(hub_dsn, tmp_path)
    window, clinic = clinic_window(hub_dsn)
    clinic.panel.day.setDate(QDate(2025, 7, 10))
    clinic.panel.load()
    qtbot.waitUntil(lambda: clinic.panel.receptions.rowCount() == 2, timeout=WAIT)
    assert clinic.panel.summary.text().startswith("受付 2 件")
    assert {clinic.panel.receptions.item(r, 4).text() for r in range(2)} == {"", f"T7 {trouble_text('T7')}"}
    report = clinic.report
    report.until.setDate(QDate(2025, 7, 10))
    report.load()
    qtbot.waitUntil(lambda: bool(report.reports), timeout=WAIT)
    assert report.reports[-1].end == date(2025, 7, 10) and report.reports[-1].receptions == 2
    assert report.reports[-1].count(Trouble.T7) == 1
    t7 = next(c for c in rp.trouble_report(report_rows(hub_dsn, date(2025, 7, 10), date(2025, 7, 10)),
                                           date(2025, 7, 10), date(2025, 7, 10)).counts if c.trouble is Trouble.T7)
    assert t7.by_resolution["staff"] == 1, "how each ended is on the hub in the clear too"
    assert "2025-07-10,2025-07-10,2,T7,1,0,1,0,0" in report.csv_text()


def test_the_kiosk_runtime_publishes_its_state_when_hub_dsn_is_set(hub_dsn, kiosk_for, qtbot, tmp_path):
    import socket

    from kiosk.core.tasks import StoreLane
    from kiosk.simulation.harness import make_harness
    from kiosk.store.store import open_store
    from kiosk.ui.runtime import KioskRuntime
    from kiosk.wiring import with_hub
    from tests.ui.test_ui_paths import _fake_devices

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    config = load(env={"KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(tmp_path / "data"),
                       "KIOSK_KEY_DIR": str(tmp_path / "keys"), "KIOSK_STAFF_PORT": str(port),
                       "KIOSK_HUB_DSN": hub_dsn, "KIOSK_NAME": "受付4"})
    store = StoreLane(with_hub(config, open_store(config)))
    k = kiosk_for(make_harness())

    def devices(runner, clock, on_frame):
        return replace(_fake_devices(runner, clock, on_frame), store=store)

    def summary() -> dict:
        if not hub_rows(hub_dsn, "SELECT to_regclass('kiosk_live') IS NOT NULL")[0][0]:
            return {}
        rows = hub_rows(hub_dsn, "SELECT kiosk_name, summary FROM kiosk_live")
        return {"name": rows[0][0], **rows[0][1]} if rows else {}

    runtime = KioskRuntime(k.window, config, devices)
    try:
        assert runtime.live is not None
        qtbot.waitUntil(lambda: summary().get("state") == "idle", timeout=WAIT)
        assert summary()["name"] == "受付4"
        assert runtime.driver.dispatch(ev.CallStaff())  # 職員を呼ぶ on the idle screen
        qtbot.waitUntil(lambda: "staff_call" in {a["code"] for a in summary().get("alerts", ())}, timeout=WAIT)
    finally:
        runtime.close()
        store.close()
    assert summary()["closed"] is True


NO_HUB = """
import json, sys
from dataclasses import replace
from PySide6.QtWidgets import QApplication
app = QApplication([])
from kiosk.config import load
from kiosk.core.tasks import StoreLane
from kiosk.simulation.harness import make_harness
from kiosk.store.store import open_store
from kiosk.ui.runtime import KioskRuntime
from kiosk.ui.staff.console import Console
from kiosk.ui.staff.window import ConsoleWindow
from kiosk.wiring import with_hub
from tests.ui.conftest import Kiosk
config = load(env={"KIOSK_CONFIG": "", "KIOSK_DATA_DIR": sys.argv[1] + "/data", "KIOSK_KEY_DIR": sys.argv[1] + "/keys",
                   "KIOSK_STAFF_PORT": sys.argv[2]})
store = StoreLane(with_hub(config, open_store(config)))
harness = make_harness()
class Bot:
    def addWidget(self, w): pass
    def waitExposed(self, w): pass
k = Kiosk(Bot(), harness)
def devices(runner, clock, on_frame):
    return replace(harness.flow.devices, runner=runner, clock=clock, store=store)
runtime = KioskRuntime(k.window, config, devices)
window = ConsoleWindow(Console(47810), "suzuki")
window.show()
app.processEvents()
loaded = sorted(m for m in sys.modules if m == "psycopg" or m.startswith(("psycopg.", "kiosk.hub")))
runtime.close()
store.close()
print(json.dumps({"live": runtime.live is None, "loaded": loaded}))
"""


def test_without_hub_dsn_neither_the_kiosk_nor_the_console_loads_the_hub(tmp_path):
    import socket

    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "KIOSK_HUB_DSN": ""}
    done = subprocess.run([sys.executable, "-c", NO_HUB, str(tmp_path), str(port)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-3000:]
    answer = json.loads(done.stdout.strip().splitlines()[-1])
    assert answer == {"live": True, "loaded": []}


def deliver_receptions(hub: str, folder: Path) -> list[str]:
    """Two kiosks' saved receptions on the hub, one with a burden-ratio change (T7)."""
    from kiosk.hub.replicator import Replicator
    from kiosk.store.hub_outbox import HubFeed
    from kiosk.store.keys import FileKeyProvider
    from kiosk.store.store import Store
    from tests.hub.conftest import reception

    kiosk_ids = []
    for name, sid in (("a", "s-a1"), ("b", "s-b1")):
        store = Store.open(folder / name / "kiosk.db", FileKeyProvider(folder / "clinic-keys"))
        try:
            saved = replace(reception(sid), outcome="completed" if name == "a" else "completed_by_staff",
                            troubles=(Trouble.T7,) if name == "b" else ())
            store.save_reception(saved)
            Replicator(HubFeed(store), hub, statement_timeout=30.0).deliver_once()
            kiosk_ids.append(HubFeed(store).kiosk_id)
        finally:
            store.close()
    return kiosk_ids


def render_clinic(out: Path, lang: str, hub: str, qtbot, publishers, clinic_window, folder: Path) -> Path:
    from PySide6.QtCore import QDate

    from kiosk.ui.staff.style import stylesheet

    app = QApplication.instance()
    translator = install_language(app, lang)
    app.setStyleSheet(stylesheet())
    try:
        first, second = deliver_receptions(hub, folder)
        for kiosk_id, name, state in ((first, "受付1", State.WAITING_STAFF), (second, "受付2", State.PIN_LOW),
                                      ("kiosk-3", "受付3", State.IDLE)):
            publishers(hub, kiosk_id, name).on_view(view_in(state))
        window, clinic = clinic_window(hub)
        qtbot.waitUntil(lambda: len(clinic.tiles) == 3 and all(t.state.text() for t in clinic.tiles.values()),
                        timeout=WAIT)
        qtbot.waitUntil(lambda: clinic.panel.kiosks.rowCount() == 3, timeout=WAIT)
        clinic.panel.day.setDate(QDate(2025, 7, 10))
        clinic.panel.load()
        qtbot.waitUntil(lambda: clinic.panel.receptions.rowCount() == 2, timeout=WAIT)
        window.tabs.setCurrentWidget(clinic.panel)
        QApplication.processEvents()
        path = out / f"staff_clinic_{lang}.png"
        assert window.grab().save(str(path))
        clinic.report.until.setDate(QDate(2025, 7, 10))
        clinic.report.load()
        qtbot.waitUntil(lambda: bool(clinic.report.reports), timeout=WAIT)
        window.tabs.setCurrentWidget(clinic.report)
        QApplication.processEvents()
        assert window.grab().save(str(out / f"staff_clinic_report_{lang}.png"))
        return path
    finally:
        app.setStyleSheet("")
        if translator is not None:
            QApplication.removeTranslator(translator)


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_clinic_mode_renders(lang, hub_dsn, publishers, clinic_window, qtbot, tmp_path):
    from PySide6.QtGui import QImage

    out = Path(os.environ.get("CLINIC_SHOTS_DIR") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    path = render_clinic(out, lang, hub_dsn, qtbot, publishers, clinic_window, tmp_path)
    image = QImage(str(path))
    assert image.width() >= 1000 and image.height() >= 700
