"""Which FAQ answer a message names, when the answer selector hesitates between a few: "et si
j'oublie ma réponse ?" is about the trust question, though its words looked closer to another
answer's examples. The subjects are the words of each answer (languages/<language>.yml,
FAQ_TOPIC_PHRASES); a subject counts only when one candidate alone is named."""

from __future__ import annotations

import re

from languages import LANGUAGES, words_of
from reading.phrases import any_phrase, folded_words


def _apart(text: str) -> str:
    """Hyphenated words apart: "certificate-based" names the certificate."""
    return text.replace("-", " ")


def _topic_patterns() -> dict[str, re.Pattern]:
    phrases: dict[str, list[str]] = {}
    for language in LANGUAGES:
        for topic, topic_phrases in words_of(language).FAQ_TOPIC_PHRASES.items():
            phrases.setdefault(topic, []).extend(_apart(p) for p in topic_phrases)
    return {topic: any_phrase(found) for topic, found in phrases.items()}


_TOPICS = _topic_patterns()


def topics_named(text: str) -> set[str]:
    folded = _apart(folded_words(text))
    return {topic for topic, pattern in _TOPICS.items() if pattern.search(folded)}


def named_among(text: str, candidates: list[str]) -> str | None:
    """The one candidate (FAQ keys, best first) whose subject the message names, when the best
    one's is not named; None to keep the selector's choice."""
    named = topics_named(text) & set(candidates)
    if len(named) != 1 or not candidates or candidates[0] in named:
        return None
    return named.pop()
