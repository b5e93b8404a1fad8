"""Does a message ask for a person? "Just give me a number I can call", "je préfère parler à un
conseiller": at any question, a request for the support desk, never an answer. Words:
languages/<language>.yml (PERSON_PHRASES)."""

from __future__ import annotations

from reading.phrases import folded_words, phrases_pattern

_PERSON = phrases_pattern("PERSON_PHRASES")


def asks_for_a_person(text: str) -> bool:
    """A person or a number to call asked for, in a message with no digits (a number typed is an
    answer: "vous pouvez m'appeler au 06 ...")."""
    return not any(c.isdigit() for c in text) and bool(_PERSON.search(folded_words(text)))
