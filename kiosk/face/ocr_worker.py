"""The OCR model in a child process started for one 照合番号B read, so it never stays in the kiosk.

onnxruntime stays in a process's memory once loaded (its library, thread pools and allocations: about
30 MB even after the session is freed and malloc_trim; 220–300 MB with RapidOCR kept resident, as the
whole-frame reader did; scripts/bench/code_b_read.py).
So the kiosk never imports it: each read starts ``python -m kiosk.face.ocr_worker MODEL`` through
kiosk.face.pipe_child (kiosk.processes.start_child: it dies with the kiosk however the kiosk ends),
sends it the field crops as one request per frame, and ends it when the read is over; the read's
deadline and its cancel token kill it. The child imports numpy and onnxruntime only and loads
RapidOCR's recognition model alone: the card is found and cropped by the kiosk (card_layout), so text
detection is never needed.

On the pipe, a request is one JSON line ``{"shapes": [[1, 3, 48, w], ...]}`` followed by those float32
arrays' bytes (the model's inputs: crops scaled to 48 px high, normalised to [-1, 1]); the answer is one
JSON line ``{"lines": [[text, [probability of each character, ...]], ...]}`` or ``{"error": why}``.
Crops and texts exist only in the two processes' memory.
"""
from __future__ import annotations

import json
import os
import sys
from importlib.util import find_spec
from pathlib import Path
from typing import IO

import numpy as np

from kiosk.core.cancel import CancelToken
from kiosk.core.errors import CodeBUnavailable

INPUT_HEIGHT = 48  # PP-OCRv4's recognition input
MODEL_NAME = "ch_PP-OCRv4_rec_infer.onnx"  # shipped in the rapidocr_onnxruntime wheel (Apache-2.0)
POLL_SECONDS = 0.05  # how often a waiting read looks at its cancel token

Line = tuple[str, list[float]]


def model_path() -> Path:
    """The recognition model inside the installed rapidocr_onnxruntime, found without importing it (its
    package imports OpenCV, Shapely and its detector)."""
    spec = find_spec("rapidocr_onnxruntime")
    locations = list(spec.submodule_search_locations or ()) if spec is not None else []
    for location in locations:
        if (path := Path(location) / "models" / MODEL_NAME).is_file():
            return path
    raise CodeBUnavailable("OCR model not installed (rapidocr_onnxruntime)")


def prepare_crops(crops: list[np.ndarray]) -> list[np.ndarray]:
    """The model's input for each RGB crop: scaled to 48 px high, BGR (PaddleOCR's training order),
    normalised to [-1, 1]. Each crop is run alone: padding three to the widest would cost ~40% more."""
    import cv2

    inputs = []
    for crop in crops:
        height, width = crop.shape[:2]
        size = (max(1, round(width * INPUT_HEIGHT / height)), INPUT_HEIGHT)
        scaled = cv2.resize(crop, size, interpolation=cv2.INTER_AREA if height > INPUT_HEIGHT else cv2.INTER_LINEAR)
        inputs.append((scaled[:, :, ::-1].transpose(2, 0, 1)[None] / 127.5 - 1.0).astype("<f4"))
    return inputs


class OcrWorker:
    """The child for one read: ``recognise(inputs)`` as often as needed, then ``close()`` (or ``with``)."""

    def __init__(self, cancel: CancelToken, deadline: float) -> None:
        from kiosk.face.pipe_child import PipeChild

        self._cancel = cancel
        self._deadline = deadline
        # numpy's OpenBLAS starts a thread per core on import, which costs this short-lived child as much
        # as a frame's inference; the child computes nothing with BLAS.
        self._child = PipeChild("kiosk.face.ocr_worker", [str(model_path())], name="OCR", failure=CodeBUnavailable,
                                env={"OPENBLAS_NUM_THREADS": "1", "OMP_NUM_THREADS": "1"}, poll=POLL_SECONDS)

    @property
    def pid(self) -> int:
        return self._child.pid

    def __enter__(self) -> OcrWorker:
        return self

    def __exit__(self, error: type[BaseException] | None, *details: object) -> None:
        if error is None:
            self.close()
        else:  # cancelled, out of time, or failed: nothing to wait for
            self.kill()

    def recognise(self, inputs: list[np.ndarray]) -> list[Line]:
        """The text and character probabilities of each input (prepare_crops). Cancelled, or out of
        time, the child is killed (Cancelled, CodeBUnavailable)."""
        arrays = [np.ascontiguousarray(array, dtype="<f4") for array in inputs]
        answer = self._child.exchange({"shapes": [list(array.shape) for array in arrays]},
                                      [array.data.cast("B") for array in arrays], self._cancel, self._deadline)
        if "error" in answer:
            self.kill()
            raise CodeBUnavailable(f"OCR worker failed ({answer['error']})")
        return [(str(text), [float(p) for p in probabilities]) for text, probabilities in answer["lines"]]

    def kill(self) -> None:
        self._child.kill()

    def close(self) -> None:
        """Ends the child: the end of its stdin ends it, or it is killed a moment later."""
        self._child.close()


class RecognitionModel:
    """RapidOCR's recognition network with greedy CTC decoding: the child's whole job."""

    def __init__(self, path: Path) -> None:
        import onnxruntime

        options = onnxruntime.SessionOptions()
        # One thread: two cores are shared with the UI and the camera, and on crops this small more
        # threads spend more machine time than they save. The memory arena stays on (without it the
        # first inference takes three times as long); it goes with the process.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        options.log_severity_level = 3
        self._session = onnxruntime.InferenceSession(str(path), options, providers=["CPUExecutionProvider"])
        self._input = self._session.get_inputs()[0].name
        dictionary = self._session.get_modelmeta().custom_metadata_map["character"].splitlines()
        self._characters = ["", *dictionary, " "]  # PaddleOCR's order: the CTC blank, the dictionary, a space

    def read(self, inputs: list[np.ndarray]) -> list[Line]:
        return [self._decode(self._session.run(None, {self._input: array})[0][0]) for array in inputs]

    def _decode(self, steps: np.ndarray) -> Line:
        """Greedy CTC: the likeliest symbol at each step, runs of one symbol merged, blanks dropped. A
        character's probability is its run's highest (a run's first step is often half in the previous
        character)."""
        best, probability = steps.argmax(axis=1), steps.max(axis=1)
        starts = np.flatnonzero(np.r_[True, best[1:] != best[:-1]])
        peaks = np.maximum.reduceat(probability, starts)
        kept = best[starts] != 0
        return ("".join(self._characters[i] for i in best[starts][kept]),
                [round(float(p), 4) for p in peaks[kept]])


def serve(model: RecognitionModel, requests: IO[bytes], answers: IO[bytes]) -> None:
    """Answers each request until the kiosk closes the pipe."""
    while header := requests.readline():
        inputs = []
        for shape in json.loads(header)["shapes"]:
            size = 4 * int(np.prod(shape))
            data = requests.read(size)
            if len(data) != size:
                return
            inputs.append(np.frombuffer(data, dtype="<f4").reshape(shape))
        answers.write(json.dumps({"lines": model.read(inputs)}, ensure_ascii=False).encode() + b"\n")
        answers.flush()


def main(argv: list[str]) -> int:
    from kiosk.face.pipe_child import answer_stream

    answers = answer_stream()
    try:
        serve(RecognitionModel(Path(argv[0])), sys.stdin.buffer, answers)
    except BrokenPipeError:  # the kiosk ended the read (or itself): nobody to answer
        return 0
    except Exception as exc:  # told to the kiosk, which raises a named error; nobody reads our stderr
        answers.write(json.dumps({"error": f"{type(exc).__name__}: {exc}"[:200]}).encode() + b"\n")
        answers.flush()
        return 1
    return 0


if __name__ == "__main__":
    # Out as soon as the last answer is flushed: the interpreter's clean-up of onnxruntime would cost
    # the read about 30 ms of machine time and has nothing to save.
    os._exit(main(sys.argv[1:]))
