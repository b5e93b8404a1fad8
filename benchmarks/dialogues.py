"""The dialogues the simulated users hold: a complete registration and activation with our
assistant, and the conversation `rasa init`'s bot was built for."""

from __future__ import annotations

import email
import email.policy
import re
from pathlib import Path
from typing import Callable

from benchmarks.load import DialogueFailed
from harness.dialogue import PASSWORD

SUBSCRIBER_NUMBER = re.compile(r"\b\d{14}\b")
CODE_LINE = re.compile(r"^([A-Za-z0-9]{12})\r?$", re.MULTILINE)
# One answer per message, as a user typing in the chat would give them.
DETAILS = [
    "Rosemonde",
    "Lila",
    "01 23 45 67 89",
    "12",
    "rue",
    "de Longchamp",
    "passer",
    "75016",
    "Paris",
    "France",
    '/choose_trust_question{"trust_question": "pet_name"}',
    "Bibi",
]
# Questions a user may ask once the account is open (the long conversation).
QUESTIONS = [
    "c'est quoi le mode expert ?",
    "merci",
    "combien d'entreprises puis-je gérer ?",
    "je n'ai pas reçu le courriel",
    "qui peut créer un espace professionnel ?",
    "merci",
]
REFERENCE_TURNS = ["hello", "great", "hi", "I am sad", "yes", "bye"]


def text_of(messages: list) -> str:
    return "\n".join(m.get("text", "") for m in messages)


def activation_code(outbox: Path, address: str) -> str:
    for path in sorted(outbox.glob("*.eml"), key=lambda p: p.stat().st_mtime, reverse=True):
        message = email.message_from_bytes(path.read_bytes(), policy=email.policy.default)
        if message["To"] == address:
            return CODE_LINE.search(message.get_content()).group(1)
    raise DialogueFailed(f"no activation e-mail for {address}")


def registration(captcha_answer: Callable[[list], str], outbox: Path):
    """Greeting, terms, CAPTCHA, e-mail and password twice, identity, address, trust question,
    confirmation, then activation with the e-mailed code: 25 turns."""

    def dialogue(say, sender: str) -> None:
        address = f"{sender}@exemple.fr"
        say("Bonjour")
        say("Je veux créer mon espace professionnel")
        captcha = say("/affirm")
        for typed in (captcha_answer(captcha), address, address, PASSWORD, PASSWORD, *DETAILS):
            say(typed)
        confirmed = text_of(say("valider"))
        if address not in confirmed:
            raise DialogueFailed(f"not pre-registered: {confirmed[:120]!r}")
        say("/start_activation")
        captcha = say(activation_code(outbox, address))
        say(captcha_answer(captcha))
        done = text_of(say(address))
        if not SUBSCRIBER_NUMBER.search(done):
            raise DialogueFailed(f"no subscriber number: {done[:120]!r}")

    return dialogue


def long_registration(captcha_answer, outbox: Path, turns: int):
    """A registration, then questions until the conversation has `turns` turns."""
    register = registration(captcha_answer, outbox)

    def dialogue(say, sender: str) -> None:
        count = 0

        def counted(text: str) -> list:
            nonlocal count
            count += 1
            return say(text)

        register(counted, sender)
        while count < turns:
            counted(QUESTIONS[count % len(QUESTIONS)])

    return dialogue


def reference(repeats: int = 1):
    """`rasa init`'s bot: greeting, mood, cheer-up picture, goodbye."""

    def dialogue(say, sender: str) -> None:
        for _ in range(repeats):
            for text in REFERENCE_TURNS:
                say(text)

    return dialogue
