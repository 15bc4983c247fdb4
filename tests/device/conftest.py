import pytest


@pytest.fixture
def reader_name(request) -> str:
    """The real reader named on the command line (``--reader NAME``); without it the device tier skips."""
    name = request.config.getoption("--reader")
    if not name:
        pytest.skip("no real reader named (pytest tests/device --reader 'NAME')")
    return name
