"""What a patient sees: complete English, contrast, sizes at two screen sizes, and the screenshots."""
from __future__ import annotations

import re
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PIL import Image
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.commands.main import main
from kiosk.core import events as ev
from kiosk.core.states import State
from kiosk.simulation.player import stand_in
from kiosk.simulation.script import named
from kiosk.ui import theme
from kiosk.ui.language import I18N_DIR, Languages, codes
from kiosk.ui.screenshots import EXTRAS, VARIANTS, render_kiosk

UI = Path(__file__).resolve().parents[2] / "kiosk" / "ui"
TS = I18N_DIR / "kiosk_en.ts"
LUPDATE = Path(sys.executable).with_name("pyside6-lupdate")
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::[^}]*)?\}")


def _messages(path: Path) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(path).getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


def _sources() -> list[str]:
    """The files whose strings we translate: the kiosk screens, not the staff console (its own owner)."""
    return [str(p) for p in sorted(UI.glob("*.py")) + sorted((UI / "screens").glob("*.py"))]


def test_every_string_has_a_finished_english_translation():
    messages = _messages(TS)
    assert len(messages) > 100
    for context, source, translation in messages:
        assert translation.get("type") is None, f"{context}: {source!r} is {translation.get('type')}"
        assert translation.text and translation.text.strip(), f"{context}: {source!r} has no English"
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(translation.text)), source
        assert not re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", translation.text.replace("日本語", "")), source


@pytest.mark.skipif(not LUPDATE.exists(), reason="pyside6-lupdate not installed next to python")
def test_the_ts_file_holds_every_string_in_the_sources(tmp_path):
    fresh = tmp_path / "fresh.ts"
    subprocess.run([str(LUPDATE), *_sources(), "-locations", "none", "-ts", str(fresh)], check=True,
                   capture_output=True, timeout=60)
    found = {(c, s) for c, s, _ in _messages(fresh)}
    shipped = {(c, s) for c, s, _ in _messages(TS)}
    assert found - shipped == set(), "run pyside6-lupdate and translate the new strings (docs/ui.md)"
    assert shipped - found == set(), "the .ts holds strings no source uses any more"


def test_the_compiled_qm_gives_the_english(qapp):
    languages = Languages()
    languages.apply("en")
    try:
        for context, source, translation in _messages(TS):
            assert QCoreApplication.translate(context, source) == translation.text, source
    finally:
        languages.apply("ja")
    assert QCoreApplication.translate("Chrome", "職員を呼ぶ") == "職員を呼ぶ"


@pytest.mark.parametrize("name", sorted(theme.PAIRS))
def test_contrast_is_at_least_7_to_1(name):
    pair = theme.PAIRS[name]
    assert theme.contrast_ratio(pair.fg, pair.bg) >= 7.0, f"{name}: {theme.contrast_ratio(pair.fg, pair.bg):.2f}"


def test_contrast_formula_matches_wcag():
    assert theme.contrast_ratio("#000000", "#ffffff") == pytest.approx(21.0)
    assert theme.contrast_ratio("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


def _visible(window, cls):
    return [w for w in window.findChildren(cls) if w.isVisible()]


def _settle(qapp, window, seconds: float = 2.0) -> None:
    """Let the layout finish: on a busy machine the offscreen window's resize can come a turn later. The
    checks that follow still fail if it never does."""
    deadline = time.monotonic() + seconds
    while True:
        qapp.processEvents()
        if time.monotonic() > deadline or all(b.height() >= 90 for b in _visible(window, QPushButton)):
            return
        time.sleep(0.02)


# The variants with the most words on them: with every state's own screen, what each further language
# is checked on (ja and en, the reference pair, are checked on every variant).
WORDIEST = ("face_child", "warning", "pin_two_left", "declaration_kana_keys", "declaration_confirm",
            "declaration_no_kana", "done_fallback", "done_expiring", "idle_call", "idle_languages")
LOOKS = ([("ja", (1280, 800), False), ("ja", (1920, 1080), False), ("en", (1280, 800), False),
          ("en", (1920, 1080), False), ("ja", (1280, 800), True), ("en", (1280, 800), True)]
         + [(code, (1280, 800), big) for code in codes() if code not in ("ja", "en") for big in (False, True)])


def _shots(lang: str):
    shots = [(state.value, state, None, "") for state in State]
    return shots + [(name, v.state, v.play, v.scenario) for name, v in VARIANTS.items()
                    if not name.startswith("kiosk_") and (lang in ("ja", "en") or name in WORDIEST)]


@pytest.mark.parametrize("lang, size, large", LOOKS,
                         ids=[f"{c}-{w}x{h}{'-large' if big else ''}" for c, (w, h), big in LOOKS])
def test_every_screen_is_big_enough_and_nothing_is_cut_off(kiosk_for, qapp, lang, size, large):
    """Every state's screen, and the variants the screenshots show (a guidance line, a half-typed form…),
    in every language of the registry, at the patient's normal and large text. 1280×800 is where text
    runs out of room (a larger screen scales the sizes with it), so the further languages are checked
    there, on every state and the wordiest variants."""
    scale = theme.scale_for(*size)
    for state, standing, play, scenario in _shots(lang):
        rig = stand_in(standing, {scenario: named()[scenario]} if scenario else None)
        k = kiosk_for(rig, size)
        if lang != "ja":
            k.window.set_language(lang)
        if large:
            k.window.toggle_large_text()
            assert k.window.scale == pytest.approx(scale * theme.LARGE_TEXT)
        if play is not None:
            play(rig, k.window)
        window = k.window
        _settle(qapp, window)
        where = f"{state} ({lang}{', large' if large else ''})"
        assert window.findChild(QPushButton, "btn_call_staff").isVisible(), where
        if ev.Cancel.action in k.view.actions and not k.window.warning.isVisible():
            assert any(b.objectName() in ("btn_cancel", "key_cancel") for b in _visible(window, QPushButton)), where
        for b in _visible(window, QPushButton):
            assert b.height() >= 90, f"{where}: {b.objectName()} is {b.height()} px tall"
            assert b.font().pixelSize() >= 32, f"{where}: {b.objectName()} font {b.font().pixelSize()}"
            assert b.sizeHint().width() <= b.width() + 1, f"{where}: {b.objectName()} {b.text()!r} cut off"
            assert b.geometry().right() <= b.parentWidget().width(), f"{where}: {b.text()!r} off screen"
        for lab in _visible(window, QLabel):
            if not lab.text():
                continue
            assert lab.font().pixelSize() >= round(32 * scale) - 1, f"{where}: {lab.text()!r} too small"
            needed = lab.heightForWidth(lab.width()) if lab.wordWrap() else lab.sizeHint().height()
            assert lab.height() >= needed - 1, f"{where}: {lab.text()!r} cut off"
            assert lab.geometry().bottom() <= lab.parentWidget().height(), f"{where}: {lab.text()!r} off screen"
        window.close()


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_the_staff_panel_fits_on_the_smallest_kiosk(kiosk_for, qapp, lang):
    """The panel on every screen, and the tallest variants (several records, a call from them)."""
    from kiosk.ui.demo import DEMO_STAFF

    shots = [(state.value, state, None, "") for state in State]
    shots += [(name, v.state, v.play, v.scenario) for name, v in VARIANTS.items()
              if name.startswith("kiosk_staff_panel")]
    for name, standing, play, scenario in shots:
        rig = stand_in(standing, {scenario: named()[scenario]} if scenario else None)
        k = kiosk_for(rig)
        if lang == "en":
            k.window.set_language("en")
        if play is not None:
            play(rig, k.window)
        else:
            k.window.staff_panel.open(DEMO_STAFF, k.view)
        qapp.processEvents()
        panel = k.window.staff_panel
        assert panel.isVisible(), name
        assert panel.card.geometry().top() >= 0 and panel.card.geometry().bottom() <= panel.height(), name
        for b in _visible(panel, QPushButton):
            assert b.height() >= 90, f"{name}: {b.objectName()} is {b.height()} px tall"
            assert b.height() >= b.sizeHint().height() - 1, f"{name} ({lang}): {b.objectName()} squeezed"
            assert b.sizeHint().width() <= b.width() + 1, f"{name} ({lang}): {b.text()!r} cut off"
        for lab in _visible(panel, QLabel):
            if lab.text():
                needed = lab.heightForWidth(lab.width()) if lab.wordWrap() else lab.sizeHint().height()
                assert lab.height() >= needed - 1, f"{name} ({lang}): {lab.text()!r} cut off"
        k.window.close()


def _check_pictures(folder: Path, size=(1280, 800)) -> None:
    for name in [s.value for s in State] + list(EXTRAS):
        path = folder / f"{name}.png"
        assert path.exists(), name
        image = Image.open(path).convert("L")
        assert image.size == size
        low, high = image.getextrema()
        assert high - low > 100, f"{name}.png is blank"


def test_every_kiosk_screen_and_variant_renders(tmp_path, qapp):
    before = len(qapp.allWidgets())
    written = render_kiosk(tmp_path, "en", (1280, 800))
    # No event loop runs between the shots: each window must be deleted as soon as it is saved, or a long
    # run keeps them all (the suite once grew to 9 GB).
    assert len(qapp.allWidgets()) <= before
    assert len(written) == len(State) + len(EXTRAS)
    _check_pictures(tmp_path)
    assert QCoreApplication.translate("Chrome", "職員を呼ぶ") == "職員を呼ぶ"  # English was uninstalled


def test_screenshots_command_renders_the_kiosk_and_the_console(tmp_path, qapp):
    assert main(["screenshots", "--out", str(tmp_path), "--lang", "en"]) == 0
    _check_pictures(tmp_path)
    assert list(tmp_path.glob("staff_*.png")), "the console's screens too"
    assert QCoreApplication.translate("Chrome", "職員を呼ぶ") == "職員を呼ぶ"


def test_unknown_language_is_a_named_error(qapp):
    from kiosk.ui.language import LanguageError

    with pytest.raises(LanguageError):
        Languages().apply("fr")
