"""Screen content as data (kiosk.ui.content) and the page interface the ten-key and the voice guide use.

The pages stand on a small PageHost of their own here (the window's part is tested with the window), so
what a page asks of its host — an announcement, a chime, a switch — is seen exactly.
"""
from __future__ import annotations

import subprocess
import sys
from dataclasses import replace
from datetime import date

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QLabel, QPushButton, QVBoxLayout, QWidget

from kiosk.core import events as ev
from kiosk.core.domain import CardFacts, Sex
from kiosk.core.states import State
from kiosk.core.view import ACCEPTED, Outcome, View
from kiosk.simulation.player import stand_in
from kiosk.ui import content, theme
from kiosk.ui.content import SCREENS, guidance_text, speech_of
from kiosk.ui.language import Languages
from kiosk.ui.screens import PAGES
from kiosk.ui.screens.declaration import DeclarationPage

NAME = "秘密 花子"
KANA = "ヒミツ　ハナコ"
FACTS = CardFacts(name=NAME, address="東京都千代田区秘密町1-2-3", birth_date=date(1961, 7, 9), sex=Sex.FEMALE)
SECRETS = (NAME, "秘密", KANA, "ヒミツ", FACTS.address, "千代田", "1961", "7月9日")


class Host:
    """The window's side of a page (PageHost), recording what the page asks of it."""

    def __init__(self, *, scale: float = 1.0, large_text: bool = False, voice_on: bool = False,
                 language: str = "ja") -> None:
        self.scale, self.large_text, self.voice_on, self.language = scale, large_text, voice_on, language
        self.unhurried = False
        self.sent: list[ev.Event] = []
        self.announced: list[str] = []
        self.chimes: list[int] = []
        self.asked: list[str] = []

    def send(self, event: ev.Event):
        self.sent.append(event)
        return ACCEPTED

    def open_staff_entry(self) -> None:
        self.asked.append("staff_entry")

    def open_language_chooser(self) -> None:
        self.asked.append("language_chooser")

    def play_chime(self, level: int = 0) -> None:
        self.chimes.append(level)

    def toggle_voice(self) -> None:
        self.voice_on = not self.voice_on

    def repeat_speech(self) -> None:
        self.asked.append("repeat")

    def announce(self, text: str) -> None:
        self.announced.append(text)

    def toggle_large_text(self) -> None:
        self.large_text = not self.large_text

    def toggle_unhurried(self) -> None:
        self.unhurried = not self.unhurried


class Screen:
    """One page on a 1280×800 surface styled at the host's scale, as the window would hold it."""

    def __init__(self, qtbot, view: View, host: Host, size=(1280, 800)) -> None:
        self.host = host
        self.root = QWidget()
        self.root.setObjectName("kiosk")
        self.root.setStyleSheet(theme.stylesheet(host.scale))
        self.root.resize(*size)
        layout = QVBoxLayout(self.root)
        layout.setContentsMargins(0, 0, 0, 0)
        self.page = PAGES[view.state](view, host)
        layout.addWidget(self.page)
        qtbot.addWidget(self.root)
        self.root.show()
        qtbot.waitExposed(self.root)

    def button(self, name: str) -> QPushButton:
        [b] = [b for b in self.page.findChildren(QPushButton, name) if b.isVisibleTo(self.page)]
        return b

    def label(self, name: str) -> QLabel:
        [lab] = [lab for lab in self.page.findChildren(QLabel, name) if lab.isVisibleTo(self.page)]
        return lab


@pytest.fixture
def screen(qtbot):
    return lambda view, host=None, **kw: Screen(qtbot, view, host or Host(), **kw)


@pytest.fixture
def english(qapp):
    languages = Languages()
    languages.apply("en")
    yield
    languages.apply("ja")


def _view(state: State) -> View:
    return stand_in(state).flow.view()


# --- the content itself --------------------------------------------------------------------------


def test_every_state_has_its_screen_spec_and_every_screen_speaks():
    assert set(SCREENS) == set(State)
    for state, spec in SCREENS.items():
        assert spec.state is state
        assert spec.title, f"{state.value} has no title"
        said = speech_of(state)
        assert said and all(p.strip() for p in said), state.value


def test_the_content_needs_no_widgets(english):
    """``kiosk voice say --screen`` speaks a screen with only a QCoreApplication and a translator."""
    script = (
        "import sys\n"
        "from PySide6.QtCore import QCoreApplication\n"
        "app = QCoreApplication([])\n"
        "from kiosk.core.states import State\n"
        "from kiosk.ui.content import speech_of\n"
        "from kiosk.ui.language import Languages\n"
        "languages = Languages()\n"
        "languages.apply('en')\n"
        "print(speech_of(State.PIN)[0])\n"
        "assert 'PySide6.QtWidgets' not in sys.modules, 'content pulled in widgets'\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == QCoreApplication.translate("Screen", SCREENS[State.PIN].title)
    assert done.stdout.isascii(), "the English catalog speaks English"


@pytest.mark.parametrize("lang", ["ja", "en"])
def test_speech_never_says_a_name_an_address_or_chip_data(qapp, lang):
    languages = Languages()
    languages.apply(lang)
    try:
        for state in State:
            view = replace(_view(state), patient_name=NAME, card_facts=FACTS, name_kana=KANA)
            said = " ".join(speech_of(state, view))
            for secret in SECRETS:
                assert secret not in said, f"{state.value} ({lang}) says {secret!r}"
    finally:
        languages.apply("ja")


def test_speech_says_the_safe_facts_of_the_view():
    pin = replace(_view(State.PIN), pin_failures=1, pin_tries_left=2)
    said = speech_of(State.PIN, pin)
    assert "暗証番号がちがいます。" in said
    assert "注意：あと2回まちがえると、カードがロックされます。" in said
    assert any("「確定」のキー" in p for p in said), "which key sends the PIN"
    done = replace(_view(State.DONE), outcome=Outcome.FALLBACK.value, card_reminder=0)
    said = speech_of(State.DONE, done)
    assert said[0] == "受付しました。" and "保険の資格は、あとで職員が確認します。" in said
    assert QCoreApplication.translate("Speech", content.CARD_REMINDER) in said
    assert "declare" in _view(State.QUAL_INVALID).actions
    assert QCoreApplication.translate("Speech", content.DECLARE_OFFERED) in speech_of(
        State.QUAL_INVALID, _view(State.QUAL_INVALID))


def test_face_guidance_has_words_for_sitting_and_the_chin_and_a_childs_version():
    assert guidance_text(("sit_ok",)) == "すわったままでだいじょうぶです。カメラを見てください。"
    assert guidance_text(("tilted_up",)) == "あごを少し引いて、カメラを見てください。"
    for code in ("sit_ok", "tilted_up", "no_face", "off_centre"):
        child = guidance_text((code,), child=True)
        assert child.startswith("お子さま") and child != guidance_text((code,)), code
    assert guidance_text(("several_faces",), child=True) == guidance_text(("several_faces",))
    assert guidance_text(("unknown", "mask")) == "マスクを外してください。", "the first code with words"
    face = replace(_view(State.FACE), child_mode=True, guidance=("tilted_up",))
    said = speech_of(State.FACE, face)
    assert said[:2] == ["お子さまの顔を枠内に入れてください", guidance_text(("tilted_up",), child=True)]


# --- pages drawn from the content ------------------------------------------------------------------


@pytest.mark.parametrize("state", list(State), ids=lambda s: s.value)
def test_every_page_shows_its_specs_words_and_choices(screen, state):
    view = _view(state)
    s = screen(view)
    spec = SCREENS[state]
    page = s.page
    shown = [w.text() for w in page.findChildren(QLabel) + page.findChildren(QPushButton) if w.isVisibleTo(page)]
    assert any(QCoreApplication.translate(spec.context, spec.title) in t for t in shown), state.value
    for choice in spec.choices:
        names = [b for b in page.findChildren(QPushButton, choice.name)]
        assert names, f"{state.value}: no {choice.name}"
    assert page.speech()[: len(speech_of(state, view))] == speech_of(state, view)


def test_choices_are_in_reading_order_and_skip_digit_keys(screen):
    s = screen(_view(State.PIN), Host(voice_on=True))
    names = [b.objectName() for b in s.page.choices()]
    assert names == ["key_back", "key_cancel", "btn_repeat", "btn_call_staff"], "確定 is off until 4 digits"
    assert s.page.default_choice() is None
    assert s.page.choice_speech(s.button("key_cancel")) == "キャンセル。受付をやめて、はじめにもどります。"


def test_the_pin_goes_only_with_confirm_and_the_voice_never_says_a_digit(screen):
    host = Host()
    s = screen(_view(State.PIN), host)
    page = s.page
    for d in "9876":
        assert page.key_digit(d)
    assert host.announced == ["1けた目を入力しました", "2けた目を入力しました", "3けた目を入力しました",
                              "4けた目を入力しました。「確定」のキーを押してください。"]
    assert not any(isinstance(e, ev.SubmitPin) for e in host.sent), "no auto-send on the 4th digit"
    assert s.label("pin_dots").text() == "● ● ● ●"
    assert page.key_digit("5")  # a fifth key changes nothing
    assert s.label("pin_dots").text() == "● ● ● ●"
    assert page.key_erase()
    assert host.announced[-1] == "1けた消しました"
    assert not s.button("key_ok").isEnabled()
    page.key_digit("1")
    assert page.default_choice() is s.button("key_ok") and s.button("key_ok").isEnabled()
    page.default_choice().click()
    assert [e.pin for e in host.sent if isinstance(e, ev.SubmitPin)] == ["9871"]
    assert s.label("pin_dots").text() == "○ ○ ○ ○"


def test_erase_on_an_empty_pin_says_nothing(screen):
    host = Host()
    s = screen(_view(State.PIN), host)
    assert s.page.key_erase() and host.announced == []


def test_pages_without_digits_leave_the_keys_to_the_window(screen):
    s = screen(_view(State.CONSENT))
    assert not s.page.key_digit("1") and not s.page.key_erase()
    assert s.page.default_choice() is s.button("btn_consent_yes")


def test_the_declarations_telephone_takes_the_ten_keys_digits(screen):
    host = Host()
    s = screen(_view(State.DECLARATION), host)
    page: DeclarationPage = s.page  # type: ignore[assignment]
    assert not page.key_digit("0"), "the card's facts take no digits"
    page.default_choice().click()  # まちがいありません
    s.button("btn_kana_unknown").click()
    assert page.stack.currentIndex() == page.PHONE
    assert host.announced[-1].startswith("連絡先の電話番号を入力してください")
    for d in "0312345678":
        assert page.key_digit(d)
    assert host.announced[-10:] == [f"{n}けた目を入力しました" for n in range(1, 11)], "which digit, never the digit"
    assert page.key_erase() and host.announced[-1] == "1けた消しました"
    assert page.default_choice() is None, "9 digits: 次へ waits"
    page.key_digit("8")
    page.default_choice().click()
    assert page.stack.currentIndex() == page.TYPE
    assert page.speech()[0] == "加入している保険の種類を選んでください"


def test_idle_switches_show_their_state_and_flip(screen):
    host = Host()
    s = screen(_view(State.IDLE), host)
    assert s.button("btn_voice").text() == "音声案内\nオフ"
    assert s.button("btn_large_text").text() == "文字を大きく\nオフ"
    assert s.button("btn_unhurried").text() == "ゆっくり操作\nオフ"
    assert s.button("btn_language").text() == "Language / 言語\n日本語"
    s.button("btn_voice").click()
    assert host.voice_on and s.button("btn_voice").text() == "音声案内\nオン"
    assert s.page.choice_speech(s.button("btn_voice")) == "音声案内。いまはオンです。「確定」のキーで切り替えます。"
    s.button("btn_unhurried").click()
    assert s.button("btn_unhurried").text() == "ゆっくり操作\nオン"
    s.button("btn_language").click()
    assert host.asked == ["language_chooser"]


def test_hear_again_is_in_the_bar_only_while_the_voice_is_on(screen):
    off = screen(_view(State.CHOOSE_METHOD), Host())
    assert not off.page.findChildren(QPushButton, "btn_repeat")
    host = Host(voice_on=True)
    on = screen(_view(State.CHOOSE_METHOD), host)
    on.button("btn_repeat").click()
    assert host.asked == ["repeat"]
    on.button("btn_language").click()
    assert host.asked == ["repeat", "language_chooser"]


def test_done_asks_for_the_card_with_a_chime_and_louder_when_escalated(screen):
    host = Host()
    view = replace(_view(State.DONE), card_reminder=0)
    s = screen(view, host)
    assert s.label("card_reminder").text() == "マイナンバーカードをお取りください"
    assert host.chimes == [0]
    s.page.update_view(replace(view, card_reminder=0, seconds_left=3))
    assert host.chimes == [0], "not again within the same level"
    s.page.update_view(replace(view, card_reminder=1))
    assert host.chimes == [0, 1] and s.label("card_reminder").property("role") == "alert"
    s.page.update_view(replace(view, card_reminder=None))
    assert not s.page.findChild(QLabel, "card_reminder").isVisibleTo(s.page)


def test_no_chime_on_done_once_the_card_is_out(screen):
    host = Host()
    screen(replace(_view(State.DONE), card_reminder=None), host)
    assert host.chimes == []


# --- sizes: every page fits 1280×800, at the normal size and under large text ------------------------


def _cut(page: QWidget, width: int) -> list[str]:
    found = []
    for b in page.findChildren(QPushButton):
        if not b.isVisibleTo(page):
            continue
        if b.sizeHint().width() > b.width() + 1 or b.height() < b.minimumSizeHint().height() - 1:
            found.append(f"{b.objectName()} {b.text()!r} squeezed")
        if b.mapTo(page, b.rect().bottomRight()).x() > width:
            found.append(f"{b.objectName()} beyond the right edge")
    for lab in page.findChildren(QLabel):
        if not lab.isVisibleTo(page) or not lab.text():
            continue
        needed = lab.heightForWidth(lab.width()) if lab.wordWrap() else lab.sizeHint().height()
        if lab.height() < needed - 1:
            found.append(f"{lab.text()!r} cut")
        if lab.mapTo(page, lab.rect().bottomRight()).x() > width:
            found.append(f"{lab.text()!r} beyond the right edge")
    return found


def _pages_of(s: Screen):
    """The page, and each question of the 申立書 in turn."""
    yield s.page.state.value
    if isinstance(s.page, DeclarationPage):
        for i in range(1, s.page.stack.count()):
            s.page._show(i)
            QCoreApplication.processEvents()
            yield f"declaration page {i}"


@pytest.mark.parametrize("lang", ["ja", "en"])
@pytest.mark.parametrize("large", [False, True], ids=["normal", "large_text"])
def test_every_page_fits_at_1280x800(screen, qapp, lang, large):
    languages = Languages()
    languages.apply(lang)
    try:
        for state in State:
            host = Host(scale=theme.LARGE_TEXT if large else 1.0, large_text=large, voice_on=True, language=lang)
            view = _view(state)
            if state is State.DONE:
                view = replace(view, card_reminder=1, certificate="expiring")
            if state is State.FACE:
                view = replace(view, child_mode=True, guidance=("sit_ok",), face_failures=1)
            s = screen(view, host)
            for where in _pages_of(s):
                qapp.processEvents()
                assert _cut(s.page, 1280) == [], f"{where} ({lang}, large={large})"
                if not large:
                    assert s.page.body_scroll.verticalScrollBar().maximum() == 0, f"{where} scrolls at the normal size"
            s.root.close()
    finally:
        languages.apply("ja")
