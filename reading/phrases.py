"""Patterns built from the phrase lists of every language (languages/): what the readers match on
a message's folded words."""

from __future__ import annotations

import re
from collections.abc import Iterable

from account.rules.text import fold
from languages import LANGUAGES, words_of

_WORD = re.compile(r"[\w'-]+")


def folded_words(text: str) -> str:
    """The message's words, folded (lower case, no accents), an elided article apart
    ("d'activation" -> "d' activation"), one space between them: what phrase patterns read."""
    return " ".join(_WORD.findall(fold(text).replace("’", "'").replace("'", "' ")))


def alternatives(name: str, folded: bool = True, without: tuple[str, ...] = ()) -> str:
    """A regular expression's alternatives for a phrase list of every language, longest first,
    any spaces between their words (folded: as fold() writes them)."""
    phrases = {
        fold(p) if folded else p
        for language in LANGUAGES
        for p in getattr(words_of(language), name)
    }
    phrases -= set(without)
    return "|".join(
        re.escape(p).replace(r"\ ", r"\s+") for p in sorted(phrases, key=len, reverse=True)
    )


def phrases_pattern(name: str) -> re.Pattern:
    """One pattern for a phrase list of every language (longest first), matched on whole words of
    folded_words()."""
    return any_phrase(p for language in LANGUAGES for p in getattr(words_of(language), name))


def any_phrase(phrases: Iterable[str]) -> re.Pattern:
    """A pattern finding any of the phrases (longest first) as whole words of folded_words()."""
    found = "|".join(
        re.escape(p) for p in sorted({folded_words(p) for p in phrases}, key=len, reverse=True)
    )
    return re.compile(rf"(?<![\w'-])(?:{found})(?![\w'-])")
