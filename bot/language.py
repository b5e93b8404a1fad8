"""Which language a user writes in, and whether they ask for another one.

The conversation's language is set by the first real sentence (French by default) and changed
only on request: a bare e-mail, number, name, "ok" or "Paris" says nothing about a language.
"""
from __future__ import annotations

import re

from bot.rules.text import fold

FRENCH_WORDS = frozenset("""
    je j m moi tu vous nous mon ma mes votre vos notre le la les un une des du au aux de est
    et ou pour avec sur dans sans quoi quel quelle quels comment pourquoi ou quand combien qui que
    qu c ce cet cette d l s n ne pas plus ai as avons avez suis es sont etre avoir faire peux peut
    pouvez voudrais veux souhaite souhaiterais aimerais creer cree inscrire inscription espace
    compte aide aidez mot passe recu recois oui non merci svp sil plait bonjour bonsoir salut
    activer activation besoin entreprise entreprises delai adresse courriel quelle gerer en
    dis donne raconte montre sais savoir ces ses leur lui elle il ils elles mais si car donc alors
    aussi tres tout tous comme chez par vers entre depuis pendant
""".split())
ENGLISH_WORDS = frozenset("""
    i my mine you your we our the an is are was be been am and or for with in at of to
    from what which who how why when where do does did can could would should will have has had
    want like need create set up sign register registration account accounts help password
    received receive get got yes no thanks thank please hello hi hey activate activation
    company companies deadline address this that it its not don didn there here about tell
    give show know some any just they them he she his her make let much many more most now only
    other than then very also because but if so as by will joke weather
""".split())
GREETINGS = {"bonjour": "fr", "bonsoir": "fr", "salut": "fr", "coucou": "fr",
             "hello": "en", "hi": "en", "hey": "en", "good morning": "en", "good evening": "en"}
# Accented letters are a strong sign of French in this context.
_ACCENTED = re.compile(r"[éèêëàâçùûôîïœ]", re.IGNORECASE)
_WORD = re.compile(r"[^\W\d_]+")
MAX_SWITCH_REQUEST_WORDS = 7
_SWITCH_REQUESTS = {
    "en": re.compile(r"\b(english|anglais|inglese|ingles)\b"),
    "fr": re.compile(r"\b(french|francais|francaise)\b"),
}


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
    """The language a short message asks for ("in English please", "parlez français")."""
    folded = fold(text or "")
    if len(_WORD.findall(folded)) > MAX_SWITCH_REQUEST_WORDS:
        return None
    for language, pattern in _SWITCH_REQUESTS.items():
        if pattern.search(folded):
            return language
    return None
