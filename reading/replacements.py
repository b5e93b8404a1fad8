"""Corrections that give the new value and the old one: "It's Sydney, not Sidney", "c'est 06 71
23 48 90, et non 06 71 23 48 09", "not Lyon but Lille", "pas Marie mais Marie-Claire". The field is
the one that holds the old value (or, when the old value is not quite what is stored, the one
whose value is closest to the new one)."""

from __future__ import annotations

import difflib
import re

from account.fields import FIELDS
from account.rules.text import fold
from reading.free_text import SURNAME_PARTICLES
from reading.phrases import alternatives
from reading.spelling_remarks import without_spelling_remark

NEAR = 0.6  # difflib ratio between the new value and the value stored, when the old is not found
ALIKE = 0.5  # difflib ratio of a new value to an old one in lower case ("marie" → "marie-claire")
MOST_VALUE_WORDS = 5  # a value, new or old, is a few words


_IT_IS = rf"(?:(?:{alternatives('IT_IS_WORDS', folded=False)})\s*:?\s+)?"
_X_NOT_Y = re.compile(
    rf"^{_IT_IS}(?P<new>.+?)\s*[,;]?\s+(?:{alternatives('NOT_WORDS', folded=False)})\s+(?P<old>.+?)[.!]*$",
    re.IGNORECASE,
)
_NOT_Y_BUT_X = re.compile(
    rf"^(?:{alternatives('NOT_WORDS', folded=False)})\s+(?P<old>.+?)\s*,?\s+(?:{alternatives('BUT_WORDS', folded=False)})\s+"
    rf"{_IT_IS}(?P<new>.+?)[.!]*$",
    re.IGNORECASE,
)
_LEAD_IN = re.compile(
    rf"(?<![^\s,;:])(?:{alternatives('IT_IS_WORDS', folded=False)})\s+|:\s*|,\s*", re.IGNORECASE
)


def _value_part(said: str, like: str | None = None) -> str:
    """The value in "le numéro est erroné : c'est 06 71 23 48 90", "my full first name,
    Marie-Claire" or "Lille, évidemment": the part after a lead-in, the one closest to `like`
    (the other value) when there are several."""
    parts = [part.strip() for part in _LEAD_IN.split(said) if part and part.strip()]
    if not parts:
        return said
    if like is None or len(parts) == 1:
        return parts[-1]
    return max(
        reversed(parts),
        key=lambda part: difflib.SequenceMatcher(None, fold(part), fold(like)).ratio(),
    )


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value)[-9:]


def _same(stored: object, said: str) -> bool:
    if not isinstance(stored, str) or not stored:
        return False
    if _digits(said) and len(_digits(said)) >= 6:
        return _digits(stored) == _digits(said)
    return fold(stored) == fold(said) or fold(said) in fold(stored).split()


def new_and_old(text: str) -> tuple[str, str] | None:
    """("Sydney", "Sidney") from "It's Sydney with a y, not Sidney", or None."""
    text = " ".join(text.strip().split())
    if "?" in text:
        return None  # a question is answered, not taken for a correction
    found = _NOT_Y_BUT_X.match(text) or _X_NOT_Y.match(text)
    if not found:
        return None
    old = without_spelling_remark(_value_part(found["old"].strip(" ,;:")))
    new = without_spelling_remark(_value_part(found["new"].strip(" ,;:"), like=old))
    if not new or not old or fold(new) == fold(old):
        return None
    if not (_value_like(new) and _value_like(old)):
        return None  # "I would rather not do it today": a sentence, not two values
    if not _alike(new, old):
        return None  # "les impôts c'est vraiment pas drôle hein": a remark, not a correction
    return new, old


def _alike(new: str, old: str) -> bool:
    """Two values of one field: both with digits, or the old one written as a name is
    (capitals), or spelled close to the new one ("marie" → "marie-claire")."""
    if any(c.isdigit() for c in new + old):
        return any(c.isdigit() for c in new) and any(c.isdigit() for c in old)
    if all(w[:1].isupper() or fold(w) in SURNAME_PARTICLES for w in old.split()):
        return True
    return difflib.SequenceMatcher(None, fold(new), fold(old)).ratio() >= ALIKE


def _value_like(said: str) -> bool:
    """A few words that can be a field's value: with a digit, a capital, or one or two words."""
    words = said.split()
    if len(words) > MOST_VALUE_WORDS:
        return False
    return (
        any(c.isdigit() for c in said)
        or len(words) <= 2
        or all(w[:1].isupper() or fold(w) in SURNAME_PARTICLES for w in words)
    )


def replaced(text: str, filled: dict[str, object]) -> dict[str, str]:
    """The slot to set to the new value, when the message gives a new value and the old one."""
    pair = new_and_old(text)
    if not pair:
        return {}
    new, old = pair
    fields = [name for name in FIELDS.correctable if filled.get(name) not in (None, "")]
    holding = [name for name in fields if _same(filled[name], old)]
    if not holding:  # the old value not quite what is stored: the closest field
        scored = [
            (difflib.SequenceMatcher(None, fold(str(filled[name])), fold(new)).ratio(), name)
            for name in fields
        ]
        best = max(scored, default=(0.0, None))
        holding = [best[1]] if best[0] >= NEAR else []
    if len(holding) != 1:
        return {}
    slot = FIELDS.correctable[holding[0]][0]
    return {slot: new}
