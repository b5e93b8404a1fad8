"""Corrections as people write them: which field a message names ("mon téléphone", "the
postcode") and the new value it gives, in any order ("put my phone as 06 ...", "it's X, not
Y", "not Y but X"), a judgement left out ("the city is wrong"). Rasa-free; pipeline/corrections.py,
reading/answer_first.py and the actions read corrections here.
"""

from __future__ import annotations

import re

from account.fields import FIELDS
from account.rules.text import fold, tidy
from reading.free_text import find_email, find_phone
from reading.message_parts import without_courtesy
from reading.message_reading import read_once

_FIELD_WORDS = FIELDS.correction_words
_FIELD_PATTERNS = [(field, re.compile(rf"\b(?:{words})\b")) for field, words in _FIELD_WORDS]
# A correction is phrased as one: "changer ...", "fix ...", "oups", "finalement", "non c'est ...",
# "mon téléphone est ...", "c'est 69003 pas 69002". Repetitions are bounded (linear time).
_CORRECTION = re.compile(
    r"\b(?:chang\w*|modifi\w*|corrig\w*|correct\w*|remplac\w*|replac\w*|fix\w*|updat\w*|"
    r"wrong|trompe\w*|erreur|mistake|edit\w*|finalement|en fait|actually|plutot|oups|oops|faux|"
    r"fausse|incorrect\w*|errone\w*|typo|coquille|misspel\w*|instead|au lieu|error|"
    r"mal (?:ecrit\w*|orthographi\w*|saisi\w*|tape\w*)|spelled|spelt)\b"
    r"|^(?:non|no|nope)\s*,?\s*(?:c['’]est|it['’]s|it is)\b"
    r"|\b(?:mon|ma|mes|my)\s+(?:[\w'’-]+\s+){0,3}?(?:est|is|sont|are|:|c['’]est|should|must|"
    r"doit|devrait|s['’]ecrit)"
    r"|\b(?:c['’]est|it['’]s|is)\s+\S[^.!?]{0,60}?\s(?:pas|et non|not)\b"
    # "la ville affichée n'est pas la mienne", "the city shown isn't mine", "mauvaise ville"
    r"|\b(?:n['’]est pas|ne sont pas|is not|isn['’]t|are not|aren['’]t)\s+(?:[\w'’]+\s+){0,2}?"
    r"(?:mien\w*|bon\w*|correct\w*|juste\w*|exact\w*|mine|right|ok)\b"
    r"|\b(?:mauvais\w*|pas (?:le|la|les) bon\w*)\b"
    # "postcode should be 64200", "les lettres sont inversées", "the letters are swapped"
    r"|\b(?:should|must|needs? to|has to|doit|devrait|doivent)\s+"
    r"(?:be|etre|end|start|begin|read|say|finir|commencer|se terminer)\b"
    r"|\b(?:swapped|switched|inverted|reversed|mixed up|the wrong way|inverse\w*|interverti\w*)"
    # "la ville c'est Perpignan": a field's name opening the message, then its value
    r"|^(?:le|la|les|l['’]|the)\s*(?:[\w'’-]+\s+){1,3}(?:c['’]est|is)\s"
)
_VALUE_MARKER = re.compile(
    r"(?:(?:\s|^|,)\s*(?:to|into|is|as|by|with|par|est|sera|devient|en|c['’]est|it['’]s|it is|"
    r"should be|must be|doit etre|devrait etre|s['’]ecrit)\s+|\s*[:=]\s*)"
    r"(?:(?:spelled|spelt|written|actually|really|rather|plutot|en fait|bien|vraiment)\s+){0,3}"
    r"(.+)$"
)
# "c'est Martin mon nom": the value comes before the field's name.
_VALUE_BEFORE = re.compile(
    r"(?:c['’]est|it['’]s|it is)\s+(.{1,60}?)\s*,?\s*(?:(?:mon|ma|mes|my|le|la|the)\s+)?$"
)
_JUDGEMENT = re.compile(
    r"(?:wrong|faux|fausse|incorrect\w*|errone\w*|mauvais\w*|pas bon\w*|"
    r"not right|mistaken|false|misspelt|misspelled|"
    r"mal (?:ecrit|orthographi|saisi|tape)\w*)\b"
)
# A value of these fields may hold commas ("5 avenue Foch, 69006 Lyon"); others end at one.
_FIELDS_WITH_COMMAS = frozenset({"street", "complement"})
_CLAUSE_END = re.compile(r"\s*[,;!?]\s|\.\s")
_APPROVALS = frozenset(
    "bon bonne bons bonnes correct correcte juste exact exacte ok okay right fine good parfait "
    "parfaite nickel".split()
)
# "First name's misspelled - Georgia, with an r": the value right after the judgement.
_JUDGED_THEN_VALUE = re.compile(
    rf"\s*(?:['’]s|is|are|was|est)?\s*(?:{_JUDGEMENT.pattern})\s*[-–:,]\s*(.+)$"
)
# "j'habite à Berlin", "I live in Lyon": the town follows the words that name the field.
_LIVING_IN = re.compile(r"(?:habite a|live in|living in|based in)$")
# "69003 pas 69002", "Lyon, not Lille": the old value is not part of the new one.
_OLD_VALUE = re.compile(
    r"\s*,?\s+(?:pas|et non|not|instead of|au lieu de|rather than)\s.*$", re.IGNORECASE
)


@read_once("field_mentioned", restore=lambda found: tuple(found) if found else found)
def field_mentioned(text: str | None) -> tuple[str, str | None] | None:
    """The field a correction names ("change my phone to 06 12 34 56 78", "mon nom est Dupont",
    "wrong city, it's Lyon") and the new value when the message gives one."""
    text = tidy(text)
    folded = fold(text)
    if not _CORRECTION.search(folded):
        return None  # "not-an-address" names a field but changes nothing
    # The longest field words win ("the street name" is the street, not the surname), then
    # the order of the list.
    found = [
        (-(match.end() - match.start()), order, field, match)
        for order, (field, pattern) in enumerate(_FIELD_PATTERNS)
        for match in [pattern.search(folded)]
        if match
    ]
    if not found:
        return None
    _, _, field, match = min(found, key=lambda item: item[:2])
    if _approved(folded, match):
        return None
    return field, _new_value(text, folded, field, match)


def field_named(text: str | None) -> str | None:
    """The one field a short message names, correction word or not ("le téléphone", "my
    postcode", "l'adresse mail"): the answer to "which field do you want to change?". None for
    more than 6 words, no field or two. The longest field words win ("adresse mail" is the
    e-mail, not the street)."""
    text = tidy(text)
    if not text or len(text.split()) > 6:
        return None
    folded = fold(text)
    spans = sorted(
        (start - end, start, end, field)
        for field, pattern in _FIELD_PATTERNS
        for start, end in (m.span() for m in pattern.finditer(folded))
    )
    taken: list[tuple[int, int]] = []
    fields = set()
    for _, start, end, field in spans:
        if not any(start < other_end and other_start < end for other_start, other_end in taken):
            taken.append((start, end))
            fields.add(field)
    return fields.pop() if len(fields) == 1 else None


def _new_value(text: str, folded: str, field: str, named: re.Match) -> str | None:
    if field == "login_email":
        return find_email(text)
    if field == "city" and _LIVING_IN.search(named.group(0)):
        town = without_courtesy(
            tidy(
                text[named.end() :] if len(fold(text)) == len(folded) else folded[named.end() :]
            ).strip(" .!,")
        )
        return town if 0 < len(town.split()) <= 4 else None
    if field == "phone":
        phone = find_phone(text)
        if phone:
            return phone[0]
    # Folding keeps positions for the usual letters; fall back on the folded text otherwise.
    source = text if len(fold(text)) == len(folded) else folded
    judged_value = _JUDGED_THEN_VALUE.match(folded, named.end())
    if judged_value:  # "misspelled - Georgia", unless "wrong, it should be ..." follows
        start = judged_value.start(1)
        said_again = _VALUE_MARKER.search(folded, start - 1)
        marker = said_again if said_again and said_again.start() <= start + 3 else judged_value
    else:
        marker = _VALUE_MARKER.search(folded, named.end())
        judged = marker and _JUDGEMENT.match(folded, marker.start(1))
        if judged:  # "the postcode is wrong, it should be ...": the value comes after
            marker = _VALUE_MARKER.search(folded, judged.end())
    if marker:
        value = source[marker.start(1) :]
    else:
        before = _VALUE_BEFORE.search(folded, max(0, named.start() - 80), named.start())
        if not before:
            return None
        value = source[before.start(1) : before.end(1)]
    if field not in _FIELDS_WITH_COMMAS:  # "Perpignan, j'ai mangé une lettre": its clause only
        value = _CLAUSE_END.split(value, maxsplit=1)[0]
    value = tidy(_OLD_VALUE.sub("", value)).strip(" .!,\"'«»")
    return value or None


def _approved(folded: str, named: re.Match) -> bool:
    """ "L'adresse c'est bon", "the address is fine": the field named, and nothing to change."""
    marker = _VALUE_MARKER.search(folded, named.end())
    return bool(marker) and re.findall(r"[\w'-]+", marker.group(1))[:1] in (
        [word] for word in _APPROVALS
    )
