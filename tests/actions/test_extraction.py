"""What a message fills in the forms (pure functions of actions/extraction.py)."""

import pytest

from actions.extraction import (
    activation_answers,
    corrected_values,
    correction,
    registration_answers,
)

NOTHING_FILLED: dict = {}


def answers(requested, text, intent="inform", entities=None, filled=None):
    return registration_answers(requested, text, intent, entities or {}, filled or NOTHING_FILLED)


def test_the_issue_example_fills_the_form_from_the_surname_question():
    assert answers(
        "surname", "Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris"
    ) == {
        "first_name": "Lila",
        "surname": "Rosemonde",
        "phone": "01 23 45 67 89",
        "street_number": "12",
        "street_type": "rue",
        "street_name": "de Longchamp",
        "postcode": "75016",
        "city": "Paris",
        "complement": "",
        "country": "France",
    }


def test_values_read_in_passing_never_overwrite_given_ones():
    filled = {"surname": "ROSEMONDE", "first_name": "Lila"}
    assert answers("phone", "Jean Dupont, 06 12 34 56 78", filled=filled) == {
        "phone": "06 12 34 56 78"
    }


@pytest.mark.parametrize(
    "requested, text, expected",
    [
        ("surname", "De La Fontaine", {"surname": "De La Fontaine"}),
        ("city", "Saint Denis", {"city": "Saint Denis"}),
        ("complement", "Bâtiment B", {"complement": "Bâtiment B"}),
        ("street_number", "12", {"street_number": "12"}),
        (
            "street_number",
            "12 rue de Longchamp",
            {"street_number": "12", "street_type": "rue", "street_name": "de Longchamp"},
        ),
        ("login_email", "c'est lila@orange.fr", {"login_email": "lila@orange.fr"}),
        ("phone", "mon numéro : 01 23 45 67 89", {"phone": "01 23 45 67 89"}),
        ("country", "France", {"country": "France"}),
    ],
)
def test_one_answer(requested, text, expected):
    assert answers(requested, text) == expected


@pytest.mark.parametrize("requested", ["street_number", "complement", "postcode", "street_type"])
def test_optional_fields_can_be_skipped(requested):
    result = answers(requested, "passer", intent="skip")
    assert set(result.values()) == {""} and requested in result


def test_a_value_with_digits_is_never_dropped_by_a_skip_guess():
    assert answers("postcode", "SW1A 1AA", intent="skip") == {"postcode": "SW1A 1AA"}
    assert answers("street_number", "12 rue de Longchamp", intent="skip")["street_number"] == "12"


@pytest.mark.parametrize(
    "requested", ["surname", "first_name", "phone", "city", "country", "trust_answer"]
)
def test_required_fields_cannot_be_skipped(requested):
    # Empty, so that the rule answers "... est obligatoire" (it found "Passer" a fine first name).
    assert answers(requested, "passer", intent="skip") == {requested: ""}
    assert answers(requested, "skip", intent=None) == {requested: ""}


@pytest.mark.parametrize(
    "requested, text, guessed",
    [
        ("trust_answer", "Polonium", "out_of_scope"),
        ("trust_answer", "Max", "thank"),
        ("city", "Lyon", "faq"),
        ("surname", "Marie Curie, 01 23 45 67 89", "faq"),
        ("complement", "Bâtiment B", "greet"),
    ],
)
def test_a_short_answer_is_not_lost_to_a_wrong_guess_of_the_model(requested, text, guessed):
    assert answers(requested, text, intent=guessed)


@pytest.mark.parametrize(
    "text, intent",
    [
        ("annuler", "cancel"),
        ("in English please", "switch_language"),
        ("bonjour", "greet"),
        ("merci beaucoup", "thank"),
        ("délai ?", "faq"),
        ("what is expert mode", "faq"),
    ],
)
def test_real_interruptions(text, intent):
    assert answers("city", text, intent=intent) == {}


def test_interruptions_fill_nothing():
    assert answers("surname", "qu'est-ce que le mode expert ?", intent="faq") == {}
    assert answers("city", "annuler", intent="cancel") == {}


def test_a_password_is_never_parsed_nor_taken_for_a_question():
    assert answers("password", "0123456789Abcdefghijkl", intent="faq") == {
        "password": "0123456789Abcdefghijkl"
    }
    assert answers("password", "annuler", intent="cancel") == {}
    assert answers("password_confirmation", "Lila Rosemonde 0123456789") == {
        "password_confirmation": "Lila Rosemonde 0123456789"
    }


def test_terms_are_accepted_only_explicitly():
    assert answers("terms_accepted", "oui", intent="affirm") == {"terms_accepted": True}
    assert answers("terms_accepted", "bof") == {"terms_accepted": False}


def test_trust_question_from_a_button():
    assert answers(
        "trust_question",
        '/choose_trust_question{"trust_question": "pet_name"}',
        intent="choose_trust_question",
        entities={"trust_question": "pet_name"},
    ) == {"trust_question": "pet_name"}


def test_corrections_inside_the_form():
    given = {"phone": "+33123456789"}  # at the city question, the phone was given before
    assert answers(
        "city", "mon téléphone est 06 12 34 56 78", intent="change_field", filled=given
    ) == {"phone": "06 12 34 56 78"}
    assert answers("city", "I want to change my phone", intent="change_field", filled=given) == {
        "phone": None
    }


def test_a_correction_of_a_field_not_given_yet_is_an_answer():
    assert answers("surname", "my name is Lucie Marchand", intent="change_field") == {
        "first_name": "Lucie",
        "surname": "Marchand",
    }


def test_a_password_is_never_taken_from_a_correction_sentence():
    assert correction("change my password to Abcdefghijklmnop12345") == {
        "password": None,
        "password_confirmation": None,
    }
    assert correction("change my email") == {"login_email": None, "login_email_confirmation": None}
    assert correction("valider") == {}


def test_activation_answers():
    assert activation_answers("activation_code", " mHPstewGkBYj ", "inform") == {
        "activation_code": "mHPstewGkBYj"
    }
    assert activation_answers("activation_email", "it is ann@example.com", "inform") == {
        "activation_email": "ann@example.com"
    }
    assert activation_answers("activation_code", "what is the deadline?", "faq") == {}
    assert activation_answers(None, "hello", "greet") == {}


# Any message, at any question, with any intent the model may guess: extraction never raises and
# only ever fills slots of the forms.
from hypothesis import given  # noqa: E402
from hypothesis import settings as hypothesis_settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

from account.fields import FIELDS  # noqa: E402

REGISTRATION_SLOTS = FIELDS.required_slots("registration_form")


@hypothesis_settings(max_examples=400, deadline=None)
@given(
    st.sampled_from((None, *REGISTRATION_SLOTS)),
    st.text(max_size=300),
    st.sampled_from((None, "inform", "affirm", "deny", "cancel", "faq", "change_field", "skip")),
)
def test_extraction_never_raises_on_any_message(requested, text, intent):
    from actions.extraction import activation_answers, registration_answers

    answers = registration_answers(requested, text, intent, {}, {})
    assert set(answers) <= set(REGISTRATION_SLOTS) | {"requested_slot"}, answers
    activation_slots = ("activation_code", "activation_captcha", "activation_email")
    asked = activation_slots[len(text) % 3] if requested else None
    assert set(activation_answers(asked, text, intent)) <= set(activation_slots)


@pytest.mark.parametrize(
    "requested, text, intent, expected",
    [
        (
            "surname",
            "je m'appelle Marie Curie",
            "inform",
            {"first_name": "Marie", "surname": "Curie"},
        ),
        ("surname", "Marie Curie", "inform", {"first_name": "Marie", "surname": "Curie"}),
        ("surname", "CURIE Marie", "inform", {"first_name": "Marie", "surname": "CURIE"}),
        ("surname", "Le Gall", "inform", {"surname": "Le Gall"}),
        ("trust_question", "le nom de mon animal", "faq", {"trust_question": "pet_name"}),
        ("trust_question", "the first one", "inform", {"trust_question": "nickname"}),
        (
            "street_number",
            "7 Piccadilly",
            "inform",
            {"street_number": "7", "street_type": "", "street_name": "Piccadilly"},
        ),
        (
            "street_number",
            "Hauptstraße 12",
            "inform",
            {"street_number": "12", "street_type": "", "street_name": "Hauptstraße"},
        ),
    ],
)
def test_answers_as_people_type_them(requested, text, intent, expected):
    got = answers(requested, text, intent)
    assert {k: got[k] for k in expected} == expected


def test_a_correction_in_the_users_words_whatever_the_intent():
    filled = {**NOTHING_FILLED, "phone": "+33612345678", "city": "Lyon"}
    assert answers(
        "postcode", "finalement mon portable c'est le 06 11 22 33 44", "inform", filled=filled
    ) == {"phone": "06 11 22 33 44"}
    assert answers("trust_answer", "ma ville natale est Quimper", "inform", filled=filled) == {
        "trust_answer": "ma ville natale est Quimper"
    }


def test_the_code_inside_a_sentence():
    assert activation_answers("activation_code", "voici mon code : Ab3dEf7hJk9m", "inform") == {
        "activation_code": "Ab3dEf7hJk9m"
    }


def test_a_value_alone_at_the_summary_goes_to_its_field():
    filled = {**NOTHING_FILLED, "phone": "+33612345678", "login_email": "a@b.fr", "city": "Lyon"}
    assert corrected_values("06 11 22 33 44", filled) == {"phone": "06 11 22 33 44"}
    assert corrected_values("c@d.fr", filled) == {"login_email": "c@d.fr"}
    assert corrected_values("Lille", filled) == {}


def test_the_password_inside_a_sentence():
    assert answers("password", "mon mot de passe est Mphbawgsf25ynLitbm2023!") == {
        "password": "Mphbawgsf25ynLitbm2023!"
    }
    assert answers("password", "has spaces in it 1234567890") == {
        "password": "has spaces in it 1234567890"
    }
