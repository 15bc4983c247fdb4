"""The staff console's Qt-free half: the kiosk↔console channel, alerts, staff tasks and the trouble report.

The kiosk runs :class:`~kiosk.staff.server.StaffServer` (started by :func:`start_staff_server`); the
console at the reception desk runs one :class:`~kiosk.staff.client.KioskLink` per kiosk. The Qt console
lives in :mod:`kiosk.ui.staff`. See docs/staff.md.
"""
from kiosk.staff.server import start_staff_server

__all__ = ["start_staff_server"]
