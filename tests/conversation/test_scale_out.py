"""Several Rasa servers behind one address (deploy/scale-out/, "Running on several machines" in
the README): two instances, each with its own action server, share the PostgreSQL tracker store
and accounts database and the Redis lock store, configured by the example endpoints.yml. One
conversation's messages alternate between them, as a load balancer without stickiness would
send them."""

from __future__ import annotations

import itertools
import re
import secrets
import time
from collections import Counter
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from account.service import AccountService
from account.settings import PROJECT_ROOT, Settings
from harness.dialogue import pre_register
from harness.servers import Assistant, summary_pdf, text_of
from tests.conftest import activation_code_in, read_messages
from transcripts.locks import AtomicRedisLockStore

pytestmark = pytest.mark.servers

EXAMPLE = PROJECT_ROOT / "deploy" / "scale-out" / "endpoints.yml"
TRACKER_DB = "scale_out_tracker"
INSTANCES = ("rasa-a", "rasa-b")


def stores_of(example: Path) -> str:
    """The example's stores, without its action endpoint: here each instance has its own action
    server rather than a load-balanced address."""
    blocks = re.split(r"(?m)^(?=\S)", example.read_text())
    return "".join(b for b in blocks if not b.startswith("action_endpoint:"))


class TakingTurns:
    """One conversation spread over several Rasa servers: message 1 to the first, 2 to the
    second, 3 to the first..."""

    def __init__(self, *instances: Assistant):
        self.instances = instances
        self._next = itertools.cycle(instances)
        self.sent: Counter[str] = Counter()
        self.answered: Counter[str] = Counter()

    def say(self, sender: str, text: str) -> list[dict]:
        instance = next(self._next)
        replies = instance.say(sender, text)
        self.sent[instance.base_url] += 1
        self.answered[instance.base_url] += bool(text_of(replies).strip())
        return replies

    def captcha_answer(self, messages: list[dict]) -> str:
        return self.instances[0].captcha_answer(messages)


@pytest.fixture(scope="module")
def lock_traffic(redis_server):
    return redis_server.monitor()


@pytest.fixture(scope="module")
def instances(tmp_path_factory, postgres_server, redis_server, lock_traffic):
    accounts = postgres_server.new_database("scale_out_accounts")
    postgres_server.new_database(TRACKER_DB)
    pair = []
    for name in INSTANCES:
        # A Redis user of its own, so that Redis tells the instances' connections apart.
        password = secrets.token_urlsafe(16)
        redis_server.add_lock_store_user(name, password)
        assistant = Assistant(
            tmp_path_factory.mktemp(name), database_url=accounts, stores=stores_of(EXAMPLE)
        )
        assistant.env.update(
            RASA_INSTANCE=name,
            TRACKER_DB_HOST=str(postgres_server.home),
            TRACKER_DB_PORT=str(postgres_server.port),
            TRACKER_DB_NAME=TRACKER_DB,
            TRACKER_DB_USER="postgres",
            TRACKER_DB_PASSWORD="",
            REDIS_HOST="127.0.0.1",
            REDIS_PORT=str(redis_server.port),
            REDIS_USER=name,
            REDIS_PASSWORD=password,
        )
        pair.append(assistant)
    try:
        pair[0].init_database()  # once for all instances, as the recipe says
        with ThreadPoolExecutor(len(pair)) as pool:
            list(pool.map(Assistant.launch, pair))
        yield pair
    finally:
        for assistant in pair:
            assistant.stop()


def tracker_rows(postgres_server, sender: str) -> int:
    engine = create_engine(postgres_server.url(TRACKER_DB))
    try:
        with engine.connect() as db:
            return db.execute(
                text("select count(*) from events where sender_id = :sender"), {"sender": sender}
            ).scalar_one()
    finally:
        engine.dispose()


def tracker_connections(postgres_server) -> set[str]:
    """Who holds connections to the tracker database (Rasa's pool keeps them open)."""
    engine = create_engine(postgres_server.url())
    try:
        with engine.connect() as db:
            return set(
                db.execute(
                    text("select application_name from pg_stat_activity where datname = :db"),
                    {"db": TRACKER_DB},
                ).scalars()
            )
    finally:
        engine.dispose()


def lock_takers(lock_traffic: list[dict], redis_server, sender: str) -> set[str]:
    """The Redis users that wrote this conversation's lock."""
    users = redis_server.users_by_client()
    return {
        users.get(f"{seen['client_address']}:{seen['client_port']}", "?")
        for seen in list(lock_traffic)
        if seen["command"].startswith(f"SET lock:{sender} ")
    }


def test_one_registration_alternating_between_two_instances(
    instances, postgres_server, redis_server, lock_traffic
):
    a, b = instances
    chat, sender, email = TakingTurns(a, b), "scale-out", "lila.scale@exemple.fr"

    # The CAPTCHA is issued through one instance and answered through the other.
    summary = text_of(
        pre_register(
            chat,
            sender,
            email,
            "Je veux créer mon espace professionnel",
            "Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris",
            '/choose_trust_question{"trust_question": "partner_first_name"}',
            "Paul",
        )
    )
    for line in (
        "Nom : ROSEMONDE",
        "Prénom : Lila",
        "Téléphone : 01 23 45 67 89",
        f"Adresse électronique de connexion : {email}",
        "Libellé de la voie : de Longchamp",
        "Code postal : 75016",
        "Ville : Paris",
        "Pays : FRANCE",
        "Réponse à la question de confiance : Paul",
    ):
        assert line in summary
    assert f"Le code d'activation vient d'être envoyé à {email}" in text_of(
        chat.say(sender, "valider")
    )

    # The e-mail is in the outbox of the machine whose action server sent it: one in all.
    mails = read_messages(a.outbox) + read_messages(b.outbox)
    assert [m["To"] for m in mails] == [email]
    chat.say(sender, "/start_activation")
    captcha = chat.say(sender, activation_code_in(mails[0]))
    chat.say(sender, chat.captcha_answer(captcha))
    done = text_of(chat.say(sender, email))
    number = re.search(r"sous le numéro (\d{14})", done).group(1)

    # The account is in the shared PostgreSQL accounts database.
    account = AccountService(Settings(database_url=a.env["DATABASE_URL"])).account(number)
    assert account is not None and account.email == email and account.surname == "ROSEMONDE"
    # The summary link works through either instance (the links are in the shared database).
    for instance in (a, b):
        assert summary_pdf(
            done.replace(a.base_url, instance.base_url).replace(b.base_url, instance.base_url),
            sender,
        ).startswith(b"%PDF")

    # Both instances answered every message they were sent.
    assert chat.answered == chat.sent and set(chat.sent) == {a.base_url, b.base_url}
    # One conversation in PostgreSQL, the same seen from both instances.
    events = a.tracker(sender)["events"]
    assert b.tracker(sender)["events"] == events
    assert tracker_rows(postgres_server, sender) == len(events) > 0
    assert tracker_connections(postgres_server) >= set(INSTANCES)
    # Each instance took this conversation's lock in Redis (not in its own memory).
    assert lock_takers(lock_traffic, redis_server, sender) == set(INSTANCES)


def test_simultaneous_messages_to_both_instances_wait_for_each_other(
    instances, postgres_server, redis_server
):
    a, b = instances
    sender = "scale-out-simultaneous"
    assert "Je peux vous expliquer" in text_of(a.say(sender, "Bonjour"))

    # A turn of this conversation in progress elsewhere: both messages must queue behind it, so
    # that they really meet (a turn is short, and two requests never leave at the same instant).
    elsewhere = AtomicRedisLockStore(host="127.0.0.1", port=redis_server.port)
    ticket = elsewhere.issue_ticket(sender)
    both = [(a, "c'est quoi le mode expert ?"), (b, "quels sont les horaires du support ?")]
    with ThreadPoolExecutor(len(both)) as pool:
        replies = [pool.submit(instance.say, sender, message) for instance, message in both]
        deadline = time.monotonic() + 30
        while len(elsewhere.get_lock(sender).tickets) < 3 and time.monotonic() < deadline:
            time.sleep(0.05)
        queued = len(elsewhere.get_lock(sender).tickets)
        elsewhere.cleanup(sender, ticket)
        replies = [text_of(reply.result()) for reply in replies]
    assert queued == 3 and all(reply.strip() for reply in replies)

    # One turn after the other: each message once in the tracker, each turn complete (back to
    # listening) before the next one began; the same tracker from both instances and PostgreSQL.
    events = a.tracker(sender)["events"]
    assert b.tracker(sender)["events"] == events
    assert tracker_rows(postgres_server, sender) == len(events)
    said = [e["text"] for e in events if e["event"] == "user"]
    assert said[0] == "Bonjour" and sorted(said[1:]) == sorted(message for _, message in both)
    kinds = [
        "user" if e["event"] == "user" else "listen"
        for e in events
        if e["event"] == "user" or e.get("name") == "action_listen"
    ]
    assert kinds == ["listen", "user"] * 3 + ["listen"]
