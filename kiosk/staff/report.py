"""The trouble report: per day or per week, how often each trouble (T1–T17) happened and how it ended.

Built from saved receptions (their troubles and outcome), never from personal data: a row carries the
patient's name only when a signed-in member of staff asked for the day's list.
"""
from __future__ import annotations

import csv
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime, timedelta
from typing import IO

from kiosk.core.domain import Trouble
from kiosk.staff.store import StaffStore

RESOLUTIONS = ("kiosk", "staff", "fallback", "not_completed")

_RESOLUTION_OF = {"completed": "kiosk", "completed_by_staff": "staff", "fallback": "fallback"}


def resolution_of(outcome: str | None) -> str:
    return _RESOLUTION_OF.get(outcome or "", "not_completed")


@dataclass(frozen=True)
class ReceptionRow:
    """One saved reception as the console sees it."""

    session_id: str
    started_at: datetime
    outcome: str
    method: str = ""
    troubles: tuple[str, ...] = ()
    staff_flags: tuple[str, ...] = ()
    basis: str = ""
    name: str = ""


def rows_from_store(store: StaffStore, since: date, until: date, personal: bool) -> list[ReceptionRow]:
    """Every reception started on ``since``..``until`` (inclusive) that is over: finished, cut short by a
    pulled card, abandoned, or interrupted and dismissed by staff. Names only when ``personal``."""
    rows: list[ReceptionRow] = []
    for r in store.receptions_since(since):
        started = datetime.fromisoformat(r.started_at)
        if started.date() > until or r.state == "in_progress":
            continue
        basis = next((n for n in r.notes if not n.startswith("staff:")), "")
        name = (r.billing.name if r.billing and r.billing.name else r.facts.name if r.facts else "") if personal else ""
        rows.append(ReceptionRow(r.session_id, started, r.outcome or "", r.method.value if r.method else "",
                                 tuple(t.value for t in r.troubles), r.staff_flags, basis, name))
    return sorted(rows, key=lambda row: row.started_at)


@dataclass(frozen=True)
class TroubleCount:
    trouble: Trouble
    total: int
    by_resolution: dict[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class TroubleReport:
    start: date
    end: date  # inclusive
    receptions: int
    counts: tuple[TroubleCount, ...]  # every trouble T1..T17 in catalog order, zeros included

    def count(self, trouble: Trouble) -> int:
        return next(c.total for c in self.counts if c.trouble is trouble)


def trouble_report(rows: Iterable[ReceptionRow], start: date, end: date) -> TroubleReport:
    totals: Counter[str] = Counter()
    by: dict[str, Counter[str]] = {}
    receptions = 0
    for row in rows:
        if not start <= row.started_at.date() <= end:
            continue
        receptions += 1
        resolution = resolution_of(row.outcome)
        for code in dict.fromkeys(row.troubles):
            totals[code] += 1
            by.setdefault(code, Counter())[resolution] += 1
    counts = tuple(
        TroubleCount(t, totals[t.value], {r: by.get(t.value, Counter())[r] for r in RESOLUTIONS}) for t in Trouble
    )
    return TroubleReport(start, end, receptions, counts)


def daily_reports(rows: list[ReceptionRow], start: date, days: int) -> list[TroubleReport]:
    return [trouble_report(rows, start + timedelta(days=i), start + timedelta(days=i)) for i in range(days)]


def week_start(day: date) -> date:
    return day - timedelta(days=day.weekday())  # Monday, as clinic schedules run


def weekly_reports(rows: list[ReceptionRow], first: date, weeks: int) -> list[TroubleReport]:
    monday = week_start(first)
    return [
        trouble_report(rows, monday + timedelta(weeks=i), monday + timedelta(weeks=i, days=6)) for i in range(weeks)
    ]


CSV_HEADER = ("period_start", "period_end", "receptions", "trouble", "total", *RESOLUTIONS)


def write_csv(reports: Iterable[TroubleReport], out: IO[str]) -> int:
    """One line per period and trouble (zeros left out); returns the number of data lines."""
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(CSV_HEADER)
    lines = 0
    for report in reports:
        for count in report.counts:
            if count.total == 0:
                continue
            writer.writerow([report.start.isoformat(), report.end.isoformat(), report.receptions, count.trouble.value,
                             count.total, *(count.by_resolution[r] for r in RESOLUTIONS)])
            lines += 1
    return lines
