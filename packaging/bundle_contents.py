"""What the kiosk's frozen bundle holds and what is pruned from it, as rules packaging/kiosk.spec applies.

Plain Python, no PyInstaller import: tests/integration/test_packaging.py checks these rules against the
installed packages without a build, and scripts/smoke_bundle.py checks a built bundle against
REQUIRED_FILES. Every rule works on a file's place inside the bundle (``dest``, with ``/``), on Linux
(``PySide6/Qt/plugins/platforms/libqxcb.so``) and on Windows (``PySide6/plugins/platforms/qwindows.dll``)
alike.

Why each thing goes (the sizes are the Linux build's, before pruning: 897 MB):
- sudachidict_core (193 MB): pyopenjtalk-plus asks Sudachi only for readings its own dictionary lacks and
  the kiosk turns that off (kiosk/voice/engines.py USE_SUDACHI); sudachipy itself stays, pyopenjtalk
  imports it. The smoke test renders every screen's Japanese speech from the bundle, so a sentence that
  would need Sudachi fails there, not at the clinic.
- dlib's 68-point landmark model (95 MB): non-commercial licence and unused (kiosk/face/models.py uses the
  5-point model and the HOG detector built into dlib); the CNN face detector (mmod) is unused too.
- Qt: QML/Quick, PDF, SVG, the virtual keyboard, eglfs, VNC, the GTK theme, TLS and network-information
  plugins; the kiosk imports only QtCore, QtGui, QtWidgets, QtMultimedia and QtTextToSpeech and draws
  its own kana keyboard. The FFmpeg media backend goes too: the kiosk plays PCM through QAudioSink and a
  WAV chime through QSoundEffect, which Qt's audio layer does without a media backend, and that plugin
  alone pulls QtQuick, QtQml and Qt's own FFmpeg (36 MB). Qt's translations go: the kiosk installs only its
  own catalogs (kiosk/ui/language.py).
- RapidOCR's detection and direction models and config.yaml (5 MB): the kiosk reads the 照合番号B crops
  with its recognition model alone.
- Sources and stubs (*.ts translation sources, *.pyi, py.typed) and build-time tools (mypy).
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path, PurePosixPath

# Packages whose data files PyInstaller does not find on its own: collect_data_files(name) for each.
# espeakng_loader, on Windows only: espeak-ng.dll and its data (kiosk/voice/espeak_child.py). A Linux kiosk
# speaks with the system's espeak-ng, and PyInstaller leaves a package's "*.so" out of its data there: its
# 20 MB of data alone would be dead weight.
WINDOWS = sys.platform == "win32"
DATA_PACKAGES = ("face_recognition_models", "rapidocr_onnxruntime", "kiosk", "pyopenjtalk",
                 *(("espeakng_loader",) if WINDOWS else ()))

# Modules never imported by the kiosk that PyInstaller's analysis would otherwise follow into the bundle.
EXCLUDED_MODULES = (
    "tkinter", "matplotlib", "IPython", "pytest", "_pytest", "mypy", "ast_serialize",
    "sudachidict_core",
    "onnxruntime.tools", "onnxruntime.transformers", "onnxruntime.quantization",
    "PySide6.QtQml", "PySide6.QtQuick", "PySide6.QtQuickWidgets", "PySide6.QtPdf", "PySide6.QtPdfWidgets",
    "PySide6.QtSvg", "PySide6.QtSvgWidgets", "PySide6.QtMultimediaWidgets", "PySide6.QtOpenGLWidgets",
    "PySide6.QtVirtualKeyboard", "PySide6.QtWebEngineCore", "PySide6.QtCharts", "PySide6.Qt3DCore",
)

# Qt plugins kept, by folder and name (without "lib" and the extension); a folder not named here goes whole.
QT_PLUGINS_KEPT: dict[str, frozenset[str]] = {
    # xcb (X11), wayland (cage, the Linux kiosk compositor), windows; offscreen for screenshots and CI
    "platforms": frozenset({"qxcb", "qwayland", "qwayland-egl", "qwayland-generic", "qoffscreen", "qminimal",
                            "qwindows", "qdirect2d"}),
    "xcbglintegrations": frozenset({"qxcb-egl-integration", "qxcb-glx-integration"}),
    "wayland-shell-integration": frozenset({"xdg-shell"}),
    "wayland-graphics-integration-client": frozenset({"qt-plugin-wayland-egl", "shm-emulation-server"}),
    "platforminputcontexts": frozenset({"composeplatforminputcontextplugin"}),
    "imageformats": frozenset({"qjpeg", "qico"}),  # the camera still is JPEG; the Windows icon
    "texttospeech": frozenset({"qtexttospeech_speechd", "qtexttospeech_sapi", "qtexttospeech_winrt"}),
    "styles": frozenset({"qmodernwindowsstyle", "qwindowsvistastyle"}),
}

# Qt libraries only the pruned plugins and modules need.
QT_LIBS_DROPPED = frozenset({
    "Quick", "QuickControls2", "QuickTemplates2", "QuickShapes", "QuickWidgets", "QuickEffects",
    "Qml", "QmlModels", "QmlMeta", "QmlWorkerScript", "QmlCore", "Pdf", "PdfWidgets", "Svg", "SvgWidgets",
    "VirtualKeyboard", "VirtualKeyboardQml", "EglFSDeviceIntegration", "EglFsKmsSupport",
    "WlShellIntegration", "MultimediaWidgets", "MultimediaQuick", "OpenGLWidgets",
})
# Qt's own FFmpeg, for the pruned media backend only (OpenCV's copy lives in opencv_python_headless.libs
# or cv2/ and is never matched: these rules look only under PySide6/).
QT_FFMPEG = re.compile(r"^(lib)?(avcodec|avformat|avutil|avfilter|avdevice|swresample|swscale)([-.]|$)")
QT_FFMPEG_STUB = re.compile(r"^(lib)?Qt6FFmpegStub")

DATA_DROPPED = (
    re.compile(r"^sudachidict_core/"),
    re.compile(r"^face_recognition_models/models/(shape_predictor_68_face_landmarks|mmod_human_face_detector)\.dat$"),
    # RapidOCR's detection and direction models and its pipeline's settings: the kiosk reads the 照合番号B
    # crops with the recognition model alone (kiosk/face/ocr_worker.py), never through RapidOCR
    re.compile(r"^rapidocr_onnxruntime/(config\.yaml|models/(ch_PP-OCRv4_det_infer|ch_ppocr_mobile_v2\.0_cls_infer)\.onnx)$"),
    re.compile(r"^PySide6/(Qt/)?translations/"),
    re.compile(r"\.(ts|pyi)$"),
    re.compile(r"(^|/)py\.typed$"),
    re.compile(r"^mypy/"),
)

# What the kiosk cannot run without: checked in the built bundle (scripts/smoke_bundle.py) and, as data
# rules, against the installed packages (tests/integration/test_packaging.py). Paths under _internal/.
REQUIRED_FILES = (
    "face_recognition_models/models/shape_predictor_5_face_landmarks.dat",
    "face_recognition_models/models/dlib_face_recognition_resnet_model_v1.dat",
    "rapidocr_onnxruntime/models/ch_PP-OCRv4_rec_infer.onnx",
    "pyopenjtalk/dictionary/sys.dic",
    "pyopenjtalk/dictionary/matrix.bin",
    "pyopenjtalk/dictionary/char.bin",
    "pyopenjtalk/dictionary/unk.dic",
    # the Windows bundle's espeak-ng: its library, phonemes, voices and the dictionaries of the kiosk's languages
    *(f"espeakng_loader/{name}" for name in (
        "espeak-ng.dll", "espeak-ng-data/phontab", "espeak-ng-data/phondata", "espeak-ng-data/phonindex",
        "espeak-ng-data/intonations", "espeak-ng-data/lang", "espeak-ng-data/en_dict", "espeak-ng-data/cmn_dict",
        "espeak-ng-data/ko_dict", "espeak-ng-data/vi_dict", "espeak-ng-data/pt_dict", "espeak-ng-data/id_dict",
        "espeak-ng-data/ne_dict") if WINDOWS),
    "kiosk/ui/i18n/kiosk_en.qm",
    "kiosk/ui/staff/i18n/staff_en.qm",
    "kiosk/simulation/scenarios/01-valid-pin.json",
    "kiosk/qualification/scenarios",
    "assets/demo",
)
# Qt plugins each bundle must hold, under PySide6/Qt/plugins (Linux) or PySide6/plugins (Windows).
REQUIRED_QT_PLUGINS_LINUX = ("platforms/libqoffscreen.so", "platforms/libqxcb.so", "platforms/libqwayland.so",
                             "wayland-shell-integration/libxdg-shell.so", "imageformats/libqjpeg.so",
                             "texttospeech/libqtexttospeech_speechd.so")
REQUIRED_QT_PLUGINS_WINDOWS = ("platforms/qwindows.dll", "platforms/qoffscreen.dll", "imageformats/qjpeg.dll")

# System libraries a kept plugin links to that the bundle does not carry, because the plugin is useful only
# where the system service is installed: Qt's speech-dispatcher voices (voice_engine "qt" on Linux). Without
# it Qt skips the plugin and the kiosk speaks through Open JTalk and espeak-ng.
OPTIONAL_SYSTEM_LIBRARIES = frozenset({"libspeechd.so.2"})


def _posix(dest: str) -> str:
    return dest.replace("\\", "/")


def plugin_of(dest: str) -> tuple[str, str] | None:
    """(folder, name) of a Qt plugin file, e.g. ("platforms", "qxcb"); None for anything else."""
    parts = PurePosixPath(_posix(dest)).parts
    if len(parts) < 4 or parts[0] != "PySide6" or "plugins" not in parts[:3]:
        return None
    folder, file = parts[parts.index("plugins") + 1], parts[-1]
    name = file.split(".")[0]
    if name.startswith("lib") and not file.endswith(".dll"):
        name = name[3:]
    return folder, name


def qt_library_of(dest: str) -> str | None:
    """The Qt module a Qt library belongs to ("Quick" for libQt6Quick.so.6 or Qt6Quick.dll), else None."""
    parts = PurePosixPath(_posix(dest)).parts
    if not parts or parts[0] != "PySide6" or "plugins" in parts:
        return None
    match = re.match(r"^(lib)?Qt6([A-Za-z0-9]+)\.(so|dll)", parts[-1])
    return match.group(2) if match else None


def keep_binary(dest: str) -> bool:
    dest = _posix(dest)
    plugin = plugin_of(dest)
    if plugin is not None:
        folder, name = plugin
        return name in QT_PLUGINS_KEPT.get(folder, frozenset())
    if dest.startswith("PySide6/"):
        file = PurePosixPath(dest).name
        if QT_FFMPEG.match(file) or QT_FFMPEG_STUB.match(file):
            return False
        library = qt_library_of(dest)
        if library in QT_LIBS_DROPPED:
            return False
    return not dest.startswith(("sudachidict_core/", "mypy/", "ast_serialize/"))


def keep_data(dest: str) -> bool:
    dest = _posix(dest)
    if plugin_of(dest) is not None:
        return keep_binary(dest)
    return not any(rule.search(dest) for rule in DATA_DROPPED)


def strip_debug_info(folder: Path) -> int:
    """``strip --strip-debug`` on the Linux libraries in ``folder`` that carry debug sections (pyopenjtalk's
    28 MB openjtalk module is 25 MB of them, libpython 17 MB); returns the bytes saved.

    Not PyInstaller's own strip=True, which strips every library: a wheel's vendored libraries
    (``*.libs/``, rewritten by auditwheel's patchelf) then no longer load ("ELF load command address/offset
    not page-aligned" from numpy's OpenBLAS). Those are left alone, and so is a library without debug
    sections. Without binutils' strip nothing is done."""
    strip, readelf = shutil.which("strip"), shutil.which("readelf")
    if strip is None or readelf is None:
        return 0
    saved = 0
    for path in sorted(folder.rglob("*")):
        if not path.is_file() or path.is_symlink() or any(part.endswith(".libs") for part in path.parts):
            continue
        if not (".so" in path.name or path.name.startswith("libpython")):
            continue
        sections = subprocess.run([readelf, "-S", str(path)], capture_output=True, text=True, timeout=60).stdout
        if ".debug_info" not in sections:
            continue
        before = path.stat().st_size
        subprocess.run([strip, "--strip-debug", str(path)], check=True, timeout=120)
        saved += before - path.stat().st_size
    return saved
