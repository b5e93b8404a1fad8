"""With CAPTCHA_ENABLED=false the CAPTCHA step is skipped, at pre-registration and activation."""

import re

import pytest

from harness.dialogue import PASSWORD
from harness.servers import running, text_of
from tests.conftest import activation_code_in, read_messages

pytestmark = pytest.mark.servers


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
    for typed in (
        "sans.captcha@exemple.fr",
        "sans.captcha@exemple.fr",
        PASSWORD,
        PASSWORD,
        "Jean Dupont, 01 23 45 67 89, 5 avenue Foch 69006 Lyon",
        "1",
        "Bibi",
    ):
        reply = assistant.say(sender, typed)
    assert "Nom : DUPONT" in text_of(
        reply
    ) and "Question de confiance : Quel est votre surnom ?" in text_of(reply)
    assistant.say(sender, "valider")
    code = activation_code_in(read_messages(assistant.outbox)[-1])
    assistant.say(sender, "j'ai mon code d'activation")
    ask_email = text_of(assistant.say(sender, code))
    assert "adresse électronique de connexion" in ask_email and "Recopiez" not in ask_email
    done = text_of(assistant.say(sender, "sans.captcha@exemple.fr"))
    assert re.search(r"sous le numéro \d{14}", done)


# People's own words, as the held-out scripted users will type them (CAPTCHA off, as with them).


def to_summary(assistant, sender: str, email: str, details: str, *answers: str) -> str:
    for typed in (email, email, PASSWORD, PASSWORD, details, *answers):
        reply = assistant.say(sender, typed)
    return text_of(reply)


def test_typed_yes_no_are_read_against_the_question(assistant):
    sender, email = "typed-yes", "typed.yes@exemple.fr"
    assistant.say(sender, "bonjour, je voudrais ouvrir mon espace pro")
    assistant.say(sender, "oui je veux bien")  # the terms
    summary = to_summary(
        assistant,
        sender,
        email,
        "Jean Martin, 06 12 34 56 78, 4 rue des Lilas 69003 Lyon",
        "le nom de mon animal",
        "Rex",
    )
    assert "Question de confiance : Le nom de votre animal de compagnie ?" in summary
    # not understood at the summary: said briefly, and the summary's question again, no menu
    confused = text_of(assistant.say(sender, "hmm bof zzz"))  # the model guesses a no
    assert (
        "Je n'ai pas compris" in confused and "Le récapitulatif ci-dessus est-il exact" in confused
    )
    assert "Je peux vous expliquer" not in confused
    offer = text_of(assistant.say(sender, "ouais c'est bon"))
    assert "activer votre espace maintenant" in offer
    # a question at the offer is answered, then the offer again
    faq = text_of(assistant.say(sender, "le code est valable combien de temps ?"))
    assert "48 heures" in faq and "activer votre espace maintenant" in faq
    assert "Saisissez le code d'activation" in text_of(assistant.say(sender, "oui"))


def test_no_at_the_offer_is_later_and_a_person_on_request(assistant):
    sender = "typed-no"
    assistant.say(sender, "I'd like to set up my professional account please")
    assistant.say(sender, "sure")
    to_summary(
        assistant,
        sender,
        "typed.no@example.co.uk",
        "I'm Sarah Jones, phone +44 20 7946 0000, 10 Downing Street, London SW1A 2AA, United Kingdom",
        "my pet's name",
        "Biscuit",
    )
    offer = text_of(assistant.say(sender, "yes please"))
    assert "activate your account now" in offer
    human = text_of(assistant.say(sender, "can I talk to a person?"))
    assert "0809 400 210" in human and "activate your account now" in human
    assert "come back and tell me" in text_of(assistant.say(sender, "not now, thanks"))


def test_foreign_address_in_one_message_and_corrections_in_own_words(assistant):
    sender = "sarah"
    assistant.say(sender, "Hello, I need to register an expert professional account")
    assistant.say(sender, "I agree")
    summary = to_summary(
        assistant,
        sender,
        "sarah.jones@example.co.uk",
        "I'm Sarah Jones, phone +44 20 7946 0000, 10 Downing Street, London SW1A 2AA, United Kingdom",
        "the first one",
        "Sally",
    )
    for line in (
        "Surname: JONES",
        "First name: Sarah",
        "Telephone: +44 20 7946 0000",
        "Street number: 10",
        "Street name: Downing Street",
        "Postcode: SW1A 2AA",
        "City: London",
        "Country: UNITED KINGDOM",
        "Trust question: What is your nickname?",
    ):
        assert line in summary, (line, summary)
    corrected = text_of(assistant.say(sender, "oops, my number is actually +44 20 7946 0123"))
    assert "Telephone: +44 20 7946 0123" in corrected
    asked = text_of(assistant.say(sender, "I made a mistake in the postcode"))
    assert "postcode" in asked
    assert "Postcode: SW1A 1AA" in text_of(assistant.say(sender, "SW1A 1AA"))


def test_a_street_without_a_street_type_and_where_am_i(assistant):
    sender = "piccadilly"
    assistant.say(sender, "je veux créer mon espace professionnel en mode expert")
    assistant.say(sender, "d'accord")
    for typed in (
        "piccadilly@exemple.fr",
        "piccadilly@exemple.fr",
        PASSWORD,
        PASSWORD,
        "Hughes",
        "Oliver",
        "+44 20 7946 0123",
    ):
        reply = assistant.say(sender, typed)
    assert "Quelle est votre adresse" in text_of(reply)
    where = text_of(assistant.say(sender, "où en suis-je ?"))
    assert "étape 3 sur 4" in where and "téléphone" in where and "ville" in where
    assert "Quelle est votre adresse" in where
    assert "Quelle est votre adresse" in text_of(assistant.say(sender, "pouvez-vous répéter ?"))
    after = text_of(assistant.say(sender, "7 Piccadilly"))
    assert "n'est pas" not in after and "Un complément d'adresse" in after


def test_language_requests_and_sentences_switch_the_conversation(assistant):
    sender = "switch"
    assistant.say(sender, "Bonjour")
    switched = text_of(assistant.say(sender, "I don't understand French, can you talk English?"))
    assert "I will continue in English" in switched
    sender = "switch-sentence"
    assistant.say(sender, "Bonjour")
    answer = text_of(
        assistant.say(sender, "What is the difference between basic mode and expert mode?")
    )
    assert "You are writing in English" in answer and "Basic mode suits" in answer
