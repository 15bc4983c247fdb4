import pytest


@pytest.fixture
def kiosk_env(tmp_path, monkeypatch):
    """A data directory and key of the test's own, as a clinic's configuration would name them."""
    env = {
        "KIOSK_DATA_DIR": str(tmp_path / "data"),
        "KIOSK_KEY_DIR": str(tmp_path / "keys"),
        "KIOSK_KEY_PROVIDER": "file",
        "KIOSK_CONFIG": "",
    }
    for key, value in env.items():
        monkeypatch.setenv(key, value)
    return env
