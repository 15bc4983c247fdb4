"""How soon the kiosk starts speaking a screen, and what the Japanese engine costs in memory.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/bench/voice_latency.py [--rounds 3]

The texts are every screen's Japanese speech (kiosk.ui.content.speech_of). Two ways, each measured in
fresh processes so that "cold" really is cold and the memory is the engine's own:

- ours: SpeechPlayer.speak() until its first PCM sample reaches the output (an in-memory output: a real
  device adds its buffer, about 20 ms); cold is the first speak() of a new process (the engine loads
  on the worker meanwhile), uncached each screen once after the engine loaded, cached each screen again.
- reference: pyopenjtalk.tts() on the screen's whole text, synchronously, as a naive kiosk would: the
  first sample exists only when the whole text is rendered. It has no cache, so "cached" is its warm time.

RSS is the process's resident memory after the run minus before the engine was imported (Linux /proc).
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def screen_texts() -> list[str]:
    from kiosk.core.states import State
    from kiosk.ui.content import speech_of
    from kiosk.ui.ruby import reading

    return [reading(" ".join(speech_of(state))) for state in State]


def child_ours() -> dict:
    from PySide6.QtCore import QCoreApplication

    app = QCoreApplication.instance() or QCoreApplication([])
    texts = screen_texts()
    from kiosk.core.voice import Utterance
    from kiosk.voice.output import MemoryOutput

    before = rss_mb()
    from kiosk.voice.build import pcm_engines
    from kiosk.voice.player import SpeechPlayer

    out = MemoryOutput()

    def first_sample(text: str) -> float:
        asked = time.perf_counter()
        player.speak(Utterance(text, "ja", "screen"))
        while out.first_sample_at is None or out.first_sample_at < asked:
            app.processEvents()
            time.sleep(0.0005)
        taken = out.first_sample_at - asked
        while out.ended < len(out.streams):  # let it finish, so that it is cached
            app.processEvents()
            time.sleep(0.001)
        return taken

    player = SpeechPlayer(pcm_engines("openjtalk", 1.0, 0.8), out)
    cold = first_sample(texts[0])
    uncached = [first_sample(t) for t in texts[1:]]
    cached = [first_sample(t) for t in texts]
    after = rss_mb()
    player.close()
    return {"cold": cold, "uncached": uncached, "cached": cached, "rss": after - before}


def child_reference() -> dict:
    texts = screen_texts()
    before = rss_mb()
    started = time.perf_counter()
    import pyopenjtalk

    pyopenjtalk.tts(texts[0])
    cold = time.perf_counter() - started
    warm = []
    for text in texts[1:]:
        started = time.perf_counter()
        pyopenjtalk.tts(text)
        warm.append(time.perf_counter() - started)
    again = []
    for text in texts:
        started = time.perf_counter()
        pyopenjtalk.tts(text)
        again.append(time.perf_counter() - started)
    return {"cold": cold, "uncached": warm, "cached": again, "rss": rss_mb() - before}


def run_child(kind: str) -> dict:
    done = subprocess.run(
        [sys.executable, __file__, "--child", kind], capture_output=True, text=True, check=True, cwd=ROOT
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def ms(seconds: float) -> str:
    return f"{seconds * 1000:7.0f}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="fresh processes per way (default 3)")
    parser.add_argument("--child", choices=("ours", "reference"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(child_ours() if args.child == "ours" else child_reference()))
        return 0
    print(f"{len(screen_texts())} screens of Japanese speech, {args.rounds} fresh processes each way\n")
    print("time to the first sample, ms        cold   uncached median/max   cached median/max   engine RSS MB")
    for kind, label in (("ours", "ours: SpeechPlayer"), ("reference", "reference: pyopenjtalk.tts(whole)")):
        runs = [run_child(kind) for _ in range(args.rounds)]
        cold = statistics.median(r["cold"] for r in runs)
        uncached = [v for r in runs for v in r["uncached"]]
        cached = [v for r in runs for v in r["cached"]]
        rss = statistics.median(r["rss"] for r in runs)
        print(
            f"{label:34} {ms(cold)}   {ms(statistics.median(uncached))} / {ms(max(uncached))}"
            f"     {ms(statistics.median(cached))} / {ms(max(cached))}   {rss:8.0f}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
