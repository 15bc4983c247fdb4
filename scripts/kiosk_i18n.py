"""Keep every kiosk language's catalog in step with the screens' strings.

``kiosk/ui/i18n/kiosk_en.ts`` is the reference message set (pyside6-lupdate writes it from the sources,
docs/ui.md). Every other language's ``kiosk_<code>.ts`` holds the same (context, source) pairs: ``sync``
adds what is new as unfinished, drops what the sources no longer have and keeps every translation already
written; ``compile`` builds the ``.qm`` files; ``--check`` fails while a message lacks a translation.

    python scripts/kiosk_i18n.py sync CODE...      create or update kiosk_<code>.ts from kiosk_en.ts
    python scripts/kiosk_i18n.py compile [CODE...] compile the .ts files to .qm (all when none named)
    python scripts/kiosk_i18n.py check [CODE...]   exit 1, listing them, if any message is unfinished
"""
from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
I18N = ROOT / "kiosk" / "ui" / "i18n"
REFERENCE = I18N / "kiosk_en.ts"

Key = tuple[str, str]  # (context, source)


def _path(code: str) -> Path:
    return I18N / f"kiosk_{code}.ts"


def messages(path: Path) -> dict[Key, str | None]:
    """(context, source) -> translation, None while unfinished; in file order."""
    out: dict[Key, str | None] = {}
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            source = message.findtext("source", "")
            translation = message.find("translation")
            done = translation is not None and translation.get("type") != "unfinished" and translation.text
            out[(name, source)] = translation.text if done and translation is not None else None
    return out


def write(path: Path, code: str, entries: dict[Key, str | None]) -> None:
    root = ET.Element("TS", version="2.1", language=code.replace("-", "_"), sourcelanguage="ja_JP")
    contexts: dict[str, ET.Element] = {}
    for (context, source), translation in entries.items():
        if context not in contexts:
            contexts[context] = ET.SubElement(root, "context")
            ET.SubElement(contexts[context], "name").text = context
        message = ET.SubElement(contexts[context], "message")
        ET.SubElement(message, "source").text = source
        element = ET.SubElement(message, "translation")
        if translation:
            element.text = translation
        else:
            element.set("type", "unfinished")
    ET.indent(root, space="    ")
    body = ET.tostring(root, encoding="unicode")
    path.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n' + body + "\n", encoding="utf-8")


def sync(code: str) -> int:
    """Returns how many messages still need a translation."""
    reference = messages(REFERENCE)
    path = _path(code)
    have = messages(path) if path.exists() else {}
    entries = {key: have.get(key) for key in reference}
    write(path, code, entries)
    return sum(1 for value in entries.values() if value is None)


def compile_all(codes: list[str]) -> None:
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    for code in codes:
        ts = _path(code)
        subprocess.run([lrelease, "-silent", str(ts), "-qm", str(ts.with_suffix(".qm"))], check=True)


def unfinished(code: str) -> list[Key]:
    reference = messages(REFERENCE)
    have = messages(_path(code)) if _path(code).exists() else {}
    return [key for key in reference if not have.get(key)]


def _all_codes() -> list[str]:
    return sorted(p.stem.removeprefix("kiosk_") for p in I18N.glob("kiosk_*.ts"))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("command", choices=("sync", "compile", "check"))
    parser.add_argument("codes", nargs="*")
    args = parser.parse_args()
    codes = args.codes or _all_codes()
    if args.command == "sync":
        for code in codes:
            print(f"kiosk_{code}.ts: {sync(code)} message(s) to translate")
        return 0
    if args.command == "compile":
        compile_all(codes)
        return 0
    missing = {code: unfinished(code) for code in codes}
    for code, keys in missing.items():
        for context, source in keys:
            print(f"kiosk_{code}.ts: unfinished [{context}] {source}")
    return 1 if any(missing.values()) else 0


if __name__ == "__main__":
    sys.exit(main())
