"""Keep the staff console's translations complete: extract every ``tr("…")`` string from kiosk/ui/staff and
every staff text of the reception machine (``kiosk.core.states.staff_texts()``: what each state is called,
the alerts' words, the reasons a patient waits for staff), merge them into
``kiosk/ui/staff/i18n/staff_en.ts`` (keeping the English already written there), and compile
``staff_en.qm`` with pyside6-lrelease.

    python scripts/staff_i18n.py            update the .ts and compile the .qm
    python scripts/staff_i18n.py --check    exit 1 if any string lacks an English translation

Our own extractor, because pyside6-lupdate does not see calls through the module-level ``tr`` helper.
"""
from __future__ import annotations

import argparse
import ast
import os
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SOURCES = ROOT / "kiosk" / "ui" / "staff"
STATES = ROOT / "kiosk" / "core" / "states.py"
TS = SOURCES / "i18n" / "staff_en.ts"
CONTEXT = "StaffConsole"  # kiosk.core.states.STAFF_TEXT_CONTEXT


def _place(path: Path, line: int) -> str:
    """Where a string is used, as the .ts file records it: relative to the .ts file's folder."""
    return f"{Path(os.path.relpath(path, TS.parent)).as_posix()}:{line}"


def extract() -> dict[str, list[str]]:
    """Source string -> where it is used, in the order first met."""
    found: dict[str, list[str]] = {}
    for path in sorted(SOURCES.glob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), str(path))
        for node in ast.walk(tree):
            if (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.func.id == "tr"
                    and node.args and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                found.setdefault(node.args[0].value, []).append(_place(path, node.lineno))
    sys.path.insert(0, str(ROOT))
    from kiosk.core.states import staff_texts

    lines = STATES.read_text(encoding="utf-8").splitlines()
    for text in staff_texts():
        line = next((n for n, source in enumerate(lines, 1) if f'"{text}"' in source), 0)
        places = found.setdefault(text, [])
        if _place(STATES, line) not in places:
            places.append(_place(STATES, line))
    return found


def existing() -> dict[str, str]:
    if not TS.exists():
        return {}
    root = ET.parse(TS).getroot()
    out = {}
    for message in root.iter("message"):
        source, translation = message.findtext("source"), message.find("translation")
        finished = translation is not None and translation.get("type") != "unfinished" and translation.text
        if source is not None and finished:
            out[source] = translation.text
    return out


def write(strings: dict[str, list[str]], english: dict[str, str]) -> list[str]:
    root = ET.Element("TS", version="2.1", language="en_US", sourcelanguage="ja_JP")
    context = ET.SubElement(root, "context")
    ET.SubElement(context, "name").text = CONTEXT
    missing = []
    for source, places in strings.items():
        message = ET.SubElement(context, "message")
        for place in places:
            name, line = place.rsplit(":", 1)
            ET.SubElement(message, "location", filename=name, line=line)
        ET.SubElement(message, "source").text = source
        translation = ET.SubElement(message, "translation")
        if source in english:
            translation.text = english[source]
        else:
            translation.set("type", "unfinished")
            missing.append(source)
    ET.indent(root)
    TS.parent.mkdir(parents=True, exist_ok=True)
    head = '<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
    TS.write_text(head + ET.tostring(root, encoding="unicode") + "\n", encoding="utf-8")
    return missing


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    strings, english = extract(), existing()
    missing = [s for s in strings if s not in english]
    if args.check:
        for source in missing:
            print(f"untranslated: {source}")
        return 1 if missing else 0
    write(strings, english)
    lrelease = shutil.which("pyside6-lrelease") or str(Path(sys.executable).with_name("pyside6-lrelease"))
    subprocess.run([lrelease, str(TS), "-qm", str(TS.with_suffix(".qm"))], check=True)
    print(f"{len(strings)} strings, {len(missing)} untranslated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
