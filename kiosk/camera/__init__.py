"""Frame sources: a real camera and a replay of files, behind one interface, plus the capture worker.

Frames are RGB ``numpy`` arrays (height × width × 3, uint8) that live only in memory.
"""
from kiosk.camera.source import CameraTimeout, Frame, FrameSource

__all__ = ["CameraTimeout", "Frame", "FrameSource"]
