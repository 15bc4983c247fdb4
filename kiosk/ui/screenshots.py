"""``kiosk screenshots``: every state's screen rendered offscreen to ``<state>.png``, plus the overlays.

Each screen is rendered from a real flow standing in that state (``kiosk.core.harness.reach``), so the
pictures show what a patient would see, not a mock-up.
"""
from __future__ import annotations

import os
from pathlib import Path

from kiosk.core import events as ev
from kiosk.core.states import State

# The pictures beyond one per state (the overlays, and the PIN screen with only two tries left).
EXTRAS = ("warning", "pin_two_left", "kiosk_staff_pin", "kiosk_staff_panel", "declaration_phone", "done_fallback")


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _window(rig, languages, size):
    from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN
    from kiosk.ui.staff_sign_in import FixedSignIn
    from kiosk.ui.window import KioskWindow

    window = KioskWindow(FixedSignIn(DEMO_STAFF, DEMO_STAFF_PIN), languages, send=rig.flow.dispatch)
    rig.flow.add_listener(window.render)
    window.resize(*size)
    window.render(rig.flow.view())
    window.show()
    return window


def _save(app, window, path: Path) -> Path:
    app.processEvents()
    if not window.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    window.close()
    window.deleteLater()
    return path


def render_all(out: Path, lang: str = "ja", size: tuple[int, int] = (1280, 800)) -> list[Path]:
    app = _app()
    from PySide6.QtWidgets import QPushButton

    from kiosk.core.harness import declare, reach, settle
    from kiosk.ui.demo import DEMO_STAFF
    from kiosk.ui.language import Languages

    out.mkdir(parents=True, exist_ok=True)
    languages = Languages()
    languages.apply(lang)
    written = []
    try:
        for state in State:
            rig = reach(state)
            if state is State.FACE:
                rig.send(ev.FaceGuidance(("too_far",)))  # show the live guidance line
            written.append(_save(app, _window(rig, languages, size), out / f"{state.value}.png"))

        rig = reach(State.CHOOSE_METHOD)
        window = _window(rig, languages, size)
        rig.wait(50)  # into the last 15 s: 「操作を続けますか？」
        written.append(_save(app, window, out / "warning.png"))

        rig = reach(State.PIN)
        window = _window(rig, languages, size)
        rig.send(ev.SubmitPin("9999"))
        settle(rig)
        written.append(_save(app, window, out / "pin_two_left.png"))

        rig = reach(State.DECLARATION)
        window = _window(rig, languages, size)
        for name in ("btn_facts_ok", "key_0", "key_9", "key_0", "key_1", "key_2", "key_3", "key_4"):
            window.page.findChild(QPushButton, name).click()  # the 申立書's second page, half typed
        written.append(_save(app, window, out / "declaration_phone.png"))

        rig = reach(State.QUAL_INVALID)  # the old qualification's kana: the 申立書 completes on the kiosk
        window = _window(rig, languages, size)
        rig.send(ev.StartDeclaration())
        declare(rig)
        settle(rig)
        written.append(_save(app, window, out / "done_fallback.png"))

        rig = reach(State.IDLE)
        window = _window(rig, languages, size)
        window.open_staff_entry()
        written.append(_save(app, window, out / "kiosk_staff_pin.png"))

        rig = reach(State.WAITING_STAFF)
        window = _window(rig, languages, size)
        window.staff_panel.open(DEMO_STAFF, rig.flow.view())
        written.append(_save(app, window, out / "kiosk_staff_panel.png"))

        from kiosk.ui.staff.screenshots import render_staff_screens

        written.extend(render_staff_screens(out, lang, size))  # the reception PC's console: staff_*.png
    finally:
        languages.apply("ja")
    return written
