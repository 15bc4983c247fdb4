"""``kiosk doctor``: is every part of this kiosk ready for the next patient, in words a clerk can act on.

Qt-free. The checks are data (:data:`kiosk.doctor.checks.CHECKS`: one :class:`~kiosk.doctor.findings.Check`
each); :func:`kiosk.doctor.findings.run_checks` runs every check on a thread of its own, each bounded by its
deadline, so a reader, camera or share that hangs gives a "no answer" finding instead of a hung doctor.
:mod:`kiosk.doctor.report` turns the findings into the report (Japanese for the clerk, English for IT
staff, or JSON) and the exit code. The words live in :mod:`kiosk.doctor.messages` (docs/doctor.md).
"""
