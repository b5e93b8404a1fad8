"""The yes/no model (reading/polarity.py) on made-up training data: it reads a whole message's
polarity, says neither for what is no yes or no, and is read only when sure."""

from __future__ import annotations

import pytest

from reading.polarity import NEITHER, NO, YES, PolarityModel, knows_nothing, read_polarity

EXAMPLES = [
    *[(text, "affirm") for text in ("oui", "yes", "sure", "d'accord", "ok go", "I agree")],
    *[(text, "affirm") for text in ("j'accepte", "avec plaisir", "volontiers", "fine by me")],
    *[(text, "confirm") for text in ("tout est correct", "all correct", "je valide")],
    *[(text, "deny") for text in ("non", "no", "nope", "pas maintenant", "not now", "jamais")],
    *[(text, "deny") for text in ("je refuse", "I decline", "no thanks", "pas question")],
    *[(text, "activate_later") for text in ("plus tard", "later", "demain peut-être")],
    *[(text, "faq") for text in ("what is expert mode", "c'est quoi le mode expert")],
    *[(text, "faq") for text in ("how long is the code valid", "combien de temps")],
    *[(text, "greet") for text in ("bonjour", "hello", "salut", "good morning")],
    *[(text, "inform") for text in ("Dupont", "Paris", "06 12 34 56 78", "marie@exemple.fr")],
]


@pytest.fixture(scope="module")
def model() -> PolarityModel:
    return PolarityModel.fit(EXAMPLES)


def test_its_probabilities_are_of_a_yes_a_no_and_neither(model):
    found = model.probabilities("oui volontiers")
    assert set(found) == {YES, NO, NEITHER} and abs(sum(found.values()) - 1) < 1e-6


@pytest.mark.parametrize(
    "text, polarity",
    [
        ("ok, j'accepte avec plaisir", True),
        ("sure, I agree", True),
        ("non, pas maintenant", False),
        ("no thanks, later", False),
        ("😶", None),
    ],
)
def test_a_whole_message_is_read_for_its_polarity(model, text, polarity):
    assert read_polarity(model.probabilities(text)) is polarity


@pytest.mark.parametrize("mash", ["xqzw plorf vbnm", "zzz", "qsdfgh jklm", "wxcv"])
def test_keyboard_mash_is_neither_for_sure(model, mash):
    """No word of it was ever seen: not a yes by its letters (it shares some with "ok")."""
    assert knows_nothing(model.probabilities(mash))
    assert read_polarity(model.probabilities(mash)) is None


def test_one_known_word_is_enough_to_be_read(model):
    assert not knows_nothing(model.probabilities("ok plorf"))


def test_it_says_nothing_when_not_sure():
    assert read_polarity({YES: 0.05, NO: 0.04, NEITHER: 0.91}) is None  # little of either
    assert read_polarity({YES: 0.45, NO: 0.4, NEITHER: 0.15}) is None  # as much of both
    assert read_polarity({YES: 0.3, NO: 0.02, NEITHER: 0.68}) is True

    assert read_polarity(None) is None
