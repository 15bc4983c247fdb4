import pytest

from kiosk.core.harness import make_harness


@pytest.fixture
def rig():
    return make_harness()
