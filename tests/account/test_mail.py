"""The activation e-mail end to end: through a real local SMTP server, and into the file outbox."""

import email
import email.policy
import socket
import time

import pytest
from aiosmtpd.controller import Controller

from account.mail import FileOutbox, MailError, SmtpMailer, mailer_from_settings
from account.service import AccountService
from account.settings import Settings
from tests.conftest import activation_code_in, read_messages


class Inbox:
    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            (
                envelope.mail_from,
                envelope.rcpt_tos,
                email.message_from_bytes(envelope.content, policy=email.policy.default),
            )
        )
        return "250 Message accepted for delivery"


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp_server():
    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield controller, inbox
    controller.stop()


def test_activation_email_through_a_real_smtp_server_then_activation(
    tmp_path, clock, make_form, smtp_server
):
    controller, inbox = smtp_server
    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'a.db'}",
        mail_backend="smtp",
        smtp_host=controller.hostname,
        smtp_port=controller.port,
    )
    service = AccountService(settings, clock=clock)
    assert isinstance(service.mailer, SmtpMailer)
    service.pre_register(make_form(language="en"))
    [(sender, recipients, message)] = inbox.messages
    assert sender == settings.mail_from and recipients == ["lila.rosemonde@orange.fr"]
    assert message["Subject"] == "Professional account - Account set-up or change"
    assert "this code is not a password" in message.get_content()
    account = service.activate(activation_code_in(message), "lila.rosemonde@orange.fr")
    assert len(account.subscriber_number) == 14


def test_activation_email_into_the_file_outbox_then_activation(service, settings, make_form):
    assert isinstance(service.mailer, FileOutbox)
    service.pre_register(make_form())
    [path] = list(settings.mail_outbox_dir.glob("*.eml"))
    message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
    assert message["To"] == "lila.rosemonde@orange.fr" and message["Date"] and message["Message-ID"]
    assert message.get_content_type() == "text/plain" and message.get_content_charset() == "utf-8"
    assert not list(settings.mail_outbox_dir.glob("*.part"))  # written atomically
    account = service.activate(activation_code_in(message), "lila.rosemonde@orange.fr")
    assert account.subscriber_number.startswith("2023233")


def test_outbox_files_sort_in_sending_order(service, settings, make_form):
    for n in range(5):
        service.pre_register(make_form(email=f"user{n}@exemple.fr"))
        time.sleep(0.001)
    recipients = [m["To"] for m in read_messages(settings.mail_outbox_dir)]
    assert recipients == [f"user{n}@exemple.fr" for n in range(5)]


def test_unreachable_smtp_server_is_a_mail_error():
    mailer = SmtpMailer("127.0.0.1", free_port(), timeout=2)
    with pytest.raises(MailError):
        mailer.send(email.message.EmailMessage())


def test_unknown_mail_backend_is_refused_at_start():
    with pytest.raises(ValueError, match="MAIL_BACKEND"):
        mailer_from_settings(Settings(mail_backend="carrier-pigeon"))
