"""Trust question and answer."""

import pytest

from account.rules import (
    DEFAULT_TRUST_QUESTION,
    TRUST_QUESTIONS,
    check_trust_answer,
    check_trust_question,
    trust_question_label,
)
from reading.trust_choice import read_trust_choice


def test_list_holds_the_seeds_questions_with_the_nickname_first():
    labels = [trust_question_label(code, "fr") for code in TRUST_QUESTIONS]
    assert labels[0] == "Quel est votre surnom ?"
    assert "Le prénom de votre conjoint(e) ?" in labels
    assert "Le nom de votre animal de compagnie ?" in labels
    assert trust_question_label(DEFAULT_TRUST_QUESTION, "fr") == "Quel est votre surnom ?"
    assert all(trust_question_label(code, "en") for code in TRUST_QUESTIONS)


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "nickname"),  # the form's default
        ("pet_name", "pet_name"),
        ("2", "partner_first_name"),
        ("Le prénom de votre conjoint(e) ?", "partner_first_name"),
        ("le prenom de votre conjoint(e)", "partner_first_name"),
        ("Your pet's name?", "pet_name"),
        ("what is your nickname", "nickname"),
    ],
)
def test_trust_question_by_code_position_or_label(raw, code):
    assert check_trust_question(raw).value == code


@pytest.mark.parametrize("raw", ["9", "0", "Votre couleur préférée ?"])
def test_unknown_trust_question_lists_the_choices_in_the_reader_language(raw):
    problem = check_trust_question(raw).problem
    assert problem.code == "trust_question.unknown"
    assert "Quel est votre surnom ?" in problem.text("fr")
    assert "What is your nickname?" in problem.text("en")
    assert "Quel est votre surnom ?" not in problem.text("en")


def test_trust_answer():
    assert check_trust_answer(" Paul ").value == "Paul"
    assert check_trust_answer("").problem.code == "trust_answer.required"
    assert check_trust_answer("x" * 101).problem.code == "trust_answer.invalid"
    assert (
        check_trust_answer("").problem.text("fr")
        == "La réponse à la question de confiance est obligatoire."
    )
    assert (
        check_trust_answer("").problem.text("en") == "The answer to the trust question is required."
    )


@pytest.mark.parametrize(
    "text, code",
    [
        ("le nom de mon animal", "pet_name"),
        ("my pet's name", "pet_name"),
        ("la question sur mon chien", "pet_name"),
        ("the first one", "nickname"),
        ("la première", "nickname"),
        ("mon surnom", "nickname"),
        ("2", "partner_first_name"),
        ("le prénom de ma femme", "partner_first_name"),
        ("ville de naissance", "birth_town"),
        ("where I was born", "birth_town"),
        ("the school one", "first_school"),
        ("ma première école", "first_school"),
        ("la dernière", "first_school"),
    ],
)
def test_a_choice_typed_in_words(text, code):
    assert read_trust_choice(text) == code


@pytest.mark.parametrize(
    "text",
    [
        "Médor",
        "Jean Moulin",
        "je ne sais pas",
        "",
        "Lycée Victor Hugo à Paris ouvert depuis longtemps et ancien",
    ],
)
def test_answers_are_no_choice(text):
    assert read_trust_choice(text) is None
