"""The face preview's oval as painted: lower and larger in child mode, inside the preview in both."""
from __future__ import annotations

import numpy as np
from PySide6.QtGui import QImage

from kiosk.ui.widgets import FaceFrame


def _painted_oval(qtbot, child_mode: bool, size=(520, 600)) -> tuple[float, float, float, float]:
    """Bounding box (left, top, right, bottom) of the white dashed oval in the rendered widget."""
    frame = FaceFrame()
    qtbot.addWidget(frame)
    frame.resize(*size)
    frame.set_child_mode(child_mode)
    image = frame.grab().toImage().convertToFormat(QImage.Format.Format_RGB888)
    pixels = np.frombuffer(image.constBits(), dtype=np.uint8).reshape(image.height(), image.bytesPerLine())
    rgb = pixels[:, :image.width() * 3].reshape(image.height(), image.width(), 3)
    ys, xs = np.nonzero((rgb > 235).all(axis=2))  # only the oval's pen is white; silhouette and ground are dark
    assert len(xs) > 100
    painted = (float(xs.min()), float(ys.min()), float(xs.max()), float(ys.max()))
    expected = frame.oval()
    pen = max(4.0, size[0] / 90) / 2 + 1
    for got, want in zip(painted, (expected.left(), expected.top(), expected.right(), expected.bottom()), strict=True):
        assert abs(got - want) <= pen, (painted, expected)
    return painted


def test_the_child_oval_is_lower_and_larger_and_stays_in_the_preview(qtbot):
    width, height = 520, 600
    adult = _painted_oval(qtbot, False, (width, height))
    child = _painted_oval(qtbot, True, (width, height))

    def centre_y(box):
        return (box[1] + box[3]) / 2

    def area(box):
        return (box[2] - box[0]) * (box[3] - box[1])

    assert centre_y(child) - centre_y(adult) > 0.08 * height  # lower: a child held at a parent's chest
    assert area(child) > 1.25 * area(adult)  # larger: a child moves, and is held in many ways
    assert child[2] - child[0] > adult[2] - adult[0] and child[3] - child[1] > adult[3] - adult[1]
    assert 0 < child[0] and child[2] < width and 0 < child[1] and child[3] < 0.97 * height  # the chin stays in frame


def test_switching_back_to_adult_restores_the_adult_oval(qtbot):
    frame = FaceFrame()
    qtbot.addWidget(frame)
    frame.resize(400, 400)
    adult = frame.oval()
    frame.set_child_mode(True)
    assert frame.oval() != adult
    frame.set_child_mode(False)
    assert frame.oval() == adult
