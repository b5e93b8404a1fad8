"""A message cut into its parts, as people separate what they give: commas, semicolons, line
breaks, spaced dashes, slashes and bars, sentence ends (not the dot of "St." or "3.5"); without
the words that introduce a street line ("adresse :", "j'habite au", "please put down") nor the
courtesy and asides at the end of a part ("merci", "of course"). Rasa-free; reading/addresses.py and
reading/free_text.py read the parts.
"""

from __future__ import annotations

import re

from account.rules.text import fold, tidy

_SEPARATORS = re.compile(r"[,;\n\r\v\f\x85\u2028\u2029]+")
# " / ", " - ", " | " between two fields (not the dash of "Saint-Denis" nor of "D-10115").
_SPACED_SEPARATORS = re.compile(r"(?<!\S)[-–—/|]+(?!\S)")
# A dot that ends a sentence; not the one of "St.", "av.", "M.", "Tél." nor of "3.5".
_DOTS = re.compile(r"(?<![.…])[.…]+(?!\S)")
_WORD_BEFORE = re.compile(r"\S{1,12}$")
ABBREVIATIONS = frozenset(
    """
    av ave bd bld blvd bvd pl imp rte sq fbg fg st ste rd ln dr ct cir pkwy hwy ch chem all crs pte
    res lot m mr mrs ms mme mmes mlle mlles pr prof jr sr tel fax no n° num nr bat esc app appt apt
    bp cs ex cf env vs
""".split()
)
# Words that introduce the street line: dropped, the street follows ("j'habite au 12 rue ...").
_ADDRESS_LABEL = re.compile(
    r"(?<![^\s,;:.(])(?:"
    r"(?:(?:mon|ma|my|our|notre|votre|your|the)\s+|l['’]\s?)?"
    r"(?:adresse(?:\s+postale)?|(?:postal\s+|home\s+|street\s+)?address)"
    r"(?!\s*(?:e-?mail|mail|[ée]lectronique|courriel|de\s+courriel|de\s+messagerie)(?![^\s:]))"
    r"(?:\s*(?::|=|est|is|c['’]est)(?=\s|$))?(?:\s+(?:le|au|à)(?=\s+\d))?"
    r"|j?['’]?\s?habite(?:\s+(?:au|à|a|aux|en|dans|sur))?"
    r"|(?:i|we)\s+live\s+(?:at|in|on)"
    r"|(?:living|residing|located)\s+(?:at|in|on)"
    r"|(?:domicili[ée]e?s?|demeurant|r[ée]sidant)(?:\s+(?:au|à|a|aux|en))?"
    r")(?=\s|$|:)",
    re.IGNORECASE,
)
# "Vous pouvez noter Bahnhofstrasse 21 ... comme adresse", "please put down 7 Elm Road as my
# address": what asks to write the address down, at the start, and what says what it is, at the end.
_LEAD_IN = re.compile(
    r"^\s*(?:(?:vous\s+pouvez|tu\s+peux|on\s+peut)\s+)?"
    r"(?:noter|notez|mettre|mettez|indiquer|indiquez|inscrire|inscrivez)\s*:?\s+"
    r"|^\s*(?:(?:you\s+can|please|just)\s+)*(?:put|write|note)(?:\s+down)?\s*:?\s+",
    re.IGNORECASE,
)
_AS_ADDRESS = re.compile(
    r"\s+(?:comme|pour|as|for)\s+(?:(?:mon|ma|my|the)\s+|l['’]\s?)?(?:adresse|address)"
    r"(?:\s+postale)?\s*[.!]*\s*$",
    re.IGNORECASE,
)
# Courtesy and asides at the end of a part ("33000 Bordeaux merci", "Cork, of course") and the "et" that links two parts.
COURTESY = tuple(
    tuple(phrase.split())
    for phrase in sorted(
        """
    merci|merci beaucoup|merci bien|merci d'avance|merci d’avance|merci a vous|merci infiniment|
    thanks|thank you|thanks a lot|thank you very much|thanks in advance|many thanks|thx|svp|stp|
    please|pls|plz|s'il vous plait|s'il te plait|s’il vous plait|s’il te plait|cordialement|
    bien cordialement|regards|best regards|kind regards|cheers|bonne journee|bonne soiree|
    bonne fin de journee|a bientot|au revoir|bye|et|and|puis|then|obviously|of course|naturally|
    i think|i guess|apparently|bien sur|evidemment|naturellement|je crois|je pense|apparemment
""".replace("\n", " ").split("|"),
        key=lambda p: -len(p.split()),
    )
    if phrase.strip()
)
_COURTESY_ENDS = frozenset(phrase[-1] for phrase in COURTESY)
_LINKS = frozenset({"et", "and", "puis", "then"})


def _sentence_end(text: str, match: re.Match) -> str:
    """',' for a dot that ends a sentence, the dot itself after an abbreviation or an initial."""
    before = _WORD_BEFORE.search(text, max(0, match.start() - 12), match.start())
    word = fold(before.group(0)).lstrip("(") if before else ""
    if (
        match.group(0) == "."
        and word
        and not word[-1].isdigit()
        and (len(word) == 1 or word in ABBREVIATIONS or word.endswith("str"))
    ):
        return "."
    return " , "


def without_courtesy(part: str) -> str:
    """The part without the courtesy words and links at its end ("Bordeaux merci !"), nor a
    link at its start."""
    words = part.split()
    end = len(words)
    while end and not fold(words[end - 1]).strip(".!?,:"):
        end -= 1
    kept = end
    for _ in range(4):
        if not kept or fold(words[kept - 1]).strip(".!?,:") not in _COURTESY_ENDS:
            break
        tail = [fold(w).strip(".!?,:") for w in words[max(0, kept - 5) : kept]]
        size = next((len(p) for p in COURTESY if tuple(tail[-len(p) :]) == p), 0)
        if not size:
            break
        kept -= size
    if kept < end:
        words = words[:kept]
    if words and fold(words[0]) in _LINKS:
        words = words[1:]
    return " ".join(words).rstrip(" ,;:") if kept < end else " ".join(words)


def split_segments(text: str | None) -> list[str]:
    """The parts of a message between commas, semicolons, line breaks, spaced dashes, slashes
    and bars, and sentence ends; tidied, without the words that introduce a street line
    ("adresse :", "j'habite au") nor courtesy at their end ("merci")."""
    text = _AS_ADDRESS.sub("", _LEAD_IN.sub("", "" if text is None else str(text)))
    text = _SPACED_SEPARATORS.sub(" , ", text)
    text = _DOTS.sub(lambda match: _sentence_end(text, match), text)
    parts = []
    for part in _SEPARATORS.split(text):
        for piece in _ADDRESS_LABEL.split(part):
            piece = without_courtesy(tidy(piece).strip(" :=")).strip(" :=")
            if piece:
                parts.append(piece)
    return parts
