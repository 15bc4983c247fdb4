"""The Windows lock check (scripts/check_windows_lock.py) finds what would break the Windows install.

The rules are tested here on small made-up locks and pip reports; the real resolve against the index
for the real lock is the step `./run check` runs.
"""
from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from packaging.requirements import Requirement

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("check_windows_lock", ROOT / "scripts" / "check_windows_lock.py")
assert _spec and _spec.loader
lock = importlib.util.module_from_spec(_spec)
sys.modules[_spec.name] = lock  # dataclasses look their module up there
_spec.loader.exec_module(lock)

H1, H2 = "a" * 64, "b" * 64


def _pins(**versions: str) -> dict:
    return lock.read_lock("".join(f"{name}=={v} \\\n    --hash=sha256:{H1}\n" for name, v in versions.items()))


def _item(name, version, filename=None, sha256=H1, requires=()):
    filename = filename or f"{name.replace('-', '_')}-{version}-py3-none-any.whl"
    return lock.Resolved(name, version, filename, sha256, tuple(requires))


def test_the_lock_is_read_with_its_hashes_and_comments():
    pins = lock.read_lock(
        "# header\nPySide6-Essentials==6.11.3 \\\n"
        f"    --hash=sha256:{H1} \\\n    --hash=sha256:{H2}\n    # via pyproject.toml\n"
        f"six==1.17.0 --hash=sha256:{H1}  # inline\n"
    )
    assert pins["pyside6-essentials"] == lock.Pin("pyside6-essentials", "6.11.3", frozenset({H1, H2}))
    assert pins["six"].version == "1.17.0"


@pytest.mark.parametrize(
    "text, why",
    [
        (f"six>=1.16 --hash=sha256:{H1}\n", "not pinned"),
        ("six==1.17.0\n", "no --hash"),
        (f"six==1.17.0 --hash=sha256:{H1}\nSix==1.16.0 --hash=sha256:{H2}\n", "pinned twice"),
        (f"six==1.* --hash=sha256:{H1}\n", "not pinned"),
    ],
)
def test_a_pin_without_a_version_or_a_hash_is_refused(text, why):
    with pytest.raises(lock.LockError, match=why):
        lock.read_lock(text)


def test_a_lock_missing_a_pyproject_dependency_is_reported():
    requirements = [Requirement("PySide6-Essentials>=6.6,<6.12"), Requirement("segno>=1.5")]
    problems = lock.bounds_problems(requirements, _pins(**{"PySide6-Essentials": "6.11.3"}), "pyproject.toml")
    assert len(problems) == 1 and "segno" in problems[0] and "no pin" in problems[0]


def test_a_pin_outside_pyprojects_bounds_is_reported():
    problems = lock.bounds_problems(
        [Requirement("PySide6-Essentials>=6.6,<6.12")], _pins(**{"pyside6-essentials": "6.12.0"}), "pyproject.toml"
    )
    assert problems and "6.12.0" in problems[0] and "<6.12" in problems[0]


def test_a_dependency_only_windows_needs_must_be_pinned_and_a_linux_only_one_need_not():
    requirements = [
        Requirement('pywin32-ctypes; sys_platform == "win32"'), Requirement('uvloop; sys_platform == "linux"')
    ]
    problems = lock.bounds_problems(requirements, {}, "pyproject.toml")
    assert len(problems) == 1 and "pywin32-ctypes" in problems[0]


def test_what_a_pin_needs_on_windows_is_followed_though_pip_runs_on_linux():
    resolved = {
        "tqdm": _item("tqdm", "4.70.1", requires=['colorama; platform_system == "Windows"', 'requests; extra == "x"']),
        "pyinstaller": _item(
            "pyinstaller", "6.22.3", requires=["altgraph", "pefile>=2022.5.30; sys_platform == 'win32'",
                                               "macholib>=1.8; sys_platform == 'darwin'"],
        ),
        "altgraph": _item("altgraph", "0.17.5"),
    }
    roots = [Requirement("tqdm>=4.60"), Requirement("pyinstaller")]
    problems = lock.closure_problems(roots, _pins(tqdm="4.70.1", pyinstaller="6.22.3", altgraph="0.17.5"), resolved)
    assert sorted(p.split()[0] for p in problems) == ["colorama", "pefile"]  # not requests, not macholib
    assert all("needed on Windows" in p for p in problems)


def test_extras_asked_for_are_followed():
    resolved = {"psycopg": _item("psycopg", "3.3.9", requires=['psycopg-binary==3.3.9; extra == "binary"'])}
    pins = _pins(psycopg="3.3.9")
    assert lock.closure_problems([Requirement("psycopg>=3.2")], pins, resolved) == []
    problems = lock.closure_problems([Requirement("psycopg[binary]>=3.2")], pins, resolved)
    assert problems and problems[0].startswith("psycopg-binary")


def test_a_pin_too_old_for_what_needs_it_and_a_pin_nothing_needs_are_reported():
    resolved = {"sqlite-utils": _item("sqlite-utils", "4.2.1", requires=["click>=8.3"]), "click": _item("click", "8.0")}
    pins = _pins(**{"sqlite-utils": "4.2.1", "click": "8.0", "leftover": "1.0"})
    problems = lock.closure_problems([Requirement("sqlite-utils>=3.35")], pins, resolved)
    assert any("click==8.0" in p and "click>=8.3" in p for p in problems)
    assert any(p.startswith("leftover is in the lock but nothing needs it") for p in problems)


def test_a_wheel_for_another_platform_a_changed_hash_and_an_sdist_are_reported():
    pins = _pins(numpy="2.4.6", shapely="2.2.0", pyscard="2.3.1", six="1.17.0")
    resolved = {
        "numpy": _item("numpy", "2.4.6", "numpy-2.4.6-cp311-cp311-manylinux_2_28_x86_64.whl"),
        "shapely": _item("shapely", "2.2.0", "shapely-2.2.0-cp311-cp311-win_amd64.whl", sha256=H2),
        "pyscard": _item("pyscard", "2.3.1", "pyscard-2.3.1.tar.gz"),
        "six": _item("six", "1.17.0"),
    }
    problems = lock.resolution_problems(pins, resolved)
    assert len(problems) == 3
    assert "not a win_amd64 wheel" in problems[0] and "numpy" in problems[0]
    assert "pyscard" in problems[1] and "no wheel" in problems[1]
    assert "shapely" in problems[2] and "not in the lock" in problems[2]


def test_pips_report_is_read():
    report = {"install": [{
        "metadata": {"name": "PySide6_Essentials", "version": "6.11.3", "requires_dist": ["shiboken6==6.11.3"]},
        "download_info": {
            "url": "https://files.example/p/pyside6_essentials-6.11.3-cp310-abi3-win_amd64.whl",
            "archive_info": {"hashes": {"sha256": H1}},
        },
    }]}
    item = lock.read_report(report)["pyside6-essentials"]
    assert (item.filename, item.sha256, item.requires) == (
        "pyside6_essentials-6.11.3-cp310-abi3-win_amd64.whl", H1, ("shiboken6==6.11.3",),
    )


def test_the_check_fails_for_a_new_dependency_without_a_windows_pin(tmp_path, monkeypatch, capsys):
    """The whole check on a project whose pyproject gained a dependency the lock does not have."""
    (tmp_path / "pyproject.toml").write_text('[project]\ndependencies = ["six>=1.16", "segno>=1.5"]\n')
    (tmp_path / "requirements-windows.txt").write_text(
        f"six==1.17.0 --hash=sha256:{H1}\npyinstaller==6.22.3 --hash=sha256:{H1}\n"
    )
    (tmp_path / "no-deps.txt").write_text("")
    (tmp_path / "requirements-windows-no-deps.txt").write_text("")
    for name, file in (("PYPROJECT", "pyproject.toml"), ("LOCK", "requirements-windows.txt"),
                       ("NO_DEPS", "no-deps.txt"), ("NO_DEPS_LOCK", "requirements-windows-no-deps.txt")):
        monkeypatch.setattr(lock, name, tmp_path / file)
    asked = []

    def pip_resolve(lines, *, no_deps=False, target=lock.TARGET):
        lines = list(lines)
        asked.append((lines, no_deps))
        found = {"six": "six-1.17.0-py2.py3-none-any.whl", "pyinstaller": "pyinstaller-6.22.3-py3-none-win_amd64.whl"}
        items = []
        for line in lines:
            name, version = line.split("==")
            info = {"url": f"https://x/{found[name]}", "archive_info": {"hashes": {"sha256": H1}}}
            items.append({"metadata": {"name": name, "version": version}, "download_info": info})
        return {"install": items}

    monkeypatch.setattr(lock, "pip_resolve", pip_resolve)
    assert lock.main([]) == 1
    err = capsys.readouterr().err
    assert "segno" in err and "no pin" in err
    assert sorted(asked[0][0]) == ["pyinstaller==6.22.3", "six==1.17.0"] and not asked[0][1]


def test_the_lock_in_the_repository_covers_pyproject_and_no_deps():
    """Offline part of the real check: a dependency added to pyproject.toml without --update fails here."""
    pins = lock.read_lock(lock.LOCK.read_text(encoding="utf-8"))
    roots = [*lock.pyproject_requirements(lock.PYPROJECT.read_text(encoding="utf-8")), *map(Requirement, lock.TOOLS)]
    assert lock.bounds_problems(roots, pins, "pyproject.toml") == []
    no_deps = lock.read_lock(lock.NO_DEPS_LOCK.read_text(encoding="utf-8"))
    assert lock.bounds_problems(lock.no_deps_requirements(lock.NO_DEPS.read_text(encoding="utf-8")), no_deps, "") == []
    assert pins["pyside6-essentials"].version < "6.12" and "pyinstaller" in pins
