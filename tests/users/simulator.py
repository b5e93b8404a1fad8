"""A simulated user: reads what the assistant asks, answers it in words drawn from phrase pools
that are not in the training data (pools.yml, written apart from data/), and takes the detours
its persona plans (questions mid-form, corrections, cancel, a wrong code, a language switch...).

It recognises the question the way a person does, from the assistant's words, and never clicks
a button: every answer is typed.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import yaml

from account.i18n import LANGUAGES

POOLS = yaml.safe_load((Path(__file__).parent / "pools.yml").read_text(encoding="utf-8"))

# What the assistant asks, recognised by its words in each language (the last one in a reply
# is the question being asked).
QUESTIONS = {
    "terms": ("Reconnaissez-vous avoir pris connaissance", "Do you acknowledge that you have read"),
    "captcha": ("Recopiez les 6 caractères", "Type the 6 characters"),
    "login_email": ("Quelle adresse électronique de connexion", "Which login email address"),
    "login_email_confirmation": (
        "Confirmez l'adresse électronique",
        "confirm the login email address",
    ),
    "password": ("Choisissez votre mot de passe", "Choose your login password"),
    "password_confirmation": ("Confirmez votre mot de passe", "confirm your password"),
    "surname": ("Quel est votre nom ?", "What is your surname?"),
    "first_name": ("Quel est votre prénom", "What is your first name"),
    "phone": ("Quel est votre numéro de téléphone", "What is your telephone number"),
    "street": ("Quelle est votre adresse", "What is your address"),
    "street_type": ("Quelle est la nature de la voie", "What type of street"),
    "street_name": ("Quel est le libellé de la voie", "What is the street name"),
    "complement": ("Un complément d'adresse", "Any address complement"),
    "postcode": ("Quel est votre code postal", "What is your postcode"),
    "city": ("Quelle est votre ville", "What is your city"),
    "country": ("Quel est votre pays", "What is your country"),
    "trust_question": ("Choisissez votre question de confiance", "Choose your trust question"),
    "trust_answer": ("Votre réponse à la question", "Your answer to the question"),
    "summary": ("Récapitulatif de votre inscription", "Summary of your registration"),
    "summary_again": ("Le récapitulatif ci-dessus est-il exact", "Is the summary above correct"),
    "which_field": ("Quel champ voulez-vous modifier", "Which field do you want to change"),
    "cancel": ("Voulez-vous vraiment abandonner", "Do you really want to give up"),
    "offer_activation": ("activer votre espace maintenant", "activate your account now"),
    "activation_code": ("Saisissez le code d'activation", "Enter the activation code"),
    "activation_email": (
        "Saisissez votre adresse électronique de connexion",
        "Enter your login email address",
    ),
    "activated": ("sous le numéro", "under the number"),
    "menu": ("Que souhaitez-vous faire", "What would you like to do"),
    "offer_registration": (
        "Voulez-vous créer votre espace professionnel maintenant",
        "Would you like to set up your professional account now",
    ),
    "clarify": ("Vouliez-vous dire", "Did you mean"),
}
LANGUAGE_OF = {"fr": 0, "en": 1}
SUMMARY_LINES = {
    "fr": {
        "surname": "Nom",
        "first_name": "Prénom",
        "phone": "Téléphone",
        "login_email": "Adresse électronique de connexion",
        "street_number": "Numéro de voie",
        "street_type": "Nature de la voie",
        "street_name": "Libellé de la voie",
        "complement": "Complément d'adresse",
        "postcode": "Code postal",
        "city": "Ville",
        "country": "Pays",
        "trust_answer": "Réponse à la question de confiance",
        "trust_question": "Question de confiance",
    },
    "en": {
        "surname": "Surname",
        "first_name": "First name",
        "phone": "Telephone",
        "login_email": "Login email address",
        "street_number": "Street number",
        "street_type": "Street type",
        "street_name": "Street name",
        "complement": "Address complement",
        "postcode": "Postcode",
        "city": "City",
        "country": "Country",
        "trust_answer": "Answer to the trust question",
        "trust_question": "Trust question",
    },
}
FIELD_WORDS = {
    "phone": ("le téléphone", "the phone number"),
    "surname": ("le nom", "my surname"),
    "city": ("la ville", "the city"),
    "postcode": ("le code postal", "the postcode"),
    "email": ("l'adresse mail", "the email address"),
}
# How a user corrects each field of the summary (situations of the pools).
CORRECTIONS = {
    "surname": "correct_surname",
    "phone": "correct_phone",
    "city": "correct_city",
    "postcode": "correct_postcode_no_value",
}
MAX_CORRECTIONS = 3
MAX_TURNS = 60
MAX_SAME_QUESTION = 4  # asked that many times in a row without progress: the user is stuck


class Stuck(AssertionError):
    pass


def asked(messages: list[dict], language: str) -> str | None:
    """The question of the assistant's reply: the last one recognised in its words."""
    text = "\n".join(m.get("text") or "" for m in messages)
    found = []
    for name, words in QUESTIONS.items():
        for phrase in words:
            position = text.rfind(phrase)
            if position >= 0:
                found.append((position + len(phrase), name))
    return max(found)[1] if found else None


def summary_fields(text: str, language: str) -> dict[str, str]:
    values = {}
    for field_name, label in SUMMARY_LINES[language].items():
        match = re.search(rf"^\s*{re.escape(label)}\s?: ?(.*)$", text, re.MULTILINE)
        if match:
            values[field_name] = match.group(1).strip()
    return values


def other_language(language: str) -> str:
    """The other of the assistant's two languages."""
    return next(other for other in LANGUAGES if other != language)


@dataclass
class Identity:
    first_name: str
    surname: str
    phone: str
    street: str
    postcode: str
    city: str
    country: str
    phone_shown: str  # as the summary shows it
    country_shown: dict[str, str]  # as the summary shows it, by language


@dataclass
class Persona:
    """Who the user is and what they will do, apart from answering what is asked."""

    name: str
    language: str
    identity: Identity
    email: str
    expert: bool  # gives identity, phone and address in one message
    trust_choice: str = "trust_choice_pet"  # a situation of the pools
    trust_answer: str = "Caramel"
    detours: dict[str, list[str]] = field(default_factory=dict)  # question -> situations, in order
    wrong_first: dict[str, str] = field(default_factory=dict)  # field -> wrong value typed first
    activate_later: bool = False  # then comes back in a new conversation
    wrong_code_first: bool = False
    switch_language_at: str | None = None  # question at which the user switches language
    seed: int = 0


@dataclass
class Outcome:
    persona: Persona
    turns: int = 0
    completed: bool = False
    subscriber_number: str | None = None
    summary: dict[str, str] = field(default_factory=dict)
    transcript: list[tuple[str, str]] = field(default_factory=list)


class SimulatedUser:
    def __init__(
        self,
        persona: Persona,
        say: Callable[[str, str], list[dict]],
        captcha_answer: Callable[[list[dict]], str],
        code_for: Callable[[str], str],
        password: str,
    ):
        self.persona = persona
        self.say_to = say
        self.captcha_answer = captcha_answer
        self.code_for = code_for
        self.password = password
        self.random = random.Random(persona.seed)
        self.language = persona.language
        self.sender = f"user-{persona.name}"
        self.detours = {key: list(value) for key, value in persona.detours.items()}
        self.wrong_first = dict(persona.wrong_first)
        self.outcome = Outcome(persona)
        self.last_reply: list[dict] = []
        self.code_tries = 0
        self.last_situation: tuple[str, dict] = ("yes", {})
        self.corrections_left = MAX_CORRECTIONS

    # Phrasing ----------------------------------------------------------------------------------
    def phrase(self, situation: str, **values: str) -> str:
        self.last_situation = (situation, values)
        pool = POOLS[situation].get(self.language) or next(iter(POOLS[situation].values()))
        identity = self.persona.identity
        defaults = {
            "first_name": identity.first_name,
            "surname": identity.surname,
            "phone": identity.phone,
            "street": identity.street,
            "postcode": identity.postcode,
            "city": identity.city,
            "country": identity.country,
            "email": self.persona.email,
        }
        defaults.update(values)
        return self.random.choice(pool).format(**defaults)

    def say(self, text: str) -> list[dict]:
        self.outcome.turns += 1
        if self.outcome.turns > MAX_TURNS:
            raise Stuck(f"{self.persona.name}: more than {MAX_TURNS} messages")
        reply = self.say_to(self.sender, text)
        shown = "\n".join(m.get("text") or "" for m in reply)
        self.outcome.transcript.append((text, shown))
        if QUESTIONS["summary"][LANGUAGE_OF[self.language]] in shown:
            self.outcome.summary = summary_fields(shown, self.language)  # the last one shown
        self.last_reply = reply
        return reply

    # The conversation ----------------------------------------------------------------------
    def run(self) -> Outcome:
        opening = "open_register_expert" if self.persona.expert else "open_register_novice"
        reply = self.say(self.phrase(opening))
        previous, repeats = None, 0
        while True:
            question = asked(reply, self.language)
            if question == "activated":
                self.finish(reply)
                return self.outcome
            repeats = repeats + 1 if question == previous else 0
            if repeats >= MAX_SAME_QUESTION:
                raise Stuck(
                    f"{self.persona.name}: asked {question!r} again and again:\n"
                    + self.transcript_text()
                )
            previous = question
            reply = self.answer(question, reply)

    def answer(self, question: str | None, reply: list[dict]) -> list[dict]:
        if question is None:
            raise Stuck(f"{self.persona.name}: no question recognised:\n{self.transcript_text()}")
        if self.persona.switch_language_at == question:
            self.persona.switch_language_at = None
            # Asked in the language the user is leaving (the pools hold it there).
            request = self.phrase("switch_to_en" if self.language == "fr" else "switch_to_fr")
            self.language = other_language(self.language)
            switched = self.say(request)
            assert asked(switched, self.language) == question, (
                f"{self.persona.name}: after the language switch, not the same question\n{self.transcript_text()}"
            )
            return switched
        detours = self.detours.get(question)
        if detours:
            return self.detour(question, detours.pop(0))
        return self.say(self.reply_to(question, reply))

    def detour(self, question: str, situation: str) -> list[dict]:
        """Questions, repeat, where-am-I, chitchat...: the same question must come back."""
        if situation.startswith("correct_"):
            return self.say(self.correction(situation))
        if situation == "cancel":
            self.say(self.phrase("cancel"))
            self.say(self.phrase("yes"))
            return self.say(self.phrase("start_again"))
        reply = self.say(self.phrase(situation))
        again = asked(reply, self.language)
        same = {
            question,
            "summary" if question == "summary_again" else question,
            "summary_again" if question == "summary" else question,
        }
        assert again in same, (
            f"{self.persona.name}: after {situation!r} at {question!r}, "
            f"the assistant asked {again!r}\n{self.transcript_text()}"
        )
        return reply

    def correction(self, situation: str) -> str:
        field_name = situation.removeprefix("correct_").removesuffix("_no_value")
        value = getattr(self.persona.identity, field_name, None) or self.persona.email
        return self.phrase(situation, **{field_name: value})

    def typed(self, field_name: str, right: str) -> str:
        """The value typed for a field: a wrong one first if the persona makes that mistake."""
        return self.wrong_first.pop(field_name, right)

    def reply_to(self, question: str, reply: list[dict]) -> str:
        identity = self.persona.identity
        if question in ("terms",):
            return self.phrase(self.random.choice(["accept_terms", "yes"]))
        if question == "captcha":
            return self.captcha_answer(reply)
        if question in ("login_email", "login_email_confirmation"):
            return self.phrase("email_answer")
        if question in ("password", "password_confirmation"):
            return self.password
        if question == "surname":
            if self.persona.expert:
                return self.phrase(
                    "identity_one_message",
                    phone=self.typed("phone", identity.phone),
                    postcode=self.typed("postcode", identity.postcode),
                    surname=self.typed("surname", identity.surname),
                    city=self.typed("city", identity.city),
                )
            return self.phrase("name_only", surname=self.typed("surname", identity.surname))
        if question == "first_name":
            return identity.first_name
        if question == "phone":
            return self.typed("phone", identity.phone)
        if question == "street":
            return (
                f"{identity.street}, {self.typed('postcode', identity.postcode)} "
                f"{self.typed('city', identity.city)}"
            )
        if question in ("street_type", "street_name", "complement"):
            return self.phrase("skip")
        if question == "postcode":
            return self.typed("postcode", identity.postcode)
        if question == "city":
            return self.typed("city", identity.city)
        if question == "country":
            return identity.country
        if question == "trust_question":
            return self.phrase(self.persona.trust_choice)
        if question == "trust_answer":
            return self.persona.trust_answer
        if question in ("summary", "summary_again"):
            wrong = self.misread_field()
            if wrong and self.corrections_left:
                # A person reads the summary before confirming, and corrects what is wrong.
                self.corrections_left -= 1
                return self.correction(CORRECTIONS[wrong])
            return self.phrase("confirm_summary")
        if question == "which_field":  # names the field it was correcting, in words
            situation = self.last_situation[0]
            field_name = situation.removeprefix("correct_").removesuffix("_no_value")
            words = FIELD_WORDS.get(field_name)
            if not words:
                raise Stuck(f"{self.persona.name}: asked which field\n{self.transcript_text()}")
            return words[LANGUAGE_OF[self.language]]
        if question == "cancel":
            return self.phrase("no")
        if question == "offer_activation":
            if self.persona.activate_later:
                self.say(self.phrase("activate_later"))
                self.sender += "-later"  # comes back another day, in a new conversation
                return self.phrase("open_activate")
            return self.phrase(self.random.choice(["activate_now", "yes"]))
        if question == "activation_code":
            self.code_tries += 1
            code = self.code_for(self.persona.email)
            if self.persona.wrong_code_first and self.code_tries == 1:
                code = code[::-1] if code[::-1] != code else code.swapcase()
            return self.phrase("give_code", code=code)
        if question == "activation_email":
            return self.phrase("email_answer")
        if question == "clarify":  # "did you mean A or B?": the user says it again otherwise
            situation, values = self.last_situation
            return self.phrase(situation, **values)
        if question in ("menu", "offer_registration"):
            return self.phrase("open_register_expert")
        raise Stuck(f"{self.persona.name}: no answer for {question!r}")

    def expected_summary(self) -> dict[str, str]:
        identity = self.persona.identity
        return {
            "surname": identity.surname.upper(),
            "phone": identity.phone_shown,
            "postcode": identity.postcode.upper(),
            "city": identity.city,
        }

    def misread_field(self) -> str | None:
        """The first field of the summary that is not what this user meant, if any."""
        shown = self.outcome.summary
        return next(
            (
                name
                for name, value in self.expected_summary().items()
                if name in shown and shown[name] != value
            ),
            None,
        )

    def finish(self, reply: list[dict]) -> None:
        text = "\n".join(m.get("text") or "" for m in reply)
        self.outcome.subscriber_number = re.search(r"\b(\d{14})\b", text).group(1)
        self.outcome.completed = True

    def transcript_text(self, last: int | None = 8) -> str:
        turns = self.outcome.transcript[-last:] if last else self.outcome.transcript
        return "\n".join(f"> {said}\n{shown}" for said, shown in turns)
