"""Restarts and faults, with the real servers: a conversation in the middle of the form survives
a restart of both servers; with the action server or the database down the user gets a short
apology in their language, and once it is back the dialogue goes on with nothing lost."""

import pytest

from harness.dialogue import PASSWORD
from harness.servers import Assistant, running, text_of

pytestmark = pytest.mark.servers

APOLOGY_FR = "le service est momentanément indisponible"
APOLOGY_EN = "the service is temporarily unavailable"


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(tmp_path_factory.mktemp("restarts"), captcha_enabled=False) as servers:
        yield servers


def up_to_the_identity_form(assistant: Assistant, sender: str, email: str, opening: str) -> None:
    assistant.say(sender, opening)
    assistant.say(sender, "/affirm")
    for typed in (email, email, PASSWORD, PASSWORD):
        assistant.say(sender, typed)


def finish(assistant: Assistant, sender: str) -> str:
    for typed in ("01 23 45 67 89, 12 rue de Longchamp 75016 Paris", "1"):
        assistant.say(sender, typed)
    return text_of(assistant.say(sender, "Bibi"))


def test_both_servers_restart_in_the_middle_of_the_identity_form(assistant):
    sender = "restart"
    up_to_the_identity_form(
        assistant, sender, "lila.restart@exemple.fr", "Je veux créer mon espace"
    )
    assert "Quel est votre prénom" in text_of(assistant.say(sender, "Rosemonde"))

    assistant.restart()  # both servers, same tracker store and database

    assert "numéro de téléphone" in text_of(assistant.say(sender, "Lila"))
    summary = finish(assistant, sender)
    for line in (
        "Nom : ROSEMONDE",
        "Prénom : Lila",
        "Téléphone : 01 23 45 67 89",
        "Adresse électronique de connexion : lila.restart@exemple.fr",
    ):
        assert line in summary
    assert "Le code d'activation vient d'être envoyé" in text_of(assistant.say(sender, "valider"))


def test_action_server_down_gives_an_apology_and_nothing_is_lost(assistant):
    sender = "actions-down"
    up_to_the_identity_form(
        assistant, sender, "ann.down@example.com", "I want to create my account"
    )
    assistant.say(sender, "Smith")

    assistant.stop("actions")
    reply = assistant.say(sender, "Ann")
    assert APOLOGY_EN in text_of(reply) and len(text_of(reply).split(APOLOGY_EN)) == 2  # once
    assert "not understand" not in text_of(reply).lower()
    reply = text_of(assistant.say(sender, "Ann"))  # still down: apologises again, nothing else
    assert APOLOGY_EN in reply

    assistant.restart_actions()
    assert "telephone number" in text_of(assistant.say(sender, "Ann"))
    summary = text_of(assistant.say(sender, "+44 20 7946 0958, 3 Baker Street, London"))
    for typed in ("skip", "SW1A 1AA", "United Kingdom", "1"):
        summary = text_of(assistant.say(sender, typed))
    summary = text_of(assistant.say(sender, "Bibi"))
    assert "Surname: SMITH" in summary and "First name: Ann" in summary
    assert "Login email address: ann.down@example.com" in summary


@pytest.fixture(scope="module")
def assistant_on_postgresql(tmp_path_factory, postgres_server):
    with running(
        tmp_path_factory.mktemp("on-postgresql"),
        captcha_enabled=False,
        database_url=postgres_server.new_database("assistant"),
    ) as servers:
        yield servers


def test_database_down_gives_an_apology_and_nothing_is_lost(
    assistant_on_postgresql, postgres_server
):
    assistant, sender = assistant_on_postgresql, "database-down"
    assistant.say(sender, "Je veux créer mon espace professionnel")
    assistant.say(sender, "/affirm")

    postgres_server.pause()
    try:
        reply = text_of(assistant.say(sender, "lila.pg@exemple.fr"))  # checked in the database
        assert APOLOGY_FR in reply
    finally:
        postgres_server.resume()

    assert "Confirmez l'adresse" in text_of(assistant.say(sender, "lila.pg@exemple.fr"))
    for typed in ("lila.pg@exemple.fr", PASSWORD, PASSWORD, "Rosemonde", "Lila"):
        assistant.say(sender, typed)
    summary = finish(assistant, sender)
    assert (
        "Nom : ROSEMONDE" in summary
        and "Adresse électronique de connexion : lila.pg@exemple.fr" in summary
    )
    assert "Le code d'activation vient d'être envoyé" in text_of(assistant.say(sender, "valider"))
