"""Support command line (`python -m account <command>`). It never prints a password, a password hash,
an activation code nor its hash.

  init                      create or upgrade the tables (account/migrations), load the certificate
                            accounts
  revision MESSAGE [--empty]   write a new migration from the models' changes (account/storage.py)
  purge [--every SECONDS]   expire overdue pre-registrations, drop spent CAPTCHAs and old links,
                            delete conversations older than CONVERSATION_RETENTION_DAYS
  forget EMAIL              delete everything stored about an address (an activated account is
                            kept: the command says so)
  export EMAIL              print, as JSON, everything stored about an address (no secret)
  report [--since D] [--until D] [--json]   what the conversations teach (funnel, stops, not
                            understood, detours, languages), over a period of days
  registrations [--status S] [--email E]   list pre-registrations, most recent first
  registration EMAIL        show the pre-registrations of one address
  accounts                  list activated accounts, most recent first
  account NUMBER|EMAIL      show one account
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from datetime import date, datetime
from zoneinfo import ZoneInfo

from account import migrations, personal_data
from account.directory import AccountRecord, Directory, RegistrationRecord
from account.service import AccountService
from account.settings import Settings
from account.storage import ACTIVATED, EXPIRED, PENDING


def moment(value: datetime | None, zone: ZoneInfo) -> str:
    return value.astimezone(zone).strftime("%d/%m/%Y %H:%M") if value else "-"


def registration_line(record: RegistrationRecord, zone: ZoneInfo) -> str:
    who = " ".join(filter(None, (record.details.get("first_name"), record.details.get("surname"))))
    return (
        f"{record.id:>6}  {record.status:<9}  {moment(record.created_at, zone)}  "
        f"{moment(record.expires_at, zone)}  {record.details.get('email', '(data purged)')}  {who}"
    )


def account_line(record: AccountRecord, zone: ZoneInfo) -> str:
    return (
        f"{record.subscriber_number}  {moment(record.registered_at, zone)}  "
        f"{record.details.get('email', '')}  {record.details.get('first_name', '')} "
        f"{record.details.get('surname', '')}"
    )


def details(record, heading: dict) -> list[str]:
    lines = [f"{name}: {value}" for name, value in heading.items()]
    lines += [f"{name}: {value}" for name, value in record.details.items()]
    return lines


def purge_everything(service: AccountService, endpoints: str) -> str:
    from transcripts.database import flush_deleted, tracker_engine
    from transcripts.retention import purge_conversations

    expired = service.expire_due_registrations()
    captchas = service.captcha.purge()
    links = service.summaries.links.purge()
    files = service.purge_summary_files()
    engine = tracker_engine(endpoints)
    try:
        purged = purge_conversations(engine, service.settings.conversation_retention_days)
        flush_deleted(engine)
    finally:
        engine.dispose()
    return (
        f"{expired} pre-registration(s) expired; {captchas} CAPTCHA challenge(s) dropped; "
        f"{links} summary link(s) dropped; {files} summary file(s) deleted; "
        f"{purged.conversations} conversation(s) older than "
        f"{service.settings.conversation_retention_days} days deleted ({purged.events} events)"
    )


def people_and_conversations(arguments, service: AccountService) -> int:
    """forget, export and report: the tracker store and the accounts database together. What
    they print or log about a person stays on the operator's screen (counts only in logs)."""
    from transcripts import personal_data as conversations
    from transcripts.database import flush_deleted, tracker_engine
    from transcripts.retention import record_journey
    from transcripts.team_report import build_report, period_bounds, render_text

    engine = tracker_engine(arguments.endpoints)
    try:
        if arguments.command == "report":
            bounds = period_bounds(arguments.since, arguments.until, service.settings.zone)
            built = build_report(engine, *bounds)
            print(json.dumps(built.to_dict(), indent=2) if arguments.json else render_text(built))
            return 0
        found = conversations.conversations_of(engine, arguments.email)
        if arguments.command == "export":
            exported = personal_data.export(service.sessions, arguments.email)
            exported["conversations"] = conversations.export_conversations(engine, found)
            print(json.dumps(exported, indent=2, ensure_ascii=False, default=str))
            return 0
        with engine.begin() as connection:  # the journeys stay (no personal data)
            for sender_id in found:
                record_journey(connection, sender_id)
        events = conversations.delete_conversations(engine, found)
        done = personal_data.forget(
            service.sessions, arguments.email, found, service.settings.mail_outbox_dir
        )
        flush_deleted(engine)
        flush_deleted(service.sessions.kw["bind"])
        print(
            f"{len(found)} conversation(s) deleted ({events} events); "
            f"{done.registrations} pre-registration(s), {done.throttles} wrong-code record(s), "
            f"{done.traces} conversation trace(s) and {done.mails} outbox e-mail(s) deleted"
        )
        if done.kept_account:
            print(
                f"kept: the activated account {done.kept_account} (the administration's record "
                "of the professional space; closing it is a separate procedure)"
            )
        return 0
    finally:
        engine.dispose()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m account",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser(
        "init", help="create or upgrade the tables, load the certificate accounts"
    )
    init.add_argument("--certificates", help="CSV file (email,holder); default: the setting")
    revision = commands.add_parser(
        "revision",
        help="write a new migration in account/migrations/versions: the changes of the models "
        "(account/storage.py) since the latest one",
    )
    revision.add_argument("message", help="what the migration does, e.g. 'add accounts.fax'")
    revision.add_argument(
        "--empty", action="store_true", help="an empty migration, to write by hand"
    )
    endpoints = argparse.ArgumentParser(add_help=False)
    endpoints.add_argument(
        "--endpoints", default="endpoints.yml", help="where the tracker store is (Rasa's file)"
    )
    purge = commands.add_parser(
        "purge",
        parents=[endpoints],
        help="expire overdue pre-registrations, drop spent CAPTCHAs, "
        "expired summary links and summary files, delete old conversations",
    )
    purge.add_argument("--every", type=float, help="run again every SECONDS, until stopped")
    for name, text in (
        ("forget", "delete everything stored about a login e-mail address"),
        ("export", "print everything stored about a login e-mail address, as JSON"),
    ):
        commands.add_parser(name, parents=[endpoints], help=text).add_argument("email")
    report = commands.add_parser(
        "report", parents=[endpoints], help="what the conversations teach, over a period"
    )
    report.add_argument("--since", type=date.fromisoformat, help="first day (default: 30 days ago)")
    report.add_argument("--until", type=date.fromisoformat, help="last day (default: today)")
    report.add_argument("--json", action="store_true", help="the figures as JSON")
    listing = commands.add_parser("registrations", help="list pre-registrations")
    listing.add_argument("--status", choices=(PENDING, ACTIVATED, EXPIRED))
    listing.add_argument("--email")
    listing.add_argument("--limit", type=int, default=100)
    commands.add_parser(
        "registration", help="show the pre-registrations of one address"
    ).add_argument("email")
    commands.add_parser("accounts", help="list accounts").add_argument(
        "--limit", type=int, default=100
    )
    commands.add_parser("account", help="show one account").add_argument("number_or_email")
    arguments = parser.parse_args(argv)

    if arguments.command == "revision":
        path = migrations.new_revision(arguments.message, autogenerate=not arguments.empty)
        if path is None:
            print(
                "the models and the migrations agree: no revision written (--empty for one to fill)"
            )
            return 0
        print(f"{path}: review it, then `python -m account init` applies it")
        return 0
    settings = Settings.from_environment()
    if arguments.command == "init":  # the schema first: the service expects today's
        try:
            print(migrations.upgrade(settings.database_url))
        except migrations.UnknownSchema as problem:
            print(problem, file=sys.stderr)
            return 1
    service = AccountService(settings)
    zone = service.settings.zone
    directory = Directory(service.sessions)
    if arguments.command == "init":
        added = service.load_certificate_accounts(arguments.certificates)
        files = service.purge_summary_files()  # left by a previous run
        print(
            f"database ready; {added} certificate account(s) added; {files} old summary file(s) deleted"
        )
    elif arguments.command == "purge":
        while True:
            print(purge_everything(service, arguments.endpoints), flush=True)
            if not arguments.every:
                break
            time.sleep(arguments.every)
    elif arguments.command in ("forget", "export", "report"):
        return people_and_conversations(arguments, service)
    elif arguments.command == "registrations":
        records = directory.registrations(arguments.status, arguments.email, arguments.limit)
        print("    id  status     created           expires           e-mail  name")
        for record in records:
            print(registration_line(record, zone))
        print(f"{len(records)} pre-registration(s)")
    elif arguments.command == "registration":
        records = directory.registrations(email=arguments.email)
        if not records:
            print(f"no pre-registration for {arguments.email}", file=sys.stderr)
            return 1
        for record in records:
            print(
                "\n".join(
                    details(
                        record,
                        {
                            "id": record.id,
                            "status": record.status,
                            "created": moment(record.created_at, zone),
                            "expires": moment(record.expires_at, zone),
                            "closed": moment(record.closed_at, zone),
                        },
                    )
                )
            )
            print()
    elif arguments.command == "accounts":
        records = directory.accounts(arguments.limit)
        print("subscriber number  registered        e-mail  name")
        for record in records:
            print(account_line(record, zone))
        print(f"{len(records)} account(s)")
    elif arguments.command == "account":
        record = directory.account(arguments.number_or_email)
        if record is None:
            print(f"no account for {arguments.number_or_email}", file=sys.stderr)
            return 1
        print(
            "\n".join(
                details(
                    record,
                    {
                        "subscriber number": record.subscriber_number,
                        "registered": moment(record.registered_at, zone),
                    },
                )
            )
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
