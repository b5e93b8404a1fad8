"""Which language a user writes in, and whether they ask for another one.

The conversation's language is set by the first real sentence (French by default); afterwards it
changes on request, or when the user writes a whole sentence clearly in another language. The
words of each language are in its file (languages/<code>.yml). A
bare e-mail, number, name, address, "ok" or "Paris" says nothing about a language.
"""

from __future__ import annotations

import re

from account.fields import FIELDS
from account.rules.text import fold
from languages import DEFAULT_LANGUAGE, LANGUAGES, all_languages, words_of

_WORD = re.compile(r"[^\W\d_]+")
SHORT_REQUEST_WORDS = 7  # longer messages name a language as a request only with a verb
MAX_SWITCH_REQUEST_WORDS = 14
# A sentence switches the conversation only with this many words of its language, at least
# twice as many as of any other, and no digit or "@" (addresses, phones and e-mails mix them).
MIN_SWITCH_SENTENCE_WORDS = 4
MAX_WORDS_WITH_A_REQUEST = 40
MIN_SWITCH_LANGUAGE_WORDS = 3
# A language's signature letters (French accents) count as this many of its words.
SIGNATURE_WEIGHT = 2


def _alternatives(words) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


GREETINGS = {
    fold(greeting): language for language in LANGUAGES for greeting in words_of(language).GREETINGS
}
REQUEST_VERBS = all_languages("LANGUAGE_REQUEST_VERBS")
_SWITCH_REQUESTS = {
    language: re.compile(rf"\b({_alternatives(words_of(language).NAMES_OF_THE_LANGUAGE)})\b")
    for language in LANGUAGES
}
# A language named right after a request verb ("continuer en anglais", "switch to English").
_ASKED_IN = re.compile(
    rf"\b(?:{_alternatives(REQUEST_VERBS)})\s+"
    rf"(?:{_alternatives(all_languages('LANGUAGE_REQUEST_LINKS'))})?\s*$"
)
# "il parle pas français", "I don't understand French": a language named after a negation.
# A negation written with an apostrophe ("n't") ends a word; the others are words.
_NEGATED = re.compile(
    "(?:"
    + "|".join(
        re.escape(w) if "'" in w else rf"\b{re.escape(w)}"
        for w in sorted(all_languages("LANGUAGE_NEGATIONS"), key=len, reverse=True)
    )
    + r")\s+(?:\w+\s+){0,2}$"
)


def _scores(text: str, words: list[str]) -> dict[str, int]:
    """How many words of each language the message has (its signature letters count too)."""
    scores = {}
    for language in LANGUAGES:
        known = words_of(language)
        letters = known.SIGNATURE_LETTERS
        signed = letters and any(c in letters for c in text.lower())
        scores[language] = sum(w in _LANGUAGE_WORDS[language] for w in words) + (
            SIGNATURE_WEIGHT if signed else 0
        )
    return scores


_LANGUAGE_WORDS = {language: frozenset(words_of(language).LANGUAGE_WORDS) for language in LANGUAGES}


def guess_language(text: str | None) -> str | None:
    """The language of a real sentence (or a greeting), None when the text tells nothing."""
    folded = fold(text or "").strip(" !.?,")
    if folded in GREETINGS:
        return GREETINGS[folded]
    words = _WORD.findall(folded)
    if len(words) < 2:
        return None
    scores = _scores(text or "", words)
    best = max(scores, key=scores.get)
    if scores[best] >= 2 and all(
        scores[best] > n for language, n in scores.items() if language != best
    ):
        return best
    # The default language is the conversation's anyway; a plain sentence with the words of one
    # other language only is that language.
    spoken = [language for language, n in scores.items() if n]
    if len(spoken) == 1 and spoken[0] != DEFAULT_LANGUAGE and len(words) >= 3:
        return spoken[0]
    return None


def requested_language(text: str | None) -> str | None:
    """The language a short message asks for ("in English please", "parlez français"); when it
    names both ("I don't understand French, can you talk English?"), the last one named."""
    folded = fold(text or "")
    words = _WORD.findall(folded)
    if any(c.isdigit() for c in folded):
        return None  # "15 promenade des Anglais, 06000 Nice" is an address
    named = [
        (match.start(), language)
        for language, pattern in _SWITCH_REQUESTS.items()
        for match in pattern.finditer(folded)
        if not _NEGATED.search(folded[max(0, match.start() - 30) : match.start()])
    ]  # "il parle pas français", "I don't understand French": not the language asked for
    asked = [
        (start, language)
        for start, language in named
        if _ASKED_IN.search(folded[max(0, start - 30) : start])
    ]  # "pourrait-on continuer en anglais ? ...": asked for, however long the message
    if asked and len(words) <= MAX_WORDS_WITH_A_REQUEST:
        return max(asked)[1]
    if len(words) > MAX_SWITCH_REQUEST_WORDS or (
        len(words) > SHORT_REQUEST_WORDS and not REQUEST_VERBS & set(words)
    ):
        return None
    return max(named)[1] if named else None


def sentence_language(text: str | None) -> str | None:
    """The language of a whole sentence clearly written in one language, else None: stricter
    than guess_language, since it changes a conversation already under way."""
    if not text or any(c.isdigit() or c == "@" for c in text):
        return None
    words = _WORD.findall(fold(text))
    if len(words) < MIN_SWITCH_SENTENCE_WORDS:
        return None
    scores = _scores(text, words)
    for language, n in scores.items():
        others = [m for other, m in scores.items() if other != language]
        if n >= MIN_SWITCH_LANGUAGE_WORDS and all(n >= 2 * m for m in others):
            return language
    return None


# The slot holding the conversation's language, set by the Rasa server after each message
# (rasa_patches/conversation_language.py), by the web page's session metadata at the start.
LANGUAGE_SLOT = "language"
# Answers that are never read for their language: secrets, codes and free answers.
UNREAD_ANSWERS = FIELDS.unread_for_language
# Answers that may name a language without asking for it (a street, a town).
PLACE_ANSWERS = frozenset({"street_number", "street_type", "street_name", "complement", "city"})


def language_for(
    current: str | None,
    text: str | None,
    chosen_on_page: str | None = None,
    requested_slot: str | None = None,
) -> str | None:
    """The language after this message, or None to leave it as it is."""
    if text and text.startswith("/"):
        # A button's payload says nothing about the language, but the web page's language switch
        # sends /switch_language with the language chosen in the message's metadata.
        if (
            text.startswith("/switch_language")
            and chosen_on_page in LANGUAGES
            and chosen_on_page != current
        ):
            return chosen_on_page
        return None
    asked = requested_language(text)
    if (
        asked
        and requested_slot in PLACE_ANSWERS
        and not REQUEST_VERBS & set(_WORD.findall(fold(text or "")))
    ):
        asked = None  # "Promenade des Anglais" at the street question is a street
    if asked and asked != current:
        return asked
    if current is None:
        return guess_language(text)
    if requested_slot not in UNREAD_ANSWERS:
        written = sentence_language(text)
        if written and written != current:
            return written
    return None


def switch_is_announced(current: str | None, text: str | None) -> bool:
    """A switch is said in one short line when the user wrote in another language without
    asking for it (a request, or the page's language switch, is answered by its own rule)."""
    return bool(current) and not requested_language(text) and not (text or "").startswith("/")
