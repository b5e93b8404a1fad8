"""Conversations kept only as long as needed, a person's rights, and what the conversations teach:
`python -m account report | purge | forget | export` against the tracker store and the accounts
database the real servers wrote, after scripted conversations over the REST channel:
10 started, 7 pre-registered, 5 activated, 2 stopped at the password, 1 with questions only."""

from __future__ import annotations

import json
import re
import sqlite3
import subprocess
import sys
import threading
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from account.settings import PROJECT_ROOT
from harness.dialogue import PASSWORD
from harness.servers import Assistant, running, text_of
from tests.conftest import activation_code_in, read_messages

pytestmark = pytest.mark.servers

TEAM_PASSWORD = "équipe-test-7"
DAY = 86400


class Person:
    def __init__(self, number: int):
        self.sender = f"person-{number}"
        self.email = f"personne.{number}@exemple.fr"
        self.surname = f"Quenardel{chr(97 + number)}"
        self.phone = f"01 23 45 67 {10 + number}"
        self.stored_phone = f"+331234567{10 + number}"  # as the account service keeps it
        self.details = f"{self.surname} Lila, {self.phone}, 12 rue de Longchamp 75016 Paris"


def register(assistant: Assistant, person: Person) -> str:
    say = lambda text: text_of(assistant.say(person.sender, text))  # noqa: E731
    say("Je veux créer mon espace professionnel")
    say("oui j'accepte")
    for typed in (person.email, person.email, PASSWORD, PASSWORD, person.details, "1", "Bibi"):
        say(typed)
    confirmed = say("valider")
    assert "Le code d'activation vient d'être envoyé" in confirmed, confirmed
    mails = [m for m in read_messages(assistant.outbox) if m["To"] == person.email]
    return activation_code_in(mails[-1])


def activate(assistant: Assistant, person: Person, code: str) -> None:
    assistant.say(person.sender, "j'ai mon code d'activation")
    assistant.say(person.sender, code)
    done = text_of(assistant.say(person.sender, person.email))
    assert re.search(r"sous le numéro \d{14}", done), done


def stop_at_password(assistant: Assistant, person: Person) -> None:
    for typed in ("Je veux créer mon espace professionnel", "oui", person.email, person.email):
        assistant.say(person.sender, typed)


def account_command(assistant: Assistant, *arguments: str) -> str:
    done = subprocess.run(
        [
            sys.executable,
            "-m",
            "account",
            *arguments,
            "--endpoints",
            str(assistant.home / "endpoints.yml"),
        ],
        cwd=PROJECT_ROOT,
        env=assistant.env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def report(assistant: Assistant, days_back: int = 5) -> dict:
    paris = datetime.now(ZoneInfo("Europe/Paris"))  # the days of the service's time zone
    since = (paris - timedelta(days=days_back)).date().isoformat()
    return json.loads(account_command(assistant, "report", "--json", "--since", since))


@pytest.fixture(scope="module")
def people() -> list[Person]:
    return [Person(number) for number in range(10)]


@pytest.fixture(scope="module")
def assistant(tmp_path_factory, people):
    with running(
        tmp_path_factory.mktemp("conversation-data"),
        captcha_enabled=False,
        settings={"TEAM_PAGE_PASSWORD": TEAM_PASSWORD},
    ) as servers:
        for person in people[:5]:
            activate(servers, person, register(servers, person))
        for person in people[5:7]:
            register(servers, person)
        for person in people[7:9]:
            stop_at_password(servers, person)
        servers.say(people[9].sender, "bonjour")
        servers.say(people[9].sender, "c'est quoi le mode expert ?")
        servers.say(people[9].sender, "xqzw plorf vbnm")  # not understood, outside the forms
        yield servers


def test_the_report_counts_what_the_conversations_did(assistant):
    figures = report(assistant)
    assert figures["conversations"] == 10
    funnel = figures["funnel"]
    assert funnel["started"] == 10 and funnel["terms"] == 9 and funnel["password"] == 9
    assert funnel["summary"] == 7 and funnel["pre_registered"] == 7 and funnel["activated"] == 5
    assert figures["stopped_at"] == {"password": 2}
    assert figures["not_understood"].get("outside_forms") == 1
    assert figures["detours"].get("question", 0) >= 1
    assert figures["languages"] == {"fr": 10}
    assert figures["median_minutes_to_pre_register"] is not None
    assert [item["text"] for item in figures["review"]] == ["xqzw plorf vbnm"]
    text = account_command(assistant, "report")
    assert "pre-registered / pré-inscrit" in text and "xqzw plorf vbnm" in text


def test_export_gives_every_field_and_no_secret(assistant, people):
    person = people[5]
    exported = json.loads(account_command(assistant, "export", person.email))
    dumped = json.dumps(exported, ensure_ascii=False)
    [registration] = exported["registrations"]
    details = registration["details"]
    assert details["email"] == person.email and details["surname"] == person.surname.upper()
    assert details["phone"] == person.stored_phone and details["city"] == "Paris"
    assert details["trust_answer"] == "Bibi" and details["trust_question"]
    [conversation] = exported["conversations"]
    assert conversation["fields"]["login_email"] == person.email
    assert any(person.details in m["text"] for m in conversation["messages"])
    assert PASSWORD not in dumped and "password_hash" not in dumped and "$argon2" not in dumped
    code = activation_code_in(
        [m for m in read_messages(assistant.outbox) if m["To"] == person.email][-1]
    )
    assert code not in dumped and "code_hash" not in dumped


def everything_written(assistant: Assistant) -> bytes:
    """Every file under the servers' folder: databases (with their WAL), outbox, logs."""
    return b"".join(path.read_bytes() for path in Path(assistant.home).rglob("*") if path.is_file())


def test_forget_leaves_nothing_of_the_person(assistant, people):
    person = people[6]
    values = (
        person.email,
        person.surname,
        person.surname.upper(),
        person.phone,
        person.stored_phone,
    )
    assert all(value.encode() in everything_written(assistant) for value in values)
    out = account_command(assistant, "forget", person.email)
    assert "1 conversation(s) deleted" in out and "kept:" not in out
    assert person.email not in out and person.surname not in out  # counts only
    written = everything_written(assistant)
    for value in values:
        assert value.encode() not in written, value
        assert value.encode("utf-16-le") not in written, value
    # Activated: the account stays, and the command says so.
    kept = account_command(assistant, "forget", people[0].email)
    assert re.search(r"kept: the activated account \d{14}", kept)
    # The journeys stay (no personal data): the report still counts them.
    assert report(assistant)["funnel"]["pre_registered"] == 7


def make_old(assistant: Assistant, sender: str, days: int) -> None:
    with sqlite3.connect(assistant.home / "tracker.db") as connection:
        connection.execute(
            "update events set timestamp = timestamp - ? where sender_id = ?", (days * DAY, sender)
        )


def test_purge_deletes_old_conversations_beside_live_ones_and_keeps_their_figures(
    assistant, people
):
    before = report(assistant, days_back=90)
    for person in people[7:10]:
        make_old(assistant, person.sender, 40)
    live = [Person(number) for number in range(20, 23)]
    failures: list[BaseException] = []

    def live_registration(person: Person) -> None:
        try:
            register(assistant, person)
        except BaseException as error:  # noqa: BLE001 (reported below)
            failures.append(error)

    threads = [threading.Thread(target=live_registration, args=(p,)) for p in live]
    for thread in threads:
        thread.start()
    purged = account_command(assistant, "purge")
    for thread in threads:
        thread.join()
    assert failures == []
    assert "3 conversation(s) older than 30 days deleted" in purged
    with sqlite3.connect(assistant.home / "tracker.db") as connection:
        left = {row[0] for row in connection.execute("select distinct sender_id from events")}
    assert not left & {p.sender for p in people[7:10]}
    assert {p.sender for p in live} <= left and people[5].sender in left
    after = report(assistant, days_back=90)
    # The purged conversations still count (their journeys), their messages are gone.
    assert after["funnel"]["started"] == before["funnel"]["started"] + 3
    assert after["stopped_at"] == {"password": 2}
    assert after["review"] == []


def test_the_team_page_needs_its_password(assistant):
    import requests

    page = f"{assistant.base_url}/webhooks/web/team/"
    assert requests.get(page, timeout=10).status_code == 401
    assert requests.get(page, auth=("team", "wrong"), timeout=10).status_code == 401
    shown = requests.get(page, auth=("team", TEAM_PASSWORD), timeout=60)
    assert shown.status_code == 200 and "Funnel / Entonnoir" in shown.text
    assert shown.headers["Cache-Control"] == "no-store"
