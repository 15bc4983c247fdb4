"""The language registry, every catalog it ships, the furigana markup and widgets, and the chooser."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

from kiosk.commands.main import build_parser
from kiosk.core.states import SPECS, State
from kiosk.ui import language, theme
from kiosk.ui.language import (
    DEFAULT,
    I18N_DIR,
    KNOWN,
    REGISTRY,
    LanguageError,
    Languages,
    codes,
    language_info,
    staff_catalog,
    staff_codes,
)
from kiosk.ui.language_chooser import LanguageChooser
from kiosk.ui.ruby import RubyButton, RubyLabel, bare_kanji, has_ruby, plain, reading, runs
from kiosk.ui.widgets import label

TRANSLATED = [info.code for info in REGISTRY if info.code != DEFAULT]
PLACEHOLDER = re.compile(r"\{([a-z_]+)(?::[^}]*)?\}|%\d|%n")
KANA = re.compile(r"[\u3040-\u309f\u30a0-\u30ff]")
STAFF = "Staff"  # the kiosk's staff PIN pad and panel: for staff, who read Japanese whatever the patient's language
BCP47 = re.compile(r"^[a-z]{2,3}(-[A-Z][a-z]{3})?(-[A-Z]{2})?(-[a-z]{4,8})?$")


def _messages(code: str) -> list[tuple[str, str, ET.Element]]:
    root = ET.parse(I18N_DIR / f"kiosk_{code}.ts").getroot()
    return [(ctx.findtext("name"), m.findtext("source"), m.find("translation"))
            for ctx in root.iter("context") for m in ctx.iter("message")]


# --- the registry ---------------------------------------------------------------------------------


def test_the_registry_is_the_table_filtered_by_the_catalogs_present():
    assert REGISTRY[0].code == DEFAULT == "ja"
    assert codes() == tuple(info.code for info in REGISTRY)
    for info in KNOWN:
        shipped = info.code == DEFAULT or (I18N_DIR / f"kiosk_{info.code}.qm").exists()
        assert (info in REGISTRY) == shipped, info.code
        assert BCP47.match(info.code), info.code
    assert {info.code for info in KNOWN} == {"ja", "ja-easy", "en", "zh-Hans", "ko", "vi", "pt-BR", "fil", "ne", "id"}
    assert "en" in codes()


def test_a_table_of_languages_is_filtered_by_what_ships(tmp_path, monkeypatch):
    monkeypatch.setattr(language, "I18N_DIR", tmp_path)
    (tmp_path / "kiosk_vi.qm").write_bytes(b"")
    assert [i.code for i in language._present(KNOWN)] == ["ja", "vi"]


def test_each_language_is_named_in_its_own_script_and_spoken_by_its_engine_language():
    names = {info.code: info for info in KNOWN}
    assert names["ko"].native_name == "한국어" and names["zh-Hans"].native_name == "中文（简体）"
    assert names["vi"].native_name == "Tiếng Việt" and names["ne"].native_name == "नेपाली"
    assert names["ja-easy"].voice_lang == names["ja"].voice_lang == "ja"
    assert names["zh-Hans"].voice_lang == "zh" and names["pt-BR"].voice_lang == "pt-BR"
    assert len({info.native_name for info in KNOWN}) == len(KNOWN)


def test_an_unknown_language_is_a_named_error():
    with pytest.raises(LanguageError) as caught:
        language_info("fr")
    assert caught.value.code == "translation_missing"
    with pytest.raises(LanguageError):
        Languages().apply("en-US")


def test_the_staff_console_speaks_the_languages_it_has_a_catalog_for():
    assert staff_codes()[0] == "ja" and "en" in staff_codes()
    assert set(staff_codes()) <= set(codes())
    for code in codes():
        assert (code in staff_codes()) == (code == DEFAULT or staff_catalog(code) is not None), code


def _choices(parser, *command: str) -> tuple[str, ...]:
    sub = parser
    for name in command:
        sub = next(a for a in sub._actions if a.dest in ("command", "staff_command")).choices[name]
    return tuple(next(a for a in sub._actions if a.dest == "lang").choices)


def test_lang_everywhere_takes_the_registrys_codes():
    parser = build_parser()
    for command in ("run", "demo", "screenshots"):
        assert _choices(parser, command) == codes(), command
    assert _choices(parser, "staff") == staff_codes()
    args = parser.parse_args(["screenshots", "--out", "x", "--lang", codes()[-1], "--large"])
    assert args.large and args.lang == codes()[-1]
    with pytest.raises(SystemExit):
        parser.parse_args(["run", "--lang", "fr"])


# --- every catalog the registry ships ------------------------------------------------------------


@pytest.mark.parametrize("code", TRANSLATED)
def test_every_catalog_is_finished_and_keeps_the_placeholders(code):
    reference = {(c, s) for c, s, _ in _messages("en")}
    messages = _messages(code)
    assert {(c, s) for c, s, _ in messages} == reference, f"run scripts/kiosk_i18n.py sync {code}"
    for context, source, translation in messages:
        assert translation.get("type") is None, f"{code} {context}: {source!r} is unfinished"
        assert translation.text and translation.text.strip(), f"{code} {context}: {source!r} is empty"
        text = plain(translation.text)
        assert sorted(PLACEHOLDER.findall(source)) == sorted(PLACEHOLDER.findall(text)), f"{code}: {source!r}"
        assert source.count("\n") <= text.count("\n") + 1, f"{code}: {source!r} lost its line breaks"
        if code != "ja-easy" and context != STAFF and KANA.search(source):  # beside a term, Japanese is fine
            assert text != source and not KANA.fullmatch(text[0]), f"{code}: {source!r} left in Japanese"


@pytest.mark.parametrize("code", TRANSLATED)
def test_the_compiled_catalog_gives_the_translation(qapp, code):
    languages = Languages()
    languages.apply(code)
    try:
        for context, source, translation in _messages(code):
            assert QCoreApplication.translate(context, source) == translation.text, f"{code}: {source!r}"
        idle = SPECS[State.IDLE].staff_text
        staff = QCoreApplication.translate("StaffConsole", idle)
        assert (staff != idle) == (staff_catalog(code) is not None), "staff words: their catalog, or Japanese"
    finally:
        languages.apply(DEFAULT)
    assert QCoreApplication.translate("Chrome", "職員を呼ぶ") == "職員を呼ぶ"


@pytest.mark.skipif("ja-easy" not in codes(), reason="no やさしい日本語 catalog shipped")
def test_easy_japanese_has_a_reading_on_every_kanji():
    # "Speech" is only spoken: plain kanji there are what the voice engine reads best.
    missing = [f"{t.text} ({bare_kanji(t.text)})" for context, _, t in _messages("ja-easy")
               if context != "Speech" and bare_kanji(t.text or "")]
    assert not missing, f"{len(missing)} strings with kanji but no reading:\n" + "\n".join(missing)


# --- the furigana markup --------------------------------------------------------------------------


@pytest.mark.parametrize("text, bare, spoken", [
    ("病院《びょういん》に 行《い》きます", "病院に 行きます", "びょういんに いきます"),
    ("マイナ保険証《ほけんしょう》", "マイナ保険証", "マイナほけんしょう"),  # the base is the kanji run only
    ("｜お金《おかね》を 払《はら》う", "お金を 払う", "おかねを はらう"),  # ｜ marks a base that is not kanji only
    ("あと{n}秒《びょう》", "あと{n}秒", "あと{n}秒"),  # after a number: the voice reads the counter
    ("人々《ひとびと》", "人々", "ひとびと"),  # 々 belongs to the base
    ("ひらがな だけ", "ひらがな だけ", "ひらがな だけ"),
    ("English (Tokyo)", "English (Tokyo)", "English (Tokyo)"),
    ("《よみ》だけ", "《よみ》だけ", "《よみ》だけ"),  # no base: not markup
])
def test_ruby_markup_parses(text, bare, spoken):
    assert plain(text) == bare
    assert reading(text) == spoken
    assert has_ruby(text) == (text != bare)


def test_ruby_runs_and_bare_kanji():
    assert [(r.base, r.reading) for r in runs("本人《ほんにん》の 確認《かくにん》")] == [
        ("本人", "ほんにん"), ("の ", ""), ("確認", "かくにん")]
    assert bare_kanji("本人《ほんにん》の 確認") == "確認"
    assert bare_kanji("75歳《さい》") == ""


# --- the widgets ----------------------------------------------------------------------------------

EASY = ("マイナンバーカードを 読《よ》み取《と》り機《き》に 置《お》いてください。"
        "暗証番号《あんしょうばんごう》を 入力《にゅうりょく》します。")


@pytest.fixture
def column(qtbot):
    """Widgets one above the other on a page with the kiosk's stylesheet; the pages live as long as the test."""
    pages = []

    def make(*widgets, width=640):
        page = QWidget()
        page.setObjectName("page")
        page.setStyleSheet(theme.stylesheet(1.0))
        layout = QVBoxLayout(page)
        for w in widgets:
            layout.addWidget(w)
        layout.addStretch(1)
        qtbot.addWidget(page)
        page.resize(width, 1200)
        page.show()
        qtbot.waitExposed(page)
        pages.append(page)

    yield make
    pages.clear()


@pytest.mark.parametrize("role", ["", "title", "note", "caution"])
def test_a_ruby_label_is_taller_than_the_plain_text_and_not_cut(column, role):
    marked, bare = label(EASY, role, "marked"), label(plain(EASY), role, "bare")
    assert isinstance(marked, RubyLabel)
    column(marked, bare)
    assert marked.text() == EASY and marked.accessibleName() == plain(EASY)
    assert marked.font().pixelSize() == bare.font().pixelSize()  # the role's font from the stylesheet
    assert (marked.contentsRect().size() != marked.size()) == (role in ("note", "caution")), "the role's padding"
    assert marked.height() > bare.height()
    assert marked.height() >= marked.heightForWidth(marked.width())
    assert marked.heightForWidth(marked.width()) > marked.heightForWidth(marked.width() * 2), "it wraps"
    assert marked.minimumSizeHint().width() <= marked.width()
    image = marked.grab().toImage()
    ruby_band = [image.pixelColor(x, y).lightness() for y in range(marked.contentsRect().top() + 2,
                 marked.contentsRect().top() + 12) for x in range(image.width())]
    assert min(ruby_band) < 128, "the readings are painted above the first line"


def test_a_label_with_plain_text_is_a_label_as_before(qtbot, column):
    lab = label("カードを置いてください", "title")
    ref = QLabel("カードを置いてください")
    ref.setWordWrap(True)
    ref.setProperty("role", "title")
    column(lab, ref)
    assert lab.sizeHint() == ref.sizeHint() and lab.height() == ref.height()
    lab.setText(EASY)  # filled in later from the やさしい日本語 catalog: it grows to hold the readings
    qtbot.waitUntil(lambda: lab.height() >= lab.heightForWidth(lab.width()))
    assert lab.height() > ref.height()


def test_a_ruby_button_fits_its_readings(qtbot, column):
    b = RubyButton("職員《しょくいん》を 呼《よ》ぶ")
    ref = RubyButton("職員を 呼ぶ")
    for w in (b, ref):
        w.setProperty("kind", "staff")
        w.setStyleSheet("min-height: 0px")  # so the height comes from the text alone
    column(b, ref)
    assert b.text() == "職員《しょくいん》を 呼《よ》ぶ" and b.accessibleName() == "職員を 呼ぶ"
    assert b.sizeHint().height() > ref.sizeHint().height()
    assert b.height() >= b.sizeHint().height() and b.width() >= b.sizeHint().width()
    tall = RubyButton("職員《しょくいん》を 呼《よ》ぶ")
    column(tall)
    assert tall.height() >= theme.BUTTON_HEIGHT, "the stylesheet's minimum still holds"


# --- the chooser ----------------------------------------------------------------------------------


def _chooser(qtbot, size=(1280, 800), scale=1.0, current="ja"):
    window = QWidget()
    window.setObjectName("kiosk")
    window.setStyleSheet(theme.stylesheet(scale))
    qtbot.addWidget(window)
    window.resize(*size)
    chosen: list[str] = []
    chooser = LanguageChooser(window, chosen.append, current=current)
    window.show()
    chooser.show()
    qtbot.waitExposed(window)
    return window, chooser, chosen


@pytest.mark.parametrize("size, scale", [((1280, 800), 1.0), ((1280, 800), 1.5), ((1920, 1080), 1.35)])
def test_the_chooser_shows_every_language_in_big_buttons_on_one_screen(qtbot, size, scale):
    window, chooser, _ = _chooser(qtbot, size, scale, current=codes()[-1])
    assert chooser.geometry() == window.rect()
    assert [b.accessibleName() for b in chooser.buttons.values()] == [info.native_name for info in REGISTRY]
    for b in chooser.choices():
        assert b.isVisible()
        assert b.height() >= 96 * theme.scale_for(*size), b.text()
        assert b.sizeHint().width() <= b.width() + 1, f"{b.text()!r} cut off"
        top_left = b.mapTo(window, b.rect().topLeft())
        assert window.rect().contains(top_left) and window.rect().contains(top_left + b.rect().bottomRight())
    current = chooser.buttons[codes()[-1]]
    assert current.property("kind") == "primary" and current.text().startswith("✓")
    others = [b for code, b in chooser.buttons.items() if code != codes()[-1]]
    assert all(not b.property("kind") and not b.text().startswith("✓") for b in others)


def test_tapping_a_language_chooses_it_and_close_chooses_nothing(qtbot):
    _, chooser, chosen = _chooser(qtbot)
    qtbot.mouseClick(chooser.buttons[codes()[-1]], Qt.MouseButton.LeftButton)
    assert chosen == [codes()[-1]] and not chooser.isVisible()
    _, chooser, chosen = _chooser(qtbot)
    qtbot.mouseClick(chooser.close_button, Qt.MouseButton.LeftButton)
    assert chosen == [] and not chooser.isVisible()


def test_the_ten_key_moves_through_the_languages_and_enter_chooses(qtbot):
    window, chooser, chosen = _chooser(qtbot)
    heard = []
    chooser._on_focus = heard.append
    for key in (Qt.Key.Key_Plus, Qt.Key.Key_Plus, Qt.Key.Key_Minus):
        qtbot.keyClick(chooser, key)
    assert heard == [REGISTRY[1], REGISTRY[2 % len(REGISTRY)], REGISTRY[1]]
    assert chooser.choices()[1].property("keyfocus") is True
    assert [b for b in chooser.choices() if b.property("keyfocus")] == [chooser.choices()[1]]
    qtbot.keyClick(chooser, Qt.Key.Key_Enter)
    assert chosen == [REGISTRY[1].code]


def test_escape_closes_the_chooser(qtbot):
    _, chooser, chosen = _chooser(qtbot)
    qtbot.keyClick(chooser, Qt.Key.Key_Escape)
    assert chosen == [] and not chooser.isVisible()


def test_every_registry_language_installs(qapp):
    languages = Languages()
    try:
        for code in codes():
            languages.apply(code)
            assert languages.current == code
    finally:
        languages.apply(DEFAULT)


def test_a_counter_after_a_number_is_left_to_the_voice():
    """8日 is ようか and 1回 いっかい: a fixed reading beside a number would be said wrong; the voice gets the kanji."""
    from kiosk.ui.ruby import reading

    assert reading("{month}月《がつ》{day}日《にち》") == "{month}月{day}日"
    assert reading("8日《にち》に 病院《びょういん》へ") == "8日に びょういんへ"


def test_chinese_and_korean_are_drawn_in_their_own_fonts(kiosk_for):
    from kiosk.simulation.harness import make_harness

    k = kiosk_for(make_harness())
    k.window.set_language("zh-Hans")
    assert 'font-family: "Noto Sans CJK SC"' in k.window.styleSheet()
    k.window.set_language("ja")
    assert 'font-family: "Noto Sans CJK JP"' in k.window.styleSheet()
