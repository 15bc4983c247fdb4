"""The doctor's findings as the report a person reads (one line per check, what to do under a problem)
or as JSON (the staff console, a vendor's monitoring), and the exit code.

A line is ``○`` fine, ``△`` a warning, ``×`` a problem, or ``－`` when it cannot be told from here (said
so, never guessed). IT staff (``en``) also get each check's detail: paths and error codes, never a
patient's data, which no check reads.
"""
from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from kiosk.doctor.findings import Duration, Finding, Level, Result, Text, exit_code
from kiosk.doctor.messages import render

MARKS = {Level.OK: "○", Level.UNKNOWN: "－", Level.WARN: "△", Level.PROBLEM: "×"}


def title(name: str, lang: str) -> str:
    return render(Text(f"title.{name}"), lang)


def text_report(results: Sequence[Result], lang: str, when: datetime | None = None) -> str:
    when = when or datetime.now().astimezone()
    lines = [render(Text("report.title", {"when": f"{when:%Y-%m-%d %H:%M}"}), lang)]
    for result in results:
        lines.extend(_lines(title(result.check.name, lang), result.finding, lang))
    lines.append(_summary(results, lang))
    return "\n".join(lines)


def _lines(name: str, finding: Finding, lang: str) -> list[str]:
    separator = "：" if lang == "ja" else ": "
    lines = [f"{MARKS[finding.level]} {name}{separator}{render(finding.found, lang)}"]
    if lang != "ja" and finding.detail:
        lines[0] += f"  [{finding.detail}]"
    if finding.what_to_do is not None and finding.level is not Level.OK:
        lines.append(f"    → {render(finding.what_to_do, lang)}")
    return lines


def _summary(results: Sequence[Result], lang: str) -> str:
    problems = sum(r.finding.level is Level.PROBLEM for r in results)
    warnings = sum(r.finding.level is Level.WARN for r in results)
    if not problems and not warnings:
        return render(Text("report.all_ok"), lang)
    return render(Text("report.summary", {"problems": problems, "warnings": warnings}), lang)


def config_problem(detail: str, lang: str) -> str:
    """The report when the configuration itself cannot be read: nothing else can be checked."""
    finding = Finding(Level.PROBLEM, Text("config.bad"), Text("config.todo.bad"), detail)
    return "\n".join(_lines(render(Text("report.config"), lang), finding, lang))


def json_report(results: Sequence[Result], lang: str, when: datetime | None = None) -> dict[str, Any]:
    when = when or datetime.now().astimezone()
    return {
        "when": when.isoformat(timespec="seconds"),
        "exit_code": exit_code(results),
        "checks": [
            {
                "name": r.check.name,
                "title": title(r.check.name, lang),
                "level": r.finding.level.name.lower(),
                "mark": MARKS[r.finding.level],
                "found": _text(r.finding.found, lang),
                "what_to_do": _text(r.finding.what_to_do, lang) if r.finding.what_to_do else None,
                "detail": r.finding.detail,
                "seconds": round(r.seconds, 2),
            }
            for r in results
        ],
    }


def _text(message: Text, lang: str) -> dict[str, Any]:
    params = {k: (v.seconds if isinstance(v, Duration) else v) for k, v in message.params.items()}
    return {"key": message.key, "params": params, "text": render(message, lang)}
