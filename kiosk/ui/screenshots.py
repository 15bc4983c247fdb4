"""``kiosk screenshots``: every state's screen rendered offscreen to ``<state>.png``, the variants a
patient or a member of staff meets within a screen, and the staff console's screens.

Each picture comes from a real flow standing in its state (``kiosk.simulation.player.stand_in``: the
first packaged scenario that gets there), so it shows what a patient would see, not a mock-up. A variant
goes on from there the way a person would: by tapping the screen's own buttons, or by letting the held
devices answer.
"""
from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from kiosk.core.states import SPECS, State


@dataclass(frozen=True)
class Variant:
    state: State  # stand in this state first
    play: Callable  # (rig, window) → None: what happens before the picture
    scenario: str = ""  # the packaged scenario to stand in with, when the first one to get there is not it


def _click(window, *names: str) -> None:
    from PySide6.QtWidgets import QPushButton

    for name in names:
        found = [b for b in window.findChildren(QPushButton, name) if b.isVisible() and b.isEnabled()]
        if not found:
            raise LookupError(f"no button {name} to tap on {window.view.state.value}")
        found[0].click()


def _face_guidance(rig, window) -> None:
    rig.parts.show("nobody")  # no face in front of the camera
    rig.runner.finish_next()  # the chip photo is read: the first attempt starts
    rig.runner.finish_next()  # the attempt misses, with what to do about it


def _face_child(rig, window) -> None:
    _face_guidance(rig, window)
    _click(window, "btn_child")  # a parent holds a small child up: the longest side column


def _warning(rig, window) -> None:
    spec = SPECS[State.CHOOSE_METHOD]
    assert spec.timeout is not None and spec.warn_before is not None  # CHOOSE_METHOD has both
    rig.skip(spec.timeout - spec.warn_before + 5)  # into the last seconds: 「操作を続けますか？」


def _pin_typed(rig, window) -> None:
    _click(window, "key_1", "key_2")


def _pin_checking(rig, window) -> None:
    _click(window, "key_1", "key_2", "key_3", "key_4", "key_ok")  # the card holds the answer back: 確認しています…


def _pin_two_left(rig, window) -> None:
    _click(window, "key_9", "key_9", "key_9", "key_9", "key_ok")
    rig.runner.finish_next()  # the card says no: two tries left


PHONE = ("phone_key_0", "phone_key_3", "phone_key_1", "phone_key_2", "phone_key_3", "phone_key_4",
         "phone_key_5", "phone_key_6", "phone_key_7", "phone_key_8")


KANA = ("kana_シ", "kana_ヨ", "kana_small", "kana_シ", "kana_ン", "kana_space", "kana_ハ", "kana_ナ", "kana_コ")


def _declaration_kana(rig, window) -> None:
    _click(window, "btn_facts_ok")  # the kana question: the terminal sent no kana name


def _declaration_kana_keys(rig, window) -> None:
    _click(window, "btn_facts_ok", "btn_kana_type", *KANA)  # ショシン　ハナコ on the katakana keys


def _declaration_kana_prefilled(rig, window) -> None:
    _click(window, "btn_facts_ok")  # 資格（無効）: the old record's kana name, on the keys to check


def _declaration_phone(rig, window) -> None:
    _declaration_kana_keys(rig, window)
    _click(window, "btn_kana_next", *PHONE[:6])  # half typed


def _declaration_type(rig, window) -> None:
    _declaration_kana_keys(rig, window)
    _click(window, "btn_kana_next", *PHONE, "btn_phone_next")


def _declaration_insurer(rig, window) -> None:
    _declaration_type(rig, window)
    _click(window, "btn_type_employee")


def _declaration_employer(rig, window) -> None:
    _declaration_insurer(rig, window)
    _click(window, "btn_insurer_unknown")


def _declaration_burden(rig, window) -> None:
    _declaration_employer(rig, window)
    _click(window, "btn_employer_unknown")


def _declaration_confirm(rig, window) -> None:
    _declaration_burden(rig, window)
    _click(window, "btn_burden_30")


def _declaration_no_kana(rig, window) -> None:
    _click(window, "btn_facts_ok", "btn_kana_unknown", *PHONE, "btn_phone_next", "btn_type_employee",
           "btn_insurer_type", *KANA[-3:], "btn_insurer_next", "btn_employer_unknown", "btn_burden_30")


def _done_fallback(rig, window) -> None:
    _click(window, "btn_facts_ok", "btn_kana_next", *PHONE, "btn_phone_next", "btn_type_employee",
           "btn_insurer_unknown", "btn_employer_unknown", "btn_burden_30", "btn_declaration_submit")
    rig.runner.finish_next()  # the bill: on the old qualification


def _call_from_idle(rig, window) -> None:
    _click(window, "btn_call_staff")  # no new screen: the toast says staff were told


def _languages(rig, window) -> None:
    _click(window, "btn_language")  # every language in its own script, the one shown marked


def _staff_pin(rig, window) -> None:
    window.open_staff_entry()


def _called_from_several(rig, window) -> None:
    _click(window, "btn_call_staff")
    _staff_panel(rig, window)


def _staff_panel(rig, window) -> None:
    from kiosk.ui.demo import DEMO_STAFF

    window.staff_panel.open(DEMO_STAFF, rig.flow.view())


VARIANTS: dict[str, Variant] = {
    "face_guidance": Variant(State.FACE, _face_guidance),
    "face_child": Variant(State.FACE, _face_child),
    "warning": Variant(State.CHOOSE_METHOD, _warning),
    "pin_typed": Variant(State.PIN, _pin_typed),
    "pin_checking": Variant(State.PIN, _pin_checking),
    "pin_two_left": Variant(State.PIN, _pin_two_left),
    "declaration_kana": Variant(State.DECLARATION, _declaration_kana),
    "declaration_kana_keys": Variant(State.DECLARATION, _declaration_kana_keys),
    "declaration_kana_prefilled": Variant(State.DECLARATION, _declaration_kana_prefilled, "kiosk-declaration"),
    "declaration_phone": Variant(State.DECLARATION, _declaration_phone),
    "declaration_type": Variant(State.DECLARATION, _declaration_type),
    "declaration_insurer": Variant(State.DECLARATION, _declaration_insurer),
    "declaration_employer": Variant(State.DECLARATION, _declaration_employer),
    "declaration_burden": Variant(State.DECLARATION, _declaration_burden),
    "declaration_confirm": Variant(State.DECLARATION, _declaration_confirm),
    "declaration_no_kana": Variant(State.DECLARATION, _declaration_no_kana),
    "done_fallback": Variant(State.DECLARATION, _done_fallback, "kiosk-declaration"),
    "done_expiring": Variant(State.DONE, lambda rig, window: None, "cert-expiring"),
    "idle_call": Variant(State.IDLE, _call_from_idle),
    "idle_languages": Variant(State.IDLE, _languages),
    "kiosk_staff_pin": Variant(State.IDLE, _staff_pin),
    "kiosk_staff_panel": Variant(State.WAITING_STAFF, _staff_panel, "staff-visual"),
    "kiosk_staff_panel_records": Variant(State.QUAL_SEVERAL, _staff_panel),
    "kiosk_staff_panel_called": Variant(State.QUAL_SEVERAL, _called_from_several),
}
EXTRAS = tuple(VARIANTS)


def _app():
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication

    return QApplication.instance() or QApplication([])


def _stand(state: State, scenario: str = ""):
    from kiosk.simulation.player import stand_in
    from kiosk.simulation.script import named

    return stand_in(state, {scenario: named()[scenario]} if scenario else None)


def _window(rig, languages, size, large: bool):
    from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN
    from kiosk.ui.staff_sign_in import FixedSignIn
    from kiosk.ui.window import Assistance, KioskWindow

    window = KioskWindow(FixedSignIn(DEMO_STAFF, DEMO_STAFF_PIN), languages, send=rig.flow.dispatch,
                         assistance=Assistance(large_text=large))
    rig.flow.add_listener(window.show_view)
    window.resize(*size)
    window.show_view(rig.flow.view())
    window.show()
    return window


def _save(app, window, path: Path) -> Path:
    from PySide6.QtCore import QCoreApplication, QEvent

    app.processEvents()
    if not window.grab().save(str(path)):
        raise OSError(f"cannot write {path}")
    window.close()
    window.deleteLater()
    # No event loop runs between screenshots, and only a loop deletes what deleteLater was given: without
    # this every window (and each page it replaced) stays alive until the command ends.
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    return path


def render_kiosk(out: Path, lang: str = "ja", size: tuple[int, int] = (1280, 800),
                 large: bool = False) -> list[Path]:
    """The kiosk's own screens: ``<state>.png`` for every state, then ``<variant>.png``; with ``large``,
    as a patient who turned on 「文字を大きく」 sees them."""
    app = _app()
    from kiosk.ui.language import Languages

    out.mkdir(parents=True, exist_ok=True)
    languages = Languages()
    languages.apply(lang)
    written = []
    try:
        for state in State:
            written.append(_save(app, _window(_stand(state), languages, size, large), out / f"{state.value}.png"))
        for name, variant in VARIANTS.items():
            rig = _stand(variant.state, variant.scenario)
            window = _window(rig, languages, size, large)
            variant.play(rig, window)
            written.append(_save(app, window, out / f"{name}.png"))
    finally:
        languages.apply("ja")
    return written


def render_all(out: Path, lang: str = "ja", size: tuple[int, int] = (1280, 800),
               large: bool = False) -> list[Path]:
    """Every kiosk screen, then the reception PC's console (``staff_*.png``: in ``lang`` where staff have
    a catalog for it, else Japanese; the console has no large-text mode)."""
    from kiosk.ui.staff.screenshots import render_staff_screens

    return render_kiosk(out, lang, size, large) + render_staff_screens(out, lang, size)
