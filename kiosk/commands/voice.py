"""``kiosk voice``: a screen's speech to a WAV file, and what the voice can do on this machine.

    kiosk voice say --screen STATE [--lang CODE] --out FILE.wav   (STATE as in kiosk.core.states: idle, pin, …)
    kiosk voice say --text TEXT [--lang CODE] --out FILE.wav
    kiosk voice status

``say`` uses the site's voice settings (rate, volume, engine; ``--engine`` overrides the engine) and the
engines that render PCM; the OS voices speak only aloud, so they write no file. Nothing of what is said
is printed or logged.
"""
from __future__ import annotations

import argparse
from pathlib import Path

ENGINE_CHOICES = ("auto", "openjtalk", "espeak")


def register(subparsers) -> None:
    voice = subparsers.add_parser("voice", help="the kiosk's voice: speech to WAV, engines and audio devices")
    sub = voice.add_subparsers(dest="voice_command", required=True)

    say = sub.add_parser("say", help="render a screen's speech (or a text) to a WAV file")
    what = say.add_mutually_exclusive_group(required=True)
    what.add_argument("--screen", help="a state's name, e.g. idle, pin, done")
    what.add_argument("--text", help="a text to say")
    say.add_argument("--lang", default="ja", help="a kiosk language code (ja, ja-easy, en, zh-Hans, …); default ja")
    say.add_argument("--out", required=True, type=Path, help="the WAV file to write")
    say.add_argument("--engine", choices=ENGINE_CHOICES, help="instead of the site's voice_engine")
    say.set_defaults(func=_say)

    status = sub.add_parser("status", help="engines, their voices, the audio devices; exit 1 on a problem")
    status.set_defaults(func=_status)


def _say(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication

    from kiosk.config import load
    from kiosk.core.errors import KioskError
    from kiosk.core.states import State
    from kiosk.ui.content import speech_of
    from kiosk.ui.language import Languages, language_info
    from kiosk.ui.voice_guide import spoken
    from kiosk.voice.build import pcm_engines
    from kiosk.voice.engines import synthesize
    from kiosk.voice.wav import write_wav

    _app = QCoreApplication.instance() or QCoreApplication([])
    try:
        config = load()
        info = language_info(args.lang)
        languages = Languages()  # held: its translators are uninstalled when it is collected
        languages.apply(args.lang)
        if args.screen is not None:
            try:
                state = State(args.screen)
            except ValueError:
                print(f"kiosk voice say: no screen {args.screen!r}; one of {', '.join(s.value for s in State)}")
                return 2
            phrases = speech_of(state)
        else:
            phrases = [args.text]
        text = spoken(" ".join(p for p in phrases if p), info.voice_lang)
        engine = None
        for candidate in pcm_engines(args.engine or config.voice_engine, config.voice_rate, config.voice_volume):
            try:
                candidate.load()
            except KioskError as exc:
                print(f"kiosk voice say: {candidate.name}: {exc.code} ({exc})")
                continue
            if info.voice_lang in candidate.voices():
                engine = candidate
                break
        if engine is None:
            print(f"kiosk voice say: no engine renders {info.voice_lang} speech here (see kiosk voice status)")
            return 1
        pcm = synthesize(engine, text, info.voice_lang)
        write_wav(args.out, pcm)
    except KioskError as exc:
        print(f"kiosk voice say: {exc.code}: {exc}")
        return 1
    except OSError as exc:
        print(f"kiosk voice say: cannot write {args.out}: {exc}")
        return 1
    print(f"wrote {args.out}: {pcm.seconds:.1f} s of {info.voice_lang} speech by {engine.name}")
    return 0


def _status(args: argparse.Namespace) -> int:
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtMultimedia import QMediaDevices
    from PySide6.QtTextToSpeech import QTextToSpeech

    from kiosk.config import load
    from kiosk.ui.language import REGISTRY
    from kiosk.voice.build import build_voice

    _app = QCoreApplication.instance() or QCoreApplication([])
    config = load()
    player = build_voice(config, prewarm=False)
    loaded = player.wait_loaded(30.0)
    print(f"voice_engine setting: {config.voice_engine}; rate {config.voice_rate}; volume {config.voice_volume}")
    print("engines:")
    for line in player.describe_engines():
        print(f"  {line}")
    if not loaded:
        print("  (still loading after 30 s)")
    plugins = QTextToSpeech.availableEngines()
    print(f"QtTextToSpeech plug-ins: {', '.join(plugins) or 'none'} (mock is Qt's test engine, never used)")
    print("languages:")
    for info in REGISTRY:
        print(f"  {info.code:8} {player.engine_for(info.voice_lang) or 'no voice: the Japanese voice says so'}")
    outputs = QMediaDevices.audioOutputs()
    default = QMediaDevices.defaultAudioOutput()
    print("audio outputs:")
    for device in outputs:
        print(f"  {device.description()}{' (default)' if device.id() == default.id() else ''}")
    if not outputs:
        print("  none")
    problem = player.status()
    print(f"status: {problem or 'ok'}")
    player.close()
    return 1 if problem else 0
