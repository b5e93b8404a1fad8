"""Sending e-mail: as RFC 822 files in a local outbox (default) or through an SMTP server."""

from __future__ import annotations

import os
import smtplib
import tempfile
import uuid
from email.message import EmailMessage
from pathlib import Path

from account.settings import Settings


class MailError(Exception):
    """The message could not be handed over; the caller must not act as if it was sent."""


class FileOutbox:
    """Writes each message as `<time>-<uuid>.eml`, atomically, so a reader never sees half a file."""

    def __init__(self, directory: Path):
        self.directory = Path(directory)

    def send(self, message: EmailMessage) -> Path:
        try:
            self.directory.mkdir(parents=True, exist_ok=True)
            name = f"{uuid.uuid1().hex}.eml"  # uuid1 sorts by time within one machine
            handle, temporary = tempfile.mkstemp(dir=self.directory, suffix=".part")
            with os.fdopen(handle, "wb") as file:
                file.write(bytes(message))
            final = self.directory / name
            os.replace(temporary, final)
            return final
        except OSError as error:
            raise MailError(str(error)) from error


class SmtpMailer:
    def __init__(
        self,
        host: str,
        port: int,
        user: str = "",
        password: str = "",
        starttls: bool = False,
        timeout: float = 15,
    ):
        self.host, self.port = host, port
        self.user, self.password = user, password
        self.starttls, self.timeout = starttls, timeout

    def send(self, message: EmailMessage) -> None:
        try:
            with smtplib.SMTP(self.host, self.port, timeout=self.timeout) as smtp:
                if self.starttls:
                    smtp.starttls()
                if self.user:
                    smtp.login(self.user, self.password)
                smtp.send_message(message)
        except (OSError, smtplib.SMTPException) as error:
            raise MailError(f"{type(error).__name__}: {error}") from error


def mailer_from_settings(settings: Settings):
    if settings.mail_backend == "smtp":
        return SmtpMailer(
            settings.smtp_host,
            settings.smtp_port,
            settings.smtp_user,
            settings.smtp_password,
            settings.smtp_starttls,
        )
    if settings.mail_backend == "file":
        return FileOutbox(settings.mail_outbox_dir)
    raise ValueError(f"MAIL_BACKEND must be 'file' or 'smtp', not {settings.mail_backend!r}")
