"""The face worker's child: dlib's detection, landmarks and encodings, away from the kiosk's interpreter.

dlib's calls hold the interpreter lock while they run (an encode about 60 ms alone, 230 ms on a busy
2-core PC), so in the kiosk's process they stalled the UI thread and the preview with it. This process
is started once by kiosk.face.face_worker (``python -m kiosk.face.match_worker``), loads the models and
runs one detection and one encoding before it says it is ready, and then answers requests until the
kiosk closes its stdin or kills it.

Requests (one JSON line, then the frame's bytes where it has a ``shape``); answers are one JSON line,
``{"error": why, "code": code}`` when one fails:

- ``{"op": "reference", "shape": [h, w, 3]}`` + RGB bytes: finds the chip photo's face and keeps its
  encoding; answers the face (``{"faces": [face]}``).
- ``{"op": "detect", "shape": [h, w, 3], "detect_width": 320}`` + RGB bytes: the faces in a frame,
  ``{"faces": [{"box": [l, t, r, b], "points": [[x, y] × 5]}, ...]}``; the frame is kept for the next request.
- ``{"op": "distances", "faces": [i, ...]}``: the encodings of those faces of the last frame, each one's
  distance to the reference (``{"distances": [...]}``), the encodings zeroed at once.
- ``{"op": "forget"}``: the reference zeroed and the frame dropped (at the end of every attempt).

Frames, the chip photo and encodings live in this process's memory only; it writes no file and its
stderr is discarded.
"""
from __future__ import annotations

import json
import os
import sys
from typing import IO, Any

import numpy as np

from kiosk.core.errors import KioskError
from kiosk.face.engine import Face, FaceEngine, distance

READY = {"ready": True}


class MatchServer:
    """The child's state between requests: the models, the reference encoding and the last frame."""

    def __init__(self) -> None:
        self._engine = FaceEngine()
        self._reference: np.ndarray | None = None
        self._frame: np.ndarray | None = None
        self._faces: list[Face] = []

    def warm_up(self) -> None:
        """Models loaded and each network run once, so the first frame of the day is not the slow one."""
        import dlib

        from kiosk.face import models

        loaded = models.load()
        blank = np.full((480, 640, 3), 110, dtype=np.uint8)
        self._engine.detect(blank)
        shape = loaded.shape5(blank, dlib.rectangle(270, 190, 370, 290))
        loaded.encoder.compute_face_descriptor(blank, shape)

    def handle(self, request: dict[str, Any], frame: np.ndarray | None) -> dict[str, Any]:
        op = request.get("op")
        if op == "reference":
            assert frame is not None
            self._forget_reference()
            face = self._engine.reference_face(frame)
            self._reference = self._engine.encode(frame, face)
            return {"faces": [_face_json(face)]}
        if op == "detect":
            assert frame is not None
            self._engine.detect_width = int(request.get("detect_width", self._engine.detect_width))
            self._frame, self._faces = frame, self._engine.detect(frame)
            return {"faces": [_face_json(face) for face in self._faces]}
        if op == "distances":
            if self._reference is None or self._frame is None:
                raise ValueError("distances asked before a reference and a frame")
            out = []
            for index in request["faces"]:
                encoding = self._engine.encode(self._frame, self._faces[index])
                out.append(distance(encoding, self._reference))
                encoding.fill(0.0)
            return {"distances": out}
        if op == "forget":
            self._forget_reference()
            self._frame, self._faces = None, []
            return {"forgotten": True}
        raise ValueError(f"unknown request {op!r}")

    def _forget_reference(self) -> None:
        if self._reference is not None:
            self._reference.fill(0.0)
        self._reference = None


def _face_json(face: Face) -> dict[str, Any]:
    return {"box": list(face.box.as_tuple()), "points": face.points.tolist()}


def _read_frame(requests: IO[bytes], shape: list[int]) -> np.ndarray | None:
    size = int(np.prod(shape))
    data = bytearray(size)  # writable: dlib takes only writable arrays
    view = memoryview(data)
    read = 0
    while read < size:
        got = requests.readinto(view[read:])  # type: ignore[attr-defined]
        if not got:
            return None
        read += got
    return np.frombuffer(data, dtype=np.uint8).reshape(shape)


def serve(server: MatchServer, requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answers each request until the kiosk closes the pipe."""
    while header := requests.readline():
        request = json.loads(header)
        frame = None
        if "shape" in request:
            frame = _read_frame(requests, request["shape"])
            if frame is None:
                return
        try:
            answer = server.handle(request, frame)
        except KioskError as exc:  # NoFaceFound and the like: named for the kiosk, which raises it again
            answer = {"error": str(exc)[:200], "code": exc.code}
        del frame
        answers.write(json.dumps(answer).encode() + b"\n")
        answers.flush()


def main() -> int:
    from kiosk.face.pipe_child import answer_stream

    answers = answer_stream()
    try:
        server = MatchServer()
        server.warm_up()
        answers.write(json.dumps(READY).encode() + b"\n")
        answers.flush()
        serve(server, sys.stdin.buffer, answers)
    except BrokenPipeError:  # the kiosk ended the worker (or itself): nobody to answer
        return 0
    except KioskError as exc:  # FaceModelsMissing: told to the kiosk, which raises it again
        answers.write(json.dumps({"error": str(exc)[:200], "code": exc.code}).encode() + b"\n")
        answers.flush()
        return 1
    except Exception as exc:  # told to the kiosk, which raises a named error; nobody reads our stderr
        answers.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"[:200]}).encode() + b"\n")
        answers.flush()
        return 1
    return 0


if __name__ == "__main__":
    # Out as soon as the last answer is flushed: the interpreter's clean-up of dlib's models has nothing
    # to save, and the memory goes with the process.
    os._exit(main())
