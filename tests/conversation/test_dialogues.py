"""Complete dialogues over HTTP with the real Rasa server and action server (CAPTCHA enabled)."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone

import pytest
from pypdf import PdfReader

from account.clock import MovableClock
from account.credentials import hash_password
from account.registration_form import RegistrationForm
from account.service import AccountService
from account.settings import Settings
from harness.dialogue import PASSWORD, pre_register
from harness.servers import (
    MAKE_RUN_WORKERS,
    Assistant,
    buttons_of,
    running,
    summary_pdf,
    text_of,
)
from tests.conftest import activation_code_in, read_messages

pytestmark = pytest.mark.servers


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(tmp_path_factory.mktemp("assistant"), workers=MAKE_RUN_WORKERS) as servers:
        yield servers


def code_for(assistant: Assistant, email: str) -> str:
    mails = [m for m in read_messages(assistant.outbox) if m["To"] == email]
    return activation_code_in(mails[-1])


def pdf_text(pdf: bytes) -> str:
    reader = PdfReader(io.BytesIO(pdf))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


def test_french_dialogue_from_greeting_to_the_summary_pdf(assistant):
    sender = "fr-happy"
    greeting = assistant.say(sender, "Bonjour")
    assert "Je peux vous expliquer la démarche" in text_of(greeting)
    assert "Créer mon espace" in buttons_of(greeting)

    terms = assistant.say(sender, "Je veux créer mon espace professionnel")
    assert "conditions générales" in text_of(terms) and "J'accepte" in buttons_of(terms)
    captcha = assistant.say(sender, "/affirm")
    assert "Recopiez les 6 caractères" in text_of(captcha)
    assert any(m.get("image", "").startswith(assistant.base_url) for m in captcha)
    assert "identifiants" in text_of(assistant.say(sender, assistant.captcha_answer(captcha)))
    assert "Confirmez l'adresse" in text_of(assistant.say(sender, "lila.rosemonde@orange.fr"))
    assert "mot de passe" in text_of(assistant.say(sender, "lila.rosemonde@orange.fr"))
    strength = assistant.say(sender, PASSWORD)
    assert "Niveau de sécurité : fort" in text_of(strength)
    assert PASSWORD not in text_of(strength)
    assert "Quel est votre nom" in text_of(assistant.say(sender, PASSWORD))

    # An expert gives everything at once; the form asks only what is missing.
    # A whole French address: neither its complement nor its country is asked; what was read
    # is shown back at once.
    after = text_of(
        assistant.say(sender, "Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris")
    )
    assert "C'est noté" in after and "nom : Rosemonde" in after.replace("ROSEMONDE", "Rosemonde")
    assert "pays : FRANCE" in after and "Choisissez votre question de confiance" in after
    # A question in the middle of the form is answered, then the form resumes.
    faq = assistant.say(sender, "c'est quoi le mode expert ?")
    assert "représente une entreprise" in text_of(faq)
    assert "Choisissez votre question de confiance" in text_of(faq)
    ask_answer = assistant.say(
        sender, '/choose_trust_question{"trust_question": "partner_first_name"}'
    )
    assert "Le prénom de votre conjoint(e) ?" in text_of(ask_answer)
    summary = text_of(assistant.say(sender, "Paul"))
    for line in (
        "Nom : ROSEMONDE",
        "Prénom : Lila",
        "Téléphone : 01 23 45 67 89",
        "Adresse électronique de connexion : lila.rosemonde@orange.fr",
        "Libellé de la voie : de Longchamp",
        "Code postal : 75016",
        "Ville : Paris",
        "Pays : FRANCE",
        "Réponse à la question de confiance : Paul",
    ):
        assert line in summary
    assert PASSWORD not in summary and "argon2" not in summary

    # A correction at the summary, then confirmation.
    corrected = text_of(assistant.say(sender, "mon téléphone est 06 12 34 56 78"))
    assert "Téléphone : 06 12 34 56 78" in corrected
    confirmed = assistant.say(sender, "valider")
    assert "Le code d'activation vient d'être envoyé à lila.rosemonde@orange.fr" in text_of(
        confirmed
    )
    assert re.search(r"jusqu'au \d\d/\d\d/\d{4} à \d\dh\d\d", text_of(confirmed))
    assert "Activer maintenant" in buttons_of(confirmed)

    # Activation in the same conversation, with the code read from the real e-mail.
    ask_code = assistant.say(sender, "/start_activation")
    assert "code d'activation" in text_of(ask_code)
    captcha = assistant.say(sender, code_for(assistant, "lila.rosemonde@orange.fr"))
    assistant.say(sender, assistant.captcha_answer(captcha))
    done = text_of(assistant.say(sender, "lila.rosemonde@orange.fr"))
    number = re.search(r"sous le numéro (\d{14})", done).group(1)
    today = datetime.now(timezone.utc).astimezone(Settings().zone)
    assert number.startswith(f"{today.year}{today.timetuple().tm_yday:03d}")
    text = pdf_text(summary_pdf(done, sender))
    for value in (
        "RECAPITULATIF DE VOS DONNEES PERSONNELLES",
        "ROSEMONDE",
        "Lila",
        number,
        "06 12 34 56 78",
        "lila.rosemonde@orange.fr",
        "12 rue de Longchamp",
        "75016 Paris",
        "Le prénom de votre conjoint(e) ?",
        "Paul",
    ):
        assert value in text


def test_english_dialogue_and_activation_in_a_second_conversation(assistant):
    summary = pre_register(
        assistant,
        "en-first",
        "ann.smith@example.co.uk",
        "Hello, I want to set up a professional account",
        "SMITH Ann, +44 20 7946 0958, 3 Baker Street, London",
        "skip",
        "SW1A 1AA",
        "United Kingdom",
        '/choose_trust_question{"trust_question": "partner_first_name"}',
        "Max",
    )
    text = text_of(summary)
    assert "Summary of your registration" in text and "Surname: SMITH" in text
    assert "Telephone: +44 20 7946 0958" in text and "Country: UNITED KINGDOM" in text
    assert "Postcode: SW1A 1AA" in text
    corrected = text_of(assistant.say("en-first", "my city is Manchester"))
    assert "City: Manchester" in corrected and "Surname: SMITH" in corrected
    confirmed = text_of(assistant.say("en-first", "confirm"))
    assert "The activation code has just been sent to ann.smith@example.co.uk" in confirmed
    assert "All right" in text_of(assistant.say("en-first", "/activate_later"))

    # A new conversation, another day perhaps: "I have my activation code".
    ask = assistant.say("en-second", "Hi, I have my activation code")
    assert "Enter the activation code" in text_of(ask)
    captcha = assistant.say("en-second", code_for(assistant, "ann.smith@example.co.uk"))
    assert "Type the 6 characters" in text_of(captcha)
    assert "login email" in text_of(assistant.say("en-second", assistant.captcha_answer(captcha)))
    done = text_of(assistant.say("en-second", "ann.smith@example.co.uk"))
    number = re.search(r"under the number (\d{14})", done).group(1)
    assert "Alternate Administrator" in done
    text = pdf_text(summary_pdf(done, "en-second"))
    for value in (
        "SUMMARY OF YOUR PERSONAL DATA",
        "SMITH",
        "Ann",
        number,
        "+44 20 7946 0958",
        "3 Baker Street",
        "Manchester",
        "UNITED KINGDOM",
        "Your spouse's or partner's first name?",
        "Max",
    ):
        assert value in text


def test_each_invalid_value_gets_its_message_and_the_same_question(assistant):
    sender = "en-errors"
    assistant.say(sender, "I want to create my account")
    refused = text_of(assistant.say(sender, "/deny"))
    assert "You must acknowledge" in refused and "Do you acknowledge" in refused
    captcha = assistant.say(sender, "/affirm")
    wrong = text_of(
        assistant.say(
            sender, "ZZZZZZ" if assistant.captcha_answer(captcha) != "ZZZZZZ" else "YYYYYY"
        )
    )
    assert "do not match the image" in wrong and "Type the 6 characters" in wrong
    captcha = [m for m in assistant.say(sender, "/new_captcha") if m.get("image")]
    assistant.say(sender, assistant.captcha_answer(captcha))
    for typed, expected in [
        ("not-an-address", "is not a valid email address"),
        ("accueil@cabinet-partage.fr", "not its sole holder"),
    ]:
        reply = text_of(assistant.say(sender, typed))
        assert expected in reply and "Which login email address" in reply
    assistant.say(sender, "jo.errors@example.com")
    reply = text_of(assistant.say(sender, "jo.other@example.com"))
    assert "does not match the email address" in reply
    assistant.say(sender, "jo.errors@example.com")
    for typed, expected in [
        ("short1", "at least 20 characters"),
        ("has spaces in it 1234567890", "must not contain spaces"),
        ("abcdefghijklmnopqrstuvwxyz", "both letters and digits"),
    ]:
        reply = text_of(assistant.say(sender, typed))
        assert expected in reply and "Choose your login password" in reply
        assert typed not in reply
    assistant.say(sender, PASSWORD)
    mismatch = text_of(assistant.say(sender, PASSWORD + "x"))
    # which of the two was mistyped cannot be seen: both are asked again
    assert "does not match the password" in mismatch and "Choose your login password" in mismatch
    assistant.say(sender, PASSWORD)
    assistant.say(sender, PASSWORD)
    assert "surname may only contain" in text_of(assistant.say(sender, "R2D2"))
    assistant.say(sender, "Errors")
    assistant.say(sender, "Jo")
    reply = text_of(assistant.say(sender, "12"))
    assert "is not a valid telephone number" in reply and "telephone number?" in reply
    assistant.say(sender, "0612345678")
    assistant.say(sender, "skip")  # the street line
    assistant.say(sender, "skip")  # complement
    assert "5 digits" not in text_of(assistant.say(sender, "7501"))  # country not known yet
    assistant.say(sender, "Lyon")
    reply = text_of(assistant.say(sender, "France"))  # now the postcode is checked for France
    assert "the postcode has 5 digits" in reply and "postcode?" in reply
    assistant.say(sender, "69001")
    # Everything given so far was kept: the form goes on to the trust question.
    reply = text_of(assistant.say(sender, '/choose_trust_question{"trust_question": "pet_name"}'))
    assert "Your pet's name?" in reply


def test_language_comes_from_the_first_real_sentence_and_requests_only(assistant):
    # Bare values say nothing: French by default, and the conversation stays French.
    assert "Que souhaitez-vous faire" in text_of(assistant.say("lang-1", "ok"))  # a yes to nothing
    assert "Je n'ai pas compris" in text_of(assistant.say("lang-1", "Paris"))
    # An English sentence first: English, then a bare e-mail or name does not switch.
    assert "Hello!" in text_of(assistant.say("lang-2", "Hello, what can you do?"))
    for bare in ("lila@orange.fr", "Lila Rosemonde", "ok"):
        reply = text_of(assistant.say("lang-2", bare))
        assert "Je " not in reply and "Vous " not in reply
    assert "Très bien, je continue en français" in text_of(
        assistant.say("lang-2", "parlez français")
    )
    assert "Sure, I will continue in English" in text_of(
        assistant.say("lang-2", "in English please")
    )
    # The web page's preferred language, sent as session metadata.
    reply = assistant.say("lang-3", "/greet", metadata={"language": "en"})
    assert "Hello! I am the assistant" in text_of(reply)


def test_cancel_asks_for_confirmation_then_forgets(assistant):
    sender = "fr-cancel"
    assistant.say(sender, "Je veux créer mon espace")
    captcha = assistant.say(sender, "/affirm")
    assistant.say(sender, assistant.captcha_answer(captcha))
    assistant.say(sender, "annulation.test@exemple.fr")
    ask = assistant.say(sender, "annuler")
    assert "Voulez-vous vraiment abandonner" in text_of(ask)
    resumed = text_of(assistant.say(sender, "non"))
    assert "continuons" in resumed and "Confirmez l'adresse électronique" in resumed
    assistant.say(sender, "annuler")
    assert "j'ai oublié les informations" in text_of(assistant.say(sender, "oui"))
    slots = assistant.tracker(sender)["slots"]
    assert slots["login_email"] is None and slots["terms_accepted"] is None


def test_activation_errors(assistant, tmp_path):
    # Registrations made by the service itself on the servers' database: one of them 49 h ago.
    settings = Settings(
        database_url=f"sqlite:///{assistant.database}",
        mail_outbox_dir=assistant.outbox,
        summary_dir=tmp_path,
    )
    now = datetime.now(timezone.utc)
    old = AccountService(settings, clock=MovableClock(now - timedelta(hours=49)))
    form = dict(
        password_hash=hash_password(PASSWORD),
        surname="Test",
        first_name="Ana",
        phone="0123456789",
        city="Paris",
        trust_answer="x",
    )
    old.pre_register(RegistrationForm(email="expired@exemple.fr", **form))
    fresh = AccountService(settings)
    fresh.pre_register(RegistrationForm(email="fresh@exemple.fr", language="en", **form))

    def attempt(sender: str, code: str, email: str) -> str:
        assistant.say(sender, "I have my activation code")
        captcha = assistant.say(sender, code)
        assistant.say(sender, assistant.captcha_answer(captcha))
        return text_of(assistant.say(sender, email))

    assistant.say("act-expired", "I have my activation code")
    captcha = assistant.say("act-expired", code_for(assistant, "expired@exemple.fr"))
    assistant.say("act-expired", assistant.captcha_answer(captcha))
    expired = assistant.say("act-expired", "expired@exemple.fr")
    assert "has expired" in text_of(expired) and "Start again" in buttons_of(expired)
    assistant.say("act-format", "I have my activation code")
    malformed = text_of(assistant.say("act-format", "abc"))
    assert "12 characters" in malformed and "not your password" in malformed
    good = code_for(assistant, "fresh@exemple.fr")
    wrong = good[:-1] + ("A" if good[-1] != "A" else "B")
    reply = attempt("act-wrong", wrong, "fresh@exemple.fr")
    assert "does not match this email address" in reply and "4 attempt(s) left" in reply
    assert "Enter the activation code" in reply  # the form asks again
    for _ in range(3):
        captcha = assistant.say("act-wrong", wrong)
        assistant.say("act-wrong", assistant.captcha_answer(captcha))
        reply = text_of(assistant.say("act-wrong", "fresh@exemple.fr"))
    captcha = assistant.say("act-wrong", wrong)
    assistant.say("act-wrong", assistant.captcha_answer(captcha))
    locked = text_of(assistant.say("act-wrong", "fresh@exemple.fr"))
    assert "Too many wrong codes" in locked and "try again after" in locked
    assert "Too many wrong codes" in attempt("act-locked", good, "fresh@exemple.fr")

    # A used code: activate an account made in this test, then try its code again.
    fresh.pre_register(RegistrationForm(email="used@exemple.fr", **form))
    code = code_for(assistant, "used@exemple.fr")
    assert re.search(r"\d{14}", attempt("act-used-1", code, "used@exemple.fr"))
    assert "already been used" in attempt("act-used-2", code, "used@exemple.fr")


def test_help_paths_and_support(assistant):
    assert "Spam" in text_of(assistant.say("help-1", "I didn't get the email"))
    expired = assistant.say("help-2", "mon code a expiré")
    assert "reprendre la procédure" in text_of(expired) and "Recommencer la création" in buttons_of(
        expired
    )
    support = text_of(assistant.say("help-3", "what is the support phone number?"))
    assert "0809 400 210" in support and (
        "open right now" in support or "closed right now" in support
    )
    off_topic = text_of(assistant.say("help-4", "tell me a joke"))
    assert "I cannot help with that" in off_topic and "expert mode" in off_topic


def test_an_faq_answer_is_selected_for_faq_questions_only(assistant):
    """pipeline/faq_answers.py: the selector's model runs for FAQ questions, not for the rest."""
    sender = "faq-only"
    assert "cabinet de gestion" in text_of(
        assistant.say(sender, "qui peut créer un espace professionnel ?")
    )
    assistant.say(sender, "Je veux créer mon espace professionnel")
    parsed = [e["parse_data"] for e in assistant.tracker(sender)["events"] if e["event"] == "user"]
    assert (
        parsed[0]["response_selector"]["faq"]["response"]["utter_action"] == "utter_faq/expert_mode"
    )
    assert (
        parsed[1]["intent"]["name"] == "start_registration" and "response_selector" not in parsed[1]
    )


def test_the_assistant_serves_captcha_images_and_audio_itself(assistant):
    import requests

    assistant.say("assets", "I want to create my account")
    captcha = assistant.say("assets", "/affirm")
    image_url = next(m["image"] for m in captcha if m.get("image"))
    image = requests.get(image_url, timeout=10)
    assert image.status_code == 200 and image.headers["Content-Type"] == "image/png"
    assert image.content.startswith(b"\x89PNG") and image.headers["Cache-Control"] == "no-store"
    audio = requests.get(image_url.replace("image.png", "audio.wav"), timeout=10)
    assert audio.status_code == 200 and audio.content[:4] == b"RIFF"
    # Once answered, the challenge is spent: its image is gone.
    assistant.say("assets", assistant.captcha_answer(captcha))
    assert requests.get(image_url, timeout=10).status_code == 404

    # Over REST the summary is a link, no file on the server; a link works only for the
    # conversation it was issued to, and nothing else under /summary/ is served.
    assert not list((assistant.home / "summaries").glob("**/*.pdf"))
    for bad in ("nope", "../../../etc/passwd", "A" * 43):
        assert (
            requests.get(
                f"{assistant.base_url}/webhooks/web/summary/{bad}",
                timeout=10,
                headers={"X-Conversation-Id": "fr-happy"},
            ).status_code
            == 404
        )


def test_no_password_nor_activation_code_in_the_stores_or_the_logs(assistant):
    import sqlite3

    from transcripts.store import REDACTED

    sender = "secrets"
    pre_register(
        assistant,
        sender,
        "secret.keeper@exemple.fr",
        "Je veux créer mon espace",
        "Marie Curie, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris",
        "1",
        "Polonium",
    )
    assistant.say(sender, "valider")
    assistant.say(sender, "/start_activation")
    captcha = assistant.say(sender, code_for(assistant, "secret.keeper@exemple.fr"))
    assistant.say(sender, assistant.captcha_answer(captcha))
    assert re.search(r"\d{14}", text_of(assistant.say(sender, "secret.keeper@exemple.fr")))

    # The configured store is the one in use (a store that fails to import falls back to memory).
    with sqlite3.connect(assistant.tracker_database) as db:
        texts = [
            row[0]
            for row in db.execute(
                "select json_extract(data, '$.text') from events where sender_id = ? and type_name = 'user'",
                (sender,),
            )
        ]
    assert texts.count(REDACTED) == 3  # password, its confirmation, the activation code
    assert "Marie Curie, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris" in texts

    codes = [activation_code_in(m) for m in read_messages(assistant.outbox)]
    stored = [
        *assistant.home.glob("tracker.db*"),
        *assistant.home.glob("accounts.db*"),  # and WALs
        assistant.home / "rasa.log",
        assistant.home / "actions.log",
    ]
    for path in stored:
        data = path.read_bytes()
        for secret in (PASSWORD, *codes):
            assert secret.encode() not in data, f"{secret} in {path.name}"
    # What the dialogue needs is still there: the slot holds the hash, never the text.
    assert all(t != PASSWORD for t in texts)


def test_restart_and_session_start_typed_by_hand_are_answered_in_the_same_language(assistant):
    sender = "en-restart"
    assistant.say(sender, "I want to create my account")
    restarted = text_of(assistant.say(sender, "/restart"))
    assert "Starting again from the beginning" in restarted
    assert not (assistant.tracker(sender).get("active_loop") or {}).get("name")
    assistant.say(sender, "I want to create my account")
    started = text_of(assistant.say(sender, "/session_start"))
    assert "Starting again from the beginning" in started
    assert "Do you acknowledge" in text_of(assistant.say(sender, "I want to create my account"))


@pytest.mark.parametrize(
    "body",
    [
        b"",
        b"[]",
        b"null",
        b"42",
        b'"text"',
        b"{",
        b'{"sender": 1, "message": "Bonjour"}',
        b'{"sender": "", "message": "Bonjour"}',
        b'{"sender": "x", "message": ["a"]}',
        b'{"sender": "x", "message": "Bonjour", "metadata": [1]}',
        b'{"sender": "' + b"s" * 256 + b'", "message": "Bonjour"}',
    ],
)
def test_a_malformed_request_gets_400_and_the_channel_goes_on(assistant, body):
    import requests

    url = f"{assistant.base_url}/webhooks/rest/webhook"
    refused = requests.post(
        url, data=body, headers={"Content-Type": "application/json"}, timeout=30
    )
    assert refused.status_code == 400
    assert "Bonjour" in text_of(assistant.say("after-malformed", "Bonjour"))
