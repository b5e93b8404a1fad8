"""The simulated users: novices and experts, in French and in English, living in France,
Belgium, Switzerland, Germany, the United Kingdom and the United States, each with the detours
people take."""

from __future__ import annotations

from tests.users.simulator import Identity, Persona

IDENTITIES = {
    "fr": Identity(
        "Lucie",
        "Marchand",
        "06 12 34 56 78",
        "14 rue des Tanneurs",
        "67000",
        "Strasbourg",
        "France",
        "06 12 34 56 78",
        {"fr": "FRANCE", "en": "FRANCE"},
    ),
    "fr2": Identity(
        "Mathieu",
        "Girard",
        "04 78 12 34 56",
        "3 bis avenue Jean Jaurès",
        "69007",
        "Lyon",
        "France",
        "04 78 12 34 56",
        {"fr": "FRANCE", "en": "FRANCE"},
    ),
    "be": Identity(
        "Pieter",
        "Janssens",
        "+32 2 512 34 56",
        "Rue de la Loi 16",
        "1000",
        "Bruxelles",
        "Belgique",
        "+32 2 512 34 56",
        {"fr": "BELGIQUE", "en": "BELGIUM"},
    ),
    "ch": Identity(
        "Anna",
        "Keller",
        "+41 44 668 18 00",
        "Bahnhofstrasse 10",
        "8001",
        "Zürich",
        "Suisse",
        "+41 44 668 18 00",
        {"fr": "SUISSE", "en": "SWITZERLAND"},
    ),
    "de": Identity(
        "Jonas",
        "Weber",
        "+49 30 901820",
        "Hauptstraße 12",
        "10115",
        "Berlin",
        "Germany",
        "+49 30 901820",
        {"fr": "ALLEMAGNE", "en": "GERMANY"},
    ),
    "uk": Identity(
        "Sarah",
        "Jones",
        "+44 20 7946 0000",
        "10 Downing Street",
        "SW1A 2AA",
        "London",
        "United Kingdom",
        "+44 20 7946 0000",
        {"fr": "ROYAUME-UNI", "en": "UNITED KINGDOM"},
    ),
    "uk2": Identity(
        "Oliver",
        "Hughes",
        "+44 20 7946 0123",
        "7 Piccadilly",
        "W1J 9LL",
        "London",
        "UK",
        "+44 20 7946 0123",
        {"fr": "ROYAUME-UNI", "en": "UNITED KINGDOM"},
    ),
    "us": Identity(
        "Michael",
        "Brown",
        "+1 202 456 1111",
        "1600 Pennsylvania Ave NW",
        "20500",
        "Washington",
        "United States",
        "+1 202-456-1111",
        {"fr": "ÉTATS-UNIS", "en": "UNITED STATES"},
    ),
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
