"""The e-mail that carries the activation code, in the registrant's language (its text is in
the language's file: ACTIVATION_EMAIL_SUBJECT, ACTIVATION_EMAIL)."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime as rfc2822_date
from email.utils import make_msgid
from string import Template
from zoneinfo import ZoneInfo

from account.i18n import format_datetime
from languages import words_of


def activation_email(
    *,
    sender: str,
    recipient: str,
    code: str,
    sent_at: datetime,
    deadline: datetime,
    ttl_hours: int,
    language: str,
    zone: ZoneInfo,
) -> EmailMessage:
    words = words_of(language)
    body = Template(words.ACTIVATION_EMAIL).substitute(
        code=code, hours=ttl_hours, deadline=format_datetime(deadline, language, zone)
    )
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = words.ACTIVATION_EMAIL_SUBJECT
    message["Date"] = rfc2822_date(sent_at.astimezone(zone))
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    message["Content-Language"] = language
    message.set_content(body)
    return message
