"""A setting changed once changes everything that quotes it: with ACTIVATION_TTL_HOURS=24 the
chat, the activation e-mail and the registration's expiry all say 24 hours (never 48)."""

from datetime import datetime, timedelta

import pytest
from sqlalchemy import create_engine, text

from harness.dialogue import PASSWORD
from harness.servers import running, text_of
from tests.conftest import read_messages

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(
        tmp_path_factory.mktemp("ttl-24"),
        captcha_enabled=False,
        settings={"ACTIVATION_TTL_HOURS": "24"},
    ) as servers:
        yield servers


def test_a_24_hour_deadline_everywhere(assistant):
    sender, email = "ttl-24", "vingt.quatre@exemple.fr"
    said = [text_of(assistant.say(sender, "Combien de temps le code est-il valable ?"))]
    said.append(text_of(assistant.say(sender, "je veux créer mon espace professionnel")))
    said.append(text_of(assistant.say(sender, "j'accepte")))
    for typed in (email, email):
        said.append(text_of(assistant.say(sender, typed)))
    assert "au moins 20 caractères" in said[-1]  # the password rule, quoted from account/
    for typed in (
        PASSWORD,
        PASSWORD,
        "Jean Dupont, 01 23 45 67 89, 5 avenue Foch 69006 Lyon",
        "1",
        "Bibi",
        "valider",
    ):
        said.append(text_of(assistant.say(sender, typed)))
    said.append(text_of(assistant.say(sender, "Comment joindre l'assistance ?")))
    chat = "\n".join(said)
    assert "24 heures" in said[0]
    assert "Vous disposez d'un délai de 24 heures" in said[-2]
    assert "0809 400 210" in said[-1]  # the hotline, quoted from account/support.py
    assert "48" not in chat and "{" not in chat

    body = read_messages(assistant.outbox)[-1].get_content()
    assert "24 heures" in body and "48" not in body

    engine = create_engine(assistant.env["DATABASE_URL"])
    with engine.connect() as connection:
        created, expires = connection.execute(
            text("SELECT created_at, expires_at FROM registrations WHERE email_key = :key"),
            {"key": email},
        ).one()
    engine.dispose()
    created, expires = (datetime.fromisoformat(str(moment)) for moment in (created, expires))
    assert expires - created == timedelta(hours=24)
