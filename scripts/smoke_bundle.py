"""Smoke test of a built kiosk bundle, run from the frozen app itself (Linux here and in CI; Windows in
.github/workflows/windows-bundle.yml):

    python scripts/smoke_bundle.py [--bundle DIST/kiosk] [--faces DIR]

Checks, each with a deadline, each exiting 0 with the output it should have:
  layout       the files the kiosk cannot run without are in the bundle, the pruned ones are not
               (packaging/bundle_contents.py); on Linux every library finds the libraries it needs
  help         kiosk --help
  simulate     kiosk simulate valid-face: the real flow on fakes, Qt-free, to the done screen
  screenshots  kiosk screenshots --out TMP, offscreen: every kiosk and staff screen as a PNG
  face         kiosk face verify: the same person matches, someone else does not (the dlib models)
  child        kiosk --child kiosk.face.match_worker: the frozen app's way of starting a helper process
  voice        kiosk voice say in Japanese: pyopenjtalk's dictionary and voice are in the bundle
  doctor       kiosk doctor, when the bundle has it: a report comes out, no traceback (exit 0, 1 or 2)

Prints one line per check and exits 1 if any failed. Nothing is written outside a temporary folder: HOME,
the config and data folders point there (KIOSK_CONFIG="" means no configuration file).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
import wave
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "packaging"))

import bundle_contents as contents  # noqa: E402

WINDOWS = sys.platform == "win32"
DEADLINE = 180.0  # seconds for any one command: the first start of a cold bundle reads ~600 MB
SHARED_FACES = ROOT.parent / "shared" / "faces"
# The same public-domain photos ship in assets/demo under the demo's names (assets/demo/SOURCE.md).
FACES = {"shared": ("obama.jpg", "obama2.jpg", "biden.jpg"),
         "demo": ("patient_face.jpg", "patient_face2.jpg", "other_person.jpg")}


class Failed(Exception):
    """A check's named failure: what was expected and what came instead."""


class Smoke:
    def __init__(self, bundle: Path, faces: Path, work: Path) -> None:
        self.bundle, self.faces, self.work = bundle, faces, work
        # On Windows kiosk.exe is windowed (Shell Launcher's shell) and kiosk-cli.exe the same with a console
        # (packaging/kiosk.spec): the commands run from the console one, the helper process from kiosk.exe.
        self.exe = bundle / ("kiosk-cli.exe" if WINDOWS else "kiosk")
        self.shell_exe = bundle / ("kiosk.exe" if WINDOWS else "kiosk")
        self.internal = bundle / "_internal"
        home = work / "home"
        home.mkdir()
        self.env = {**os.environ, "HOME": str(home), "USERPROFILE": str(home), "APPDATA": str(home / "roaming"),
                    "LOCALAPPDATA": str(home / "local"), "XDG_CONFIG_HOME": str(home / ".config"),
                    "XDG_DATA_HOME": str(home / ".local" / "share"), "XDG_CACHE_HOME": str(home / ".cache"),
                    "KIOSK_CONFIG": "", "KIOSK_DATA_DIR": str(work / "data"), "QT_QPA_PLATFORM": "offscreen",
                    "PYTHONIOENCODING": "utf-8"}

    def kiosk(self, *args: str, stdin: str | None = None, exe: Path | None = None) -> subprocess.CompletedProcess[str]:
        try:
            return subprocess.run([str(exe or self.exe), *args], env=self.env, cwd=self.work, input=stdin,
                                  capture_output=True, text=True, encoding="utf-8", errors="replace",
                                  timeout=DEADLINE)
        except subprocess.TimeoutExpired:
            raise Failed(f"kiosk {' '.join(args)} ran past its {DEADLINE:.0f} s deadline") from None

    def ok(self, *args: str, expect: str = "") -> str:
        done = self.kiosk(*args)
        if done.returncode != 0 or expect not in done.stdout:
            raise Failed(f"kiosk {' '.join(args)}: exit {done.returncode}, expected {expect!r}\n"
                         f"{_tail(done.stdout)}{_tail(done.stderr)}")
        return done.stdout

    # -- the checks --------------------------------------------------------------------------------------

    def layout(self) -> str:
        for exe in {self.exe, self.shell_exe}:
            if not exe.is_file():
                raise Failed(f"no {exe.name} in {self.bundle}")
        missing = [name for name in contents.REQUIRED_FILES if not (self.internal / name).exists()]
        plugins = self.internal / "PySide6" / ("plugins" if WINDOWS else "Qt/plugins")
        wanted = contents.REQUIRED_QT_PLUGINS_WINDOWS if WINDOWS else contents.REQUIRED_QT_PLUGINS_LINUX
        missing += [f"PySide6 plugins/{name}" for name in wanted if not (plugins / name).is_file()]
        if missing:
            raise Failed("missing from the bundle: " + ", ".join(missing))
        pruned = [str(path.relative_to(self.internal)) for path in self.internal.rglob("*")
                  if path.is_file() and not _kept(path.relative_to(self.internal).as_posix())]
        if pruned:
            raise Failed("pruned files in the bundle: " + ", ".join(pruned[:10]))
        size = sum(path.stat().st_size for path in self.bundle.rglob("*") if path.is_file() and not path.is_symlink())
        note = f"{size / 1e6:.0f} MB in {sum(1 for _ in self.bundle.rglob('*'))} entries"
        if not WINDOWS and shutil.which("ldd"):
            note += "; " + self.libraries()
        return note

    def libraries(self) -> str:
        """Every ELF in the bundle resolves its NEEDED libraries (from the bundle or the system), as the
        bootloader's LD_LIBRARY_PATH makes them: a Qt library pruned while still needed shows here."""
        env = {**self.env, "LD_LIBRARY_PATH": f"{self.internal}:{self.internal / 'PySide6/Qt/lib'}"}
        files = [path for path in self.internal.rglob("*.so*") if path.is_file() and not path.is_symlink()]
        unresolved = []
        for path in files:
            out = subprocess.run(["ldd", str(path)], env=env, capture_output=True, text=True, timeout=60).stdout
            unresolved += [f"{path.name}: {line.split()[0]}" for line in out.splitlines()
                           if "not found" in line and line.split()[0] not in contents.OPTIONAL_SYSTEM_LIBRARIES]
        if unresolved:
            raise Failed("libraries not found: " + ", ".join(sorted(set(unresolved))[:10]))
        return f"{len(files)} libraries resolve"

    def help(self) -> str:
        out = self.ok("--help", expect="simulate")
        if "screenshots" not in out or "face" not in out:
            raise Failed("kiosk --help does not list its commands")
        return "lists the commands"

    def simulate(self) -> str:
        out = self.ok("simulate", "valid-face", expect="[completed]")
        if "→ done →" not in out:
            raise Failed(f"valid-face did not reach the done screen: {out.strip()}")
        return out.strip().splitlines()[-1][:100]

    def screenshots(self) -> str:
        shots = self.work / "shots"
        self.ok("screenshots", "--out", str(shots))
        pngs = sorted(shots.glob("*.png"))
        broken = [path.name for path in pngs if path.read_bytes()[:8] != b"\x89PNG\r\n\x1a\n"]
        staff = [path for path in pngs if path.name.startswith("staff_")]
        if len(pngs) < 20 or not staff or broken:
            raise Failed(f"{len(pngs)} PNGs, {len(staff)} staff screens, not PNG: {broken}")
        for name in ("idle.png", "done.png"):
            if not (shots / name).is_file():
                raise Failed(f"no {name} among the screenshots")
        return f"{len(pngs)} PNGs ({len(staff)} staff screens)"

    def face(self) -> str:
        names = FACES["shared" if (self.faces / FACES["shared"][0]).is_file() else "demo"]
        reference, same, other = (self.faces / name for name in names)
        out = self.ok("face", "verify", "--reference", str(reference), "--probe", str(same), "--probe", str(other),
                      "--json")
        report = json.loads(out)
        same_probe, other_probe = report["probes"]
        if not (report["matched"] and same_probe["matched"] and not other_probe["matched"]):
            raise Failed(f"expected {same.name} to match {reference.name} and {other.name} not to: {report}")
        return (f"{same.name} {same_probe['distance']}, {other.name} {other_probe['distance']} "
                f"(limit {report['threshold']})")

    def child(self) -> str:
        done = self.kiosk("--child", "kiosk.face.match_worker", stdin="", exe=self.shell_exe)
        first = done.stdout.splitlines()[:1]
        if done.returncode != 0 or first != [json.dumps({"ready": True})]:
            raise Failed(f"the match worker answered {first} and ended {done.returncode}{_tail(done.stderr)}")
        return "kiosk --child started the match worker; it loaded the models and ended with its stdin"

    def voice(self) -> str:
        out_file = self.work / "idle.wav"
        self.ok("voice", "say", "--screen", "idle", "--lang", "ja", "--engine", "openjtalk", "--out", str(out_file),
                expect="by openjtalk")
        with wave.open(str(out_file)) as wav:
            seconds = wav.getnframes() / wav.getframerate()
        if seconds < 2:
            raise Failed(f"the idle screen's speech is {seconds:.1f} s long")
        return f"idle screen in Japanese: {seconds:.1f} s of speech"

    def doctor(self) -> str:
        if "doctor" not in self.ok("--help"):
            return "SKIPPED: this bundle has no kiosk doctor"
        done = self.kiosk("doctor")
        # Exit 0 fine, 1 a warning, 2 a problem (docs/doctor.md): with no reader or terminal here the report
        # names problems, so any of the three is a report; what must not happen is a crash or no report.
        if done.returncode not in (0, 1, 2) or len(done.stdout.splitlines()) < 5 or "Traceback" in done.stderr:
            raise Failed(f"kiosk doctor: exit {done.returncode}{_tail(done.stdout)}{_tail(done.stderr)}")
        return f"exit {done.returncode}, {len(done.stdout.splitlines())} lines of report"


def _kept(dest: str) -> bool:
    name = Path(dest).name
    binary = ".so" in name or name.endswith((".dll", ".pyd"))
    return contents.keep_binary(dest) if binary else contents.keep_data(dest)


def _tail(text: str, lines: int = 15) -> str:
    return "".join(f"\n    {line}" for line in text.strip().splitlines()[-lines:])


CHECKS: tuple[str, ...] = ("layout", "help", "simulate", "screenshots", "face", "child", "voice", "doctor")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--bundle", type=Path, default=ROOT / "dist" / "kiosk", help="the bundle folder")
    faces = SHARED_FACES if SHARED_FACES.is_dir() else ROOT / "assets" / "demo"
    parser.add_argument("--faces", type=Path, default=faces,
                        help="photos: obama.jpg, obama2.jpg, biden.jpg (or the demo's names in assets/demo)")
    parser.add_argument("--only", action="append", choices=CHECKS, help="run only these checks")
    args = parser.parse_args(argv)
    failed = 0
    with tempfile.TemporaryDirectory(prefix="kiosk-smoke-") as work:
        smoke = Smoke(args.bundle.resolve(), args.faces.resolve(), Path(work))
        for name in args.only or CHECKS:
            check: Callable[[], str] = getattr(smoke, name)
            started = time.monotonic()
            try:
                result = check()
            except Failed as exc:
                failed += 1
                print(f"FAIL {name:12} {exc}", flush=True)
                continue
            print(f"ok   {name:12} {result}  [{time.monotonic() - started:.1f} s]", flush=True)
    print(f"{'all checks passed' if not failed else f'{failed} check(s) failed'}: {args.bundle}")
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
