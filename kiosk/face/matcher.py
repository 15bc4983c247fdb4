"""What an attempt asks of the face models, wherever they run: the chip photo's face (its encoding kept),
the faces in a frame, and their distances to the chip photo.

The kiosk's matcher is the face worker's (kiosk.face.face_worker); :class:`InProcessMatcher` runs dlib
in the calling process, for the benchmark's reference and for callers without a UI to keep smooth.
"""
from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Protocol

import numpy as np

from kiosk.face.engine import Face, FaceEngine, distance


class Matcher(Protocol):
    def reference(self, rgb: np.ndarray) -> Face:
        """The chip photo's face (NoFaceFound when there is none); its encoding is kept for distances."""

    def detect(self, image: np.ndarray) -> list[Face]:
        """The faces in a frame; the frame is the one ``distances`` encodes."""

    def distances(self, faces: list[Face]) -> list[float]:
        """Each of these faces of the last detected frame: its encoding's distance to the reference."""


class InProcessMatcher:
    def __init__(self, engine: FaceEngine) -> None:
        self._engine = engine
        self._reference: np.ndarray | None = None
        self._image: np.ndarray | None = None

    def reference(self, rgb: np.ndarray) -> Face:
        face = self._engine.reference_face(rgb)
        self._reference = self._engine.encode(rgb, face)
        return face

    def detect(self, image: np.ndarray) -> list[Face]:
        self._image = image
        return self._engine.detect(image)

    def distances(self, faces: list[Face]) -> list[float]:
        assert self._reference is not None and self._image is not None, "reference and detect come first"
        out = []
        for face in faces:
            encoding = self._engine.encode(self._image, face)
            out.append(distance(encoding, self._reference))
            encoding.fill(0.0)
        return out

    def forget(self) -> None:
        if self._reference is not None:
            self._reference.fill(0.0)
        self._reference = self._image = None


@contextmanager
def in_process(engine: FaceEngine) -> Iterator[InProcessMatcher]:
    """A matcher for one attempt; its reference is zeroed when the attempt ends. dlib's calls cannot
    be interrupted: a cancel is seen between them, by the attempt."""
    matcher = InProcessMatcher(engine)
    try:
        yield matcher
    finally:
        matcher.forget()
