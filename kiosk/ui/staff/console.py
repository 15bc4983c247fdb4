"""The console's model: the links to the kiosks it watches, their status, views and alerts, on the UI thread."""
from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from kiosk.core.alerts import OFFLINE, Alert, alerts_of
from kiosk.staff.client import KioskLink, KioskSnapshot, Status
from kiosk.staff.identity import Pairing
from kiosk.ui.staff.calls import ui_poster
from kiosk.ui.staff.texts import tr


class Console(QObject):
    changed = Signal(str)  # a kiosk's address: its status, view or follow-ups changed
    signedOut = Signal(str, str)  # address, reason code

    def __init__(self, default_port: int) -> None:
        super().__init__()
        self.default_port = default_port
        self.links: dict[str, KioskLink] = {}
        self.codes: dict[str, str] = {}
        # The links call back on their own threads: hop to the UI thread without emitting a Qt signal
        # from a Python thread (see QtPoster).
        self._poster = ui_poster()

    def add(self, pairing: Pairing, start: bool = True) -> KioskLink:
        post = self._poster.post
        link = KioskLink(pairing, self.default_port,
                         on_status=lambda k, status, code: post(lambda: self._on_status(k, status, code)),
                         on_view=lambda k, snapshot: post(lambda: self._on_view(k, snapshot)),
                         on_signed_out=lambda k, code: post(lambda: self._on_signed_out(k, code)),
                         on_follow_ups=lambda k, follow_ups: post(lambda: self.changed.emit(k.pairing.address)))
        self.links[pairing.address] = link
        if start:
            link.start()
        return link

    def stop(self) -> None:
        for link in self.links.values():
            link.stop()

    def _on_status(self, link: KioskLink, status: str, code: str) -> None:
        self.codes[link.pairing.address] = code
        self.changed.emit(link.pairing.address)

    def _on_view(self, link: KioskLink, snapshot: KioskSnapshot) -> None:
        self.changed.emit(link.pairing.address)

    def _on_signed_out(self, link: KioskLink, code: str) -> None:
        self.signedOut.emit(link.pairing.address, code)
        self.changed.emit(link.pairing.address)

    def name_of(self, address: str) -> str:
        """The kiosk's configured name; a kiosk without one is 「受付機N」 in the order it was paired."""
        name = self.links[address].name
        return name or tr("受付機%1").replace("%1", str(list(self.links).index(address) + 1))

    def alerts(self, address: str) -> list[Alert]:
        link = self.links[address]
        if link.status in (Status.OFFLINE, Status.REFUSED):
            return [OFFLINE]
        if link.snapshot is None:
            return []
        return alerts_of(link.snapshot.view)

    def urgent(self, address: str) -> bool:
        return any(a.urgent for a in self.alerts(address))
