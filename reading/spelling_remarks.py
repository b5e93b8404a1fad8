"""A value followed by a remark on how it is written: "Van den Bossche, en trois mots",
"Garcia Lopez (les deux, sans tiret)", "Mac Donald - two words, capital D", "Jordan sans e à la
fin". People say how their name is spelt; the value is what comes before the remark."""

from __future__ import annotations

import re

from account.rules.text import fold
from languages import all_languages

_SPELLING = all_languages("SPELLING_WORDS")
_OPENERS = all_languages("REMARK_OPENERS")
# Where a remark may start: a comma, a bracket, a dash between spaces, a semicolon, a colon or
# the end of a sentence.
_SEPARATOR = re.compile(r"\s*(?:,|\(|\s[-–—]\s|;|:|\.\s)\s*")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)?")


def _is_remark(text: str) -> bool:
    """Words about spelling, or a letter named ("with a y", "avec deux n")."""
    words = _WORD.findall(fold(text).replace("’", "'"))
    letters = [
        w for w in words if len(w) == 1 and w not in ("a", "y") or w == "y" and len(words) <= 3
    ]
    return any(word in _SPELLING for word in words) or (bool(letters) and len(words) <= 4)


def without_spelling_remark(text: str) -> str:
    """The value before a remark on its spelling; the text as it is when there is none."""
    text = text.strip()
    parts = _SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0]:
        tail = _WORD.findall(fold(parts[1]).replace("’", "'"))
        if _is_remark(parts[1]) or any(word in _OPENERS for word in tail[:3]):
            return parts[0].strip()  # "Florence, comme la ville"
    words = text.split()
    for index in range(1, len(words)):
        if fold(words[index]) in _OPENERS and _is_remark(" ".join(words[index + 1 :])):
            return " ".join(words[:index])
    return text


_POSSESSIVES = all_languages("POSSESSIVES")
MOST_ASIDE_WORDS = 4


def without_aside(text: str) -> str:
    """ "Bertie, my spaniel", "Rex (mon berger allemand)": the value without a short aside that
    says what it is; the text as it is otherwise."""
    text = text.strip()
    parts = _SEPARATOR.split(text, maxsplit=1)
    if len(parts) == 2 and parts[0]:
        tail = _WORD.findall(fold(parts[1]).replace("’", "'"))
        if tail and tail[0] in _POSSESSIVES and len(tail) <= MOST_ASIDE_WORDS:
            return parts[0].strip()
    return text
