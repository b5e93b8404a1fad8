"""The trust question a user names in words ("le nom de mon animal", "my pet's name", "the first
one", "2") instead of clicking its button. Words: TRUST_CHOICE_WORDS and TRUST_POSITION_WORDS of
each language's file."""

from __future__ import annotations

import re

from account.rules.text import fold, tidy
from account.rules.trust import TRUST_QUESTIONS, trust_question_label
from languages import LANGUAGES, words_of

_CHOICE_WORD = re.compile(r"[^\W_]+")
MAX_CHOICE_WORDS = 20


def read_trust_choice(raw) -> str | None:
    """The question a typed choice names ("le nom de mon animal", "my pet's name", "the first
    one", "2"), or None. Only short messages count: a longer one is an answer or a question."""
    words = _CHOICE_WORD.findall(fold(tidy(raw)).replace("’", "'").replace("'", " "))
    if not words or len(words) > MAX_CHOICE_WORDS:
        return None
    text = f" {' '.join(words)} "
    named = {
        code
        for language in LANGUAGES
        for code, keys in words_of(language).TRUST_CHOICE_WORDS.items()
        if any(f" {key} " in text for key in keys)
    }
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    positions = {
        index
        for language in LANGUAGES
        for index, keys in enumerate(words_of(language).TRUST_POSITION_WORDS)
        if set(keys) & set(words)
    }
    if len(positions) == 1:
        return TRUST_QUESTIONS[positions.pop()]
    return None


def typed_trust_choice(raw) -> str | None:
    """The choice typed at the trust question: a question named ("where I was born", "the pet
    one"), or one copied with its question mark ("Quel est votre surnom ?"). A question of one's
    own ("what is the pet question for?") is no choice."""
    choice = read_trust_choice(raw)
    if not choice or "?" not in str(raw):
        return choice
    words = set(_CHOICE_WORD.findall(fold(tidy(raw)).replace("'", " ")))
    label_words = set()
    for language in LANGUAGES:
        label = fold(trust_question_label(choice, language)).rstrip(" ?")
        label_words |= set(_CHOICE_WORD.findall(label.replace("'", " ")))
    return choice if len(words - label_words) <= 1 else None
