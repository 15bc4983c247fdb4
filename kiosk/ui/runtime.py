"""Everything that runs behind one kiosk window: the flow on the UI thread, its devices, the card
monitor, the staff channel and the automatic re-check. ``kiosk run`` and ``kiosk demo`` differ only in
the devices they hand in."""
from __future__ import annotations

import logging
from typing import Callable

import numpy as np
from PySide6.QtGui import QImage

from kiosk.config import Config
from kiosk.core.flow import Clock, Devices, ReceptionFlow
from kiosk.core.ports import TaskRunner
from kiosk.core.tasks import SystemClock, ThreadedTaskRunner
from kiosk.core.card_watch import watch_cards
from kiosk.ui.driver import KioskDriver, QtPoster
from kiosk.ui.window import KioskWindow
from kiosk.wiring import flow_config

log = logging.getLogger(__name__)

BuildDevices = Callable[[TaskRunner, Clock, Callable], Devices]


def to_qimage(rgb: np.ndarray) -> QImage:
    height, width, _ = rgb.shape
    return QImage(rgb.data, width, height, 3 * width, QImage.Format_RGB888).copy()


class KioskRuntime:
    def __init__(self, window: KioskWindow, config: Config | None, build_devices: BuildDevices, *, frames=None,
                 staff_channel: bool = True, recheck: bool = True) -> None:
        """``staff_channel`` and ``recheck`` need the real store (and ``config``); screen tests on
        in-memory devices leave them off."""
        from kiosk.store.recheck import RecheckWorker

        self.window = window
        self.poster = QtPoster()
        self._preview_pending = False
        self.devices = build_devices(ThreadedTaskRunner(self.poster.post), SystemClock(), self._on_frame)
        self.flow = ReceptionFlow(self.devices, flow_config(config))
        self.driver = KioskDriver(self.flow, window)
        watch_cards(self.devices.card, self.poster.post, self.driver.dispatch)
        self.staff = None
        if staff_channel:
            from kiosk.staff.server import start_staff_server

            self.staff = start_staff_server(
                self.flow, self.poster.post, self.devices, self.devices.store, config, frames=frames,
                port=config.staff_port, kiosk_name=config.kiosk_name,
            )
        self.recheck = RecheckWorker(self.devices.store, self.devices.qualification) if recheck else None
        if self.recheck is not None:
            self.recheck.start()
        self.driver.start()

    def _on_frame(self, frame) -> None:
        """Camera frames arrive on the capture thread; the preview takes the newest, at most one queued."""
        if self._preview_pending:
            return
        self._preview_pending = True
        rgb = np.ascontiguousarray(frame.rgb)

        def show() -> None:
            self._preview_pending = False
            self.window.set_preview(to_qimage(rgb))

        self.poster.post(show)

    def close(self) -> None:
        self.driver.stop()
        self.devices.card.stop_monitoring()
        if self.recheck is not None:
            self.recheck.stop()
        if self.staff is not None:
            self.staff.stop()
        self.poster.close()
