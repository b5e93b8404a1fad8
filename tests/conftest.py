"""Fixtures shared by all tests: a real SQLite file, a clock the test moves, the file outbox."""

from __future__ import annotations

import email
import email.policy
import re
from datetime import datetime, timezone
from pathlib import Path

import pytest

from account.clock import MovableClock
from account.credentials import hash_password
from account.registration_form import RegistrationForm
from account.service import AccountService
from account.settings import Settings

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
    from harness.servers import free_port
    from tests.postgres import PostgresServer

    server = PostgresServer(free_port()).start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def redis_server():
    from harness.servers import free_port
    from tests.redis_server import RedisServer

    server = RedisServer(free_port()).start()
    yield server
    server.stop()


# Actions run in-process (tests/actions/): the tracker the Rasa server would send, the service of
# the test, and what the action returned and said.


@pytest.fixture
def actions_service(service, monkeypatch) -> AccountService:
    """The actions use `service` (its SQLite file, clock and outbox) instead of the service
    built from the environment: each `actions` module's `account_service` is replaced for the
    test, and os.environ is left alone."""
    import importlib
    import pkgutil

    import actions

    for module in pkgutil.iter_modules(actions.__path__):
        loaded = importlib.import_module(f"actions.{module.name}")
        if hasattr(loaded, "account_service"):
            monkeypatch.setattr(loaded, "account_service", lambda: service)
    return service


@pytest.fixture(scope="session")
def domain_dict() -> dict:
    """domain.yml as the action server receives it (the forms' required slots among others)."""
    import yaml

    from account.settings import PROJECT_ROOT

    return yaml.safe_load((PROJECT_ROOT / "domain.yml").read_text(encoding="utf-8"))


@pytest.fixture
def make_tracker():
    """A rasa_sdk Tracker as the Rasa server sends it: `slots`, then the latest user message
    (text, intent, entities, metadata, input channel) after `action_listen`, preceded by
    `events`; inside a form, the form is the active loop and its run the last action."""
    from rasa_sdk import Tracker

    def make(
        text: str = "",
        intent: str = "inform",
        *,
        slots: dict | None = None,
        entities: dict | None = None,
        form: str | None = None,
        events: tuple = (),
        language: str = "fr",
        channel: str = "rest",
        metadata: dict | None = None,
        sender: str = "conversation-1",
    ) -> Tracker:
        message = {
            "text": text,
            "intent": {"name": intent, "confidence": 0.95},
            "entities": [{"entity": k, "value": v} for k, v in (entities or {}).items()],
            "metadata": metadata or {},
        }
        history = [
            *events,
            {"event": "action", "name": "action_listen"},
            {"event": "user", "text": text, "parse_data": message, "input_channel": channel},
        ]
        if form:
            history.append({"event": "action", "name": form})
        return Tracker(
            sender,
            {"language": language, "requested_slot": None, **(slots or {})},
            message,
            history,
            False,
            None,
            {"name": form} if form else {},
            form or "action_listen",
        )

    return make


@pytest.fixture
def run_action(domain_dict):
    """Run a rasa_sdk action as the action server does; the result has `events`, `slots` (what
    its SlotSet events set, but the never-a-loop count, in `unanswered`), `responses` (the names
    of the responses it sent) and `messages`."""
    import asyncio
    from types import SimpleNamespace

    from rasa_sdk.executor import CollectingDispatcher

    def run(action, tracker) -> SimpleNamespace:
        dispatcher = CollectingDispatcher()
        events = asyncio.run(action.run(dispatcher, tracker, domain_dict))
        slots = {e["name"]: e["value"] for e in events if e.get("event") == "slot"}
        return SimpleNamespace(
            events=events,
            slots={name: value for name, value in slots.items() if name != "unanswered"},
            unanswered=slots.get("unanswered", "not set"),
            responses=[m["response"] for m in dispatcher.messages if m.get("response")],
            messages=dispatcher.messages,
        )

    return run


@pytest.fixture
def problems_said(monkeypatch) -> list[str]:
    """The codes of the problems put into words during the test, in order (a problem reaches the
    user as a text in their language, not as a response)."""
    from account.i18n import Problem

    said: list[str] = []
    text = Problem.text

    def spy(self, *args, **kwargs):
        said.append(self.code)
        return text(self, *args, **kwargs)

    monkeypatch.setattr(Problem, "text", spy)
    return said
