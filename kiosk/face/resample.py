"""Shrinking an image by area averaging (OpenCV's INTER_AREA when shrinking), in numpy alone.

The face worker's child scales every frame down before detection and needs nothing else of OpenCV:
importing OpenCV there for that cost about 30 MB of resident memory (issue 11).
"""
from __future__ import annotations

import numpy as np


def area_downscale(image: np.ndarray, size: tuple[int, int]) -> np.ndarray:
    """``image`` (uint8, h×w or h×w×channels) shrunk to ``size`` (width, height): each pixel is the mean
    of the source area it covers, a source pixel it covers in part weighing by the part covered."""
    width, height = size
    if not (0 < width <= image.shape[1] and 0 < height <= image.shape[0]):
        raise ValueError(f"cannot shrink {image.shape[1]}×{image.shape[0]} to {width}×{height}")
    shrunk = _average_along(_average_along(image, height, axis=0), width, axis=1)
    # Halves round up, as OpenCV's halving does, so a 640×480 frame shrinks to the same pixels; at other
    # factors OpenCV rounds them to even: a pixel at an exact half may differ from it by 1.
    return np.floor(shrunk + 0.5).astype(np.uint8)


def _average_along(values: np.ndarray, count: int, axis: int) -> np.ndarray:
    """``values`` averaged into ``count`` equal cells along ``axis`` (float32).

    A cell of width w covers at most ceil(w) + 1 source pixels, so the result is that many weighted
    slices added up: a running sum over the whole image, in numpy, took ten times as long."""
    length = values.shape[axis]
    cell = length / count
    edges = np.arange(count + 1) * cell
    first = np.floor(edges[:-1]).astype(np.intp)
    result = np.zeros([count if a == axis else n for a, n in enumerate(values.shape)], dtype=np.float32)
    broadcast = [-1 if a == axis else 1 for a in range(values.ndim)]
    for step in range(int(np.ceil(cell)) + 1):
        pixel = first + step
        covered = np.minimum(pixel + 1, edges[1:]) - np.maximum(pixel, edges[:-1])
        weight = (np.clip(covered, 0.0, None) / cell).astype(np.float32)
        result += weight.reshape(broadcast) * values.take(np.minimum(pixel, length - 1), axis=axis)
    return result
