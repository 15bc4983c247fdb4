"""``kiosk hub status|check|push``: the clinic hub (docs/hub.md) for IT staff (English output).

- ``status``: the configured hub (its password never shown), whether it answers within the deadline, this
  kiosk's id, its outbox backlog and last delivery, and the hub's kiosks (receptions, last seen);
- ``check``: every kiosk's audit chain on the hub (links, and MACs under the clinic key this store holds),
  this kiosk's delivered receptions on the hub exactly once, audit forks said plainly; audited locally as
  ``hub_checked``;
- ``push``: the backlog delivered now by the kiosk's own :class:`~kiosk.hub.replicator.Replicator`, within a
  deadline; Ctrl-C stops it (the statement in flight is cancelled on the server) and what the hub did not
  commit stays queued.

Exit codes: 0 sound, 1 problems found, 2 could not run (no hub configured, it does not answer, refuses the
sign-in, its schema is older or newer than this kiosk's, no store), 130 Ctrl-C. ``--json`` for machines.
Every line printed goes through :meth:`_Output.scrub`: a password in ``hub_dsn`` is never printed, even
inside a message a library wrote.
"""
from __future__ import annotations

import argparse
import getpass
import json
import sys
import time
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

STALE_BACKLOG_MINUTES = 10  # a hub that answers while a reception waits longer than this: delivery is stuck


def register(subparsers: argparse._SubParsersAction) -> None:
    hub = subparsers.add_parser("hub", help="the clinic hub on PostgreSQL (docs/hub.md): status, check, push")
    hub.add_argument("--config", help="config file (default: $KIOSK_CONFIG or the user config dir)")
    sub = hub.add_subparsers(dest="hub_command", required=True)

    status = sub.add_parser(
        "status", help="the configured hub, whether it answers, this kiosk's outbox backlog and last delivery, "
        "the hub's kiosks; exit 0 sound, 1 problems, 2 could not run")
    check = sub.add_parser(
        "check", help="every kiosk's audit chain on the hub and this kiosk's delivered receptions there once "
        "each; audited as hub_checked; exit 0 sound, 1 problems, 2 could not run")
    push = sub.add_parser("push", help="deliver this kiosk's backlog to the hub now; exit 0 all went, 2 not")
    for parser, func, seconds, what in (
        (status, _status, 10.0, "for the connect and each statement"),
        (check, _check, 60.0, "for the connect and each statement"),
        (push, _push, 120.0, "for the whole delivery (each statement too)"),
    ):
        parser.add_argument("--json", action="store_true", help="machine-readable output")
        parser.add_argument("--timeout", type=float, default=seconds,
                            help=f"seconds to wait {what} (default {seconds:g}; the connect waits at least 2)")
        parser.set_defaults(func=func)


@dataclass
class _Output:
    """One command's report: text lines (stdout), error lines (stderr) and the same as one JSON object."""

    args: argparse.Namespace
    secrets: list[str] = field(default_factory=list)
    payload: dict[str, Any] = field(default_factory=dict)
    lines: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)
    error_code: str | None = None

    def line(self, text: str) -> None:
        self.lines.append(text)

    def fail(self, error: Exception) -> None:
        """A named error that stops the command (exit 2)."""
        code = getattr(error, "code", type(error).__name__)
        self.error_code = code
        self.payload["error"] = code
        self.payload["detail"] = self.scrub(str(error))
        self.errors.append(f"error [{code}]: {error}")

    def scrub(self, text: str) -> str:
        for secret in self.secrets:
            text = text.replace(secret, "***")
        return text

    def finish(self, exit_code: int | None = None) -> int:
        code = exit_code if exit_code is not None else 2 if self.error_code else 1 if self.problems else 0
        self.payload["problems"] = self.problems
        self.payload["exit_code"] = code
        if self.args.json:
            print(self.scrub(json.dumps(self.payload, ensure_ascii=False, indent=2, default=str)))
        else:
            for text in self.lines:
                print(self.scrub(text))
            for text in self.errors:
                print(self.scrub(text), file=sys.stderr)
        return code


def _begin(args: argparse.Namespace) -> tuple[_Output, Any, Any]:
    """The report, the configuration and the local store (opened, never created). The store or the
    configuration not opening is a named error on the report; then config or store is None."""
    from pathlib import Path

    from kiosk import config as kiosk_config
    from kiosk.core.errors import KioskError
    from kiosk.store import open_store

    out = _Output(args)
    try:
        cfg = kiosk_config.load(Path(args.config) if args.config else None)
    except KioskError as exc:
        out.fail(exc)
        return out, None, None
    if cfg.hub_dsn:
        from kiosk.hub.connection import redacted, secrets_in

        out.secrets = secrets_in(cfg.hub_dsn)
        out.payload["hub_dsn"] = redacted(cfg.hub_dsn)
        out.line(f"hub: {out.payload['hub_dsn']}")
    else:
        out.payload["hub_dsn"] = None
        out.line("hub: none configured")
    try:
        store = open_store(cfg, create=False)
    except KioskError as exc:
        out.fail(exc)
        return out, cfg, None
    return out, cfg, store


def _require_hub(cfg: Any) -> str:
    from kiosk.hub.errors import HubNotConfigured

    if not cfg.hub_dsn:
        raise HubNotConfigured("no clinic hub is configured: set hub_dsn in kiosk.toml or KIOSK_HUB_DSN "
                               "(docs/hub.md)")
    from kiosk.hub.connection import redacted

    if redacted(cfg.hub_dsn).startswith("("):
        raise HubNotConfigured("hub_dsn is not a valid libpq connection string (key=value pairs, or a "
                               "postgresql:// URI; docs/hub.md)")
    return str(cfg.hub_dsn)


def _connect(dsn: str, timeout: float, name: str) -> Any:
    from kiosk.hub.connection import connect

    return connect(dsn, connect_timeout=timeout, statement_timeout=timeout, name=name)


# --- status -------------------------------------------------------------------------------------------


def _status(args: argparse.Namespace) -> int:
    from kiosk.core.errors import KioskError
    from kiosk.store.hub_outbox import HubFeed

    out, cfg, store = _begin(args)
    if store is None:
        return out.finish()
    try:
        with store:
            feed = HubFeed(store)
            kiosk_id = feed.kiosk_id
            backlog = feed.backlog()
    except KioskError as exc:
        out.fail(exc)
        return out.finish()
    now = datetime.now().astimezone()
    out.payload["kiosk_id"] = kiosk_id
    out.payload["outbox"] = {
        "unsent": backlog.unsent,
        "oldest_unsent_at": backlog.oldest_unsent_at,
        "oldest_unsent_age_seconds": _age_seconds(backlog.oldest_unsent_at, now),
        "last_delivery_at": backlog.last_sent_at,
        "audit_rows_unsent": backlog.audit_unsent,
    }
    out.line(f"this kiosk: {kiosk_id}")
    if backlog.unsent:
        out.line(f"outbox: {backlog.unsent} reception(s) not yet on the hub, the oldest queued "
                 f"{_when(backlog.oldest_unsent_at)} ({_age(backlog.oldest_unsent_at, now)} ago)")
    else:
        out.line("outbox: nothing waiting")
    out.line(f"audit rows not yet on the hub: {backlog.audit_unsent}")
    out.line("last delivery: " + (f"{_when(backlog.last_sent_at)} ({_age(backlog.last_sent_at, now)} ago)"
                                  if backlog.last_sent_at else "none in the last 7 days"))
    hub: dict[str, Any] = {"answers": False}
    out.payload["hub"] = hub
    try:
        dsn = _require_hub(cfg)
        _hub_status(out, hub, dsn, args.timeout, kiosk_id, backlog, now)
    except KioskError as exc:
        if not hub["answers"] and exc.code != "hub_not_configured":
            out.line(f"the hub answers: no ({exc.code})")
        out.fail(exc)
    for problem in out.problems:
        out.line(f"problem: {problem}")
    if not out.error_code:
        out.line(f"hub: {'OK' if not out.problems else f'{len(out.problems)} problem(s)'}")
    return out.finish()


def _hub_status(out: _Output, hub: dict[str, Any], dsn: str, timeout: float, kiosk_id: str, backlog: Any,
                now: datetime) -> None:
    import psycopg

    from kiosk.hub import overview, schema
    from kiosk.hub.connection import hub_error

    conn = _connect(dsn, timeout, "kiosk-hub-status")
    try:
        hub["answers"] = True
        hub["server_version"] = overview.server_version(conn)
        out.line(f"the hub answers: yes (PostgreSQL {hub['server_version']})")
        try:
            hub["schema"] = {"hub": schema.version(conn), "kiosk": schema.LATEST}
        except psycopg.Error as exc:
            raise hub_error(exc) from exc
        summary = overview.summary(conn)  # HubTooOld, HubTooNew: the schema is not this kiosk's
    finally:
        conn.close()
    hub["kiosks"] = [
        {"kiosk_id": k.kiosk_id, "receptions": k.receptions, "first_seen": k.first_seen.isoformat(),
         "last_seen": k.last_seen.isoformat(), "audit_rows": k.audit_rows, "audit_forks": k.forks,
         "this_kiosk": k.kiosk_id == kiosk_id}
        for k in summary.kiosks
    ]
    out.line(f"hub schema: version {summary.schema} (this kiosk's)")
    out.line(f"kiosks on the hub: {len(summary.kiosks)}")
    for k in summary.kiosks:
        mark = "  (this kiosk)" if k.kiosk_id == kiosk_id else ""
        forks = f", {k.forks} audit fork row(s)" if k.forks else ""
        out.line(f"  {k.kiosk_id}{mark}: {k.receptions} reception(s), last seen {_when(k.last_seen)} "
                 f"({_age(k.last_seen, now)} ago){forks}")
    if not any(k.kiosk_id == kiosk_id for k in summary.kiosks) and backlog.last_sent_at:
        out.problems.append("the hub does not know this kiosk although its outbox says receptions were delivered "
                            f"(the last {_when(backlog.last_sent_at)}): is hub_dsn the hub they went to, or was its "
                            "database replaced? `kiosk hub check` lists what is missing")
    age = _age_seconds(backlog.oldest_unsent_at, now)
    if backlog.unsent and age is not None and age > STALE_BACKLOG_MINUTES * 60:
        out.problems.append(f"{backlog.unsent} reception(s) have waited more than {STALE_BACKLOG_MINUTES} minutes "
                            "although the hub answers: the kiosk is not running or its delivery is stuck "
                            "(its log says why); `kiosk hub push` sends them now")
    if any(k.forks for k in summary.kiosks):
        out.problems.append("the hub holds audit forks (a kiosk restored from a backup): `kiosk hub check` "
                            "says which rows")


# --- check --------------------------------------------------------------------------------------------


def _check(args: argparse.Namespace) -> int:
    from kiosk.core.errors import KioskError

    out, cfg, store = _begin(args)
    if store is None:
        return out.finish()
    with store:
        try:
            report = _run_check(out, store, _require_hub(cfg), args.timeout)
        except KioskError as exc:
            out.fail(exc)
            return out.finish()
        detail = (f"kiosks={report.kiosks} audit_rows={report.audit_rows} receptions={report.receptions_checked} "
                  f"forks={len(report.forks)} problems={len(report.problems)}")
        try:
            store.audit(f"it:{getpass.getuser()}", "hub_checked", detail)
        except KioskError as exc:  # a damaged, read-only store: the check stands, its record could not be made
            out.errors.append(f"warning [{exc.code}]: this check is not in the local audit log: {exc}")
    return out.finish()


def _run_check(out: _Output, store: Any, dsn: str, timeout: float) -> Any:
    from kiosk.hub import overview
    from kiosk.store.hub_outbox import HubFeed

    feed = HubFeed(store)
    kiosk_id = feed.kiosk_id
    out.payload["kiosk_id"] = kiosk_id
    out.line(f"this kiosk: {kiosk_id}")
    conn = _connect(dsn, timeout, "kiosk-hub-check")
    try:
        report = overview.check(conn, feed)
    finally:
        conn.close()
    out.problems.extend(report.problems)
    out.payload.update(kiosks=report.kiosks, audit_rows=report.audit_rows,
                       receptions_checked=report.receptions_checked, audit_forks=report.forks)
    out.line(f"audit chains: {report.kiosks} kiosk(s), {report.audit_rows} row(s) on the hub, links and MACs "
             "checked under this kiosk's store key")
    out.line(f"receptions: {report.receptions_checked} of this kiosk's, delivered in the last 7 days, looked for "
             "on the hub")
    for problem in report.problems:
        out.line(problem)
    out.line(f"hub: {'OK' if not report.problems else f'{len(report.problems)} problem(s)'}")
    return report


# --- push ---------------------------------------------------------------------------------------------


def _push(args: argparse.Namespace) -> int:
    from kiosk.core.errors import KioskError

    out, cfg, store = _begin(args)
    if store is None:
        return out.finish()
    with store:
        try:
            return _deliver(out, store, _require_hub(cfg), args.timeout)
        except KioskError as exc:
            out.fail(exc)
            return out.finish()


def _deliver(out: _Output, store: Any, dsn: str, timeout: float) -> int:
    from kiosk.hub import overview
    from kiosk.hub.errors import HubTimeout, HubTooOld
    from kiosk.hub.replicator import Replicator
    from kiosk.store.hub_outbox import HubFeed

    feed = HubFeed(store)
    kiosk_id = feed.kiosk_id
    before = feed.backlog()
    out.payload.update(kiosk_id=kiosk_id, waiting=before.unsent, audit_rows_waiting=before.audit_unsent)
    out.line(f"this kiosk: {kiosk_id}")
    out.line(f"waiting: {before.unsent} reception(s), {before.audit_unsent} audit row(s)")
    # First a connection of our own: a hub that does not answer or refuses the sign-in is named with its
    # reason (the replicator only keeps the error's code). An older schema is fine: the delivery migrates it.
    conn = _connect(dsn, min(timeout, 10.0), "kiosk-hub-push")
    try:
        overview.require_schema(conn)
    except HubTooOld:
        pass
    finally:
        conn.close()
    if not before.unsent and not before.audit_unsent:
        out.payload.update(went=0, left=0)
        out.line("nothing to send: the hub has everything of this kiosk")
        return out.finish()
    replicator = Replicator(feed, dsn, connect_timeout=min(timeout, 10.0), statement_timeout=timeout)
    deadline = time.monotonic() + timeout
    outcome = "done"
    replicator.start()
    try:
        while True:
            left = feed.backlog(before.newest_unsent_seq)
            if left.unsent == 0 and feed.backlog().audit_unsent == 0:
                break
            if replicator.last_error is not None:
                outcome = replicator.last_error
                break
            if time.monotonic() > deadline:
                outcome = HubTimeout.code
                break
            time.sleep(0.1)
    except KeyboardInterrupt:
        outcome = "interrupted"
    finally:
        replicator.stop()  # cancels a statement in flight on the hub; what it did not commit stays queued
    left = feed.backlog(before.newest_unsent_seq) if before.newest_unsent_seq is not None else feed.backlog()
    went = before.unsent - left.unsent
    audit_left = feed.backlog().audit_unsent
    out.payload.update(went=went, left=left.unsent, audit_rows_left=audit_left)
    out.line(f"delivered: {went} reception(s), {max(0, before.audit_unsent - audit_left)} audit row(s); "
             f"still queued: {left.unsent}")
    if outcome == "done":
        out.line("hub: OK, nothing of this kiosk is left unsent")
        return out.finish()
    if outcome == "interrupted":
        out.payload["error"] = "interrupted"
        out.errors.append("interrupted: the delivery was stopped; what the hub had not committed stays queued")
        return out.finish(130)
    why = (f"the deadline of {timeout:g} s passed" if outcome == HubTimeout.code
           else "the hub failed during the delivery (the kiosk's log names it; `kiosk hub status` checks the hub)")
    out.error_code = outcome
    out.payload.update(error=outcome, detail=why)
    out.errors.append(f"error [{outcome}]: {why}; what did not go stays queued for the next delivery")
    return out.finish()


# --- times --------------------------------------------------------------------------------------------


def _instant(value: str | datetime | None) -> datetime | None:
    if value is None:
        return None
    moment = value if isinstance(value, datetime) else datetime.fromisoformat(value)
    return moment if moment.tzinfo is not None else moment.astimezone()


def _when(value: str | datetime | None) -> str:
    moment = _instant(value)
    return f"{moment.astimezone():%Y-%m-%d %H:%M:%S}" if moment else "-"


def _age_seconds(value: str | datetime | None, now: datetime) -> int | None:
    moment = _instant(value)
    return max(0, int((now - moment).total_seconds())) if moment else None


def _age(value: str | datetime | None, now: datetime) -> str:
    seconds = _age_seconds(value, now)
    if seconds is None:
        return "-"
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 2 * 3600:
        return f"{seconds // 60} min"
    if seconds < 2 * 86400:
        return f"{seconds // 3600} h {seconds % 3600 // 60} min"
    return f"{seconds // 86400} days"
