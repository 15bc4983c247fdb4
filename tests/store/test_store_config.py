"""The kiosk configuration: file, environment overrides, validation."""
from __future__ import annotations

from pathlib import Path

import pytest

from kiosk import config
from kiosk.config import ConfigError


def test_defaults_without_a_file(tmp_path):
    cfg = config.load(env={"KIOSK_DATA_DIR": str(tmp_path / "d")})
    assert cfg.data_dir == tmp_path / "d"
    assert cfg.database_path == tmp_path / "d" / "kiosk.db"
    assert cfg.terminal_root == tmp_path / "d" / "terminal"
    assert (cfg.unknown_insurer_number, cfg.institution_code, cfg.face_encoding) == ("77777777", "1312345678", "utf-8")
    assert cfg.key_dir != cfg.data_dir and cfg.data_dir not in cfg.key_dir.parents


def test_toml_file_and_env_override(tmp_path):
    path = tmp_path / "kiosk.toml"
    path.write_text(
        'data_dir = "/srv/kiosk"\nretention_days = 400\nunknown_insurer_number = "77777779"\n'
        'institution_code = "2712345678"\nface_encoding = "Shift_JIS"\nterminal_root = "/mnt/oqs"\n',
        encoding="utf-8",
    )
    cfg = config.load(path, env={"KIOSK_DATA_DIR": str(tmp_path / "override"), "KIOSK_RETENTION_DAYS": "90"})
    assert cfg.data_dir == tmp_path / "override"
    assert cfg.retention_days == 90
    assert cfg.unknown_insurer_number == "77777779"
    assert cfg.institution_code == "2712345678"
    assert cfg.face_encoding == "shift_jis"
    assert cfg.terminal_root == Path("/mnt/oqs")


def test_the_devices_and_the_flow_take_their_settings(tmp_path):
    from kiosk.wiring import flow_config

    path = tmp_path / "kiosk.toml"
    path.write_text('reader_name = "ACS ACR39U"\nface_threshold = 0.5\nface_attempts = 2\n'
                    'unknown_insurer_number = "77777779"\n', encoding="utf-8")
    cfg = config.load(path, env={"KIOSK_CAMERA": "1", "KIOSK_STAFF_PORT": "47811", "KIOSK_NAME": "受付機2"})
    assert (cfg.reader_name, cfg.camera_index, cfg.staff_port, cfg.kiosk_name) == ("ACS ACR39U", 1, 47811, "受付機2")
    assert cfg.face_threshold == 0.5
    flow = flow_config(cfg)
    assert (flow.max_face_attempts, flow.unknown_insurer_number) == (2, "77777779")


def test_json_file_via_env(tmp_path):
    path = tmp_path / "kiosk.json"
    path.write_text('{"retention_days": 30, "key_provider": "file"}', encoding="utf-8")
    cfg = config.load(env={"KIOSK_CONFIG": str(path)})
    assert (cfg.retention_days, cfg.key_provider) == (30, "file")


@pytest.mark.parametrize(
    "text",
    [
        'unknown_insurer_number = "77777778"',
        'institution_code = "12345"',
        'face_encoding = "latin-1"',
        "retention_days = 0",
        'retention_days = "soon"',
        'colour = "blue"',
        "this is not toml",
        "face_threshold = 0.95",
        'face_threshold = "strict"',
        "face_attempts = 10",
        "camera_index = -1",
        "staff_port = 70000",
    ],
)
def test_bad_values_are_named_errors(tmp_path, text):
    path = tmp_path / "kiosk.toml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError):
        config.load(path, env={})


def test_named_config_file_must_exist(tmp_path):
    with pytest.raises(ConfigError):
        config.load(env={"KIOSK_CONFIG": str(tmp_path / "missing.toml")})


def test_an_empty_kiosk_config_means_no_file(tmp_path, monkeypatch):
    # Even with a file in the default place: "" is "no file", not "the default file".
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    config.default_config_path().parent.mkdir(parents=True)
    config.default_config_path().write_text("retention_days = 5\n", encoding="utf-8")
    cfg = config.load(env={"KIOSK_CONFIG": "", "KIOSK_RETENTION_DAYS": "90"})
    assert cfg.retention_days == 90 and cfg.face_attempts == 3
    assert config.load(env={"KIOSK_CONFIG": ""}).retention_days == 730


def test_an_empty_kiosk_config_with_no_file_anywhere_gives_the_defaults(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "nothing-here"))
    monkeypatch.setenv("KIOSK_CONFIG", "")
    cfg = config.load()
    assert cfg == config._build({})
    assert (cfg.retention_days, cfg.institution_code, cfg.staff_port) == (730, "1312345678", 47810)


def test_the_default_file_is_read_when_kiosk_config_is_unset(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "xdg"))
    assert config.load(env={}).retention_days == 730  # no file there: defaults
    config.default_config_path().parent.mkdir(parents=True)
    config.default_config_path().with_suffix(".json").write_text('{"retention_days": 40}', encoding="utf-8")
    assert config.load(env={}).retention_days == 40


def test_the_suite_never_sees_the_runners_home_or_kiosk_settings():
    import os
    import tempfile

    pwd = pytest.importorskip("pwd")
    real_home = Path(pwd.getpwuid(os.getuid()).pw_dir)
    home = Path(os.environ["HOME"])
    assert home != real_home and Path(tempfile.gettempdir()) in home.parents
    assert Path.home() == home
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_CACHE_HOME", "XDG_STATE_HOME"):
        assert home in Path(os.environ[variable]).parents
    assert not [v for v in os.environ if v.startswith("KIOSK_")]
    assert home in config.default_config_path().parents
    cfg = config.load()
    assert home in cfg.data_dir.parents and home in cfg.key_dir.parents
