from PySide6.QtGui import QImage

from kiosk.ui.staff.screenshots import render_staff_screens


def test_every_console_screen_renders_in_both_languages(qapp, tmp_path):
    for lang in ("ja", "en"):
        written = render_staff_screens(tmp_path / lang, lang)
        names = {p.stem for p in written}
        assert {"staff_overview", "staff_takeover", "staff_records", "staff_trouble_report",
                "staff_kiosk_offline", "staff_follow_ups"} <= names
        assert all(p.name.startswith("staff") for p in written)
        image = QImage(str(tmp_path / lang / "staff_takeover.png"))
        assert image.width() >= 1000 and image.height() >= 700
