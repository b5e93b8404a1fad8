"""A name given with its order stated: "family name first: Nakamura Yui", "nom d'abord, puis le
prénom : Dupont Marie". The words after the statement are the surname, then the first name."""

from __future__ import annotations

import re

from account.rules.text import fold
from reading.free_text import SURNAME_PARTICLES
from reading.phrases import alternatives

_STATED = re.compile(rf"\(?\b(?:{alternatives('SURNAME_FIRST')})\b\)?\s*[:,;-]?\s*", re.IGNORECASE)
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")


def surname_first(text: str) -> dict[str, str] | None:
    """{"surname": ..., "first_name": ...} when the message states that the surname comes first;
    the last word is the first name, the others the surname ("van der Berg Piet")."""
    folded = fold(text).replace("’", "'")
    found = _STATED.search(folded)
    if not found:
        return None
    rest = (folded[: found.start()] + " " + folded[found.end() :]).strip(" ,.;:!")
    # The same words in their original spelling (fold keeps the length of plain text).
    original = text if len(text) == len(folded) else None
    words = [w for w in re.split(r"[\s,;:]+", rest) if w]
    if original is not None:
        kept = (original[: found.start()] + " " + original[found.end() :]).strip(" ,.;:!")
        words = [w for w in re.split(r"[\s,;:]+", kept) if w]
    words = [w for w in words if _NAME_WORD.match(w)]
    if len(words) < 2:
        return None
    return {"surname": " ".join(words[:-1]), "first_name": words[-1]}


_LABEL_AFTER = re.compile(
    rf"^(?P<value>.+?)\s*\(?\s*(?:(?:{alternatives('LABEL_LINKS')})\s+)?(?:(?:le|la|l'|the|my|mon|ma)\s+)?"
    rf"\b(?:(?P<first>{alternatives('FIRST_NAME_LABELS')})|(?P<surname>{alternatives('SURNAME_LABELS')}))"
    r"\s*\)?[.!]*$"
)
# "first" and "last" label a name only after it ("Kessler (last)"): before one, they are words.
_BARE = ("first", "last")
_LABEL_BEFORE = re.compile(
    r"^(?:(?:mon|ma|le|la|my|the|your|votre)\s+)?"
    rf"(?:(?P<first>{alternatives('FIRST_NAME_LABELS', without=_BARE)})|(?P<surname>{alternatives('SURNAME_LABELS', without=_BARE)}))\b"
    r"\s*(?::|=|-|\best\b|\bis\b|\bc'est\b)?\s*(?P<value>[^\W\d_].*?)[.!]*$"
)
_SEGMENTS = re.compile(r"\s*(?:[,;)]|\bet\b|\band\b)\s*", re.IGNORECASE)


def labelled_after(text: str) -> dict[str, str]:
    """Names followed by their label: "Fiona pour le prénom, Hargreaves pour le nom",
    "Kessler (last) Tobias (first)", "Yui as first name and Nakamura as surname"."""
    found: dict[str, str] = {}
    for segment in _SEGMENTS.split(text):
        folded = fold(segment).replace("’", "'").strip()
        before = _LABEL_BEFORE.match(folded)
        if before and len(before["value"].split()) <= 4:  # "Prénom Fiona", "surname: Kessler"
            words = segment.strip().split()[-len(before["value"].split()) :]
            value = " ".join(words).strip(" .!")
            if _NAME_WORD.match(value.replace(" ", "")):
                found["first_name" if before["first"] else "surname"] = value
            continue
        match = _LABEL_AFTER.match(folded)
        if not match:
            continue
        words = segment.strip().split()[: len(match["value"].split())]
        capitalised = [w for w in words if w[:1].isupper()]
        value = " ".join(_trailing_name(words, capitalised))
        if value and _NAME_WORD.match(value.replace(" ", "")):
            found["first_name" if match["first"] else "surname"] = value
    return found


def _trailing_name(words: list[str], capitalised: list[str]) -> list[str]:
    """The name at the end of "ok alors Fiona": its capitalised words, or the last word."""
    if not capitalised:
        return words[-1:]
    start = (
        max(i for i, w in enumerate(words) if not w[:1].isupper()) + 1
        if any(not w[:1].isupper() for w in words)
        else 0
    )
    while start > 0 and fold(words[start - 1]) in SURNAME_PARTICLES:
        start -= 1  # "de la Tour pour le nom"
    return words[start:] or words[-1:]
