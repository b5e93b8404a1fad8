"""Fixtures shared by all tests: a real SQLite file, a clock the test moves, the file outbox."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from bot.clock import MovableClock
from bot.credentials import hash_password
from bot.registration import AccountService, RegistrationForm
from bot.settings import Settings

# 21 August 2023, 12:00 in Paris: the day of the seeds' example account (day 233).
SEEDS_DAY = datetime(2023, 8, 21, 10, 0, tzinfo=timezone.utc)
GOOD_PASSWORD = "Mphbawgsf25ynLitbm2023"


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    return Settings(
        database_url=f"sqlite:///{tmp_path / 'accounts.db'}",
        mail_outbox_dir=tmp_path / "outbox",
        summary_dir=tmp_path / "summaries",
    )


@pytest.fixture
def clock() -> MovableClock:
    return MovableClock(SEEDS_DAY)


@pytest.fixture
def service(settings, clock) -> AccountService:
    return AccountService(settings, clock=clock)


@pytest.fixture(scope="session")
def password_hash() -> str:
    return hash_password(GOOD_PASSWORD)


@pytest.fixture
def make_form(password_hash):
    def make(**changes) -> RegistrationForm:
        fields = dict(
            email="lila.rosemonde@orange.fr",
            password_hash=password_hash,
            surname="Rosemonde",
            first_name="Lila",
            phone="01 23 45 67 89",
            street_number="12",
            street_type="rue",
            street_name="de Longchamp",
            postcode="75016",
            city="Paris",
            country="France",
            trust_question="partner_first_name",
            trust_answer="Paul",
            language="fr",
        )
        fields.update(changes)
        return RegistrationForm(**fields)

    return make


def read_messages(outbox: Path) -> list[email.message.EmailMessage]:
    files = sorted(outbox.glob("*.eml"))
    return [email.message_from_bytes(f.read_bytes(), policy=email.policy.default) for f in files]


def activation_code_in(message: email.message.EmailMessage) -> str:
    """The code stands alone on its line, as in the seeds' e-mail."""
    body = message.get_content().replace("\r\n", "\n")  # SMTP delivers CRLF lines
    return re.search(r"^([A-Za-z0-9]{12})$", body, re.MULTILINE).group(1)


@pytest.fixture
def last_code(settings):
    def read() -> str:
        return activation_code_in(read_messages(settings.mail_outbox_dir)[-1])

    return read


@pytest.fixture(scope="session")
def postgres_server():
    from tests.conversation.servers import free_port
    from tests.postgres import PostgresServer

    server = PostgresServer(free_port()).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server():
    from tests.conversation.servers import free_port
    from tests.redis_server import RedisServer

    server = RedisServer(free_port()).start()
    yield server
    server.stop()
