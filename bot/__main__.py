"""Support command line (`python -m bot <command>`). It never prints a password, a password hash,
an activation code nor its hash.

  init                      create or upgrade the tables (bot/migrations), load the certificate
                            accounts
  revision MESSAGE [--empty]   write a new migration from the models' changes (bot/storage.py)
  purge                     expire overdue pre-registrations, drop spent CAPTCHAs and old links
  registrations [--status S] [--email E]   list pre-registrations, most recent first
  registration EMAIL        show the pre-registrations of one address
  accounts                  list activated accounts, most recent first
  account NUMBER|EMAIL      show one account
"""

from __future__ import annotations

import argparse
import sys
from datetime import datetime
from zoneinfo import ZoneInfo

from bot import migrations
from bot.directory import AccountRecord, Directory, RegistrationRecord
from bot.registration import AccountService
from bot.settings import Settings
from bot.storage import ACTIVATED, EXPIRED, PENDING


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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m bot",
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
        help="write a new migration in bot/migrations/versions: the changes of the models "
        "(bot/storage.py) since the latest one",
    )
    revision.add_argument("message", help="what the migration does, e.g. 'add accounts.fax'")
    revision.add_argument(
        "--empty", action="store_true", help="an empty migration, to write by hand"
    )
    commands.add_parser(
        "purge",
        help="expire overdue pre-registrations, drop spent CAPTCHAs, "
        "expired summary links and summary files",
    )
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
        print(f"{path}: review it, then `python -m bot init` applies it")
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
        expired = service.expire_due_registrations()
        captchas = service.captcha.purge()
        links = service.summary_links.purge()
        files = service.purge_summary_files()
        print(
            f"{expired} pre-registration(s) expired; {captchas} CAPTCHA challenge(s) dropped; "
            f"{links} summary link(s) dropped; {files} summary file(s) deleted"
        )
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
