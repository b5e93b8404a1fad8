"""Which language a user writes in, and whether they ask for another one.

The conversation's language is set by the first real sentence (French by default); afterwards it
changes on request, or when the user writes a whole sentence clearly in the other language. A
bare e-mail, number, name, address, "ok" or "Paris" says nothing about a language.
"""

from __future__ import annotations

import re

from account.fields import FIELDS
from account.i18n import LANGUAGES
from account.rules.text import fold

FRENCH_WORDS = frozenset(
    """
    je j m moi tu vous nous mon ma mes votre vos notre le la les un une des du au aux de est
    et ou pour avec sur dans sans quoi quel quelle quels comment pourquoi ou quand combien qui que
    qu c ce cet cette d l s n ne pas plus ai as avons avez suis es sont etre avoir faire peux peut
    pouvez voudrais veux souhaite souhaiterais aimerais creer cree inscrire inscription espace
    compte aide aidez mot passe recu recois oui non merci svp sil plait bonjour bonsoir salut
    activer activation besoin entreprise entreprises delai adresse courriel quelle gerer en
    dis donne raconte montre sais savoir ces ses leur lui elle il ils elles mais si car donc alors
    aussi tres tout tous comme chez par vers entre depuis pendant
""".split()
)
ENGLISH_WORDS = frozenset(
    """
    i my mine you your we our the an is are was be been am and or for with in at of to
    from what which who how why when where do does did can could would should will have has had
    want like need create set up sign register registration account accounts help password
    received receive get got yes no thanks thank please hello hi hey activate activation
    company companies deadline address this that it its not don didn there here about tell
    give show know some any just they them he she his her make let much many more most now only
    other than then very also because but if so as by will joke weather
""".split()
)
GREETINGS = {
    "bonjour": "fr",
    "bonsoir": "fr",
    "salut": "fr",
    "coucou": "fr",
    "hello": "en",
    "hi": "en",
    "hey": "en",
    "good morning": "en",
    "good evening": "en",
}
# Accented letters are a strong sign of French in this context.
_ACCENTED = re.compile(r"[éèêëàâçùûôîïœ]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
SHORT_REQUEST_WORDS = 7  # longer messages name a language as a request only with a verb
MAX_SWITCH_REQUEST_WORDS = 14
REQUEST_VERBS = frozenset(
    """speak talk write answer reply continue switch change parler parlez
    parle ecrire ecrivez repondre repondez continuer continuez passer passez changer""".split()
)
_SWITCH_REQUESTS = {
    "en": re.compile(r"\b(english|anglais|inglese|ingles|englisch)\b"),
    "fr": re.compile(r"\b(french|francais|francaise|franzosisch)\b"),
}
# A sentence switches the conversation only with this many words of its language, at least
# twice as many as of the other, and no digit or "@" (addresses, phones and e-mails mix both).
MIN_SWITCH_SENTENCE_WORDS = 4
# A language named right after a request verb ("continuer en anglais", "switch to English").
_ASKED_IN = re.compile(rf"\b(?:{'|'.join(sorted(REQUEST_VERBS))})\s+(?:en|in|to|into)?\s*$")
_NEGATED = re.compile(r"(?:\bpas|\bnot|n't|\bno|\bnon|\bplus)\s+(?:\w+\s+){0,2}$")
MAX_WORDS_WITH_A_REQUEST = 40
MIN_SWITCH_LANGUAGE_WORDS = 3


def guess_language(text: str | None) -> str | None:
    """'fr' or 'en' for a real sentence (or a greeting), None when the text tells nothing."""
    folded = fold(text or "").strip(" !.?,")
    if folded in GREETINGS:
        return GREETINGS[folded]
    words = _WORD.findall(folded)
    if len(words) < 2:
        return None
    french = sum(w in FRENCH_WORDS for w in words) + (2 if _ACCENTED.search(text or "") else 0)
    english = sum(w in ENGLISH_WORDS for w in words)
    if french >= 2 and french > english:
        return "fr"
    if english >= 2 and english > french:
        return "en"
    # French is the default anyway; a plain English sentence with no French in it is English.
    if english and not french and len(words) >= 3:
        return "en"
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
    french = sum(w in FRENCH_WORDS for w in words) + (2 if _ACCENTED.search(text) else 0)
    english = sum(w in ENGLISH_WORDS for w in words)
    if french >= MIN_SWITCH_LANGUAGE_WORDS and french >= 2 * english:
        return "fr"
    if english >= MIN_SWITCH_LANGUAGE_WORDS and english >= 2 * french:
        return "en"
    return None


# The slot holding the conversation's language. action_validate_slot_mappings sets it and nothing
# else: the Rasa server skips that call when language_for says it stays (rasa_patches/language_check.py).
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
