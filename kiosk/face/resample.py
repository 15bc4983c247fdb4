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
    factor = image.shape[1] // width
    if image.shape[0] == height * factor and image.shape[1] == width * factor:
        return _block_mean(image, factor)
    shrunk = _average_along(_average_along(image, height, axis=0), width, axis=1)
    # Halves round up, as OpenCV's halving does, so a 640×480 frame shrinks to the same pixels; at other
    # factors OpenCV rounds them to even: a pixel at an exact half may differ from it by 1.
    return np.floor(shrunk + 0.5).astype(np.uint8)


def _block_mean(image: np.ndarray, factor: int) -> np.ndarray:
    """Each ``factor``×``factor`` block's mean, halves rounded up: the same pixels as the weighted slices
    for a whole factor (640×480 → 320×240, every frame the face worker detects on) in a third of the time,
    which is the margin of a frame's whole detection over the reference's. Rows are added whole, then the
    columns of each block, so numpy walks memory in order."""
    height, width = image.shape[0] // factor, image.shape[1] // factor
    rows = image.reshape(height, factor, -1)
    # twice a block's sum fits 16 bits up to 11×11 blocks (2 × 255 × 121 < 65,536): half the memory to walk
    summed = rows[:, 0].astype(np.uint16 if factor <= 11 else np.uint32)
    for row in range(1, factor):
        np.add(summed, rows[:, row], out=summed)
    columns = summed.reshape(height, width, factor, -1)
    blocks = columns[:, :, 0].copy()
    for column in range(1, factor):
        np.add(blocks, columns[:, :, column], out=blocks)
    area = factor * factor
    return ((2 * blocks + area) // (2 * area)).astype(np.uint8).reshape(height, width, *image.shape[2:])


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
