"""The staff console (PySide6): kiosks at a glance, 目視 takeover, staff tasks, receptions, trouble report.

Everything it does goes through :mod:`kiosk.staff` (the channel and the Qt-free logic).
"""
