"""The 申立書 form's typed answers, driven by taps on the real widgets: the kana name on the on-screen
katakana keys (or prefilled from the terminal), the insurer and the employer, each with 「わからない」,
and exactly those answers in the SubmitDeclaration the form sends."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.core import events as ev
from kiosk.core.fallback import InsuranceType
from kiosk.core.states import State
from kiosk.simulation.player import stand_in
from kiosk.simulation.script import named
from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN
from kiosk.ui.language import Languages
from kiosk.ui.staff_sign_in import FixedSignIn
from kiosk.ui.window import KioskWindow

PHONE = "09012345678"
NAME = ("シ", "ヨ", "small", "シ", "ン", "space", "ハ", "ナ", "コ")  # ショシン　ハナコ


class Form:
    """A kiosk window on a rig standing in DECLARATION; every event the screen sends is kept."""

    def __init__(self, qtbot, rig, lang: str = "ja") -> None:
        self.qtbot, self.rig = qtbot, rig
        self.sent: list[ev.Event] = []
        self.languages = Languages()
        self.window = KioskWindow(FixedSignIn(DEMO_STAFF, DEMO_STAFF_PIN), self.languages, send=self._send)
        rig.flow.add_listener(self.window.show_view)
        qtbot.addWidget(self.window)
        self.window.resize(1280, 800)
        self.window.show_view(rig.flow.view())
        if lang != "ja":
            self.window.set_language(lang)
        self.window.show()
        qtbot.waitExposed(self.window)

    def _send(self, event: ev.Event):
        self.sent.append(event)
        return self.rig.flow.dispatch(event)

    def visible(self, cls, name: str):
        return [w for w in self.window.findChildren(cls, name) if w.isVisible()]

    def button(self, name: str) -> QPushButton:
        found = self.visible(QPushButton, name)
        assert len(found) == 1, f"{name}: {len(found)} visible"
        return found[0]

    def click(self, *names: str) -> None:
        for name in names:
            b = self.button(name)
            assert b.isEnabled(), f"{name} is disabled"
            self.qtbot.mouseClick(b, Qt.LeftButton)

    def keys(self, *keys: str) -> None:
        """Taps on the katakana keys: a letter, or dakuten / handakuten / small / space / erase."""
        self.click(*(f"kana_{k}" for k in keys))

    def text(self, name: str) -> str:
        [lab] = self.visible(QLabel, name)
        return lab.text()

    def title(self) -> str:
        return self.text("title")

    def declaration(self):
        [submitted] = [e for e in self.sent if isinstance(e, ev.SubmitDeclaration)]
        return submitted.declaration


@pytest.fixture
def form(qtbot):
    made: list[Form] = []

    def make(rig=None, **kwargs) -> Form:
        made.append(Form(qtbot, rig or stand_in(State.DECLARATION), **kwargs))
        return made[-1]

    yield make
    for f in made:  # never leave an English translator installed for the next test
        f.languages.apply("ja")


def _prefilled_rig():
    """資格（無効）: the terminal's answer carries the old record's kana name (ﾐﾎﾝ ﾀﾛｳ)."""
    return stand_in(State.DECLARATION, {"kiosk-declaration": named()["kiosk-declaration"]})


def _phone_and_type(f: Form, kind: str) -> None:
    f.click(*(f"phone_key_{d}" for d in PHONE), "btn_phone_next", kind)


def test_the_kana_name_typed_on_the_keys_and_insurer_and_employer_typed_are_sent_exactly(form):
    f = form()
    assert f.rig.flow.view().name_kana == "", "a first visit with the terminal down: no kana to prefill"
    f.click("btn_facts_ok")
    assert f.title() == "お名前のフリガナを入力してください"
    f.click("btn_kana_type")
    assert not f.button("btn_kana_next").isEnabled(), "nothing typed yet"
    f.keys(*NAME)
    assert f.text("kana_typed") == "ショシン　ハナコ"
    f.click("btn_kana_next")
    _phone_and_type(f, "btn_type_employee")
    assert f.title() == "保険者の名前を入力してください"
    f.click("btn_insurer_type")
    f.keys("キ", "ヨ", "small", "ウ", "カ", "イ", "ケ", "ン", "ホ", "handakuten")
    assert f.text("insurer_typed") == "キョウカイケンポ"
    f.click("btn_insurer_next")
    assert f.title() == "お勤め先の名前を入力してください"
    f.click("btn_employer_type")
    f.keys("ミ", "ナ", "ト", "セ", "イ", "カ")
    f.click("btn_employer_next", "btn_burden_30")
    assert (f.text("summary_kana"), f.text("summary_insurer"), f.text("summary_employer")) == (
        "ショシン　ハナコ", "キョウカイケンポ", "ミナトセイカ")
    assert f.text("declaration_note") == "保険の資格は、あとで職員が確認します。", "a kana name: no staff warning"
    f.click("btn_declaration_submit")
    d = f.declaration()
    assert (d.name_kana, d.insurer_name, d.employer) == ("ショシン　ハナコ", "キョウカイケンポ", "ミナトセイカ")
    assert (d.contact, d.insurance_type, d.burden_percent) == ("090-1234-5678", InsuranceType.EMPLOYEE, 30)
    f.rig.settle()  # the bill: 不詳 can be made, since the patient gave the kana
    assert f.rig.flow.state is State.DONE


def test_i_dont_know_for_insurer_and_employer_sends_empty_answers(form):
    f = form()
    f.click("btn_facts_ok", "btn_kana_type")
    f.keys("ハ", "ナ", "コ")
    f.click("btn_kana_next")
    _phone_and_type(f, "btn_type_unknown")
    f.click("btn_insurer_unknown")
    assert f.title() == "お勤め先の名前を入力してください", "わからない type: the employer is still asked"
    f.click("btn_employer_unknown", "btn_burden_unknown")
    assert (f.text("summary_insurer"), f.text("summary_employer")) == ("わからない", "わからない")
    f.click("btn_declaration_submit")
    d = f.declaration()
    assert (d.name_kana, d.insurer_name, d.employer) == ("ハナコ", "", "")


def test_the_employer_is_not_asked_for_national_insurance_and_a_changed_type_drops_it(form):
    f = form()
    f.click("btn_facts_ok", "btn_kana_unknown")
    _phone_and_type(f, "btn_type_employee")
    f.click("btn_insurer_unknown", "btn_employer_type")
    f.keys("ア", "オ", "イ")
    f.click("btn_employer_next")
    for _ in range(3):  # burden → employer's keys → employer's question → insurer's question
        f.click("btn_declaration_back")
    f.click("btn_declaration_back")  # → the insurance type
    f.click("btn_type_national", "btn_insurer_type")
    f.keys("ミ", "ナ", "ト", "ク")
    f.click("btn_insurer_next")
    assert f.visible(QPushButton, "btn_burden_30"), "国民健康保険: straight from the insurer to the burden"
    f.click("btn_burden_20")
    assert not f.visible(QLabel, "summary_employer")
    f.click("btn_declaration_submit")
    d = f.declaration()
    assert (d.insurance_type, d.insurer_name, d.employer) == (InsuranceType.NATIONAL, "ミナトク", "")


def test_the_terminals_kana_comes_prefilled_and_can_be_sent_as_it_is_or_corrected(form):
    f = form(_prefilled_rig())
    assert f.rig.flow.view().name_kana == "ﾐﾎﾝ ﾀﾛｳ"
    f.click("btn_facts_ok")
    assert f.text("kana_typed") == "ミホン　タロウ", "the terminal's half-width kana, in the letters the keys type"
    assert f.button("btn_kana_next").isEnabled()
    f.click("btn_kana_next")
    _phone_and_type(f, "btn_type_late_elderly")
    f.click("btn_insurer_unknown", "btn_burden_10")
    assert f.text("summary_kana") == "ミホン　タロウ"
    f.click(*["btn_declaration_back"] * 5)  # summary → burden → insurer → type → phone → the kana keys
    f.keys("erase", "erase", "erase", "シ", "dakuten", "ロ", "ウ")
    assert f.text("kana_typed") == "ミホン　ジロウ"
    f.click("btn_kana_next", "btn_phone_next", "btn_type_late_elderly", "btn_insurer_unknown", "btn_burden_10",
            "btn_declaration_submit")
    d = f.declaration()
    assert (d.name_kana, d.insurer_name, d.employer) == ("ミホン　ジロウ", "", "")


def test_i_dont_know_for_the_kana_says_staff_will_ask_and_the_flow_calls_them(form):
    f = form()
    f.click("btn_facts_ok")
    assert "職員がお手伝いします" in f.text("kana_note")
    f.click("btn_kana_unknown")
    _phone_and_type(f, "btn_type_national")
    f.click("btn_insurer_unknown", "btn_burden_30")
    assert f.text("summary_kana") == "わからない"
    note = f.visible(QLabel, "declaration_note")[0]
    assert note.property("role") == "caution"
    assert note.text().startswith("フリガナがないため、職員がうかがうことがあります。「職員を呼びました」と出たら")
    f.click("btn_declaration_submit")
    assert f.declaration().name_kana == ""
    assert f.visible(QLabel, "declaration_sending"), "受け付けています… while the bill is decided"
    assert not f.visible(QPushButton, "btn_declaration_back"), "no way back while the bill is decided"
    f.rig.settle()  # a first visit and no kana: 不詳 cannot be billed
    view = f.rig.flow.view()
    assert (view.state, view.staff_reason) == (State.WAITING_STAFF, "declaration_incomplete")
    assert f.title() == "職員を呼びました", "the screen the note told the patient to expect"


def test_every_key_press_is_activity_and_marks_change_the_last_letter(form):
    f = form()
    f.click("btn_facts_ok", "btn_kana_type")
    before = len(f.sent)
    f.keys("ハ", "dakuten")
    assert f.text("kana_typed") == "バ"
    f.keys("handakuten")
    assert f.text("kana_typed") == "パ"
    f.keys("handakuten", "ツ", "small", "space", "space")
    assert f.text("kana_typed") == "ハッ　", "゜ again takes it off; one space only"
    f.keys("erase", "erase", "erase", "erase")
    assert f.text("kana_typed") == "" and not f.button("btn_kana_next").isEnabled()
    assert sum(isinstance(e, ev.Touch) for e in f.sent[before:]) == 12, "each key press keeps the form awake"


def test_typing_stops_at_the_limit(form):
    f = form()
    f.click("btn_facts_ok", "btn_kana_type")
    f.keys(*["ア"] * 25)
    assert f.text("kana_typed") == "ア" * 20


def test_the_keyboard_pages_in_english_keep_kana_keys_and_translate_the_words(form):
    f = form(lang="en")
    f.click("btn_facts_ok")
    assert f.title() == "Please enter your name in katakana"
    f.click("btn_kana_type")
    assert (f.button("kana_small").text(), f.button("kana_space").text(), f.button("kana_erase").text()) == (
        "Small", "Space", "Erase")
    assert f.button("kana_ア").text() == "ア"
    assert f.text("kana_prompt") == "Your name in katakana"
