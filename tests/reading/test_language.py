"""The conversation's language: guessed from real sentences, switched on request only."""

import pytest

from reading.language import guess_language, requested_language


@pytest.mark.parametrize(
    "text, language",
    [
        ("Je veux créer mon espace professionnel", "fr"),
        ("c'est quoi le mode expert", "fr"),
        ("Bonjour", "fr"),
        ("Comment activer mon compte ?", "fr"),
        ("I want to create a professional account", "en"),
        ("What is expert mode?", "en"),
        ("Hello!", "en"),
        ("hi", "en"),
        ("I have my activation code", "en"),
        ("tell me a joke", "en"),
        ("Hello, what can you do?", "en"),
    ],
)
def test_real_sentences_and_greetings_tell_the_language(text, language):
    assert guess_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "lila.rosemonde@orange.fr",
        "01 23 45 67 89",
        "Lila Rosemonde",
        "ok",
        "OK",
        "Paris",
        "12 rue de Longchamp 75016 Paris",
        "20232330000101",
        "mHPstewGkBYj",
        "",
        None,
        "75016",
    ],
)
def test_bare_values_tell_nothing(text):
    assert guess_language(text) is None


@pytest.mark.parametrize(
    "text, language",
    [
        ("in English please", "en"),
        ("English", "en"),
        ("en anglais svp", "en"),
        ("can you speak english?", "en"),
        ("parlez français", "fr"),
        ("en français s'il vous plaît", "fr"),
        ("French please", "fr"),
        ("Can you speak French?", "fr"),
    ],
)
def test_explicit_requests(text, language):
    assert requested_language(text) == language


@pytest.mark.parametrize(
    "text",
    [
        "je suis en France",
        "What is expert mode?",
        "Paris",
        "I am an English accountant managing many French companies for my clients abroad",
    ],
)
def test_no_request(text):
    assert requested_language(text) is None


@pytest.mark.parametrize(
    "text, language",
    [
        # the language asked for after its verb, in a long message naming the other one too
        (
            "Est-ce qu'on pourrait passer en anglais ? Ma comptable relira tout et elle ne lit "
            "pas le français, merci beaucoup",
            "en",
        ),
        ("Could we switch to French? My colleague will take over and has no English", "fr"),
        ("je ne parle pas anglais", None),  # a language one does not speak is not asked for
        ("sorry, I don't read French", None),
    ],
)
def test_the_language_asked_for_not_the_one_denied(text, language):
    assert requested_language(text) == language
