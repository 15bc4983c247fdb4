"""The staff console's Qt-free half: the kiosk↔console channel, follow-ups and the trouble report.

The kiosk runs the staff server (:func:`start_staff_server`: listener, handlers, follow-up poll; every
staff action a command of the flow); the console at the reception desk runs one
:class:`~kiosk.staff.client.KioskLink` per kiosk. Both speak :mod:`kiosk.staff.messages`. The Qt console
lives in :mod:`kiosk.ui.staff`. See docs/staff.md.
"""
from kiosk.staff.server import start_staff_server

__all__ = ["start_staff_server"]
