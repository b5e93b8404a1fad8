"""A client on another machine: it speaks HTTP to the Rasa server's REST channel and receives
its e-mail through SMTP, nothing else (no file system, no database of the server). It
completes a registration and an activation in English and downloads the summary PDF through
the link it was given."""

import email
import email.policy
import io
import re
import time
import uuid

import pytest
import requests
from aiosmtpd.controller import Controller
from pypdf import PdfReader

from harness.dialogue import PASSWORD
from harness.servers import free_port, running
from tests.conftest import activation_code_in

pytestmark = pytest.mark.servers


class Mailbox:
    """The user's mailbox: an SMTP server the assistant delivers to."""

    def __init__(self):
        self.messages: list[email.message.EmailMessage] = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted for delivery"

    def wait_for_one(self, timeout: float = 30) -> email.message.EmailMessage:
        deadline = time.monotonic() + timeout
        while not self.messages and time.monotonic() < deadline:
            time.sleep(0.1)
        return self.messages[-1]


class RemoteClient:
    """Knows the server's public address and its own conversation id; nothing more."""

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.sender = f"remote-{uuid.uuid4().hex[:8]}"
        self.http = requests.Session()

    def say(self, text: str) -> str:
        reply = self.http.post(
            f"{self.base_url}/webhooks/rest/webhook",
            json={"sender": self.sender, "message": text},
            timeout=120,
        )
        assert reply.status_code == 200
        return "\n".join(m.get("text") or "" for m in reply.json())

    def download(self, link: str, conversation: str | None = None) -> requests.Response:
        headers = {"X-Conversation-Id": conversation or self.sender}
        return self.http.get(link, headers=headers, timeout=30)


@pytest.fixture(scope="module")
def mailbox():
    box = Mailbox()
    controller = Controller(box, hostname="127.0.0.1", port=free_port())
    controller.start()
    yield box, controller
    controller.stop()


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, mailbox):
    _, controller = mailbox
    smtp = {"MAIL_BACKEND": "smtp", "SMTP_HOST": "127.0.0.1", "SMTP_PORT": str(controller.port)}
    with running(
        tmp_path_factory.mktemp("remote"), captcha_enabled=False, settings=smtp
    ) as servers:
        yield servers


def test_registration_activation_and_summary_pdf_from_another_machine(assistant, mailbox):
    box, _ = mailbox
    client = RemoteClient(assistant.base_url)
    address = "remote.client@example.co.uk"
    said = [client.say("Hello, I would like to set up my professional account")]
    for typed in (
        "yes I accept",
        address,
        address,
        PASSWORD,
        PASSWORD,
        "Oliver Hughes, +44 20 7946 0958, 10 Downing Street, London SW1A 2AA, United Kingdom",
        "my pet's name",
        "Rex",
    ):
        said.append(client.say(typed))
    assert "Summary of your registration" in said[-1]
    said.append(client.say("yes, that's right"))
    code = activation_code_in(box.wait_for_one())
    said.append(client.say("activate now"))
    said.append(client.say(code))
    done = client.say(address)
    said.append(done)
    number = re.search(r"under the number (\d{14})", done).group(1)

    # Nothing of the server's disk reaches the client: a link on its public address only.
    chat = "\n".join(said)
    assert "/tmp" not in chat and "var/summaries" not in chat and ".pdf" not in chat.lower()
    link = re.search(r"(https?://\S+/webhooks/web/summary/[\w-]+)", done).group(1)
    assert link.startswith(assistant.base_url)

    assert client.download(link, conversation="someone-else").status_code == 404
    download = client.download(link)
    assert download.status_code == 200
    assert download.headers["Content-Type"] == "application/pdf"
    assert download.headers.get("Cache-Control") == "no-store"
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(download.content)).pages)
    assert number in text and "HUGHES" in text and "Oliver" in text
