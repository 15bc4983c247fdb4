"""Check, or remake, the Windows lock: every Python package of the Windows bundle pinned with its hash.

    python scripts/check_windows_lock.py            # what ./run check runs; exit 1 with each problem
    python scripts/check_windows_lock.py --update   # remake both lock files from pyproject.toml

The lock is ``packaging/requirements-windows.txt`` (pyproject.toml's dependencies and the build tools,
with everything they need on Windows) and ``packaging/requirements-windows-no-deps.txt`` (what
``packaging/no-deps.txt`` installs without its declared dependencies). Both are for CPython 3.11 on
win_amd64. The check, without installing or downloading a wheel:

- every pyproject dependency (and tool) has a pin, inside pyproject's bounds (PySide6 <6.12 stays);
- pip's resolver, asked for win_amd64 CPython 3.11 wheels only, takes the pins as they are: each has a
  win_amd64 (or pure) wheel, they agree with each other, and the wheel pip picks has a hash in the lock;
- the lock holds everything the pins need *on Windows*: pip evaluates markers for the machine it runs on
  (Linux here), so the script walks each pin's Requires-Dist itself with a Windows environment
  (``colorama; platform_system == "Windows"``, ``pywin32-ctypes; sys_platform == 'win32'``), and it holds
  nothing that nothing needs.

Metadata comes through pip's ``fast-deps`` (HTTP range requests into each wheel's central directory and
METADATA), so the check moves a few MB, not the ~450 MB of wheels; hashes are compared with the ones the
index publishes for the files, which are what pip checks a download against. Packages of
:data:`SDIST_ONLY` have no wheel of the version needed: their pinned sdist's hash is looked up on the index.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import tomllib
import urllib.request
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from packaging.requirements import InvalidRequirement, Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parents[1]
LOCK = ROOT / "packaging" / "requirements-windows.txt"
NO_DEPS_LOCK = ROOT / "packaging" / "requirements-windows-no-deps.txt"
NO_DEPS = ROOT / "packaging" / "no-deps.txt"
PYPROJECT = ROOT / "pyproject.toml"
TOOLS = ("pyinstaller>=6.0",)  # builds the bundle on Windows; not a dependency of the kiosk itself
# No wheel of the version pyproject needs: face_recognition_models 0.3.0 is an sdist of model files and pure
# Python, built the same on any machine, with no dependencies (--update checks that).
SDIST_ONLY = frozenset({"face-recognition-models"})
PIP_TIMEOUT = 900  # seconds; one resolve of the whole set takes 15-30 s
# What a marker sees on the kiosk PC: CPython 3.11, 64-bit Windows 10/11.
WINDOWS = {
    "implementation_name": "cpython",
    "implementation_version": "3.11.9",
    "os_name": "nt",
    "platform_machine": "AMD64",
    "platform_python_implementation": "CPython",
    "platform_release": "10",
    "platform_system": "Windows",
    "platform_version": "10.0.19045",
    "python_full_version": "3.11.9",
    "python_version": "3.11",
    "sys_platform": "win32",
}
TARGET = (
    "--only-binary=:all:", "--platform", "win_amd64", "--python-version", "3.11", "--implementation", "cp",
    "--abi", "cp311",
)
HEADER = """\
# {what}: CPython 3.11, win_amd64, each pinned with its hash.
# Made by `python scripts/check_windows_lock.py --update` (packaging/README.md); `./run check` checks it.
# Do not edit by hand. {install}
"""


class LockError(Exception):
    """The lock cannot be read, or pip could not be asked: a problem with the check, not a finding."""


@dataclass(frozen=True)
class Pin:
    name: str  # canonical (PEP 503)
    version: str
    hashes: frozenset[str]  # sha256 hex digests


@dataclass(frozen=True)
class Resolved:
    """One distribution pip chose: its wheel (or sdist) file, the hash the index gives, its Requires-Dist."""

    name: str
    version: str
    filename: str
    sha256: str | None
    requires: tuple[str, ...]


# --- reading ---------------------------------------------------------------------------------------------


def read_lock(text: str, where: str = "lock") -> dict[str, Pin]:
    pins: dict[str, Pin] = {}
    for entry in _logical_lines(text):
        tokens = entry.split()
        hashes = {t.removeprefix("--hash=sha256:") for t in tokens if t.startswith("--hash=sha256:")}
        rest = [t for t in tokens if not t.startswith("--hash=")]
        try:
            requirement = Requirement(" ".join(rest))
        except InvalidRequirement as exc:
            raise LockError(f"{where}: cannot read {entry!r}: {exc}") from exc
        specs = list(requirement.specifier)
        if len(specs) != 1 or specs[0].operator != "==" or "*" in specs[0].version:
            raise LockError(f"{where}: {requirement.name} is not pinned with == to one version")
        if not hashes or any(len(h) != 64 for h in hashes):
            raise LockError(f"{where}: {requirement.name} has no --hash=sha256:… (pip --require-hashes needs one)")
        name = canonicalize_name(requirement.name)
        if name in pins:
            raise LockError(f"{where}: {requirement.name} is pinned twice")
        pins[name] = Pin(name, specs[0].version, frozenset(hashes))
    return pins


def _logical_lines(text: str) -> Iterable[str]:
    entry = ""
    for raw in text.splitlines():
        line = raw.split(" #", 1)[0].strip() if not raw.lstrip().startswith("#") else ""
        continued = line.endswith("\\")
        entry += " " + line.removesuffix("\\").strip()
        if not continued and entry.strip():
            yield entry.strip()
            entry = ""
        elif not continued:
            entry = ""
    if entry.strip():
        yield entry.strip()


def pyproject_requirements(text: str) -> list[Requirement]:
    return [Requirement(line) for line in tomllib.loads(text)["project"]["dependencies"]]


def no_deps_requirements(text: str) -> list[Requirement]:
    return [Requirement(line) for line in _logical_lines(text)]


def read_report(report: Mapping[str, Any]) -> dict[str, Resolved]:
    resolved: dict[str, Resolved] = {}
    for item in report.get("install", []):
        metadata, info = item["metadata"], item.get("download_info", {})
        hashes = info.get("archive_info", {}).get("hashes", {})
        name = canonicalize_name(metadata["name"])
        resolved[name] = Resolved(
            name, metadata["version"], info.get("url", "").rsplit("/", 1)[-1].split("#", 1)[0],
            hashes.get("sha256"), tuple(metadata.get("requires_dist") or ()),
        )
    return resolved


# --- checking ----------------------------------------------------------------------------------------------


def bounds_problems(requirements: Iterable[Requirement], pins: Mapping[str, Pin], source: str) -> list[str]:
    """Each requirement of ``source`` has a pin that satisfies it."""
    problems = []
    for requirement in requirements:
        if requirement.marker is not None and not requirement.marker.evaluate(WINDOWS):
            continue
        pin = pins.get(canonicalize_name(requirement.name))
        if pin is None:
            problems.append(f"{source} needs {requirement} but the Windows lock has no pin for it: run --update")
        elif not requirement.specifier.contains(pin.version, prereleases=True):
            problems.append(f"the lock pins {requirement.name}=={pin.version}, outside {source}'s {requirement}")
    return problems


def _needed_on_windows(requirement: Requirement, extras: frozenset[str]) -> bool:
    if requirement.marker is None:
        return True
    return any(requirement.marker.evaluate({**WINDOWS, "extra": extra}) for extra in extras | {""})


def windows_closure(
    roots: Iterable[Requirement], requires: Mapping[str, tuple[str, ...]]
) -> tuple[dict[str, list[Requirement]], dict[str, set[str]]]:
    """Everything ``roots`` need on Windows, following ``requires`` (a name's Requires-Dist): for each name
    the requirements that ask for it, and who asks (for the lock's ``# via`` comments)."""
    wanted: dict[str, list[Requirement]] = {}
    via: dict[str, set[str]] = {}
    extras_seen: dict[str, frozenset[str]] = {}
    queue: list[tuple[str, Requirement]] = [("pyproject.toml", r) for r in roots]
    while queue:
        parent, requirement = queue.pop()
        if not _needed_on_windows(requirement, extras_seen.get(parent, frozenset())):
            continue
        name = canonicalize_name(requirement.name)
        wanted.setdefault(name, []).append(requirement)
        via.setdefault(name, set()).add(parent)
        extras = extras_seen.get(name, frozenset()) | frozenset(requirement.extras)
        if name in extras_seen and extras == extras_seen[name]:
            continue
        extras_seen[name] = extras
        queue.extend((name, Requirement(line)) for line in requires.get(name, ()))
    return wanted, via


def closure_problems(
    roots: Iterable[Requirement], pins: Mapping[str, Pin], resolved: Mapping[str, Resolved]
) -> list[str]:
    requires = {name: item.requires for name, item in resolved.items()}
    wanted, via = windows_closure(roots, requires)
    problems = []
    for name, requirements in sorted(wanted.items()):
        pin = pins.get(name)
        askers = ", ".join(sorted(via[name]))
        if pin is None:
            problems.append(f"{name} is needed on Windows (by {askers}) but the lock has no pin for it: run --update")
            continue
        for requirement in requirements:
            if not requirement.specifier.contains(pin.version, prereleases=True):
                problems.append(f"the lock pins {name}=={pin.version} but {askers} needs {requirement}")
    for name in sorted(set(pins) - set(wanted)):
        problems.append(f"{name} is in the lock but nothing needs it on Windows: run --update")
    return problems


def resolution_problems(pins: Mapping[str, Pin], resolved: Mapping[str, Resolved]) -> list[str]:
    """pip chose each pin's own version, a wheel for win_amd64 (or a pure one), whose hash is in the lock."""
    problems = []
    for name, pin in sorted(pins.items()):
        item = resolved.get(name)
        if item is None:
            problems.append(f"pip did not resolve {name}=={pin.version}")
            continue
        if item.version != pin.version:
            problems.append(f"pip chose {name} {item.version}, not the pinned {pin.version}")
        if not item.filename.endswith(".whl"):
            problems.append(f"{name}=={pin.version}: no wheel, pip took {item.filename}")
        else:
            platforms = {tag.platform for tag in parse_wheel_filename(item.filename)[3]}
            if not platforms <= {"win_amd64", "any"}:
                problems.append(f"{name}=={pin.version}: {item.filename} is not a win_amd64 wheel")
        if item.sha256 is None:
            problems.append(f"{name}=={pin.version}: the index gives no sha256 for {item.filename}")
        elif item.sha256 not in pin.hashes:
            problems.append(f"{name}=={pin.version}: the hash of {item.filename} ({item.sha256}) is not in the lock")
    return problems


# --- asking pip and the index ---------------------------------------------------------------------------


def pip_resolve(lines: Iterable[str], *, no_deps: bool = False, target: tuple[str, ...] = TARGET) -> dict[str, Any]:
    """pip's ``--dry-run --report`` for ``lines``, installing nothing, reading metadata only."""
    wanted = list(lines)
    if not wanted:
        return {"install": []}
    with tempfile.TemporaryDirectory(prefix="windows-lock-") as folder:
        requirements, report = Path(folder) / "requirements.txt", Path(folder) / "report.json"
        requirements.write_text("\n".join(wanted) + "\n", encoding="utf-8")
        command = [
            sys.executable, "-m", "pip", "install", "--dry-run", "--ignore-installed", "--quiet",
            "--disable-pip-version-check", "--report", str(report),
            *target, *(["--no-deps"] if no_deps else []), "-r", str(requirements),
        ]
        done = _pip([*command, "--use-feature=fast-deps"])
        if done.returncode != 0 and "fast-deps" in done.stderr:  # a pip that has dropped the feature: whole wheels
            done = _pip(command)
        if done.returncode != 0:
            errors = [line for line in done.stderr.splitlines() if line.startswith("ERROR")] or done.stderr.splitlines()
            raise LockError("pip cannot resolve it for win_amd64:\n  " + "\n  ".join(errors[-12:]))
        return json.loads(report.read_text(encoding="utf-8"))


def _pip(command: list[str]) -> subprocess.CompletedProcess[str]:
    try:
        return subprocess.run(command, capture_output=True, text=True, timeout=PIP_TIMEOUT, check=False)
    except subprocess.TimeoutExpired as exc:
        raise LockError(f"pip did not resolve the Windows lock within {PIP_TIMEOUT} s") from exc


def index_sdist_hashes(name: str, version: str) -> set[str]:
    """The sha256 of each sdist of ``name`` ``version`` on the index (PEP 691 JSON), a few kB."""
    index = os.environ.get("PIP_INDEX_URL", "https://pypi.org/simple").rstrip("/")
    request = urllib.request.Request(f"{index}/{name}/", headers={"Accept": "application/vnd.pypi.simple.v1+json"})
    try:
        with urllib.request.urlopen(request, timeout=60) as answer:
            files = json.load(answer)["files"]
    except (OSError, ValueError, KeyError) as exc:
        raise LockError(f"cannot read {name}'s files on {index}: {exc}") from exc
    stem = f"{name.replace('-', '_')}-{version}.tar.gz"
    return {f["hashes"]["sha256"] for f in files if f["filename"].lower() == stem and "sha256" in f.get("hashes", {})}


def check() -> list[str]:
    pins = read_lock(LOCK.read_text(encoding="utf-8"), LOCK.name)
    no_deps_pins = read_lock(NO_DEPS_LOCK.read_text(encoding="utf-8"), NO_DEPS_LOCK.name)
    roots = [*pyproject_requirements(PYPROJECT.read_text(encoding="utf-8")), *map(Requirement, TOOLS)]
    problems = bounds_problems(roots, pins, "pyproject.toml")
    problems += bounds_problems(no_deps_requirements(NO_DEPS.read_text(encoding="utf-8")), no_deps_pins, NO_DEPS.name)
    wheels = {name: pin for name, pin in pins.items() if name not in SDIST_ONLY}
    resolved = read_report(pip_resolve(f"{p.name}=={p.version}" for p in wheels.values()))
    problems += resolution_problems(wheels, resolved)
    problems += closure_problems(roots, pins, resolved)
    loose = read_report(pip_resolve((f"{p.name}=={p.version}" for p in no_deps_pins.values()), no_deps=True))
    problems += resolution_problems(no_deps_pins, loose)
    for name in sorted(SDIST_ONLY & set(pins)):
        if not pins[name].hashes & index_sdist_hashes(name, pins[name].version):
            problems.append(f"{name}=={pins[name].version}: no sdist with the locked hash on the index")
    return problems


# --- remaking ---------------------------------------------------------------------------------------------


def update() -> None:
    roots = [*pyproject_requirements(PYPROJECT.read_text(encoding="utf-8")), *map(Requirement, TOOLS)]
    wheel_roots = [r for r in roots if canonicalize_name(r.name) not in SDIST_ONLY]
    added: dict[str, Requirement] = {}
    for _ in range(6):  # each round adds what only Windows markers ask for; two rounds are usual
        resolved = read_report(pip_resolve(str(r) for r in [*wheel_roots, *added.values()]))
        wanted, via = windows_closure(roots, {name: item.requires for name, item in resolved.items()})
        missing = {name: reqs[0] for name, reqs in wanted.items() if name not in resolved and name not in SDIST_ONLY}
        if not missing:
            break
        for name, requirement in missing.items():
            added[name] = Requirement(f"{requirement.name}{requirement.specifier}")
    else:
        raise LockError(f"the Windows-only dependencies do not settle: {', '.join(sorted(missing))}")
    entries = [(resolved[name], via[name]) for name in sorted(wanted) if name not in SDIST_ONLY]
    for name in sorted(SDIST_ONLY & set(wanted)):
        spec = next(str(r) for r in roots if canonicalize_name(r.name) == name)
        sdist = read_report(pip_resolve([spec], no_deps=True, target=(f"--no-binary={name}",)))[name]
        if any(_needed_on_windows(Requirement(line), frozenset()) for line in sdist.requires):
            raise LockError(f"{name} now has dependencies: it cannot stay in SDIST_ONLY")
        entries.append((sdist, via[name]))
    install = "Install: python -m pip install --require-hashes -r packaging/requirements-windows.txt"
    LOCK.write_text(_render("The kiosk's Python packages on Windows", install, entries), encoding="utf-8")
    loose = no_deps_requirements(NO_DEPS.read_text(encoding="utf-8"))
    chosen = read_report(pip_resolve((str(r) for r in loose), no_deps=True))
    install = "Install after the lock: python -m pip install --require-hashes --no-deps -r <this file>"
    NO_DEPS_LOCK.write_text(
        _render("packaging/no-deps.txt on Windows", install, [(item, {NO_DEPS.name}) for item in chosen.values()]),
        encoding="utf-8",
    )


def _render(what: str, install: str, entries: Iterable[tuple[Resolved, set[str]]]) -> str:
    out = [HEADER.format(what=what, install=install)]
    for item, askers in sorted(entries, key=lambda entry: entry[0].name):
        if item.sha256 is None:
            raise LockError(f"the index gives no sha256 for {item.filename}")
        out.append(f"{item.name}=={item.version} \\\n    --hash=sha256:{item.sha256}\n")
        out.append(f"    # via {', '.join(sorted(askers))}\n")
    return "".join(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0] if __doc__ else None)
    parser.add_argument("--update", action="store_true", help="remake the lock files from pyproject.toml")
    args = parser.parse_args(argv)
    try:
        if args.update:
            update()
        problems = check()
    except LockError as exc:
        print(f"windows lock: {exc}", file=sys.stderr)
        return 2
    for problem in problems:
        print(f"windows lock: {problem}", file=sys.stderr)
    if problems:
        return 1
    print(f"windows lock: {LOCK.relative_to(ROOT)} resolves to win_amd64 wheels for CPython 3.11")
    return 0


if __name__ == "__main__":
    sys.exit(main())
