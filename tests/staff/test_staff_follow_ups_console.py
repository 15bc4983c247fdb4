"""The follow-ups on the real console widgets: shown on the kiosk's tile and page after a restart,
handled with one click each, audited with the staff name on a real store."""
from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from kiosk.ui.staff.screenshots import earlier_run
from tests.staff.conftest import Kiosk, audit_rows, open_lane, standing
from tests.staff.console_window import signed_in_window, texts

STAFF, PASSWORD = "yamada", "follow-up-pass-2"


def test_staff_see_and_handle_follow_ups_on_the_console(qtbot, tmp_path):
    earlier = open_lane(tmp_path, ((STAFF, PASSWORD),))
    earlier_run(earlier.store)  # a reception cut short at the PIN, a 不詳 bill, two re-checks that changed it
    earlier.close()

    lane = open_lane(tmp_path, ())
    kiosk = Kiosk(standing("valid-pin", lane, 0), lane, tmp_path / "staff")
    console, link, window = signed_in_window(qtbot, kiosk.pairing, STAFF, PASSWORD)
    try:
        qtbot.waitUntil(lambda: len(link.follow_ups) == 4, timeout=5000)
        qtbot.waitUntil(lambda: "中断した受付 1件" in texts(window.tiles[kiosk.pairing.address]), timeout=5000)
        assert "再確認の結果 2件" in texts(window.tiles[kiosk.pairing.address])
        panel = texts(window.panel.follow_ups)
        assert "止まったところ：暗証番号があと1回でロック" in panel  # the state's staff text, never pin_low
        assert "負担割合：窓口 3割 → 再確認 2割" in panel and "保険者番号：請求 06131111 → 再確認 39131015" in panel
        assert "保険証の番号が未入力です：見本 次郎 様（1948-06-03 生）" in panel

        first = link.follow_ups.rechecks[0].id
        qtbot.mouseClick(window.findChild(QPushButton, f"acknowledgeRecheck{first}"), Qt.LeftButton)
        qtbot.waitUntil(lambda: window.findChild(QPushButton, f"acknowledgeRecheck{first}") is None, timeout=5000)
        qtbot.mouseClick(window.findChild(QPushButton, "dismissInterrupted0"), Qt.LeftButton)
        qtbot.waitUntil(lambda: "中断した受付" not in texts(window), timeout=5000)
        assert first not in [r.id for r in link.follow_ups.rechecks] and len(link.follow_ups) == 2

        rows = [(actor, action) for actor, action, _ in audit_rows(lane)
                if action in ("recheck_acknowledged", "interrupted_dismissed")]
        assert rows == [(STAFF, "recheck_acknowledged"), (STAFF, "interrupted_dismissed")]
        assert lane.store.interrupted_receptions() == []
    finally:
        console.stop()
        kiosk.stop()
        lane.close()
