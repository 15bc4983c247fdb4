"""CardFaceReader: 照合番号B read from camera stills of the card face with RapidOCR (offline, ONNX).

Two frames must yield the same 14 digits before the number is returned, so one misread never reaches
the card (wrong 照合番号B tries may lock it).
"""
from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable
from datetime import date

import numpy as np

from kiosk.camera.source import FrameSource
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CameraUnavailable, CodeBUnavailable
from kiosk.face.code_b import parse_card_face

log = logging.getLogger(__name__)

MIN_CONFIDENCE = 0.8  # RapidOCR's per-line score below which a line is ignored

_ocr_lock = threading.Lock()
_ocr = None


def recognise_lines(rgb: np.ndarray) -> list[str]:
    """The text lines RapidOCR reads in ``rgb`` with enough confidence. Loads its models once."""
    global _ocr
    with _ocr_lock:
        if _ocr is None:
            try:
                from rapidocr_onnxruntime import RapidOCR
            except ImportError as exc:
                raise CodeBUnavailable("OCR engine rapidocr_onnxruntime is not installed") from exc
            _ocr = RapidOCR()
        engine = _ocr
    result, _ = engine(np.ascontiguousarray(rgb[:, :, ::-1]))  # RapidOCR takes OpenCV's BGR order
    return [text for _, text, score in (result or ()) if float(score) >= MIN_CONFIDENCE]


class OcrCardFaceReader:
    def __init__(self, open_source: Callable[[], FrameSource], timeout: float = 8.0,
                 today: Callable[[], date] = date.today,
                 recognise: Callable[[np.ndarray], list[str]] = recognise_lines) -> None:
        self._open_source = open_source
        self._timeout = timeout
        self._today = today
        self._recognise = recognise

    def read_code_b(self, cancel: CancelToken) -> str:
        source = self._open_source()
        previous: str | None = None
        last_error = "no frame"
        try:
            deadline = time.monotonic() + self._timeout
            while (remaining := deadline - time.monotonic()) > 0:
                cancel.raise_if_cancelled()
                try:
                    frame = source.read(min(remaining, 2.0))
                except CameraUnavailable as exc:
                    last_error = exc.code
                    continue
                try:
                    digits = parse_card_face(self._recognise(frame.rgb), self._today()).digits
                except CodeBUnavailable as exc:
                    last_error = str(exc)
                    previous = None
                    continue
                if digits == previous:
                    return digits
                previous = digits
        finally:
            source.close()
        cancel.raise_if_cancelled()
        log.info("照合番号B not read from the card face: %s", last_error)
        raise CodeBUnavailable(f"card face not read in {self._timeout:.0f}s ({last_error})")
