"""The 申立書 form on the kiosk screen, driven by clicks: what it shows, what it sends, how it looks."""
from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QPushButton

from kiosk.core import events as ev
from kiosk.core.fallback import InsuranceType
from kiosk.core.qualification import QualificationResult, Validity
from kiosk.core.states import State
from kiosk.core.values import ReceptionRecord
from kiosk.simulation.fakes import DEMO_FACTS, DEMO_RECORD, FakeQualificationChecker
from kiosk.simulation.harness import make_harness
from kiosk.simulation.player import stand_in
from kiosk.ui import theme
from kiosk.ui.demo import DEMO_STAFF, DEMO_STAFF_PIN
from kiosk.ui.kana_keyboard import full_width
from kiosk.ui.language import Languages
from kiosk.ui.staff_sign_in import FixedSignIn
from kiosk.ui.window import KioskWindow

PHONE = "09012345678"


class Screen:
    def __init__(self, qtbot, rig, size=(1280, 800), lang="ja") -> None:
        self.qtbot, self.rig = qtbot, rig
        self.languages = Languages()
        self.window = KioskWindow(FixedSignIn(DEMO_STAFF, DEMO_STAFF_PIN), self.languages, send=rig.flow.dispatch)
        rig.flow.add_listener(self.window.show_view)
        qtbot.addWidget(self.window)
        self.window.resize(*size)
        self.window.show_view(rig.flow.view())
        if lang != "ja":
            self.window.set_language(lang)
        self.window.show()
        qtbot.waitExposed(self.window)

    def visible(self, cls, name: str | None = None):
        return [w for w in self.window.findChildren(cls, name) if w.isVisible()]

    def click(self, *names: str) -> None:
        for name in names:
            [b] = self.visible(QPushButton, name)
            assert b.isEnabled(), f"{name} is disabled"
            self.qtbot.mouseClick(b, Qt.LeftButton)

    def text(self, name: str) -> str:
        [lab] = self.visible(QLabel, name)
        return lab.text()

    def texts(self) -> str:
        return " ".join(w.text() for w in self.visible(QLabel) + self.visible(QPushButton))


@pytest.fixture
def screen(qtbot):
    made: list[Screen] = []

    def make(rig, **kwargs) -> Screen:
        made.append(Screen(qtbot, rig, **kwargs))
        return made[-1]

    yield make
    for s in made:  # never leave an English translator installed for the next test
        s.languages.apply("ja")


def _invalid_rig():
    rig = make_harness(qualification=FakeQualificationChecker(QualificationResult(Validity.INVALID, (DEMO_RECORD,))))
    rig.send(ev.CardInserted(), ev.ChoosePin(), ev.SubmitPin("1234"))
    return rig


def _fill(s: Screen, phone: str = PHONE, kind: str = "btn_type_national", burden: str = "btn_burden_20") -> None:
    """Through every page; the kana name as the screen offers it (the terminal's, or 「わからない」)."""
    s.click("btn_facts_ok")
    s.click("btn_kana_next" if s.visible(QPushButton, "btn_kana_next") else "btn_kana_unknown")
    for digit in phone:
        s.click(f"phone_key_{digit}")
    s.click("btn_phone_next")
    s.click(kind)
    s.click("btn_insurer_unknown")
    if kind in ("btn_type_employee", "btn_type_unknown"):
        s.click("btn_employer_unknown")
    s.click(burden)


def test_the_whole_form_by_touch_ends_in_a_fallback_reception_and_an_honest_done_screen(screen):
    rig = _invalid_rig()
    s = screen(rig)
    s.click("btn_declare")
    assert rig.state is State.DECLARATION
    assert s.text("fact_name") == DEMO_FACTS.name and s.text("fact_address") == DEMO_FACTS.address
    assert s.text("fact_birth_date") == "1980年2月17日" and s.text("fact_sex") == "男性"
    _fill(s)
    assert s.text("summary_phone") == "090-1234-5678"
    assert (s.text("summary_type"), s.text("summary_burden")) == ("国民健康保険", "2割")
    s.click("btn_declaration_submit")
    assert rig.state is State.DONE
    assert s.text("title") == f"{DEMO_FACTS.name}様 受付しました。"
    assert "確認が完了しました" not in s.texts()
    assert s.text("fallback_note") == "保険の資格は、あとで職員が確認します。"
    [(_, declaration)] = rig.store.declarations
    assert (declaration.contact, declaration.insurance_type, declaration.burden_percent) == (
        "090-1234-5678", InsuranceType.NATIONAL, 20)
    assert declaration.name_kana == full_width(DEMO_RECORD.name_kana), "the terminal's kana, as the patient saw it"


def test_the_phone_keypad_needs_a_whole_number_and_can_be_corrected(screen):
    s = screen(stand_in(State.DECLARATION))
    s.click("btn_facts_ok", "btn_kana_unknown")
    for digit in "031234567":
        s.click(f"phone_key_{digit}")
    assert not s.visible(QPushButton, "btn_phone_next")[0].isEnabled(), "9 digits are not a number"
    s.click("phone_key_8")
    assert s.text("phone_digits") == "03-1234-5678"
    for digit in "999":  # at most 11 digits
        s.click(f"phone_key_{digit}")
    assert s.text("phone_digits") == "031-2345-6789"
    s.click("phone_key_back")
    assert s.text("phone_digits") == "03-1234-5678"
    s.click("btn_declaration_back")
    assert s.visible(QPushButton, "btn_kana_type"), "もどる returns to the kana question"
    s.click("btn_declaration_back")
    assert s.visible(QPushButton, "btn_facts_ok"), "and from there to the card's facts"


def test_choices_can_be_changed_on_the_way_back(screen):
    s = screen(stand_in(State.DECLARATION))
    _fill(s, kind="btn_type_unknown", burden="btn_burden_unknown")
    assert (s.text("summary_type"), s.text("summary_burden")) == ("わからない", "わからない")
    s.click("btn_declaration_back")
    s.click("btn_burden_10")
    assert s.text("summary_burden") == "1割"


def test_the_button_shows_only_where_the_form_can_be_filled_in(screen):
    assert screen(stand_in(State.TERMINAL_DOWN)).visible(QPushButton, "btn_declare")
    assert not screen(stand_in(State.CERT_EXPIRED)).visible(QPushButton, "btn_declare")
    assert not screen(stand_in(State.QUAL_SEVERAL)).visible(QPushButton, "btn_declare")


def test_a_fallback_finished_by_staff_is_not_called_confirmed(screen):
    rig = stand_in(State.TERMINAL_DOWN)
    rig.flow.devices.store.receptions.append(ReceptionRecord(  # a returning patient: the last visit bills
        "earlier", rig.clock.now(), rig.clock.now(), "completed", facts=DEMO_FACTS, billing=DEMO_RECORD))
    s = screen(rig, lang="en")
    assert rig.flow.dispatch(ev.StaffCompleteFallback("sato", choice="last_visit"))
    rig.settle()
    assert rig.flow.state is State.DONE
    assert s.text("title") == f"{DEMO_RECORD.name}, you are checked in."
    assert s.text("fallback_note") == "Staff will confirm your insurance later."


KANA = ("kana_ヤ", "kana_マ", "kana_タ", "kana_dakuten", "kana_space", "kana_タ", "kana_ロ", "kana_ウ")
PAGES = (  # the taps from one page to the next: every page of the form, the longest answers shown
    ("btn_facts_ok",), ("btn_kana_type",), (*KANA, "btn_kana_next"),
    (*(f"phone_key_{d}" for d in PHONE), "btn_phone_next"), ("btn_type_employee",), ("btn_insurer_type",),
    (*KANA * 2, "btn_insurer_next"), ("btn_employer_type",), (*KANA * 2, "kana_erase", "btn_employer_next"),
    ("btn_burden_30",),
)


@pytest.mark.parametrize("size", [(1280, 800), (1920, 1080)])
@pytest.mark.parametrize("lang", ["ja", "en"])
def test_every_page_of_the_form_is_big_enough_and_nothing_is_cut_off(screen, qapp, size, lang):
    s = screen(stand_in(State.DECLARATION), size=size, lang=lang)
    scale = theme.scale_for(*size)
    for taps in (*PAGES, ()):
        qapp.processEvents()
        assert s.window.height() == size[1], "the form fits the screen"
        for b in s.visible(QPushButton):
            assert b.height() >= 90 and b.font().pixelSize() >= 32, b.objectName()
            assert b.sizeHint().width() <= b.width() + 1, f"{b.objectName()} text cut off"
        for lab in s.visible(QLabel):
            if lab.text():
                assert lab.font().pixelSize() >= round(32 * scale) - 1, lab.text()
                needed = lab.heightForWidth(lab.width()) if lab.wordWrap() else lab.sizeHint().height()
                assert lab.height() >= needed - 1, f"{lab.text()!r} cut off"
                assert lab.geometry().bottom() <= lab.parentWidget().height(), f"{lab.text()!r} off screen"
        s.click(*taps)
