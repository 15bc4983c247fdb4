"""照合番号B: parsing the field texts, validating staff entry, finding the card, reading rendered card faces."""
from __future__ import annotations

import time
from datetime import date
from importlib.util import find_spec

import numpy as np
import pytest

from kiosk.camera.replay import ReplaySource
from kiosk.card.virtual.profiles import PROFILES
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CodeBUnavailable
from kiosk.embedded import card_face_frame
from kiosk.face import card_layout
from kiosk.face.augment import camera_frame
from kiosk.face.card_image import render_card_face
from kiosk.face.card_reader import OcrCardFaceReader, field_reader
from kiosk.face.code_b import CodeB, era_date, parse_card_face, validate_code_b

TODAY = date(2026, 11, 27)
DEMO = "55021720301234"  # born 1980-02-17 (昭和55年), card valid to 2030, security code 1234
DEMO_TEXTS = ["昭和55年 2月17日生", "2030年2月", "1234"]  # what OCR reads in the three field crops

needs_ocr = pytest.mark.skipif(find_spec("rapidocr_onnxruntime") is None, reason="no OCR model installed")


def test_demo_patient_code_b_from_the_field_texts():
    assert parse_card_face(DEMO_TEXTS, TODAY).digits == DEMO
    assert CodeB(date(1980, 2, 17), 2030, "1234").digits == DEMO


def test_full_width_digits_spaces_and_stray_marks():
    assert parse_card_face(["平成元年 １月８日生", "2031年 1", "０４２７"], TODAY).digits == "01010820310427"
    assert parse_card_face(["昭和55年2月17日生，", "2030年2月17日未飞有效", "- 1234 "], TODAY).digits == DEMO


@pytest.mark.parametrize("texts", [
    [],  # no card in the frame
    ["昭和55年2月17日生", "2030年2月"],  # a field short
    ["", "2030年2月", "1234"],  # no birth date
    ["昭和55年2月17日生", "", "1234"],  # no expiry year
    ["昭和55年2月17日生", "2030年2月", ""],  # no security code
    ["昭和55年2月17日生", "2030年2月", "12345"],  # five digits
    ["昭和55年2月17日生", "2030年2月", "123"],  # three
    ["昭和55年2月17日生昭和56年2月17日生", "2030年2月", "1234"],  # two birth dates
    ["昭和55年2月17日生", "2030年2031年", "1234"],  # two years
    ["昭和55年2月30日生", "2030年2月", "1234"],  # no 30 February
    ["昭和64年1月8日生", "2030年2月", "1234"],  # Shōwa ended on 7 January 1989
    ["令和9年1月8日生", "2030年2月", "1234"],  # not born yet
    ["昭和55年2月17日生", "2060年2月", "1234"],  # expiry too far ahead
    ["昭和55年2月17日生", "12030年2月", "1234"],  # not a year
])
def test_missing_ambiguous_or_impossible_fields_are_never_guessed(texts):
    with pytest.raises(CodeBUnavailable):
        parse_card_face(texts, TODAY)


@pytest.mark.parametrize("texts", [
    ["昭和5?年2月17日生", "2030年2月", "1234"],
    ["昭和55年?2月17日生", "2030年2月", "1234"],
    ["昭和55年2月1?日生", "2030年2月", "1234"],
    ["昭和55年2月17日生", "20?0年2月", "1234"],
    ["昭和55年2月17日生", "?2030年2月", "1234"],
    ["昭和55年2月17日生", "2030年2月", "12?4"],
    ["昭和55年2月17日生", "2030年2月", "?1234"],
])
def test_a_digit_ocr_doubted_is_never_filled_in(texts):
    with pytest.raises(CodeBUnavailable):
        parse_card_face(texts, TODAY)


@pytest.mark.parametrize("misread", ["今和", "合和", "分和"])
def test_reiwa_as_ocr_misreads_it_is_still_read(misread):
    """The model reads the Japanese 令 as 今, 合 or 分: every child born since May 2019 would have no 照合番号B."""
    assert parse_card_face([f"{misread}2年9月15日生", "2030年2月", "2102"], TODAY).digits == "02091520302102"


def test_era_boundaries():
    assert era_date("昭和", 64, 1, 7) == date(1989, 1, 7)
    assert era_date("平成", 1, 1, 8) == date(1989, 1, 8)
    with pytest.raises(CodeBUnavailable):
        era_date("平成", 1, 1, 7)


def test_staff_entry_is_validated():
    assert validate_code_b("550217-2030-1234", TODAY) == DEMO
    assert validate_code_b("５５０２１７２０３０１２３４", TODAY) == DEMO
    for bad in ("5502172030123", "550217203012345", "55023020301234", "55021799991234", "abcdefghijklmn"):
        with pytest.raises(CodeBUnavailable):
            validate_code_b(bad, TODAY)


# --- finding the card ---------------------------------------------------------------------------------

DEMO_CARD = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "1234")


def _printed_box(card: np.ndarray) -> np.ndarray:
    """Left, top, right, bottom of the printed (dark) pixels inside the birth date's crop."""
    left, top, right, bottom = card_layout.BIRTH.box
    rows, columns = np.nonzero(card[top:bottom, left:right].min(axis=2) < 100)
    return np.array([columns.min(), rows.min(), columns.max(), rows.max()])


@pytest.mark.parametrize("placement", [
    {"scale": 0.75},
    {"scale": 0.6, "rotation": 8.0, "brightness": 0.6},
    {"scale": 0.6, "rotation": -5.0, "offset": (50, -30)},
])
def test_the_card_is_found_and_straightened(placement):
    card = card_layout.find_card(camera_frame(DEMO_CARD, **placement))
    assert card is not None and card.shape == (card_layout.HEIGHT, card_layout.WIDTH, 3)
    # The birth date lands in its crop where the drawn card has it, to a few pixels.
    assert np.abs(_printed_box(card) - _printed_box(DEMO_CARD)).max() <= 6


def test_a_picture_of_the_card_alone_is_the_card():
    card = card_layout.find_card(DEMO_CARD)
    assert card is not None
    assert np.abs(_printed_box(card) - _printed_box(DEMO_CARD)).max() <= 2


@pytest.mark.parametrize("frame", [
    np.full((480, 640, 3), 110, dtype=np.uint8),  # nobody holds a card up
    camera_frame(DEMO_CARD, scale=1.0),  # too close: the card runs out of the picture
    camera_frame(DEMO_CARD, scale=0.25),  # too far to read
    camera_frame(DEMO_CARD, scale=0.7, rotation=45.0),  # neither way up
    camera_frame(np.ascontiguousarray(DEMO_CARD.transpose(1, 0, 2)), scale=0.9),  # held upright (portrait)
])
def test_no_card_is_found_where_there_is_none_to_read(frame):
    assert card_layout.find_card(frame) is None


# --- the reader -----------------------------------------------------------------------------------------

def _reader(frames, recognise=None, timeout=8.0):
    source = ReplaySource(frames, fps=20)
    return OcrCardFaceReader(lambda: source, timeout=timeout, today=lambda: TODAY, recognise=recognise), source


def test_reader_needs_two_frames_to_agree():
    reads = iter([DEMO_TEXTS[:2] + ["1284"], DEMO_TEXTS, DEMO_TEXTS])
    reader, source = _reader([DEMO_CARD], lambda rgb: next(reads))
    assert reader.read_code_b(CancelToken()) == DEMO
    assert source._closed.is_set()


def test_reader_gives_up_with_code_b_unavailable():
    reader, source = _reader([DEMO_CARD], lambda rgb: ["昭和55年2月17日生"], timeout=1.0)
    with pytest.raises(CodeBUnavailable):
        reader.read_code_b(CancelToken())
    assert source._closed.is_set()


def _faces():
    """Every distinct printed face among the virtual cards: the holder's name, birth date, expiry, code."""
    faces = {}
    for p in PROFILES.values():
        faces.setdefault((p.holder_name, p.birth_date, p.card_expiry, p.security_code), p.name)
    return sorted(faces.values())


@needs_ocr
@pytest.mark.parametrize("profile", _faces())
def test_ocr_reads_the_demo_card_face_of_every_profile(profile):
    """The demo's card-face frame itself, then the card held up to a camera (Shōwa, Heisei and Reiwa
    births: children born 2018, 2020 and 2023)."""
    card = card_face_frame(profile)
    noise = np.random.default_rng(0).normal(0, 6, (480, 640, 3))
    held = np.clip(camera_frame(card, scale=0.7, rotation=-3.0, brightness=0.8) + noise, 0, 255).astype(np.uint8)
    assert _reader([card])[0].read_code_b(CancelToken()) == PROFILES[profile].code_b
    assert _reader([held, camera_frame(card, scale=0.6, rotation=5.0)])[0].read_code_b(CancelToken()) \
        == PROFILES[profile].code_b


@needs_ocr
def test_ocr_reads_every_era_under_camera_distortions():
    """Meiji and Taishō (the oldest living), the first days of Heisei and Reiwa, the last of Shōwa: one
    OCR child reads them all, each under three placements."""
    cards = [("見本 明子", date(1911, 3, 3), date(2027, 3, 3), "0917"),
             ("見本 大吉", date(1912, 8, 1), date(2028, 8, 1), "5566"),
             ("見本 昭子", date(1989, 1, 7), date(2032, 12, 28), "7777"),
             ("見本 平一", date(1989, 1, 8), date(2031, 1, 8), "8080"),
             ("見本 令子", date(2019, 5, 1), date(2029, 5, 1), "4321")]
    placements = [{"scale": 0.55}, {"scale": 0.75, "rotation": 6.0, "brightness": 1.3},
                  {"scale": 0.65, "rotation": -7.0, "brightness": 0.6}]
    with field_reader(CancelToken(), time.monotonic() + 60) as recognise:
        for name, birth, expiry, code in cards:
            expected = CodeB(birth, expiry.year, code).digits
            card = render_card_face(name, birth, expiry, code)
            for placement in placements:
                assert parse_card_face(recognise(camera_frame(card, **placement)), TODAY).digits == expected
