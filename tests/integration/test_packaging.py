"""The packaging, checked cheaply in CI without building the bundle (`./run bundle` builds and smoke-tests
it; docs/windows.md): the bundle's content rules against the installed packages, the Qt plugins kept
against the Qt libraries pruned, the Japanese voice without the pruned Sudachi dictionary, the installer
script compiled by makensis from a dummy bundle, the lockdown script's syntax and settings, the Shell
Launcher XML against the script, and the Windows workflow against the files it names."""
from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parents[2]
PACKAGING = ROOT / "packaging"
WINDOWS = PACKAGING / "windows"
NSI = WINDOWS / "kiosk.nsi"
LOCKDOWN = WINDOWS / "lockdown.ps1"
WORKFLOW = ROOT / ".github" / "workflows" / "windows-bundle.yml"


def _contents():
    spec = importlib.util.spec_from_file_location("bundle_contents", PACKAGING / "bundle_contents.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


contents = _contents()


def _collected(package: str) -> list[str]:
    """Where each data file of ``package`` lands in the bundle, as the spec's collect_data_files puts it
    (PyInstaller's own when it is installed; otherwise the same rule: every file but Python sources)."""
    try:
        from PyInstaller.utils.hooks import collect_data_files
    except ImportError:
        spec = importlib.util.find_spec(package)
        assert spec is not None and spec.origin is not None, f"{package} is not installed"
        base = Path(spec.origin).parent
        return [f"{package}/{path.relative_to(base).as_posix()}" for path in base.rglob("*")
                if path.is_file() and path.suffix not in (".py", ".pyc") and "__pycache__" not in path.parts]
    return [f"{Path(dest).as_posix()}/{Path(src).name}" for src, dest in collect_data_files(package)]


def test_the_bundle_keeps_every_file_the_kiosk_needs():
    kept = {dest for package in contents.DATA_PACKAGES for dest in _collected(package) if contents.keep_data(dest)}
    kept |= {f"assets/{path.relative_to(ROOT / 'assets').as_posix()}" for path in (ROOT / "assets").rglob("*")
             if path.is_file()}
    missing = [name for name in contents.REQUIRED_FILES
               if name not in kept and not any(dest.startswith(name + "/") for dest in kept)]
    assert not missing
    # Every translation and scenario the kiosk ships, not only the samples named in REQUIRED_FILES.
    folders = ("kiosk/ui/i18n", "kiosk/ui/staff/i18n", "kiosk/simulation/scenarios", "kiosk/qualification/scenarios")
    for folder in folders:
        shipped = {f"{folder}/{path.name}" for path in (ROOT / folder).iterdir() if path.suffix in (".qm", ".json")}
        assert shipped and shipped <= kept, folder
    # Open JTalk's voice, without which there is no Japanese speech.
    assert any(dest.startswith("pyopenjtalk/htsvoice/") and dest.endswith(".htsvoice") for dest in kept)


def test_the_bundle_leaves_out_what_the_kiosk_never_loads():
    collected = [dest for package in contents.DATA_PACKAGES for dest in _collected(package)]
    dropped = {dest for dest in collected if not contents.keep_data(dest)}
    assert "face_recognition_models/models/shape_predictor_68_face_landmarks.dat" in dropped  # non-commercial
    assert not any(dest.endswith(".ts") and dest.startswith("kiosk/") for dest in collected if contents.keep_data(dest))
    assert not contents.keep_data("sudachidict_core/resources/system.dic")
    assert not contents.keep_data("PySide6/Qt/translations/qtbase_ja.qm")
    assert not contents.keep_data("PySide6/translations/qtbase_ja.qm")


@pytest.mark.parametrize(("dest", "kept"), [
    ("PySide6/Qt/plugins/platforms/libqxcb.so", True),
    ("PySide6/Qt/plugins/platforms/libqwayland.so", True),  # cage, the Linux kiosk compositor
    ("PySide6/Qt/plugins/platforms/libqoffscreen.so", True),
    ("PySide6/plugins/platforms/qwindows.dll", True),
    ("PySide6\\plugins\\platforms\\qwindows.dll", True),
    ("PySide6/Qt/plugins/platforms/libqvnc.so", False),
    ("PySide6/Qt/plugins/platforms/libqeglfs.so", False),
    ("PySide6/Qt/plugins/multimedia/libffmpegmediaplugin.so", False),
    ("PySide6/plugins/multimedia/ffmpegmediaplugin.dll", False),
    ("PySide6/Qt/plugins/platformthemes/libqgtk3.so", False),
    ("PySide6/Qt/plugins/imageformats/libqjpeg.so", True),
    ("PySide6/Qt/plugins/imageformats/libqpdf.so", False),
    ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_speechd.so", True),
    ("PySide6/Qt/plugins/texttospeech/libqtexttospeech_mock.so", False),
    ("PySide6/Qt/lib/libQt6Quick.so.6", False),
    ("PySide6/Qt6Quick.dll", False),
    ("PySide6/Qt/lib/libQt6Multimedia.so.6", True),
    ("PySide6/Qt/lib/libQt6Core.so.6", True),
    ("PySide6/Qt/lib/libavcodec.so.61", False),  # Qt's FFmpeg, for the pruned media backend
    ("PySide6/avcodec-61.dll", False),
    ("opencv_python_headless.libs/libavcodec-e863e0e1.so.63.1.102", True),  # OpenCV's: cv2 links it
    ("cv2/opencv_videoio_ffmpeg4110_64.dll", True),
    ("PySide6/Qt/lib/libicudata.so.73", True),
])
def test_qt_and_ffmpeg_pruning_rules(dest, kept):
    assert contents.keep_binary(dest) is kept


def _pyside_qt() -> Path:
    spec = importlib.util.find_spec("PySide6")
    assert spec is not None and spec.origin is not None
    return Path(spec.origin).parent / "Qt"


@pytest.mark.skipif(sys.platform != "linux" or shutil.which("readelf") is None, reason="ELF and readelf")
def test_no_kept_qt_plugin_links_a_pruned_library():
    """A plugin kept while a library it links is pruned would fail to load in the bundle, silently (Qt
    skips a plugin it cannot load): the installed PySide6's plugins read with readelf."""
    plugins = _pyside_qt() / "plugins"
    kept = [path for path in plugins.rglob("*.so")
            if contents.keep_binary(f"PySide6/Qt/{path.relative_to(plugins.parent).as_posix()}")]
    assert len(kept) >= 6
    broken = []
    for path in kept:
        out = subprocess.run(["readelf", "-d", str(path)], capture_output=True, text=True, timeout=60,
                             check=True).stdout
        for library in re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]", out):
            if not contents.keep_binary(f"PySide6/Qt/lib/{library}"):
                broken.append(f"{path.name} needs {library}")
    assert not broken
    for wanted in contents.REQUIRED_QT_PLUGINS_LINUX:
        assert (plugins / wanted).is_file(), wanted


def test_every_screen_speaks_japanese_without_the_pruned_sudachi_dictionary(qapp, monkeypatch):
    """The bundle leaves SudachiPy's 202 MB dictionary out: pyopenjtalk-plus then fails on any sentence
    whose kanji its own dictionary lacks (it would ask Sudachi). Here Sudachi fails the same way."""
    import pyopenjtalk
    import pyopenjtalk._unknown_kanji
    import pyopenjtalk.utils

    from kiosk.core.states import State
    from kiosk.ui.content import speech_of
    from kiosk.ui.language import Languages
    from kiosk.ui.ruby import reading
    from kiosk.voice.engines import USE_SUDACHI
    from kiosk.voice.sentences import sentences

    def no_dictionary():
        raise ModuleNotFoundError("sudachidict_core is not in the bundle")

    monkeypatch.setattr(pyopenjtalk.utils, "get_sudachi_tokenizer", no_dictionary)
    monkeypatch.setattr(pyopenjtalk._unknown_kanji, "get_sudachi_tokenizer", no_dictionary)
    assert USE_SUDACHI is False
    languages = Languages()
    failed, spoken = [], 0
    try:
        for code in ("ja", "ja-easy"):
            languages.apply(code)
            for state in State:
                for sentence in sentences(reading(" ".join(speech_of(state)))):
                    try:
                        assert pyopenjtalk.g2p(sentence, kana=True, use_sudachi_kanji_yomi=USE_SUDACHI)
                        spoken += 1
                    except ModuleNotFoundError:
                        failed.append((code, state.value, sentence))
    finally:
        languages.apply("ja")
    assert spoken > 50
    assert not failed
    # The stand-in is reached, with Sudachi's readings off as well, by a kanji Open JTalk lacks: so a new
    # screen sentence with one fails above, not in the bundle at the clinic.
    with pytest.raises(ModuleNotFoundError):
        pyopenjtalk.g2p("龘が飛ぶ", kana=True, use_sudachi_kanji_yomi=USE_SUDACHI)


# --- the installer ------------------------------------------------------------------------------------

def _dummy_bundle(folder: Path) -> Path:
    """A DUMMY bundle: two placeholder files named like the Windows programs, marked as not programs."""
    bundle = folder / "DUMMY-bundle"
    (bundle / "_internal").mkdir(parents=True)
    for name in ("kiosk.exe", "kiosk-cli.exe", "_internal/DUMMY.txt"):
        (bundle / name).write_text("DUMMY: a placeholder for the installer's compile test, not a program\n")
    return bundle


def _makensis(*defines: str) -> subprocess.CompletedProcess[str]:
    # -V4: makensis's !echo lines (the runtime's version) show from that level on.
    return subprocess.run(["makensis", "-V4", *(f"-D{name}" for name in defines), str(NSI)],
                          capture_output=True, text=True, timeout=300)


needs_makensis = pytest.mark.skipif(shutil.which("makensis") is None,
                                    reason="makensis (Debian's nsis) is not installed: ./run bundle installs it")


@needs_makensis
def test_the_installer_compiles_from_a_dummy_bundle(tmp_path):
    bundle = _dummy_bundle(tmp_path)
    test_build = tmp_path / "kiosk-setup-CI-TEST.exe"
    # Its version is a VC++ runtime's: it stands in for vc_redist.x64.exe below.
    done = _makensis("CI_TEST_BUILD", f"BUNDLE_DIR={bundle}", "VERSION=14.44.35211", f"OUTFILE={test_build}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert test_build.read_bytes()[:2] == b"MZ"
    assert "CI_TEST_BUILD" in done.stdout  # said, so a test build is never taken for a real one
    # The real build's path too: the runtime section and the version it compares, read from the file.
    full = tmp_path / "kiosk-setup-1.2.3.exe"
    done = _makensis(f"BUNDLE_DIR={bundle}", f"VCREDIST={test_build}", "VERSION=1.2.3", f"OUTFILE={full}")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "VC++ runtime in the installer: 14.44.35211" in done.stdout
    assert full.read_bytes()[:2] == b"MZ"


@needs_makensis
def test_the_installer_build_fails_clearly_without_its_inputs(tmp_path):
    bundle = _dummy_bundle(tmp_path)
    done = _makensis(f"BUNDLE_DIR={bundle}", f"OUTFILE={tmp_path / 'x.exe'}")
    assert done.returncode != 0 and "VCREDIST is not set" in done.stdout + done.stderr
    done = _makensis(f"BUNDLE_DIR={bundle}", f"VCREDIST={tmp_path / 'none.exe'}", f"OUTFILE={tmp_path / 'x.exe'}")
    assert done.returncode != 0 and "does not exist" in done.stdout + done.stderr
    done = _makensis(f"BUNDLE_DIR={bundle}", f"VCREDIST={NSI}", f"OUTFILE={tmp_path / 'x.exe'}")  # not a program
    assert done.returncode != 0 and "has no version resource" in done.stdout + done.stderr
    (bundle / "kiosk.exe").unlink()
    done = _makensis(f"BUNDLE_DIR={bundle}", f"VCREDIST={NSI}", f"OUTFILE={tmp_path / 'x.exe'}")
    assert done.returncode != 0 and "kiosk.exe is missing" in done.stdout + done.stderr
    done = subprocess.run(["makensis", "-V2", str(NSI)], capture_output=True, text=True, timeout=300)
    assert done.returncode != 0 and "BUNDLE_DIR is not set" in done.stdout + done.stderr


def test_the_installer_does_every_step():
    text = NSI.read_text(encoding="utf-8-sig")
    assert NSI.read_bytes()[:3] == b"\xef\xbb\xbf"  # makensis reads a file without a BOM in the ANSI code page
    assert 'InstallDir "$PROGRAMFILES64\\Kiosk"' in text
    assert "/install /quiet /norestart" in text and '"1638"' in text and '"3010"' in text
    for stage in ("Account", "Features", "Register"):
        assert f'!insertmacro Lockdown "{stage}"' in text
    assert "-Stage FirstStaff" in text and "-Stage Remove" in text
    # The data and key folders: nothing inherited, Administrators and the kiosk account only.
    assert '/inheritance:r /grant:r "${ADMINISTRATORS}:(OI)(CI)F" "$Account:(OI)(CI)${RIGHTS}"' in text
    assert '!define ADMINISTRATORS "*S-1-5-32-544"' in text
    for folder, rights in (("$DataRoot\\data", "M"), ("$DataRoot\\keys", "M"), ("$DataRoot", "RX")):
        assert f'!insertmacro Restrict "{folder}" "{rights}"' in text
    assert "WriteUninstaller" in text and 'Section "Uninstall"' in text
    # Every stage the installer calls is one the script accepts.
    accepted = re.search(r"ValidateSet\(([^)]*)\)", LOCKDOWN.read_text())
    assert accepted is not None
    stages = {stage.strip(" '") for stage in accepted.group(1).split(",")}
    called = set(re.findall(r'!insertmacro Lockdown "(\w+)"', text)) | set(re.findall(r"-Stage ([A-Z]\w+)", text))
    assert called <= stages, called - stages


# --- the lockdown script ------------------------------------------------------------------------------

def _unbalanced(source: str) -> list[str]:
    """Brackets that do not pair up, outside comments, strings and here-strings: a coarse syntax check
    for machines without PowerShell or tree-sitter's grammar."""
    pairs, stack, problems = {")": "(", "]": "[", "}": "{"}, [], []
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        if source.startswith("<#", i):
            i = source.index("#>", i) + 2
        elif c == "#":
            i = source.find("\n", i) if "\n" in source[i:] else n
        elif source.startswith(("@'", '@"'), i) and source[i + 2:i + 3] == "\n":
            i = source.index(source[i + 1] + "@", i + 3) + 2
        elif c == "'":
            i = source.index("'", i + 1) + 1
        elif c == '"':
            j = i + 1
            while source[j] != '"':
                j += 2 if source[j] == "`" else 1
            i = j + 1
        elif c == "`":
            i += 2
        else:
            if c in "([{":
                stack.append((c, source.count("\n", 0, i) + 1))
            elif c in ")]}":
                if not stack or stack[-1][0] != pairs[c]:
                    problems.append(f"line {source.count(chr(10), 0, i) + 1}: {c}")
                else:
                    stack.pop()
            i += 1
    return problems + [f"line {line}: {bracket} not closed" for bracket, line in stack]


def test_the_lockdown_script_parses():
    source = LOCKDOWN.read_bytes()
    assert all(byte < 128 for byte in source)  # Windows PowerShell 5.1 reads a BOM-less .ps1 as ANSI
    assert not _unbalanced(source.decode())
    assert _unbalanced("if ($a) { Write-Host '}' ")  # the check sees a missing brace past a quoted one
    try:
        import tree_sitter
        import tree_sitter_powershell
    except ImportError:
        return  # the full parse runs where the grammar is installed, and in windows-bundle.yml with PowerShell's
    parser = tree_sitter.Parser(tree_sitter.Language(tree_sitter_powershell.language()))
    assert not parser.parse(source).root_node.has_error
    broken = source.replace(b"function Get-KioskCommand {", b"function Get-KioskCommand (", 1)
    assert parser.parse(broken).root_node.has_error


def test_the_lockdown_script_sets_what_the_clinic_needs():
    text = LOCKDOWN.read_text()
    required = [
        # Shell Launcher: the kiosk for the kiosk account, explorer for Administrators, restart on exit
        "WESL_UserSetting", "SetCustomShell($KioskSid, (Get-KioskCommand)",
        "SetCustomShell($AdministratorsSid, 'explorer.exe'",
        "SetEnabled($true)", "$RestartShell = 0", "supervise -- run",
        # auto-logon through Winlogon, the password as the LSA secret, never the plain registry value
        "'AutoAdminLogon' '1'", "'DefaultUserName' $Account", "LsaStorePrivateData",
        "Set-LsaSecret 'DefaultPassword' $Plain",
        "Remove-RegistryValue $Winlogon 'DefaultPassword'",
        # the Device Lockdown features by their DISM names
        "'Client-DeviceLockdown'", "'Client-EmbeddedShellLauncher'", "'Client-KeyboardFilter'",
        "'Client-EmbeddedBootExp'", "'Client-EmbeddedLogon'", "Enable-WindowsOptionalFeature",
        # hot keys, edge swipes, logon and boot screens
        "WEKF_PredefinedKey", "'Ctrl+Alt+Del'", "'Alt+Tab'", "'Win+L'", "DisableKeyboardFilterForAdministrators",
        "'AllowEdgeSwipe' 0", "'BrandingNeutral' 1", "'HideAutoLogonUI' 1", "custom:16000067", "bootuxdisabled",
        # Windows Update outside clinic hours
        "'SetActiveHours' 1", "'ActiveHoursStart' $start", "'ActiveHoursEnd' $end",
        # the Pro route: a replacement shell for the kiosk account alone
        "Software\\Microsoft\\Windows NT\\CurrentVersion\\Winlogon",
        "Set-RegistryValue $winlogonKey 'Shell' (Get-KioskCommand)",
        # the start-up task as SYSTEM
        "Register-ScheduledTask", "'S-1-5-18'", "-AtStartup",
    ]
    missing = [snippet for snippet in required if snippet not in text]
    assert not missing
    assert not re.search(r"Set-RegistryValue \$Winlogon 'DefaultPassword'", text)
    assert not re.search(r"Write-(Host|Output|Verbose|Step)[^\n]*\$plain", text, re.IGNORECASE)  # never shown


def test_shell_launcher_xml_says_what_the_script_sets():
    from kiosk.watchdog import EXIT_GAVE_UP

    ns = {"s": "http://schemas.microsoft.com/ShellLauncher/2018/Configuration"}
    root = ET.parse(WINDOWS / "ShellLauncher.xml").getroot()
    text = LOCKDOWN.read_text()
    shell = root.find("s:Profiles/s:Profile/s:Shell", ns)
    assert shell is not None
    assert shell.get("Shell") == '"%ProgramFiles%\\Kiosk\\kiosk.exe" supervise -- run'
    assert "`\"$exe`\" supervise -- run" in text
    action = shell.find("s:ReturnCodeActions/s:ReturnCodeAction", ns)
    assert action is not None and action.get("Action") == "DoNothing"
    assert int(action.get("ReturnCode", "")) == EXIT_GAVE_UP
    assert f"$SupervisorGaveUp = {EXIT_GAVE_UP}" in text
    default = shell.find("s:DefaultAction", ns)
    assert default is not None and default.get("Action") == "RestartShell"
    account = root.find("s:Configs/s:Config/s:Account", ns)
    assert account is not None and f"[string]$Account = '{account.get('Name')}'" in text
    profile = root.find("s:Profiles/s:Profile", ns)
    config_profile = root.find("s:Configs/s:Config/s:Profile", ns)
    assert profile is not None and config_profile is not None and profile.get("Id") == config_profile.get("Id")


# --- the Windows workflow -----------------------------------------------------------------------------

def test_the_windows_workflow_parses_and_names_files_that_exist():
    workflow = yaml.safe_load(WORKFLOW.read_text())
    job = workflow["jobs"]["bundle"]
    assert job["runs-on"] == "windows-latest"
    assert job["timeout-minutes"] <= 90
    scripts = "\n".join(step.get("run", "") for step in job["steps"])
    named = set(re.findall(r"((?:packaging|scripts|\.github)[\\/][\w\\/.-]+\.(?:txt|spec|py|nsi|ps1|yml))", scripts))
    assert {"packaging\\requirements-windows.txt", "packaging\\kiosk.spec", "scripts\\smoke_bundle.py",
            "packaging\\windows\\kiosk.nsi", "packaging\\windows\\lockdown.ps1"} <= named
    missing = [name for name in named if not (ROOT / name.replace("\\", "/")).is_file()]
    assert not missing
    assert "smoke_bundle.py --bundle dist\\kiosk" in scripts and "/DVCREDIST=" in scripts


# --- a built bundle, when there is one ----------------------------------------------------------------

def _built_bundle() -> Path | None:
    for candidate in (os.environ.get("SMOKE_BUNDLE"), ROOT / "build" / "bundle" / "dist" / "kiosk"):
        if candidate and (Path(candidate) / "_internal").is_dir():
            return Path(candidate)
    return None


@pytest.mark.skipif(_built_bundle() is None, reason="no built bundle (./run bundle, or SMOKE_BUNDLE=DIR)")
def test_a_built_bundle_holds_its_files():
    done = subprocess.run([sys.executable, str(ROOT / "scripts" / "smoke_bundle.py"), "--bundle", str(_built_bundle()),
                           "--only", "layout", "--only", "help"], capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stdout + done.stderr
