"""The summary ("récapitulatif") of an activated account: its content, the PDF, the files written
for text channels and the web chat's download links."""

from __future__ import annotations

import os
import secrets
from pathlib import Path
from typing import Callable, Optional

from account import rules
from account.activation import ActivatedAccount
from account.fields import FIELDS, FieldRegistry
from account.i18n import language_or_default
from account.settings import Settings
from account.summary_links import SummaryLinks
from account.summary_pdf import Rows, SummaryContent, render_summary_pdf

# Where the rows that are not fields stand among the details (the fields' are in account/fields.py).
SUBSCRIBER_NUMBER_ROW, ADDRESS_ROW = 3, 6


def address_lines(account, language: str) -> tuple[str, ...]:
    street = " ".join(
        p for p in (account.street_number, account.street_type, account.street_name) if p
    )
    town = " ".join(p for p in (account.postcode, account.city) if p)
    lines = (street, account.complement, town, rules.country_name(account.country, language))
    return tuple(line for line in lines if line)


def summary_rows(account, language: str, fields: FieldRegistry, section: str) -> Rows:
    rows = [
        (
            field.pdf_row[1],
            field.name,
            (str(field.shown(getattr(account, field.stored_as), language)),),
        )
        for field in fields.pdf_rows(section)
    ]
    if section == "details":
        rows += [
            (SUBSCRIBER_NUMBER_ROW, "subscriber_number", (account.subscriber_number,)),
            (ADDRESS_ROW, "address", address_lines(account, language)),
        ]
    return tuple((name, lines) for _, name, lines in sorted(rows))


def summary_file_name(account: ActivatedAccount) -> str:
    return f"recapitulatif-{account.subscriber_number}.pdf"


class Summaries:
    def __init__(
        self,
        settings: Settings,
        sessions,
        clock,
        account: Callable[[str], Optional[ActivatedAccount]],
    ):
        self.settings, self.clock, self.account = settings, clock, account
        self.links = SummaryLinks(sessions, clock, settings.summary_link_ttl_minutes)

    @staticmethod
    def content(
        account: ActivatedAccount, language: str, fields: FieldRegistry = FIELDS
    ) -> SummaryContent:
        """The rows of the fields on the PDF (account/fields.py), the subscriber number and the
        address among them."""
        return SummaryContent(
            details=summary_rows(account, language, fields, "details"),
            trust=summary_rows(account, language, fields, "trust"),
        )

    def pdf(self, account: ActivatedAccount, language: Optional[str] = None) -> bytes:
        language = language_or_default(language or account.language)
        return render_summary_pdf(
            self.content(account, language), language, self.clock.now(), self.settings.zone
        )

    def save_pdf(self, account: ActivatedAccount, language: Optional[str] = None) -> Path:
        """Write the summary PDF for a text channel (`rasa shell`), in a folder of its own named
        by a random token; return its path."""
        folder = self.settings.summary_dir / secrets.token_urlsafe(32)
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / summary_file_name(account)
        path.write_bytes(self.pdf(account, language))
        written = self.clock.now().timestamp()  # on the service's clock, which purging reads
        os.utime(path, (written, written))
        return path.resolve()

    def purge_files(self) -> int:
        """Delete the summary PDFs written for text channels once their link would have expired:
        they hold personal data and the trust answer. Returns how many were deleted."""
        if not self.settings.summary_dir.is_dir():
            return 0
        oldest = self.clock.now().timestamp() - self.settings.summary_link_ttl_minutes * 60
        deleted = 0
        for folder in self.settings.summary_dir.iterdir():
            files = [path for path in folder.iterdir()] if folder.is_dir() else [folder]
            if any(path.stat().st_mtime > oldest for path in files):
                continue
            for path in files:
                path.unlink(missing_ok=True)
                deleted += path.suffix == ".pdf"
            if folder.is_dir():
                folder.rmdir()
        return deleted

    def issue_link(self, account: ActivatedAccount, language: str, conversation_id: str) -> str:
        """A token for the web chat's download link, valid for that conversation only."""
        return self.links.issue(account.subscriber_number, language, conversation_id)

    def download(self, token: str, conversation_id: str) -> Optional[tuple[str, bytes]]:
        """(file name, PDF) for a live link presented by its own conversation, else None."""
        target = self.links.target(token, conversation_id)
        account = self.account(target.subscriber_number) if target else None
        if account is None:
            return None
        return summary_file_name(account), self.pdf(account, target.language)
