"""Support command line: `python -m bot init` prepares the database, `python -m bot purge`
expires overdue pre-registrations. It never prints a password or an activation code."""
from __future__ import annotations

import argparse
import sys

from bot.registration import AccountService


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bot", description=__doc__)
    commands = parser.add_subparsers(dest="command", required=True)
    init = commands.add_parser("init", help="create the tables and load the certificate accounts")
    init.add_argument("--certificates", help="CSV file (email,holder); default: the setting")
    commands.add_parser("purge", help="expire overdue pre-registrations, drop spent CAPTCHAs and expired summary links")
    arguments = parser.parse_args(argv)

    service = AccountService.from_environment()
    if arguments.command == "init":
        added = service.load_certificate_accounts(arguments.certificates)
        print(f"database ready; {added} certificate account(s) added")
    elif arguments.command == "purge":
        expired = service.expire_due_registrations()
        captchas = service.captcha.purge()
        links = service.summary_links.purge()
        print(f"{expired} pre-registration(s) expired; {captchas} CAPTCHA challenge(s) dropped; "
              f"{links} summary link(s) dropped")
    return 0


if __name__ == "__main__":
    sys.exit(main())
