"""Reading form fields out of free text, so that experts can answer several questions at once.

"Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris" gives a first name, a surname,
a phone, a street line, a postcode and a city (bot.addresses reads the address). What is found
here is raw text: the field rules in `bot.rules` still validate and normalise every value.
"""
from __future__ import annotations

import re

import phonenumbers

from bot.addresses import LABELS, is_complement, read_address, read_street_line, split_segments
from bot.rules.text import fold, tidy

__all__ = ["field_mentioned", "find_email", "find_phone", "is_skip", "parse_details",
           "read_street_line", "split_name"]

# Bounded parts (RFC 5321 sizes) and no "@" inside them: a long run such as "x@x@x@…" is
# scanned in linear time instead of backtracking for minutes. The address must be a whole word:
# in an over-long one, a part that fits the bounds is not an address the user typed.
_EMAIL = re.compile(r"(?<![^\s,;<>()])[^\s,;<>()@]{1,64}@[^\s,;<>()@]{1,253}\.[^\s,;<>()@.]{1,63}"
                    r"(?![^\s,;<>().])")
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

SKIP_WORDS = frozenset({"skip", "pass", "passer", "passe", "aucun", "aucune", "none", "rien",
                        "nothing", "sans", "vide", "-", "n/a", "na", "no", "non", "pas de"})


def is_skip(text: str | None) -> bool:
    """'passer' / 'skip' and their kin: the user leaves an optional field empty."""
    return fold(text or "").strip(" .!") in SKIP_WORDS


def find_email(text: str) -> str | None:
    match = _EMAIL.search(text or "")
    return match.group(0).rstrip(".") if match else None


def _phone_match(text: str) -> phonenumbers.PhoneNumberMatch | None:
    for region in ("FR", "GP", "RE"):
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            return match
    return None


def find_phone(text: str) -> tuple[str, str] | None:
    """The first valid phone number in the text, and the text without it."""
    match = _phone_match(text or "")
    return (match.raw_string, text[:match.start] + " " + text[match.end:]) if match else None


# Titles, greetings and words that end a name ("Marie Curie et j'habite ...") or are never one.
_TITLES = frozenset("""
    m m. mr mr. mrs mrs. ms ms. mme mme. mlle mlle. miss monsieur madame mademoiselle dr dr.
    docteur doctor pr pr. prof prof.
""".split())
_GREETINGS = frozenset("bonjour bonsoir salut coucou hello hi hey".split())
_TRAILERS = frozenset("here ici speaking".split())
_NOT_NAMES = LABELS | _TRAILERS | frozenset("""
    a an the my your is are am was and or not to of in on at for with from it this that there yes
    ok okay please thanks thank you sure lost done live living je tu il elle nous vous moi toi est
    suis et ou pas pour avec sur dans un une au aux mon ma mes ton ta oui non merci bon bien svp
    voici voila habite j'habite demeurant c'est j'ai d'accord
""".split())
# "je m'appelle Marie Curie", "I'm Sarah Jones", "mon nom de famille est Curie".
_INTRO = re.compile(
    r"(?:^|(?<=[\s!.]))(?:"
    r"(?P<surname>(?:mon|my) (?:nom de famille|surname|last name|family name) (?:est|c['’]est|is|:))|"
    r"(?P<first_name>(?:mon|my) (?:pr[ée]nom|first name) (?:est|c['’]est|is|:))|"
    r"(?P<nom>mon nom (?:est|c['’]est|:))|"
    r"je m['’]appelle|je me nomme|moi c['’]est|c['’]est|je suis|my name is|my name['’]s|i['’]m|"
    r"i am|this is|it['’]s|nom ?:|name ?:"
    r")(?=\s)", re.IGNORECASE)
# Labels before a phone number or an e-mail address ("tél. :", "my email is").
_PHONE_LABEL = re.compile(
    r"(?<![^\s,;])(?:(?:my|mon|ma|le|la|the|and|et|your)\s+){0,2}"
    r"(?:(?:t[ée]l[ée]phone|t[ée]l|phone|cell|cellulaire|mobile|portable|gsm|fixe|num[ée]ro|n[°º]|"
    r"no|number|perso|pro|joignable|reachable)\.?\s*(?:de\s+|d['’])?){1,3}"
    r"(?:(?:[:=-]|is|est|c['’]est|au|at|on)\s*){0,2}(?:le\s+)?$", re.IGNORECASE)
_EMAIL_LABEL = re.compile(
    r"(?<![^\s,;])(?:(?:my|mon|ma|your)\s+)?(?:(?:e-?mail|mail|courriel|adresse|address|login|"
    r"identifiant|[ée]lectronique)\s*){1,3}(?:(?:[:=]|is|est|c['’]est)\s*)?$", re.IGNORECASE)
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x85\u2028\u2029]+")


def split_name(words: list[str]) -> dict[str, str]:
    """'Lila Rosemonde' or 'ROSEMONDE Lila': a word in capitals is the surname."""
    capitals = [w for w in words if len(w) > 1 and w.isupper()]
    if capitals and len(capitals) < len(words):
        return {"first_name": " ".join(w for w in words if w not in capitals),
                "surname": " ".join(capitals)}
    return {"first_name": words[0], "surname": " ".join(words[1:])}


def _name_words(words: list[str], whole: bool) -> tuple[list[str], bool]:
    """The words of a name at the start of `words`, without greeting nor title, and whether a
    title came first. `whole`: nothing but the name (and "here") may follow."""
    if whole and words and fold(words[0]) in _GREETINGS:
        words = words[1:]
    titled = len(words) > 1 and fold(words[0]) in _TITLES
    words = words[titled:]
    size = 0
    while size < min(len(words), 5) and _NAME_WORD.fullmatch(words[size]) \
            and fold(words[size]) not in _NOT_NAMES:
        size += 1
    if whole and not all(fold(w) in _TRAILERS for w in words[size:]):
        return [], titled
    return words[:size], titled


def read_name(segment: str, introduced_only: bool = False) -> dict[str, str]:
    """'Marie Curie', 'CURIE Marie', 'M. Curie', 'je m'appelle Marie Curie', 'Sarah Jones here'.
    `introduced_only`: only a name that a phrase introduces ("I'm ...")."""
    if len(segment) > 200 or is_complement(segment):
        return {}
    intro = _INTRO.search(segment)
    if intro:
        words, titled = _name_words(segment[intro.end():].split(), whole=False)
    elif introduced_only:
        return {}
    else:
        words, titled = _name_words(segment.split(), whole=True)
    for field in ("surname", "first_name"):
        if intro and intro[field] and words:
            return {field: " ".join(words)}  # "mon nom de famille est De La Fontaine"
    if len(words) == 1 and (titled or (intro and intro["nom"])):
        return {"surname": words[0]}  # "M. Dupont", "mon nom est Dupont"
    if 2 <= len(words) <= 4:
        return split_name(words)
    return {}


def _cut(text: str, start: int, end: int, label: re.Pattern) -> str:
    """`text` without text[start:end] and the label just before it, a comma in their place."""
    before = label.search(text, max(0, start - 60), start)
    return text[:before.start() if before else start] + " , " + text[end:]


def parse_details(text: str | None) -> dict[str, str]:
    """Every form field recognisable in `text`, as raw strings."""
    text = tidy(_LINE_BREAKS.sub(" , ", "" if text is None else str(text))).rstrip(" .!")
    found: dict[str, str] = {}
    email = _EMAIL.search(text)
    if email:
        found["email"] = email.group(0).rstrip(".")
        text = _cut(text, email.start(), email.end(), _EMAIL_LABEL)
    phone = _phone_match(text)
    if phone:
        found["phone"] = phone.raw_string
        text = _cut(text, phone.start, phone.end, _PHONE_LABEL)
    address, leftovers = read_address(split_segments(text))
    found.update(address)
    for after_street, segment in leftovers:
        name = read_name(segment, introduced_only=after_street)
        if name and not found.keys() & {"surname", "first_name"}:
            found.update(name)  # a name comes before the address, or a phrase introduces it
    return found


# Field names users say when they correct one value; longest phrases are tried first.
_FIELD_WORDS = (
    ("login_email", r"adresse (?:electronique|e-?mail|mail)|e-?mail|courriel|identifiant|login"),
    ("password", r"mot de passe|password|mdp"),
    ("trust_answer", r"reponse|answer"),
    ("trust_question", r"question"),
    ("complement", r"complement|batiment|building|appartement|apartment"),
    ("postcode", r"code postal|postcode|post code|postal code|zip"),
    ("street_number", r"numero de (?:la )?(?:voie|rue)|street number|house number"),
    ("phone", r"telephone|tel|phone|mobile|portable|numero"),
    ("first_name", r"prenom|first name|given name|forename"),
    ("surname", r"nom de famille|nom|surname|last name|family name|name"),
    ("city", r"ville|city|town|commune"),
    ("country", r"pays|country"),
    ("street", r"adresse|address|rue|street|voie"),
)
_FIELD_PATTERNS = [(field, re.compile(rf"\b(?:{words})\b")) for field, words in _FIELD_WORDS]
# A correction is phrased as one: "changer ...", "fix ...", "oups", "finalement", "non c'est ...",
# "mon téléphone est ...", "c'est 69003 pas 69002". Repetitions are bounded (linear time).
_CORRECTION = re.compile(
    r"\b(?:chang\w*|modifi\w*|corrig\w*|correct\w*|remplac\w*|replac\w*|fix\w*|updat\w*|"
    r"wrong|trompe\w*|erreur|mistake|edit\w*|finalement|en fait|actually|plutot|oups|oops|faux|"
    r"fausse|incorrect\w*|errone\w*|typo|coquille|misspel\w*|instead|au lieu)\b"
    r"|^(?:non|no|nope)\s*,?\s*(?:c['’]est|it['’]s|it is)\b"
    r"|\b(?:mon|ma|mes|my)\s+(?:[\w'’-]+\s+){0,3}?(?:est|is|sont|are|:|c['’]est|should|must|"
    r"doit|devrait|s['’]ecrit)"
    r"|\b(?:c['’]est|it['’]s|is)\s+\S[^.!?]{0,60}?\s(?:pas|et non|not)\b")
_VALUE_MARKER = re.compile(
    r"(?:(?:\s|^|,)\s*(?:to|into|is|as|by|with|par|est|sera|devient|en|c['’]est|it['’]s|it is|"
    r"should be|must be|doit etre|devrait etre|s['’]ecrit)\s+|\s*[:=]\s*)"
    r"(?:(?:spelled|spelt|written|actually|really|rather|plutot|en fait|bien|vraiment)\s+){0,3}"
    r"(.+)$")
# "c'est Martin mon nom": the value comes before the field's name.
_VALUE_BEFORE = re.compile(
    r"(?:c['’]est|it['’]s|it is)\s+(.{1,60}?)\s*,?\s*(?:(?:mon|ma|mes|my|le|la|the)\s+)?$")
_JUDGEMENT = re.compile(r"(?:wrong|faux|fausse|incorrect\w*|errone\w*|mauvais\w*|pas bon\w*|"
                        r"not right|mistaken|false)\b")
# "69003 pas 69002", "Lyon, not Lille": the old value is not part of the new one.
_OLD_VALUE = re.compile(r"\s*,?\s+(?:pas|et non|not|instead of|au lieu de|rather than)\s.*$",
                        re.IGNORECASE)


def field_mentioned(text: str | None) -> tuple[str, str | None] | None:
    """The field a correction names ("change my phone to 06 12 34 56 78", "mon nom est Dupont",
    "wrong city, it's Lyon") and the new value when the message gives one."""
    text = tidy(text)
    folded = fold(text)
    if not _CORRECTION.search(folded):
        return None  # "not-an-address" names a field but changes nothing
    for field, pattern in _FIELD_PATTERNS:
        match = pattern.search(folded)
        if match:
            return field, _new_value(text, folded, field, match)
    return None


def _new_value(text: str, folded: str, field: str, named: re.Match) -> str | None:
    if field == "login_email":
        return find_email(text)
    if field == "phone":
        phone = find_phone(text)
        if phone:
            return phone[0]
    # Folding keeps positions for the usual letters; fall back on the folded text otherwise.
    source = text if len(fold(text)) == len(folded) else folded
    marker = _VALUE_MARKER.search(folded, named.end())
    judged = marker and _JUDGEMENT.match(folded, marker.start(1))
    if judged:  # "the postcode is wrong, it should be ...": the value comes after
        marker = _VALUE_MARKER.search(folded, judged.end())
    if marker:
        value = source[marker.start(1):]
    else:
        before = _VALUE_BEFORE.search(folded, max(0, named.start() - 80), named.start())
        if not before:
            return None
        value = source[before.start(1):before.end(1)]
    value = tidy(_OLD_VALUE.sub("", value)).strip(" .!,\"'«»")
    return value or None
