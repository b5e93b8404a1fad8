"""The simulated users written blind (tests/blind/users.yml, docs/evaluation.md): each person
types their own words at each question, takes the detours they planned, and is checked as a user
would judge the assistant:
- every field of the first summary shown is what they meant (no self-correction: a misread field
  fails), the trust question is the one they named, a typo they made is corrected by their own
  correction sentence;
- a detour gets its answer: the FAQ's own answer, the hotline for a person, the step for "where
  am I?", never "not understood", never "which field?" after a correction naming the field;
- the same question is never asked a third time (a re-ask after a detour is no repetition).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import phonenumbers
import yaml

from account.i18n import variation_language
from account.rules.address import country_name
from account.rules.text import fold
from account.rules.trust import trust_question_label
from tests.users.simulator import LANGUAGE_OF, QUESTIONS, asked, other_language, summary_fields

ROOT = Path(__file__).resolve().parents[2]
USERS = ROOT / "tests" / "blind" / "users.yml"
MAX_MESSAGES = 70
NOT_UNDERSTOOD = ("Je n'ai pas compris", "I did not understand")
WHICH_FIELD = QUESTIONS["which_field"]
CLARIFY = QUESTIONS["clarify"]
# What the assistant shows for a person (the hotline) and for "where am I?", in each language.
SUPPORT_WORDS = ("Assistance aux usagers", "Support for online procedure users")
PROGRESS_WORDS = ("Vous en êtes à", "You are at")
# The blind file's question names -> the simulator's.
DETOUR_AT = {"address": "street", "terms": "terms", "summary": "summary"}


def blind_users() -> list[dict]:
    return yaml.safe_load(USERS.read_text(encoding="utf-8"))["users"]


def faq_openings() -> dict[str, tuple[str, str]]:
    """Each FAQ answer's opening words (before any placeholder), in French and in English."""
    domain = yaml.safe_load((ROOT / "domain.yml").read_text(encoding="utf-8"))
    openings = {}
    for name, variants in domain["responses"].items():
        if name.startswith("utter_faq/"):
            texts = {"fr": None, "en": None}
            for variant in variants:
                language = variation_language(variant)
                texts[language] = " ".join(variant["text"].split("{")[0].split())[:40]
            openings[name.removeprefix("utter_faq/")] = (texts["fr"], texts["en"])
    return openings


class Failed(AssertionError):
    pass


@dataclass
class Outcome:
    user: dict
    completed: bool = False
    subscriber_number: str | None = None
    failure: str | None = None
    turns: int = 0
    first_summary: dict[str, str] = field(default_factory=dict)
    last_summary: dict[str, str] = field(default_factory=dict)
    transcript: list[tuple[str, str]] = field(default_factory=list)


def expected_summary(user: dict, language: str) -> dict[str, str]:
    """What the summary must show for what this user meant (compared by `same`)."""
    values = {
        "surname": user["surname"],
        "first_name": user["first_name"],
        "phone": user["phone"],
        "city": user["city"],
        "country": country_name(user["country_code"], language),
        "login_email": user["email"],
        "trust_answer": user["trust_answer"],
        "trust_question": trust_question_label(user["trust_question"], language),
    }
    if user.get("postcode"):
        values["postcode"] = user["postcode"]
    return values


# France and its overseas departments share one numbering plan (dialled with a 0 in France).
FRENCH_NUMBERING = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")


def _phone(value: str, region: str) -> str | None:
    try:
        number = phonenumbers.parse(value, region)
    except phonenumbers.NumberParseException:
        return None
    if region in FRENCH_NUMBERING and not phonenumbers.is_valid_number(number):
        return None  # "0696 ..." is not a number of metropolitan France
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def _postcode(value: str) -> str:
    """ "L-1234" and "1234", "CH-1204" and "1204" are the same postcode."""
    return re.sub(r"^[A-Z]{1,3}-", "", value.upper()).replace(" ", "")


def same(name: str, shown: str | None, meant: str, user: dict) -> bool:
    if shown is None:
        return False
    if name == "phone":
        # A number of France overseas is shown as dialled in France ("0696 12 34 56").
        regions = (*FRENCH_NUMBERING, user["country_code"])
        return _phone(meant, user["country_code"]) in {_phone(shown, r) for r in regions}
    if name == "postcode":
        return _postcode(shown) == _postcode(meant)
    if name == "city" and user["country_code"] == "US":
        # The form has no state field: "Austin, TX" is kept whole in the city (reading/addresses.py).
        shown = re.sub(r"\s+[A-Z]{2}$", "", shown)
    if name in ("trust_answer", "login_email"):
        return shown.strip() == meant.strip() or (
            name == "login_email" and shown.casefold() == meant.casefold()
        )
    return fold(shown).replace("’", "'") == fold(meant).replace("’", "'")


def _words(value: str) -> set[str]:
    return set(re.findall(r"\w+", fold(value)))


class BlindUser:
    def __init__(
        self,
        user: dict,
        say: Callable[[str, str], list[dict]],
        captcha_answer: Callable[[list[dict]], str],
        code_for: Callable[[str], str],
        password: str,
    ):
        self.user = user
        self.say_to = say
        self.captcha_answer = captcha_answer
        self.code_for = code_for
        self.password = password
        self.language = user["language"]
        self.says = dict(user["says"])
        self.sender = f"blind-{user['id']}"
        self.detours = list(user.get("detours") or [])
        self.typo = dict(user["typo"]) if user.get("typo") else None
        self.outcome = Outcome(user)
        self.faq = faq_openings()
        self.asks: dict[str, int] = {}
        self.corrected = False

    # Talking -----------------------------------------------------------------------------------
    def say(self, text: str) -> list[dict]:
        self.outcome.turns += 1
        if self.outcome.turns > MAX_MESSAGES:
            self.fail(f"more than {MAX_MESSAGES} messages")
        reply = self.say_to(self.sender, text)
        shown = "\n".join(m.get("text") or "" for m in reply)
        self.outcome.transcript.append((text, shown))
        if QUESTIONS["summary"][LANGUAGE_OF[self.language]] in shown:
            summary = summary_fields(shown, self.language)
            if not self.outcome.first_summary:
                self.outcome.first_summary = summary
            self.outcome.last_summary = summary
        return reply

    def fail(self, why: str) -> None:
        raise Failed(f"{self.user['id']}: {why}\n{self.transcript_text()}")

    def transcript_text(self, last: int | None = 10) -> str:
        turns = self.outcome.transcript[-last:] if last else self.outcome.transcript
        return "\n".join(f"> {said}\n{shown}" for said, shown in turns)

    # The conversation ------------------------------------------------------------------------
    def run(self) -> Outcome:
        try:
            self._run()
        except Failed as failure:
            self.outcome.failure = str(failure)
        return self.outcome

    def _run(self) -> None:
        reply = self.say(self.says["opening"])
        while True:
            question = asked(reply, self.language)
            if question == "activated":
                self.finish(reply)
                return
            if question in ("clarify", "which_field", "menu") or question is None:
                self.fail(f"the assistant asked {question!r} instead of going on")
            self.count_ask(question)
            detour = self.next_detour(question)
            reply = self.detour(question, detour) if detour else self.answer(question, reply)

    def count_ask(self, question: str) -> None:
        key = "summary" if question == "summary_again" else question
        self.asks[key] = self.asks.get(key, 0) + 1
        if self.asks[key] >= 3:
            self.fail(f"{question!r} asked a third time without progress")

    def progressed(self, question: str) -> None:
        """A re-ask after a detour is the assistant resuming, not a repetition."""
        key = "summary" if question == "summary_again" else question
        self.asks[key] = max(0, self.asks.get(key, 0) - 1)

    def next_detour(self, question: str) -> dict | None:
        for detour in self.detours:
            if DETOUR_AT.get(detour["at"], detour["at"]) == question or (
                detour["at"] == "summary" and question == "summary_again"
            ):
                if detour["kind"] == "correction" and not self.typo:
                    continue
                self.detours.remove(detour)
                return detour
        return None

    def detour(self, question: str, detour: dict) -> list[dict]:
        kind = detour["kind"]
        text = detour["text"]
        if kind == "correction":
            self.check_summary(before_correction=True)
        reply = self.say(text)
        shown = "\n".join(m.get("text") or "" for m in reply)
        if (
            any(phrase in shown for phrase in NOT_UNDERSTOOD)
            or CLARIFY[0] in shown
            or (CLARIFY[1] in shown)
        ):
            self.fail(f"the {kind} detour {text!r} was not understood")
        if kind == "correction":
            if any(phrase in shown for phrase in WHICH_FIELD):
                self.fail(f"the correction {text!r} got 'which field?'")
            self.typo = None
            self.corrected = True
            return reply
        if kind == "switch_language":
            self.language = other_language(self.language)
            self.says = dict(self.user.get("says_other_language") or self.says)
        elif kind == "faq":
            opening = self.faq[detour["faq"]][LANGUAGE_OF[self.language]]
            if opening not in " ".join(shown.split()):
                self.fail(f"the FAQ question {text!r} did not get the {detour['faq']} answer")
        elif kind == "support" and not any(w in shown for w in SUPPORT_WORDS):
            self.fail(f"asking for a person {text!r} did not get the hotline")
        elif kind == "where_am_i" and not any(w in shown for w in PROGRESS_WORDS):
            self.fail(f"'where am I?' {text!r} did not get the step")
        again = asked(reply, self.language)
        if again not in (question, "summary_again" if question == "summary" else question):
            self.fail(f"after the {kind} detour at {question!r}, the assistant asked {again!r}")
        self.progressed(question)
        return reply

    def typed(self, field_name: str, message: str) -> str:
        """The user's message with their typo in it, the first time they type that field."""
        if self.typo and self.typo["field"] == field_name and not self.typo.get("typed_once"):
            right = str(self.user[field_name])
            if right in message:
                self.typo["typed_once"] = True
                return message.replace(right, self.typo["typed"])
        return message

    def answer(self, question: str, reply: list[dict]) -> list[dict]:
        says, user = self.says, self.user
        if question == "offer_registration":  # they say again what they came for
            return self.say(says["opening"])
        if question == "terms":
            return self.say(says["accept_terms"])
        if question == "captcha":
            return self.say(self.captcha_answer(reply))
        if question == "login_email":
            return self.say(says["email"])
        if question == "login_email_confirmation":
            return self.say(says["email_again"])
        if question in ("password", "password_confirmation"):
            return self.say(self.password)
        if question == "surname":
            if user.get("all_at_once") and says.get("all_at_once") and not self.asks.get("_all"):
                self.asks["_all"] = 1
                message = says["all_at_once"]
                for name in ("surname", "first_name", "phone", "postcode", "city"):
                    message = self.typed(name, message)
                return self.say(message)
            return self.say(self.typed("surname", says["surname"]))
        if question == "first_name":
            return self.say(self.typed("first_name", says["first_name"]))
        if question == "phone":
            return self.say(self.typed("phone", says["phone"]))
        if question in ("street", "street_type", "street_name"):
            message = says["address"] if question == "street" else user["street"]
            for name in ("postcode", "city"):
                message = self.typed(name, message)
            return self.say(message)
        if question == "complement":
            return self.say(says["complement"])
        if question == "postcode":
            if not user.get("postcode"):
                self.fail("asked for a postcode where there is none")
            return self.say(self.typed("postcode", str(user["postcode"])))
        if question == "city":
            return self.say(self.typed("city", user["city"]))
        if question == "country":
            return self.say(user["country"])
        if question == "trust_question":
            return self.say(says["trust_choice"])
        if question == "trust_answer":
            return self.say(says["trust_answer"])
        if question in ("summary", "summary_again"):
            self.check_summary()
            return self.say(says["confirm_summary"])
        if question == "offer_activation":
            later = user.get("activate_later")
            if later and not self.asks.get("_later"):
                self.asks["_later"] = 1
                self.say(later["later"])
                self.sender += "-later"  # comes back another day, in a new conversation
                self.asks = {"_later": 1}
                return self.say(later["comeback"])
            return self.say(says["activate_now"] or "")
        if question == "activation_code":
            return self.say(says["give_code"].replace("{code}", self.code_for(user["email"])))
        if question == "activation_email":
            return self.say(says["email"])
        if question == "cancel":
            self.fail("the assistant asked whether to give up")
        self.fail(f"no answer planned for {question!r}")
        raise AssertionError  # unreachable

    def check_summary(self, before_correction: bool = False) -> None:
        """A person reads the summary before confirming: anything misread is a failure (their
        own typo excepted, which their correction detour fixes)."""
        shown = self.outcome.last_summary
        meant = expected_summary(self.user, self.language)
        typo_field = self.typo["field"] if self.typo else None
        for name, value in meant.items():
            if name == typo_field:
                continue
            if not same(name, shown.get(name), value, self.user):
                self.fail(f"the summary shows {name} = {shown.get(name)!r}, meant {value!r}")
        street = " ".join(shown.get(k, "") for k in ("street_number", "street_type", "street_name"))
        if _words(street) != _words(self.user["street"]):
            self.fail(f"the summary shows the street {street!r}, meant {self.user['street']!r}")
        if self.typo and not before_correction:
            self.fail(f"the typo in {typo_field} was not corrected before the summary")

    def finish(self, reply: list[dict]) -> None:
        text = "\n".join(m.get("text") or "" for m in reply)
        found = re.search(r"\b(\d{14})\b", text)
        if not found:
            self.fail("no subscriber number")
        self.outcome.subscriber_number = found.group(1)
        self.outcome.completed = True
