import pytest

from kiosk.simulation.harness import make_harness


@pytest.fixture
def rig():
    return make_harness()
