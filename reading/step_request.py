"""Does a message ask where the user is in the procedure? "où nous en sommes", "what step am I
at": at any question, a request for the step, never an answer nor the whole procedure. Words:
languages/<language>.yml (WHERE_AM_I_PHRASES)."""

from __future__ import annotations

from reading.phrases import folded_words, phrases_pattern

_STEP = phrases_pattern("WHERE_AM_I_PHRASES")


def asks_where_am_i(text: str) -> bool:
    return bool(_STEP.search(folded_words(text)))
