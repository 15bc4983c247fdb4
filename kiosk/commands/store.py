"""``kiosk store ...``: check, export, purge, backup, restore, the key's move to another PC and staff accounts, for
IT staff (English output)."""
from __future__ import annotations

import argparse
import getpass
import sys
from datetime import date


def register(subparsers: argparse._SubParsersAction) -> None:
    store = subparsers.add_parser("store", help="the local encrypted store")
    store.add_argument("--config", help="config file (default: $KIOSK_CONFIG or the user config dir)")
    sub = store.add_subparsers(dest="store_command", required=True)

    check = sub.add_parser(
        "check",
        help="SQLite integrity, audit chain and sealed fields; incremental since the last sound check, "
        "a full one at least weekly; non-zero on any problem",
    )
    check.add_argument("--full", action="store_true", help="check the whole store, not only what changed")
    check.set_defaults(func=_check)

    export = sub.add_parser("export", help="receptions since a day as CSV")
    export.add_argument("--since", required=True, type=date.fromisoformat, help="YYYY-MM-DD")
    export.add_argument("--output", "-o", help="file to write (default: standard output)")
    export.add_argument("--personal", action="store_true", help="include personal fields (needs an admin)")
    export.add_argument("--user", help="staff user name, required with --personal")
    export.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    export.set_defaults(func=_export)

    backup = sub.add_parser("backup", help="an encrypted backup into backup_dir now (the kiosk makes them itself too)")
    backup.set_defaults(func=_backup)

    restore = sub.add_parser(
        "restore", help="put a backup back; the store there now is moved aside as kiosk.db.damaged-<time>"
    )
    restore.add_argument(
        "--from", dest="source",
        help="the backup file (default: the newest in backup_dir that opens and passes SQLite's integrity check)",
    )
    restore.set_defaults(func=_restore)

    key = sub.add_parser("key", help="move the store key to a replacement PC (a DPAPI key opens on this PC only)")
    key_sub = key.add_subparsers(dest="key_command", required=True)
    key_export = key_sub.add_parser(
        "export", help="write the store key sealed with a new transfer passphrase (an admin signs in; audited)"
    )
    key_export.add_argument("--to", dest="target", metavar="FILE", required=True,
                            help="the new file to write (never replaced)")
    key_export.add_argument("--user", required=True, help="an admin staff account")
    key_export.add_argument("--password-stdin", action="store_true",
                            help="read the admin's password from standard input (the passphrase is always asked)")
    key_export.set_defaults(func=_key_export)
    key_import = key_sub.add_parser(
        "import", help="keep an exported key with this PC's key provider, once it opens the store or a backup here"
    )
    key_import.add_argument("--from", dest="source", metavar="FILE", required=True,
                            help="the file `kiosk store key export` wrote")
    key_import.add_argument("--replace", action="store_true",
                            help="set aside a key here that opens this store or a backup, and use the imported one")
    key_import.set_defaults(func=_key_import)

    purge = sub.add_parser("purge", help="remove receptions older than the retention period")
    purge.add_argument("--retention-days", type=int, help="override the configured retention_days")
    purge.set_defaults(func=_purge)

    add = sub.add_parser("add-staff", help="create a staff account")
    add.add_argument("username")
    add.add_argument("--role", choices=("reception", "admin"), default="reception")
    add.add_argument("--password-stdin", action="store_true", help="read the password from standard input")
    add.set_defaults(func=_add_staff)

    unlock = sub.add_parser("unlock-staff", help="unlock a staff account after 5 wrong passwords")
    unlock.add_argument("username")
    unlock.set_defaults(func=_unlock_staff)


def _open(args: argparse.Namespace, create: bool = False):
    from pathlib import Path

    from kiosk import config
    from kiosk.store import open_store

    cfg = config.load(Path(args.config) if args.config else None)
    return cfg, open_store(cfg, create=create)


def _operator() -> str:
    """The audit actor for a command run by IT staff at the machine."""
    return f"it:{getpass.getuser()}"


def _password(args: argparse.Namespace, confirm: bool = False) -> str:
    if args.password_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    password = getpass.getpass("Password: ")
    if confirm and getpass.getpass("Again: ") != password:
        raise SystemExit("passwords differ")
    return password


def _run(func):
    """Named kiosk errors become one line on stderr and exit code 2; anything else is a bug and raises."""

    def wrapper(args: argparse.Namespace) -> int:
        from kiosk.core.errors import KioskError

        try:
            return func(args)
        except KioskError as exc:
            print(f"error [{exc.code}]: {exc}", file=sys.stderr)
            return 2

    return wrapper


@_run
def _check(args: argparse.Namespace) -> int:
    _, store = _open(args)
    with store:
        report = store.run_check(_operator(), full=args.full)  # a sound one is audited as store_checked
    problems = report.problems
    for problem in problems:  # first: on a damaged store the first line says so and what to do
        print(problem)
    print(report.summary())
    if problems and report.kind == "incremental":
        print("only what changed since the last sound check was looked at: "
              "`kiosk store check --full` checks the whole store")
    print(f"{store.path}: {'OK' if not problems else f'{len(problems)} problem(s)'}")
    return 1 if problems else 0


@_run
def _export(args: argparse.Namespace) -> int:
    from kiosk.store.staff_accounts import Role, StaffAccounts

    _, store = _open(args)
    with store:
        actor = _operator()
        if args.personal:
            if store.damage:
                print("the store is damaged and read-only: --personal signs an admin in, which it cannot record; "
                      "export without --personal, or restore it with `kiosk store restore` first", file=sys.stderr)
                return 2
            if not args.user:
                print("--personal needs --user (an admin staff account)", file=sys.stderr)
                return 2
            actor = StaffAccounts(store).authenticate(args.user, _password(args), require=Role.ADMIN).username
        skipped: list[str] = []
        if args.output:
            with open(args.output, "w", encoding="utf-8", newline="") as out:
                count = store.export_csv(args.since, out, args.personal, actor, skipped.append)
        else:
            count = store.export_csv(args.since, sys.stdout, args.personal, actor, skipped.append)
    for why in skipped:
        print(f"skipped {why}", file=sys.stderr)
    print(f"exported {count} reception(s)" + (f", {len(skipped)} skipped" if skipped else ""), file=sys.stderr)
    if store.damage:
        print("the store is damaged and read-only, so this export is not in its audit log; "
              "restore it with `kiosk store restore`", file=sys.stderr)
    return 0


@_run
def _backup(args: argparse.Namespace) -> int:
    from kiosk.store.backup import placement_problem

    cfg, store = _open(args)
    with store:
        made = store.backup(cfg.backups, cfg.backup_keep, _operator(), mirror=cfg.backup_mirror_dir)
    print(f"backed up {store.path} to {made}" + (f" and {cfg.backup_mirror_dir}" if cfg.backup_mirror_dir else ""))
    if placement_problem(store.path, cfg.backups, cfg.backup_mirror_dir):
        print("warning: every backup is on the disk the store is on; set backup_mirror_dir to another disk",
              file=sys.stderr)
    return 0


@_run
def _restore(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk import config
    from kiosk.store.backup import made_at, restore
    from kiosk.store.keys import provider_for

    cfg = config.load(Path(args.config) if args.config else None)
    keys = provider_for(cfg.key_provider, cfg.key_dir)
    source = Path(args.source) if args.source else None
    done = restore(cfg.database_path, keys, cfg.backups, _operator(), source, cfg.backup_mirror_dir)
    for why in done.rejected:
        print(f"passed over: {why}", file=sys.stderr)
    print(f"restored {cfg.database_path} from {done.source}")
    if done.aside is not None:
        print(f"the store it replaced is kept as {done.aside}")
    made = made_at(done.source)
    when = f" ({made.astimezone():%Y-%m-%d %H:%M})" if made else ""
    print(f"receptions saved after that backup was made{when} are not in it")
    return 0


@_run
def _key_export(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk import config
    from kiosk.store.key_transfer import check_target, export_key
    from kiosk.store.keys import provider_for
    from kiosk.store.staff_accounts import Role, StaffAccounts
    from kiosk.store.store import Store

    cfg = config.load(Path(args.config) if args.config else None)
    target = Path(args.target)
    check_target(target)
    keys = provider_for(cfg.key_provider, cfg.key_dir)
    with Store.open(cfg.database_path, keys, create=False, backup_dir=cfg.backups) as store:
        if store.damage:
            print("the store is damaged and read-only: the export signs an admin in and is audited, which it cannot "
                  "record; restore it with `kiosk store restore` first", file=sys.stderr)
            return 2
        password = _password(args)
        admin = StaffAccounts(store).authenticate(args.user, password, require=Role.ADMIN).username
        passphrase = _new_passphrase(not_like=password)
        export_key(store, keys, target, passphrase, admin)
    print(f"exported the store key to {target}, sealed with the transfer passphrase")
    print("keep the file and the passphrase apart (not on the PC, not with the backups); on the new PC: "
          f"`kiosk store key import --from {target.name}`")
    return 0


def _new_passphrase(not_like: str) -> str:
    from kiosk.store.sealed_key import PassphrasesDiffer, check_passphrase

    passphrase = getpass.getpass("New transfer passphrase: ")
    check_passphrase(passphrase, not_like=not_like)
    if getpass.getpass("Again: ") != passphrase:
        raise PassphrasesDiffer("the two passphrases differ: nothing was exported, run the command again")
    return passphrase


@_run
def _key_import(args: argparse.Namespace) -> int:
    from pathlib import Path

    from kiosk import config
    from kiosk.store.key_transfer import import_key
    from kiosk.store.keys import provider_for

    cfg = config.load(Path(args.config) if args.config else None)
    keys = provider_for(cfg.key_provider, cfg.key_dir)
    source = Path(args.source)
    done = import_key(cfg, keys, source, getpass.getpass("Transfer passphrase: "), _operator(), replace=args.replace)
    if done.unchanged:
        print(f"{done.where} holds this key already: nothing changed")
        return 0
    opened = "the store" if done.checked == "store" else f"the backup {done.checked.removeprefix('backup:')}"
    print(f"the key from {source} opens {opened}; it is kept in {done.where}")
    if done.aside:
        print(f"the key that was here is kept as {done.aside}")
    if done.restore_next:
        print("next: `kiosk store restore` puts back the newest backup that opens")
    if not done.audited:
        print("no store here takes an audit row (none yet, or a damaged one): the restore that follows is audited",
              file=sys.stderr)
    return 0


@_run
def _purge(args: argparse.Namespace) -> int:
    cfg, store = _open(args)
    days = args.retention_days or cfg.retention_days
    with store:
        counts = store.purge(days, _operator())
    print("purged " + ", ".join(f"{n} {table}" for table, n in counts.items()) + f" (older than {days} days)")
    return 0


@_run
def _add_staff(args: argparse.Namespace) -> int:
    from kiosk.store.staff_accounts import Role, StaffAccounts

    _, store = _open(args, create=True)  # the first admin may be made before the kiosk's first run
    with store:
        password = _password(args, confirm=True)
        account = StaffAccounts(store).create(args.username, password, Role(args.role), _operator())
    print(f"created {account.role.value} account {account.username}")
    return 0


@_run
def _unlock_staff(args: argparse.Namespace) -> int:
    from kiosk.store.staff_accounts import StaffAccounts

    _, store = _open(args)
    with store:
        StaffAccounts(store).unlock(args.username, _operator())
    print(f"unlocked {args.username}")
    return 0
