"""Does a message ask for the account, or to activate it? "Il me faut un espace pro en mode
expert", "we need to register an expert account for our firm": a request to start the
registration, though it names expert mode (which the classifier may take for the question about
it). A question asking for information ("what does expert mode mean?") is not such a request.
Words: languages/<language>.yml."""

from __future__ import annotations

import re

from languages import LANGUAGES, words_of
from reading.phrases import folded_words, phrases_pattern

_WANT = phrases_pattern("WANT_PHRASES")
_NEED = phrases_pattern("NEED_PHRASES")
_CAN = phrases_pattern("CAN_PHRASES")
_CREATE = phrases_pattern("CREATE_WORDS")
_ACCOUNT = phrases_pattern("ACCOUNT_WORDS")
_OTHER_REQUEST = phrases_pattern("OTHER_REQUEST_WORDS")
_ACTIVATION = phrases_pattern("ACTIVATION_WORDS")
_EXPIRY = phrases_pattern("EXPIRY_WORDS")
_CODE_CAME = phrases_pattern("CODE_CAME_PHRASES")
# A few words at most between them and the activation: "can we activate", "une fois activé".
_THEN_ACTIVATION = r"\s+(?:[\w'-]+\s+){0,2}activ"
_ASKING_TO = re.compile(phrases_pattern("ASKING_TO_WORDS").pattern + _THEN_ACTIVATION)
_AFTER_ACTIVATION = re.compile(phrases_pattern("AFTER_WORDS").pattern + _THEN_ACTIVATION)
_INFORMATION = frozenset().union(*(words_of(lang).INFORMATION_WORDS for lang in LANGUAGES))
_NEED_QUESTION = phrases_pattern("NEED_QUESTION_PHRASES")


def _wished(folded: str, asking: bool) -> bool:
    """Wanting it; needing it, said (asked, it is a question: "je dois en créer un ?"); being able
    to create it ("can I open an account", not "can I manage my clients from it")."""
    if _WANT.search(folded) or (_CAN.search(folded) and _CREATE.search(folded)):
        return True
    return bool(_NEED.search(folded)) and not asking


def wants_an_account(text: str, asking: bool = False) -> bool:
    """A wish for the account: a word of wanting or needing, the account named, nothing that
    makes it another request (activation, logging in, a person). `asking`: the message asks
    something."""
    folded = folded_words(text)
    return bool(
        _wished(folded, asking) and _ACCOUNT.search(folded) and not _OTHER_REQUEST.search(folded)
    )


def asks_for_information(text: str) -> bool:
    """Words of a question asking to know something ("how", "c'est quoi", "difference", "do I
    need")."""
    folded = folded_words(text)
    return bool(_INFORMATION & set(folded.split()) or _NEED_QUESTION.search(folded))


def wants_to_activate(text: str, asking: bool = False) -> bool:
    """ "The code has arrived, can we activate it?", "je voudrais activer mon espace": activation
    named, with the code come or the activation wanted; an expired code is another matter. The
    caller sets aside negations ("I haven't received the activation code"). `asking`: the message
    asks something (then a need is a question: "must I activate it today?")."""
    folded = folded_words(text)
    wanted = (
        _WANT.search(folded)
        or _CAN.search(folded)
        or _ASKING_TO.search(folded)
        or _CODE_CAME.search(folded)
        or (_NEED.search(folded) and not asking)
    )
    later = _AFTER_ACTIVATION.search(folded)
    return bool(_ACTIVATION.search(folded) and wanted and not later and not _EXPIRY.search(folded))
