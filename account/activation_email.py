"""The e-mail that carries the activation code, in the registrant's language."""

from __future__ import annotations

from datetime import datetime
from email.message import EmailMessage
from email.utils import format_datetime as rfc2822_date
from email.utils import make_msgid
from importlib.resources import files
from string import Template
from zoneinfo import ZoneInfo

from account.i18n import format_datetime

SUBJECTS = {
    "fr": "Espace professionnel - Création ou modification de l'espace",
    "en": "Professional account - Account set-up or change",
}


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
    template = (
        files("account.templates").joinpath(f"activation_email.{language}.txt").read_text("utf-8")
    )
    body = Template(template).substitute(
        code=code, hours=ttl_hours, deadline=format_datetime(deadline, language, zone)
    )
    message = EmailMessage()
    message["From"] = sender
    message["To"] = recipient
    message["Subject"] = SUBJECTS[language]
    message["Date"] = rfc2822_date(sent_at.astimezone(zone))
    message["Message-ID"] = make_msgid(domain=sender.rsplit("@", 1)[-1])
    message["Content-Language"] = language
    message.set_content(body)
    return message
