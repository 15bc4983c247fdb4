"""The katakana keyboard's letters: what ゛ ゜ 小 do to the last letter, and the terminal's half-width kana."""
from __future__ import annotations

import pytest

from kiosk.ui.kana_keyboard import COLUMNS, DAKUTEN, HANDAKUTEN, full_width, toggle_small, with_mark


@pytest.mark.parametrize(("text", "mark", "expected"), [
    ("ヤマダ", DAKUTEN, "ヤマタ"),  # already voiced: ゛ takes the mark off
    ("ヤマタ", DAKUTEN, "ヤマダ"),
    ("ウ", DAKUTEN, "ヴ"),
    ("ハ", HANDAKUTEN, "パ"),
    ("パ", HANDAKUTEN, "ハ"),
    ("パ", DAKUTEN, "バ"),  # the other mark swaps it
    ("バ", HANDAKUTEN, "パ"),
    ("カ", HANDAKUTEN, "カ"),  # no カ゜ in a name
    ("ガ", HANDAKUTEN, "ガ"),
    ("ワ", DAKUTEN, "ワ"),  # nor ヷ
    ("ア", DAKUTEN, "ア"),
    ("", DAKUTEN, ""),
])
def test_marks_change_only_letters_that_take_them(text, mark, expected):
    assert with_mark(text, mark) == expected


def test_small_toggles_the_letters_that_have_a_small_form():
    assert toggle_small("キヨ") == "キョ"
    assert toggle_small("キョ") == "キヨ"
    assert toggle_small("ガツ") == "ガッ"
    assert toggle_small("カ") == "カ"
    assert toggle_small("") == ""


def test_the_terminals_half_width_kana_becomes_the_keys_letters():
    assert full_width("ﾐﾎﾝ ﾀﾛｳ") == "ミホン\u3000タロウ"
    assert full_width("ｶﾞｯｺｳ  ﾊﾟﾝ") == "ガッコウ\u3000パン"
    assert full_width(" ヤマダ　タロウ ") == "ヤマダ\u3000タロウ"
    assert full_width("") == ""


def test_the_keys_are_the_whole_gojuon_table():
    letters = "".join("".join(column) for column in COLUMNS)
    assert len(letters) == len(set(letters)) == 46 + 1  # the 46 letters (ヲ and ン included) and ー
