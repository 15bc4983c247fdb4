"""照合番号B: parsing OCR lines, validating staff entry, and reading a rendered card face."""
from __future__ import annotations

from datetime import date

import numpy as np
import pytest

from kiosk.camera.replay import ReplaySource
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CodeBUnavailable
from kiosk.face.augment import camera_frame
from kiosk.face.card_image import render_card_face
from kiosk.face.card_reader import OcrCardFaceReader
from kiosk.face.code_b import CodeB, era_date, parse_card_face, validate_code_b

TODAY = date(2026, 11, 27)
DEMO = "55021720301234"  # born 1980-02-17 (昭和55年), card valid to 2030, security code 1234
DEMO_LINES = ["氏名 見本 花子", "生年月日 昭和55年 2月17日生", "有效期限2030年2月17日まで有効", "1234"]


def test_demo_patient_code_b_from_ocr_lines():
    assert parse_card_face(DEMO_LINES, TODAY).digits == DEMO
    assert CodeB(date(1980, 2, 17), 2030, "1234").digits == DEMO


def test_full_width_digits_and_labelled_security_code():
    lines = ["生年月日 平成元年 １月８日生", "2031年1月8日まで有効", "セキュリティコード ０４２７"]
    assert parse_card_face(lines, TODAY).digits == "01010820310427"
    assert parse_card_face(DEMO_LINES[:3] + ["- 1234"], TODAY).digits == DEMO


@pytest.mark.parametrize("lines", [
    ["生年月日 昭和55年2月17日生", "1234"],  # no expiry
    ["2030年2月17日まで有効", "1234"],  # no birth date
    ["生年月日 昭和55年2月17日生", "2030年2月17日まで有効"],  # no security code
    ["生年月日 昭和55年2月17日生", "2030年2月17日まで有効", "1234", "5678"],  # two candidate codes
    ["生年月日 昭和55年2月17日生", "生年月日 昭和56年2月17日生", "2030年2月17日まで有効", "1234"],
    ["生年月日 昭和55年2月30日生", "2030年2月17日まで有効", "1234"],  # no 30 February
    ["生年月日 昭和64年1月8日生", "2030年2月17日まで有効", "1234"],  # Shōwa ended on 7 January 1989
    ["生年月日 令和9年1月8日生", "2030年2月17日まで有効", "1234"],  # not born yet
    ["生年月日 昭和55年2月17日生", "2060年2月17日まで有効", "1234"],  # expiry too far ahead
])
def test_missing_ambiguous_or_impossible_fields_are_never_guessed(lines):
    with pytest.raises(CodeBUnavailable):
        parse_card_face(lines, TODAY)


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


def _reader(frames, recognise):
    source = ReplaySource(frames, fps=20)
    return OcrCardFaceReader(lambda: source, timeout=2.0, today=lambda: TODAY, recognise=recognise), source


def test_reader_needs_two_frames_to_agree():
    card = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "1234", width=320)
    reads = iter([DEMO_LINES[:3] + ["1284"], DEMO_LINES, DEMO_LINES])
    reader, source = _reader([card], lambda rgb: next(reads))
    assert reader.read_code_b(CancelToken()) == DEMO
    assert source._closed.is_set()


def test_reader_gives_up_with_code_b_unavailable():
    card = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "1234", width=320)
    reader, source = _reader([card], lambda rgb: ["生年月日 昭和55年2月17日生"])
    with pytest.raises(CodeBUnavailable):
        reader.read_code_b(CancelToken())
    assert source._closed.is_set()


def test_ocr_reads_the_demo_card_held_up_to_the_camera():
    pytest.importorskip("rapidocr_onnxruntime")
    from kiosk.face.card_reader import recognise_lines

    card = render_card_face("見本 花子", date(1980, 2, 17), date(2030, 2, 17), "1234")
    noise = np.random.default_rng(0).normal(0, 6, (480, 640, 3))
    frames = [np.clip(camera_frame(card, **kw) + noise, 0, 255).astype(np.uint8)
              for kw in ({"scale": 0.85, "rotation": 4.0, "brightness": 0.8}, {"scale": 0.7, "rotation": -3.0})]
    reader, _ = _reader(frames, recognise_lines)
    assert reader.read_code_b(CancelToken()) == DEMO


def test_a_reiwa_birth_date_as_ocr_misreads_it_is_still_read():
    """RapidOCR reads 令和 as 今和: every child born since May 2019 would have no 照合番号B."""
    lines = ["氏名見本二葉", "生年月日", "今和2年9月15日生", "有劾期限2030年2月17日未下有劾", "2102"]
    assert parse_card_face(lines, TODAY).digits == "02091520302102"


def test_ocr_reads_a_childs_card_born_in_reiwa():
    pytest.importorskip("rapidocr_onnxruntime")
    from kiosk.face.card_reader import recognise_lines

    card = render_card_face("見本 三太", date(2023, 1, 20), date(2030, 2, 17), "2103")
    reader, _ = _reader([camera_frame(card, scale=0.85), camera_frame(card, scale=0.8)], recognise_lines)
    assert reader.read_code_b(CancelToken()) == "05012020302103"
