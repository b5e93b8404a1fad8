"""Reading a typed yes or no, in French or in English, whatever question it answers.

"oui je veux bien", "ouais", "d'accord", "yes please", "sure, go ahead" are yes; "non merci",
"pas maintenant", "no thanks", "nope" are no. A message is read as yes (or no) only when all of
it is made of such words and of politeness ("merci", "please", "svp"); anything more ("oui, mais
combien de temps ai-je ?") is left to the intent classifier. What the answer means depends on the
question that was asked: that is for the conversation to decide, not for this reader.
"""

from __future__ import annotations

import re

from account.rules.text import fold

YES = """
    oui ouais ouai ouep ouaip ui wi yes yeah yeh yep yup ya yas y o ok okay oki okey oké k kk
    dac dacc daccord d'accord accord entendu volontiers carrement absolument exactement exact
    evidemment evidement parfait parfaitement certainement bien-sur affirmatif
    sure certainly absolutely definitely alright fine agreed correct right indeed affirmative
    accepte j'accepte accept agree confirme confirm allez go maintenant now tout-de-suite
    allons-y vas-y go-ahead go-on let's-go lets-go let's-do-it lets-do-it do-it please-do
    bien-sur tout-a-fait c'est-parti c'est-bon c'est-ca ca-marche ca-roule ca-me-va pourquoi-pas
    je-veux-bien je-le-veux bien-volontiers avec-plaisir of-course why-not sounds-good
    that's-right thats-right that's-fine i-agree i-accept i-do yes-i-do i-would i'd-like-to
    je-confirme je-suis-d'accord je-suis-daccord right-now tout-de-suite oui-oui yes-yes
    go-for-it let's-activate allons-y-maintenant on-y-va
"""
NO = """
    non nan nope nah no n niet jamais never negatif negative refuse decline
    pas-du-tout non-merci surtout-pas je-refuse je-decline pas-maintenant pas-pour-l'instant
    pas-pour-le-moment pas-tout-de-suite pas-vraiment pas-encore certainement-pas absolument-pas
    je-ne-veux-pas je-veux-pas j'veux-pas jveux-pas je-n'accepte-pas j'accepte-pas
    no-thanks no-thank-you not-now not-yet not-really not-at-all no-way i-decline i-refuse
    i-don't i-dont i-do-not i-don't-want-to i-dont-want-to i-do-not-want-to don't no-no non-non
    not-right-now not-at-the-moment not-for-now absolutely-not of-course-not definitely-not
    certainly-not no-no-no pas-question hors-de-question jamais-de-la-vie
"""
# Politeness and fillers that may stand around a yes or a no.
FILLERS = frozenset(
    """
    merci beaucoup svp stp sil s'il vous te plait plaît please pls plz thanks thank you thx
    bien alors bah ben euh hum eh well so then ah oh je pense i think sir madame monsieur
    ca it that
""".split()
)

_WORD = re.compile(r"[a-z0-9']+")


def _phrases(block: str) -> dict[tuple[str, ...], int]:
    phrases = {}
    for item in block.split():
        words = tuple(item.replace("-", " ").split())
        phrases[words] = len(words)
    return phrases


_YES = _phrases(YES)
_NO = _phrases(NO)
_LONGEST = max(len(p) for p in (*_YES, *_NO))
MAX_WORDS = 8


def _words(text: str) -> list[str]:
    folded = fold(text).replace("’", "'")
    # "s'il vous plaît" -> s'il vous plait; "d'accord" stays one word, as in the lists.
    return _WORD.findall(folded)


def read_yes_no(text: str | None) -> bool | None:
    """True for a yes, False for a no, None when the message is anything else."""
    words = _words(text or "")
    if not words or len(words) > MAX_WORDS:
        return None
    seen: set[bool] = set()
    position = 0
    while position < len(words):
        for size in range(min(_LONGEST, len(words) - position), 0, -1):
            chunk = tuple(words[position : position + size])
            if chunk in _NO:
                seen.add(False)
                break
            if chunk in _YES:
                seen.add(True)
                break
        else:
            if words[position] not in FILLERS:
                return None  # a word that is neither yes, no nor politeness
            size = 1
        position += size
    if len(seen) != 1:
        return None  # "oui non", or politeness alone ("merci")
    return seen.pop()
