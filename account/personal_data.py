"""A person's rights over what the account service stores about a login e-mail address
(GDPR art. 15 and 17): everything found, and everything deleted but the account.

An activated account is the administration's record of a professional space: it is kept, and
`forget` says so. Pre-registrations (their details, kept only while pending), the wrong-code
throttle of the address, the rate-limit and summary-link traces of the conversations the address
was given in, and the e-mails of the file outbox sent to it are deleted. Nothing here returns a
secret (password hash, code hash, CAPTCHA answer).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from email import message_from_bytes
from email.utils import getaddresses
from pathlib import Path

from sqlalchemy import delete, select

from account import rules
from account.credentials import token_digest
from account.directory import AccountRecord, RegistrationRecord
from account.storage import (
    Account,
    ActivationThrottle,
    PreRegistrationRecord,
    Registration,
    SummaryLink,
)


@dataclass
class Forgotten:
    registrations: int = 0
    throttles: int = 0
    traces: int = 0  # rate-limit records and summary links of the conversations
    mails: int = 0
    kept_account: str | None = None  # the subscriber number of an activated account
    counts: dict[str, int] = field(default_factory=dict)


def outbox_mails_to(outbox: Path, email: str) -> list[Path]:
    """The e-mails of the file outbox addressed to `email` (case ignored)."""
    wanted = rules.email_key(email)
    found = []
    for path in sorted(outbox.glob("*.eml")) if outbox.is_dir() else []:
        message = message_from_bytes(path.read_bytes())
        recipients = getaddresses(message.get_all("To", []))
        if any(rules.email_key(address) == wanted for _, address in recipients):
            found.append(path)
    return found


def export(sessions, email: str) -> dict:
    """What is stored about `email` in the accounts database, without any secret."""
    key = rules.email_key(email)
    with sessions() as session:
        registrations = session.scalars(
            select(Registration).where(Registration.email_key == key).order_by(Registration.id)
        ).all()
        account = session.scalar(select(Account).where(Account.email_key == key))
        throttle = session.get(ActivationThrottle, key)
        return {
            "registrations": [
                {
                    "status": r.status,
                    "created_at": r.created_at.isoformat(),
                    "expires_at": r.expires_at.isoformat(),
                    "details": RegistrationRecord.from_row(r).details,
                }
                for r in registrations
            ],
            "account": None
            if account is None
            else {
                "subscriber_number": account.subscriber_number,
                "registered_at": account.registered_at.isoformat(),
                "details": AccountRecord.from_row(account).details,
            },
            "wrong_activation_codes": None
            if throttle is None
            else {"failures": throttle.failures, "locked_until": str(throttle.locked_until)},
        }


def forget(sessions, email: str, conversation_ids: list[str], outbox: Path) -> Forgotten:
    """Deletes what is stored about `email` but an activated account (reported as kept)."""
    key = rules.email_key(email)
    hashes = [token_digest(conversation) for conversation in conversation_ids]
    result = Forgotten()
    with sessions.begin() as session:
        account = session.scalar(select(Account.subscriber_number).where(Account.email_key == key))
        result.kept_account = account
        if account is None:
            result.registrations = session.execute(
                delete(Registration).where(Registration.email_key == key)
            ).rowcount
        result.throttles = session.execute(
            delete(ActivationThrottle).where(ActivationThrottle.email_key == key)
        ).rowcount
        if hashes:
            result.traces = (
                session.execute(
                    delete(PreRegistrationRecord).where(
                        PreRegistrationRecord.conversation_hash.in_(hashes)
                    )
                ).rowcount
                + session.execute(
                    delete(SummaryLink).where(SummaryLink.conversation_hash.in_(hashes))
                ).rowcount
            )
    for path in outbox_mails_to(outbox, email):
        path.unlink(missing_ok=True)
        result.mails += 1
    return result
