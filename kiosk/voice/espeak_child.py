"""espeak-ng's voices where there is no espeak-ng program (the Windows bundle): libespeak-ng and its data
from the espeakng-loader wheel, driven through ctypes in a child process.

The child answers the part of the espeak-ng command line the kiosk uses, the same way, so that
kiosk.voice.engines.EspeakEngine starts, reads and kills either one alike:

- ``--voices``: the voice table, a header line and then one voice a line with its language second;
- ``-v VOICE -s WPM -b 1 --stdout``: the UTF-8 text on stdin, spoken into a WAV stream on stdout (the CLI's
  header, whose sizes are unknown while it streams, then 16-bit mono samples as they are made).

A process of its own, not the library in the kiosk: a sentence cannot be interrupted inside
``espeak_Synth`` short of killing what runs it, and the library holds one voice for the whole process.
"""
from __future__ import annotations

import argparse
import ctypes
import os
import struct
import sys
from pathlib import Path
from typing import IO

from kiosk.face.pipe_child import answer_stream

# speak_lib.h
AUDIO_OUTPUT_SYNCHRONOUS = 2  # espeak_Synth returns once the callback has had every sample
INITIALIZE_DONT_EXIT = 0x8000  # without it the library calls exit() when its data is missing
CHARS_UTF8 = 1
END_PAUSE = 0x1000  # the pause after the last clause, as the CLI adds it
POS_CHARACTER = 1
PARAMETER_RATE = 1
EE_OK = 0

STREAMED_SIZE = 0x7FFFF000  # what the CLI writes for the sizes it cannot know while it streams

_SynthCallback = ctypes.CFUNCTYPE(ctypes.c_int, ctypes.POINTER(ctypes.c_short), ctypes.c_int, ctypes.c_void_p)


class _Voice(ctypes.Structure):  # espeak_VOICE
    _fields_ = [
        ("name", ctypes.c_char_p),
        ("languages", ctypes.c_void_p),  # (priority byte, NUL-ended language) pairs, ended by a 0 byte
        ("identifier", ctypes.c_char_p),
        ("gender", ctypes.c_ubyte),
        ("age", ctypes.c_ubyte),
        ("variant", ctypes.c_ubyte),
        ("xx1", ctypes.c_ubyte),
        ("score", ctypes.c_int),
        ("spare", ctypes.c_void_p),
    ]


class EspeakLibraryError(Exception):
    """libespeak-ng could not be loaded or refused a call; the child says why on stderr and exits 1."""


def library_files() -> tuple[Path, Path] | None:
    """libespeak-ng and its espeak-ng-data from espeakng-loader; None where it is not installed (or, as in
    the Linux bundle, its library was not collected)."""
    try:
        import espeakng_loader

        library, data = Path(espeakng_loader.get_library_path()), Path(espeakng_loader.get_data_path())
    except (ImportError, RuntimeError):  # RuntimeError: its data folder is missing
        return None
    return (library, data) if library.is_file() else None


def _load() -> tuple[ctypes.CDLL, int]:
    """The library, initialised for synchronous output; and its sample rate."""
    files = library_files()
    if files is None:
        raise EspeakLibraryError("espeakng-loader's libespeak-ng is not installed")
    library_path, data = files
    try:
        lib = ctypes.CDLL(str(library_path))
    except OSError as exc:
        raise EspeakLibraryError(f"libespeak-ng does not load: {exc}") from None
    lib.espeak_Initialize.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_char_p, ctypes.c_int)
    lib.espeak_Initialize.restype = ctypes.c_int
    lib.espeak_SetSynthCallback.argtypes = (_SynthCallback,)
    lib.espeak_SetSynthCallback.restype = None
    lib.espeak_SetVoiceByName.argtypes = (ctypes.c_char_p,)
    lib.espeak_SetVoiceByName.restype = ctypes.c_int
    lib.espeak_SetParameter.argtypes = (ctypes.c_int, ctypes.c_int, ctypes.c_int)
    lib.espeak_SetParameter.restype = ctypes.c_int
    lib.espeak_Synth.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_uint, ctypes.c_int, ctypes.c_uint,
                                 ctypes.c_uint, ctypes.c_void_p, ctypes.c_void_p)
    lib.espeak_Synth.restype = ctypes.c_int
    lib.espeak_Synchronize.argtypes = ()
    lib.espeak_Synchronize.restype = ctypes.c_int
    lib.espeak_ListVoices.argtypes = (ctypes.c_void_p,)
    lib.espeak_ListVoices.restype = ctypes.POINTER(ctypes.POINTER(_Voice))
    rate = lib.espeak_Initialize(AUDIO_OUTPUT_SYNCHRONOUS, 0, _c_path(data), INITIALIZE_DONT_EXIT)
    if rate <= 0:
        raise EspeakLibraryError(f"espeak_Initialize found no usable data in {data}")
    return lib, rate


def _c_path(path: Path) -> bytes:
    """``path`` as the library's C runtime opens it: on Windows in the ANSI code page, not Python's UTF-8."""
    try:
        return str(path).encode("mbcs") if sys.platform == "win32" else os.fsencode(path)
    except UnicodeEncodeError:
        raise EspeakLibraryError(f"libespeak-ng cannot open a path with these characters: {path}") from None


def _languages(voice: _Voice) -> list[tuple[int, str]]:
    found, at = [], voice.languages
    while at and (priority := ctypes.string_at(at, 1)[0]):
        language = ctypes.string_at(at + 1)
        found.append((priority, language.decode("ascii", "replace")))
        at += len(language) + 2
    return found


def list_voices(lib: ctypes.CDLL, out: IO[str]) -> None:
    """The CLI's ``--voices`` table (the columns EspeakEngine reads: a header, the language second)."""
    out.write("Pty Language       Age/Gender VoiceName          File                 Other Languages\n")
    voices = lib.espeak_ListVoices(None)
    for index in range(10_000):  # NULL-ended; the bound only stops a corrupt table
        if not voices[index]:
            break
        voice = voices[index].contents
        languages = _languages(voice)
        if not languages:
            continue
        (priority, language), others = languages[0], languages[1:]
        name = (voice.name or b"").decode("utf-8", "replace").replace(" ", "_")
        identifier = (voice.identifier or b"").decode("utf-8", "replace")
        gender = "-MF"[voice.gender] if voice.gender < 3 else "-"
        extra = " ".join(f"({other} {pty})" for pty, other in others)
        out.write(f"{priority:2d}  {language:<15s}--/{gender}      {name:<18s} {identifier:<20s} {extra}\n")


def wav_header(rate: int) -> bytes:
    """The CLI's streamed WAV header: 16-bit mono at ``rate``, sizes unknown."""
    return (b"RIFF" + struct.pack("<I", STREAMED_SIZE + 36) + b"WAVEfmt "
            + struct.pack("<IHHIIHH", 16, 1, 1, rate, rate * 2, 2, 16)
            + b"data" + struct.pack("<I", STREAMED_SIZE))


def speak(lib: ctypes.CDLL, rate: int, voice: str, wpm: int, text: bytes, out: IO[bytes]) -> None:
    """``text`` (UTF-8) in ``voice`` at ``wpm`` words a minute, as a WAV stream on ``out``."""
    if lib.espeak_SetVoiceByName(voice.encode("ascii")) != EE_OK:
        raise EspeakLibraryError(f"espeak-ng has no voice {voice!r}")
    if lib.espeak_SetParameter(PARAMETER_RATE, wpm, 0) != EE_OK:
        raise EspeakLibraryError(f"espeak-ng refused the rate {wpm}")
    out.write(wav_header(rate))
    failed: list[OSError] = []

    def take(samples, count: int, _events) -> int:
        if not samples or count <= 0:
            return 0
        try:
            out.write(ctypes.string_at(samples, count * 2))
        except OSError as exc:  # the kiosk went away: stop synthesising (1 aborts)
            failed.append(exc)
            return 1
        return 0

    callback = _SynthCallback(take)  # kept referenced until the library is done with it
    lib.espeak_SetSynthCallback(callback)
    buffer = ctypes.create_string_buffer(text)  # NUL-ended, as espeak_Synth reads it
    error = lib.espeak_Synth(buffer, len(text) + 1, 0, POS_CHARACTER, 0, CHARS_UTF8 | END_PAUSE, None, None)
    lib.espeak_Synchronize()
    if failed:
        raise failed[0]
    if error != EE_OK:
        raise EspeakLibraryError(f"espeak_Synth failed ({error})")
    out.flush()


def _arguments(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="espeak_child", description="espeak-ng's CLI, the kiosk's part of it")
    parser.add_argument("--voices", action="store_true", help="list the voices")
    parser.add_argument("-v", dest="voice", default="en")
    parser.add_argument("-s", dest="wpm", type=int, default=175)  # espeak-ng's own default
    parser.add_argument("-b", dest="encoding", choices=("1",), default="1", help="1: UTF-8 (the only one here)")
    parser.add_argument("--stdout", action="store_true", help="WAV on stdout (the only output here)")
    args = parser.parse_args(argv)
    if not args.voices and not args.stdout:
        parser.error("speech goes to --stdout only: this child has no audio output of its own")
    return args


def main(argv: list[str] | None = None) -> int:
    args = _arguments(sys.argv[1:] if argv is None else argv)
    out = answer_stream()  # a library message on stdout must not land in the WAV
    try:
        lib, rate = _load()
        if args.voices:
            with open(out.fileno(), "w", encoding="utf-8", closefd=False) as table:
                list_voices(lib, table)
        else:
            speak(lib, rate, args.voice, args.wpm, sys.stdin.buffer.read(), out)
    except EspeakLibraryError as exc:
        print(f"espeak_child: {exc}", file=sys.stderr)
        return 1
    except BrokenPipeError:
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
