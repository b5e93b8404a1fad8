"""When the conversation's language changes (reading/language.py, decided by the Rasa server)."""

import pytest

from reading.language import language_for


@pytest.mark.parametrize(
    "current, text, result",
    [
        (None, "I want to create an account", "en"),
        (None, "Je veux créer un compte", "fr"),
        (None, "ok", None),  # stays unset: French by default
        ("fr", "What is expert mode?", None),  # too short to be sure
        ("fr", "What is the difference with the basic mode?", "en"),  # a whole sentence switches
        ("en", "je voudrais créer mon espace professionnel", "fr"),
        ("en", "Jean de la Fontaine", None),  # a name is no sentence
        ("en", "12 rue de la Paix 75002 Paris", None),
        ("fr", "I don't understand French, can you talk English?", "en"),
        ("en", "je ne parle pas anglais, en français svp", "fr"),
        ("en", "lila@orange.fr", None),
        ("en", "Paris", None),
        ("en", "parlez français", "fr"),  # a request does
        ("fr", "in English please", "en"),
        ("en", "in English please", None),  # already English
    ],
)
def test_language_for(current, text, result):
    assert language_for(current, text) == result


@pytest.mark.parametrize(
    "current, text, chosen, result",
    [
        ("fr", "/switch_language", "en", "en"),  # the page's language switch
        ("en", "/switch_language", "fr", "fr"),
        ("en", "/switch_language", "en", None),  # already English
        ("fr", "/switch_language", "de", None),  # not a language of the service
        ("fr", "/switch_language", None, None),
        ("fr", "/affirm", "en", None),  # other buttons never switch
        (None, "/greet", "en", None),  # the session start reads the metadata
        ("fr", "bonjour", "en", None),  # typed text: the page's language is no request
    ],
)
def test_language_chosen_on_the_page(current, text, chosen, result):
    assert language_for(current, text, chosen) == result
