import atexit
import os
import shutil
import sys
import tempfile
from pathlib import Path

import pytest

# The suite must never read the home folder or the kiosk settings of whoever runs it: a fresh HOME and
# XDG folders for the whole session, and no KIOSK_* variable. This runs when pytest loads this file,
# before any test module (or kiosk.config, through platformdirs) looks at the environment; child
# processes the tests start inherit it.
HOME = Path(tempfile.mkdtemp(prefix="kiosk-tests-home-"))
atexit.register(shutil.rmtree, HOME, ignore_errors=True)
os.environ["HOME"] = str(HOME)
for _variable, _folder in (("XDG_CONFIG_HOME", ".config"), ("XDG_DATA_HOME", ".local/share"),
                           ("XDG_CACHE_HOME", ".cache"), ("XDG_STATE_HOME", ".local/state")):
    (HOME / _folder).mkdir(parents=True)
    os.environ[_variable] = str(HOME / _folder)
# The one KIOSK_ variable a person passes on purpose, the PIN of the real card for the tests/device tier,
# leaves the environment too (nothing else may see it) and reaches that tier through ``device_pin``.
_DEVICE_PIN = os.environ.get("KIOSK_PIN", "")
for _variable in [v for v in os.environ if v.startswith("KIOSK_")]:
    del os.environ[_variable]

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def pytest_addoption(parser):
    parser.addoption("--reader", default="", help="name of a real PC/SC reader for the tests/device tier")


@pytest.hookimpl(hookwrapper=True, trylast=True)
def pytest_runtest_teardown(item):
    """Delete what a test handed to ``deleteLater``: Qt does that only in a running event loop, and the
    tests have none between steps, so every window and page of the run stayed alive (the suite grew to
    9 GB and its last screens took ten times as long). Inside pytest-qt's teardown, after it has closed
    the test's widgets; Qt is looked up, never imported, so the Qt-free tiers stay Qt-free."""
    yield
    qtcore = sys.modules.get("PySide6.QtCore")
    if qtcore is not None and qtcore.QCoreApplication.instance() is not None:
        qtcore.QCoreApplication.sendPostedEvents(None, qtcore.QEvent.Type.DeferredDelete)


@pytest.fixture(scope="session")
def device_pin() -> str:
    """The PIN of the card in the real reader (``KIOSK_PIN`` when the suite started), or empty."""
    return _DEVICE_PIN
