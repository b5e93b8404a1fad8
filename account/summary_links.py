"""Download links for the summary PDF in the web chat.

A link is an unguessable token issued to one conversation: the download must present both the
token and that conversation's id, before the link expires. Only hashes of both are stored, and
the PDF is rendered from the account at download time, so no personal data waits on disk.
"""

from __future__ import annotations

import re
import secrets
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import delete
from sqlalchemy.orm import sessionmaker

from account.credentials import token_digest
from account.storage import SummaryLink

_TOKEN = re.compile(r"^[A-Za-z0-9_-]{43}$")


@dataclass(frozen=True)
class LinkTarget:
    subscriber_number: str
    language: str


class SummaryLinks:
    def __init__(self, sessions: sessionmaker, clock, ttl_minutes: int):
        self._sessions = sessions
        self._clock = clock
        self._ttl = timedelta(minutes=ttl_minutes)

    def issue(self, subscriber_number: str, language: str, conversation_id: str) -> str:
        token = secrets.token_urlsafe(32)
        now = self._clock.now()
        with self._sessions.begin() as session:
            session.add(
                SummaryLink(
                    token_hash=token_digest(token),
                    conversation_hash=token_digest(conversation_id),
                    subscriber_number=subscriber_number,
                    language=language,
                    expires_at=now + self._ttl,
                )
            )
        return token

    def target(self, token: str | None, conversation_id: str | None) -> LinkTarget | None:
        """What the link points to, or None: malformed, unknown, expired, or another conversation."""
        if not _TOKEN.match(token or "") or not conversation_id:
            return None
        with self._sessions() as session:
            link = session.get(SummaryLink, token_digest(token))
            if (
                link is None
                or link.expires_at <= self._clock.now()
                or not secrets.compare_digest(link.conversation_hash, token_digest(conversation_id))
            ):
                return None
            return LinkTarget(link.subscriber_number, link.language)

    def purge(self) -> int:
        """Drop expired links; returns how many."""
        with self._sessions.begin() as session:
            result = session.execute(
                delete(SummaryLink).where(SummaryLink.expires_at <= self._clock.now())
            )
            return result.rowcount or 0
