"""CardFaceReader: 照合番号B read from camera stills of the card face.

The card is found in each frame and straightened (card_layout); only the crops of the three printed
fields are read, by RapidOCR's recognition model in a child process that lives for one read
(ocr_worker). Two frames must yield the same 14 digits before the number is returned, so one misread
never reaches the card (wrong 照合番号B tries may lock it).
"""
from __future__ import annotations

import logging
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import date

import numpy as np

from kiosk.camera.source import FrameSource
from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CameraUnavailable, CodeBUnavailable
from kiosk.face import card_layout
from kiosk.face.code_b import UNSURE, parse_card_face
from kiosk.face.ocr_worker import OcrWorker, prepare_crops

log = logging.getLogger(__name__)

# A digit read with a lower probability counts as unread: one wrong digit is a wrong 照合番号B. Measured
# (scripts/bench/code_b_read.py --sweep) on card faces held up to a 640×480 camera, every digit read
# right at 0.95 or more; under blur, JPEG artefacts and cards a third of the frame wide, digits that
# were misread often scored higher still, and it was the fields' shape (era date, year, four digits
# alone) and two agreeing frames that kept them out.
MIN_DIGIT_PROBABILITY = 0.9
FRAME_WAIT = 0.25  # longest wait for one camera frame, so a cancel is seen within it
ONE_FRAME_TIMEOUT = 10.0  # recognise_lines: the worker's start and one frame

Recognise = Callable[[np.ndarray], list[str]]


@contextmanager
def field_reader(cancel: CancelToken, deadline: float) -> Iterator[Recognise]:
    """A recogniser for frames: the text of each of card_layout.FIELDS, or [] when no card is in the
    frame. Its OCR child lives as long as the ``with`` block, or until ``deadline`` or ``cancel``."""
    with OcrWorker(cancel, deadline) as worker:
        def recognise(rgb: np.ndarray) -> list[str]:
            card = card_layout.find_card(rgb)
            if card is None:
                return []
            return [mark_doubtful_digits(text, probabilities)
                    for text, probabilities in worker.recognise(prepare_crops(card_layout.field_crops(card)))]

        yield recognise


def recognise_lines(rgb: np.ndarray) -> list[str]:
    """The field texts of one card-face image (``kiosk face code-b``, benchmarks): a worker of its own."""
    with field_reader(CancelToken(), time.monotonic() + ONE_FRAME_TIMEOUT) as recognise:
        return recognise(rgb)


def mark_doubtful_digits(text: str, probabilities: list[float]) -> str:
    return "".join(UNSURE if character.isdigit() and p < MIN_DIGIT_PROBABILITY else character
                   for character, p in zip(text, probabilities, strict=True))


class OcrCardFaceReader:
    def __init__(self, open_source: Callable[[], FrameSource], timeout: float = 8.0,
                 today: Callable[[], date] = date.today, recognise: Recognise | None = None) -> None:
        """``recognise`` stands in for the OCR child (tests): a frame to the text of each field."""
        self._open_source = open_source
        self._timeout = timeout
        self._today = today
        self._recognise = recognise

    def _reader(self, cancel: CancelToken, deadline: float) -> AbstractContextManager[Recognise]:
        return field_reader(cancel, deadline) if self._recognise is None else nullcontext(self._recognise)

    def read_code_b(self, cancel: CancelToken) -> str:
        deadline = time.monotonic() + self._timeout
        previous: str | None = None
        last_error = "no frame"
        # The OCR child starts first: it loads its model while the camera opens.
        with self._reader(cancel, deadline) as recognise:
            source = self._open_source()
            try:
                while (remaining := deadline - time.monotonic()) > 0:
                    cancel.raise_if_cancelled()
                    try:
                        frame = source.read(min(remaining, FRAME_WAIT))
                    except CameraUnavailable as exc:
                        last_error = exc.code
                        continue
                    texts = recognise(frame.rgb)  # the worker's own failure ends the read
                    try:
                        digits = parse_card_face(texts, self._today()).digits
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
