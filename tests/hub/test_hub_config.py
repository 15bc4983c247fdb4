"""``hub_dsn``: no hub unless configured, from the file or ``KIOSK_HUB_DSN``."""
from __future__ import annotations

from kiosk import config


def test_no_hub_by_default():
    assert config.load(env={"KIOSK_CONFIG": ""}).hub_dsn is None
    assert config.load(env={"KIOSK_CONFIG": "", "KIOSK_HUB_DSN": "  "}).hub_dsn is None


def test_the_hub_from_the_environment_or_the_file(tmp_path):
    env = {"KIOSK_CONFIG": "", "KIOSK_HUB_DSN": " host=/run/hub dbname=clinic "}
    assert config.load(env=env).hub_dsn == "host=/run/hub dbname=clinic"
    path = tmp_path / "kiosk.toml"
    path.write_text('hub_dsn = "host=hub.clinic.lan dbname=clinic user=kiosk1"\n', encoding="utf-8")
    assert config.load(path, env={}).hub_dsn == "host=hub.clinic.lan dbname=clinic user=kiosk1"
    assert config.load(path, env={"KIOSK_HUB_DSN": "host=other"}).hub_dsn == "host=other"
