"""Where a process's resident memory is, from /proc/<pid>/smaps: the resident size of each mapping, added
up by what it belongs to: a shared library's package (``cv2``, ``PySide6``, ``onnxruntime``), a data file
mapped whole (Open JTalk's dictionary, a font), or the anonymous memory (the heap: Python's objects, numpy
arrays, the allocators' arenas). File-backed pages are part of RSS although the kernel can drop and
re-read them; the split says how much of a figure is which.

    .venv/bin/python scripts/bench/smaps.py PID [PID ...]
"""
from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import PurePosixPath

ANONYMOUS = "anonymous (heap, arenas, stacks)"
_SITE = re.compile(r"/site-packages/([^/]+)/")
_HEADER = re.compile(r"^[0-9a-f]+-[0-9a-f]+ ")


def owner(path: str) -> str:
    """What a mapped file belongs to, e.g. ``cv2`` for .../site-packages/opencv_python_headless.libs/x.so."""
    if not path or path.startswith("["):
        return ANONYMOUS
    site = _SITE.search(path)
    if site:
        package = site.group(1)
        package = package.removesuffix(".libs").removeprefix("opencv_python_headless")
        if package in ("", "cv2"):
            return "cv2 (OpenCV and its libraries)"
        if package == "pyopenjtalk" and "/dictionary/" in path:
            return "pyopenjtalk dictionary (mapped file)"
        return package
    name = PurePosixPath(path).name
    if "/fonts/" in path:
        return "fonts (mapped files)"
    if name.startswith(("libpython", "python3")):
        return "python"
    return "system libraries"


def resident(pid: int) -> Counter[str]:
    """KiB resident per owner; empty when the process is gone."""
    totals: Counter[str] = Counter()
    path = ""
    try:
        with open(f"/proc/{pid}/smaps", encoding="utf-8", errors="replace") as smaps:
            for line in smaps:
                if _HEADER.match(line):
                    fields = line.split(maxsplit=5)
                    path = fields[5].strip() if len(fields) == 6 else ""
                elif line.startswith("Rss:"):
                    totals[owner(path)] += int(line.split()[1])
    except (FileNotFoundError, ProcessLookupError, PermissionError):
        return Counter()
    return totals


def table(by_owner: Counter[str], top: int = 8) -> list[str]:
    """Lines ``  owner  MB``, largest first, the rest summed."""
    ranked = by_owner.most_common()
    lines = [f"    {name:<40} {kib / 1024:6.0f}" for name, kib in ranked[:top]]
    rest = sum(kib for _, kib in ranked[top:])
    if rest:
        lines.append(f"    {'the rest':<40} {rest / 1024:6.0f}")
    return lines


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pids", nargs="+", type=int)
    args = parser.parse_args()
    for pid in args.pids:
        by_owner = resident(pid)
        print(f"pid {pid}: {sum(by_owner.values()) / 1024:.0f} MB resident")
        print("\n".join(table(by_owner)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
