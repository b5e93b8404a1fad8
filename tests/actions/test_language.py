"""When the conversation's language changes (actions/language.py)."""
import pytest

from actions.language import language_for


@pytest.mark.parametrize("current, text, result", [
    (None, "I want to create an account", "en"),
    (None, "Je veux créer un compte", "fr"),
    (None, "ok", None),                          # stays unset: French by default
    ("fr", "What is expert mode?", None),        # a later sentence does not switch
    ("en", "lila@orange.fr", None),
    ("en", "Paris", None),
    ("en", "parlez français", "fr"),              # a request does
    ("fr", "in English please", "en"),
    ("en", "in English please", None),            # already English
])
def test_language_for(current, text, result):
    assert language_for(current, text) == result
