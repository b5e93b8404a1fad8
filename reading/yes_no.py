"""Reading a typed yes or no, in any language of languages/, whatever question it answers.

"oui je veux bien", "ouais", "d'accord", "yes please", "sure, go ahead" are yes; "non merci",
"pas maintenant", "no thanks", "nope" are no. A message is read as yes (or no) only when all of
it is made of such words and of politeness ("merci", "please", "svp"); anything more ("oui, mais
combien de temps ai-je ?") is left to the intent classifier. What the answer means depends on the
question that was asked: that is for the conversation to decide, not for this reader.
"""

from __future__ import annotations

import re

from account.rules.text import fold
from languages import all_languages

_WORD = re.compile(r"[a-z0-9']+")


def _phrases(name: str) -> frozenset[tuple[str, ...]]:
    """The phrases of every language's list (languages/<code>.yml), as tuples of folded words."""
    return frozenset(tuple(fold(p).replace("-", " ").split()) for p in all_languages(name))


_YES = _phrases("YES_WORDS")
_NO = _phrases("NO_WORDS")
FILLERS = frozenset(fold(word) for word in all_languages("YES_NO_FILLERS"))
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
