"""A process's memory and its children, as Linux's /proc tells them: for the benchmarks that measure the
kiosk together with the processes it starts (the face worker, the OCR child)."""
from __future__ import annotations

from pathlib import Path


def status_mb(pid: int | str = "self") -> dict[str, float]:
    """``VmRSS`` (resident now) and ``VmHWM`` (its high-water mark) of ``pid`` in MB, read in one go so the
    two are of the same moment; a key is missing once the process is a zombie, OSError once it is gone."""
    values: dict[str, float] = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        key, _, rest = line.partition(":")
        if key in ("VmRSS", "VmHWM"):
            values[key] = int(rest.split()[0]) / 1024
    return values


def child_pids(pid: int, markers: tuple[bytes, ...]) -> list[int]:
    """The processes whose parent is ``pid`` and whose command line holds one of ``markers``."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                # the parent is the 2nd field after the command's name, which may hold spaces and ")"
                parent = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
                command = (entry / "cmdline").read_bytes()
            except OSError:
                continue  # ended while the folder was read
            if parent == pid and any(marker in command for marker in markers):
                found.append(int(entry.name))
    return found
