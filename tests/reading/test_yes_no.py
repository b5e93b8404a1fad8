"""A typed yes or no, in French or in English (reading/yes_no.py)."""

import pytest
from hypothesis import given
from hypothesis import strategies as st

from reading.yes_no import read_yes_no


@pytest.mark.parametrize(
    "text",
    [
        "oui",
        "Oui !",
        "ouais",
        "oui je veux bien",
        "d'accord",
        "D’accord, merci",
        "ok",
        "okay",
        "volontiers",
        "bien sûr",
        "oui s'il vous plaît",
        "carrément",
        "allons-y",
        "c'est parti",
        "yes",
        "yes please",
        "sure",
        "Sure, go ahead",
        "go ahead",
        "yep",
        "of course",
        "why not",
        "let's do it",
        "I agree",
        "I accept",
        "sounds good",
        "right now",
        "maintenant",
    ],
)
def test_yes(text):
    assert read_yes_no(text) is True


@pytest.mark.parametrize(
    "text",
    [
        "non",
        "Non merci",
        "nan",
        "pas maintenant",
        "non, pas pour l'instant",
        "surtout pas",
        "je refuse",
        "no",
        "nope",
        "no thanks",
        "No thank you.",
        "not now",
        "not really",
        "absolutely not",
        "I decline",
    ],
)
def test_no(text):
    assert read_yes_no(text) is False


@pytest.mark.parametrize(
    "text",
    [
        "",
        "merci",
        "thanks",
        "oui non",
        "yes, but how long is the code valid?",
        "oui, mais combien de temps ai-je ?",
        "Dupont",
        "later",
        "plus tard",
        "06 12 34 56 78",
        "je veux créer mon espace",
        "no complement",
        "oui " * 20,
    ],
)
def test_anything_else_is_left_to_the_classifier(text):
    assert read_yes_no(text) is None


@given(st.text(max_size=200))
def test_total(text):
    assert read_yes_no(text) in (True, False, None)
