"""Legacy accounts accessed with a certificate (necessarily invalid now).

Their addresses cannot be used for a new account: the seeds send their holders to the
"opt for access without a certificate" procedure, with a different advice for a sole holder
and for an address shared by several holders.
"""

from __future__ import annotations

import csv
from pathlib import Path

from sqlalchemy import func, select
from sqlalchemy.orm import Session, sessionmaker

from account.rules import check_email_syntax, email_key
from account.storage import CertificateAccount


def load_certificate_accounts(sessions: sessionmaker, csv_path: Path) -> int:
    """Add the rows of a CSV file with columns `email,holder`; rows already there are skipped.
    Returns how many rows were added."""
    added = 0
    with open(csv_path, newline="", encoding="utf-8") as file, sessions.begin() as session:
        for line, row in enumerate(csv.DictReader(file), start=2):
            email = check_email_syntax(row.get("email"))
            holder = (row.get("holder") or "").strip()
            if not email.ok or not holder:
                raise ValueError(f"{csv_path}:{line}: needs a valid email and a holder")
            key = email_key(email.value)
            exists = session.scalar(
                select(CertificateAccount.id).where(
                    CertificateAccount.email_key == key, CertificateAccount.holder == holder
                )
            )
            if exists is None:
                session.add(CertificateAccount(email_key=key, holder=holder))
                added += 1
    return added


def certificate_holders(session: Session, key: str) -> int:
    return session.scalar(
        select(func.count())
        .select_from(CertificateAccount)
        .where(CertificateAccount.email_key == key)
    )
