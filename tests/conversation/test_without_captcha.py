"""With CAPTCHA_ENABLED=false the CAPTCHA step is skipped, at pre-registration and activation."""
import re

import pytest

from tests.conftest import activation_code_in, read_messages
from tests.conversation.dialogue import PASSWORD
from tests.conversation.servers import running, text_of


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(tmp_path_factory.mktemp("no-captcha"), captcha_enabled=False) as servers:
        yield servers


def test_no_captcha_step(assistant):
    sender = "no-captcha"
    assistant.say(sender, "Je veux créer mon espace professionnel")
    after_terms = assistant.say(sender, "oui j'accepte")
    assert "Étape 2 : vos identifiants" in text_of(after_terms)
    assert not any(m.get("image") for m in after_terms)
    for typed in ("sans.captcha@exemple.fr", "sans.captcha@exemple.fr", PASSWORD, PASSWORD,
                  "Jean Dupont, 01 23 45 67 89, 5 avenue Foch 69006 Lyon", "passer", "France",
                  "1", "Bibi"):
        reply = assistant.say(sender, typed)
    assert "Nom : DUPONT" in text_of(reply) and "Question de confiance : Quel est votre surnom ?" in text_of(reply)
    assistant.say(sender, "valider")
    code = activation_code_in(read_messages(assistant.outbox)[-1])
    assistant.say(sender, "j'ai mon code d'activation")
    ask_email = text_of(assistant.say(sender, code))
    assert "adresse électronique de connexion" in ask_email and "Recopiez" not in ask_email
    done = text_of(assistant.say(sender, "sans.captcha@exemple.fr"))
    assert re.search(r"sous le numéro \d{14}", done)
