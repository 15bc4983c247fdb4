"""The console's model: the links to the kiosks it watches, their status, views and alerts, on the UI thread."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal, Slot

from kiosk.staff.alerts import OFFLINE, Alert, alerts_of
from kiosk.staff.client import KioskLink, KioskSnapshot, Status
from kiosk.staff.identity import Pairing


class Console(QObject):
    changed = Signal(str)  # a kiosk's address: its status or view changed
    signedOut = Signal(str, str)  # address, reason code
    _status = Signal(object, str, str)
    _view = Signal(object, object)
    _signed_out = Signal(object, str)

    def __init__(self, default_port: int) -> None:
        super().__init__()
        self.default_port = default_port
        self.links: dict[str, KioskLink] = {}
        self.codes: dict[str, str] = {}
        self._status.connect(self._on_status)
        self._view.connect(self._on_view)
        self._signed_out.connect(self._on_signed_out)

    def add(self, pairing: Pairing, start: bool = True) -> KioskLink:
        link = KioskLink(pairing, self.default_port,
                         on_status=lambda l, status, code: self._status.emit(l, status, code),
                         on_view=lambda l, snapshot: self._view.emit(l, snapshot),
                         on_signed_out=lambda l, code: self._signed_out.emit(l, code))
        self.links[pairing.address] = link
        if start:
            link.start()
        return link

    def stop(self) -> None:
        for link in self.links.values():
            link.stop()

    @Slot(object, str, str)
    def _on_status(self, link: KioskLink, status: str, code: str) -> None:
        self.codes[link.pairing.address] = code
        self.changed.emit(link.pairing.address)

    @Slot(object, object)
    def _on_view(self, link: KioskLink, snapshot: KioskSnapshot) -> None:
        self.changed.emit(link.pairing.address)

    @Slot(object, str)
    def _on_signed_out(self, link: KioskLink, code: str) -> None:
        self.signedOut.emit(link.pairing.address, code)
        self.changed.emit(link.pairing.address)

    def alerts(self, address: str) -> list[Alert]:
        link = self.links[address]
        if link.status in (Status.OFFLINE, Status.REFUSED):
            return [OFFLINE]
        if link.snapshot is None:
            return []
        return alerts_of(link.snapshot.view)

    def urgent(self, address: str) -> bool:
        return any(a.urgent for a in self.alerts(address))
