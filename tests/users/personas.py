"""The simulated users: novices and experts, in French and in English, living in France,
Belgium, Switzerland, Germany, the United Kingdom and the United States, each with the detours
people take. Their identities and phrases were written blind (tests/users/HOW_WRITTEN.md)."""

from __future__ import annotations

from pathlib import Path

import yaml

from account.rules.address import check_country, country_name
from account.rules.person import check_phone, display_phone
from tests.users.simulator import Identity, Persona

IDENTITY_FILE = Path(__file__).with_name("identities.yml")


def _identity(values: dict[str, str]) -> Identity:
    """A person of identities.yml (written blind, HOW_WRITTEN.md), with what the summary shows:
    the phone as the phone rule displays it, the country's name in each language."""
    country = check_country(values["country"]).value
    return Identity(
        values["first_name"],
        values["surname"],
        values["phone"],
        values["street"],
        values["postcode"],
        values["city"],
        values["country"],
        display_phone(check_phone(values["phone"]).value),
        {language: country_name(country, language) for language in ("fr", "en")},
    )


IDENTITIES = {
    place: _identity(values)
    for place, values in yaml.safe_load(IDENTITY_FILE.read_text(encoding="utf-8")).items()
}
TRUST_CHOICES = (
    "trust_choice_pet",
    "trust_choice_school",
    "trust_choice_birth_town",
    "trust_choice_nickname",
    "trust_choice_partner",
    "trust_choice_first",
)
TRUST_ANSWERS = ("Caramel", "Ecole Jules Ferry", "Quimper", "Lulu", "Camille", "Titou")
# Detours, by the question at which they are taken.
DETOUR_PLANS = (
    {},
    {"phone": ["question_mid_form"], "summary": ["where_am_i"]},
    {"login_email_confirmation": ["repeat"], "trust_question": ["question_mid_form"]},
    {"offer_activation": ["human"], "first_name": ["chitchat"]},
    {"summary": ["correct_phone"]},
    {"summary": ["correct_postcode_no_value"]},
    {"terms": ["question_mid_form"], "summary": ["not_understood"]},
    {"city": ["where_am_i"], "offer_activation": ["repeat"]},
    {"phone": ["cancel"]},
    {"summary": ["correct_surname"]},
    {"trust_answer": ["human"], "summary": ["question_mid_form"]},
    {"offer_activation": ["not_understood", "question_mid_form"]},
    {"summary": ["correct_city"]},
    {"activation_code": ["question_mid_form"]},
    {"password_confirmation": ["where_am_i"]},
    {"summary": ["chitchat", "repeat"]},
)


def personas() -> list[Persona]:
    people = []
    places = list(IDENTITIES)
    for language in ("fr", "en"):
        for index, plan in enumerate(DETOUR_PLANS):
            place = places[(index + (3 if language == "en" else 0)) % len(places)]
            identity = IDENTITIES[place]
            expert = index % 2 == 0
            detours = {question: list(situations) for question, situations in plan.items()}
            wrong_first = {}
            if "correct_phone" in plan.get("summary", []):
                wrong_first["phone"] = "01 99 88 77 66"
            if "correct_postcode_no_value" in plan.get("summary", []):
                wrong_first["postcode"] = "99999" if place.startswith("fr") else "0000"
            if "correct_surname" in plan.get("summary", []):
                wrong_first["surname"] = identity.surname[:-1] + "z"
            if "correct_city" in plan.get("summary", []):
                wrong_first["city"] = "Lille"
            person = Persona(
                name=f"{language}-{index:02d}-{place}-{'expert' if expert else 'novice'}",
                language=language,
                identity=identity,
                email=f"{language}.{index}.{place}@cabinet-exemple.fr",
                expert=expert,
                trust_choice=TRUST_CHOICES[index % len(TRUST_CHOICES)],
                trust_answer=TRUST_ANSWERS[index % len(TRUST_ANSWERS)],
                detours=detours,
                wrong_first=wrong_first,
                activate_later=index in (3, 10),
                wrong_code_first=index in (5, 12),
                switch_language_at={2: "phone", 9: "trust_question"}.get(index),
                seed=index * 7 + (1 if language == "en" else 0),
            )
            people.append(person)
    return people
