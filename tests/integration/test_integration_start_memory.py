"""What the kiosk holds from its start that it does not need: PDF tooling imported before any 申立書, and
the source lines PySide6 reads of every module imported after it (kept by linecache)."""
from __future__ import annotations

import linecache
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

from kiosk.memory import TrimWhenIdle

ROOT = Path(__file__).resolve().parents[2]


def test_reportlab_is_imported_only_for_a_declarations_pdf():
    code = """
import sys
from kiosk.wiring import clinic_devices
from kiosk.outbox.publisher import OutboxPublisher
import kiosk.embedded, kiosk.ui.demo, kiosk.ui.runtime
print("reportlab" in sys.modules)
from kiosk.outbox.declaration_pdf import declaration_pdf
print("reportlab" in sys.modules)
"""
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120,
                         env={"QT_QPA_PLATFORM": "offscreen", "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["False", "True"], out.stderr[-2000:]


class Queued:
    def __init__(self):
        self.work = []

    def run(self, work, done, timeout):
        self.work.append(work)


def _cached() -> bool:
    linecache.getline(__file__, 1)
    return __file__ in linecache.cache


def test_source_lines_are_dropped_once_started_and_after_each_reception():
    runner = Queued()
    listener = TrimWhenIdle(runner)
    assert _cached()
    listener(SimpleNamespace(visit=0))  # the first view: the kiosk is up
    assert __file__ not in linecache.cache
    assert _cached()
    listener(SimpleNamespace(visit=0))  # within the same visit: nothing
    assert __file__ in linecache.cache
    listener(SimpleNamespace(visit=1))  # the next patient's
    assert __file__ not in linecache.cache
