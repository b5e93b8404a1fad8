"""Reading form fields out of free text, so that experts can answer several questions at once.

"Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris" gives a first name, a surname,
a phone, a street line, a postcode and a city (reading.addresses reads the address). Labels say
which value is which ("Nom : Durand, prénom : Paul", "NOM JONES PRÉNOM SARAH", "ville : Lyon");
without them, the first word of a name is the first name unless capitals say otherwise. What is
found here is raw text: the field rules in `account.rules` still validate and normalise every value.
"""

from __future__ import annotations

import functools
import re

import gender_guesser.detector
import phonenumbers

from account.fields import FIELDS, longest_first
from account.rules import check_country
from account.rules.text import fold, tidy
from languages import LANGUAGES, all_languages, words_of
from reading.address_words import LABELS
from reading.addresses import is_complement, read_address, read_street_line, read_town
from reading.message_parts import split_segments
from reading.message_reading import read_once

__all__ = [
    "find_email",
    "find_phone",
    "is_skip",
    "parse_details",
    "read_name",
    "read_street_line",
    "split_name",
]

# Bounded parts (RFC 5321 sizes) and no "@" inside them: a long run such as "x@x@x@…" is
# scanned in linear time instead of backtracking for minutes. The address must be a whole word:
# in an over-long one, a part that fits the bounds is not an address the user typed.
_EMAIL = re.compile(
    r"(?<![^\s,;<>()])[^\s,;<>()@]{1,64}@[^\s,;<>()@]{1,253}\.[^\s,;<>()@.]{1,63}"
    r"(?![^\s,;<>().])"
)
_NAME_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")

SKIP_WORDS = frozenset(
    {
        "skip",
        "pass",
        "passer",
        "passe",
        "aucun",
        "aucune",
        "none",
        "rien",
        "nothing",
        "sans",
        "vide",
        "-",
        "n/a",
        "na",
        "no",
        "non",
        "pas de",
    }
)


def is_skip(text: str | None) -> bool:
    """'passer' / 'skip' and their kin: the user leaves an optional field empty."""
    return fold(text or "").strip(" .!") in SKIP_WORDS


def find_email(text: str) -> str | None:
    match = _EMAIL.search(text or "")
    return match.group(0).rstrip(".") if match else None


_REGIONS = ("FR", "GP", "RE")
# Groups of digits that may hold a phone number followed by more digits, which the matcher
# refuses whole: "06 11 22 33 44 5 rue Victor Hugo" (the street number after the phone).
_DIGIT_RUN = re.compile(r"(?<![\w+])\+?\d{1,5}(?:[ .-]\d{1,5}){1,9}")
_DIGIT_GROUP = re.compile(r"\+?\d+")


def _phone_match(text: str) -> phonenumbers.PhoneNumberMatch | None:
    for region in _REGIONS:
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            if not _cuts_digits(text, match.start, match.end):
                return match
    budget = 200  # candidates tried: a bound on the work whatever the text
    for run in _DIGIT_RUN.finditer(text):
        groups = list(_DIGIT_GROUP.finditer(text, run.start(), run.end()))
        for first in range(min(2, len(groups))):  # a street number may come before it too
            if groups[first].group(0)[0] not in "+0":
                continue  # a national number starts with its trunk prefix
            for last in range(len(groups) - 1, first, -1):
                start, end = groups[first].start(), groups[last].end()
                digits = sum(c.isdigit() for c in text[start:end])
                if not 8 <= digits <= 15 or _cuts_digits(text, start, end):
                    continue
                budget -= 1
                if budget < 0:
                    return None
                match = _whole_phone(text[start:end])
                if match:
                    return phonenumbers.PhoneNumberMatch(start, match.raw_string, match.number)
    return None


def _cuts_digits(text: str, start: int, end: int) -> bool:
    """A number read inside a longer run of digits ("07700 90012" in "07700 900123") is not
    the number typed."""
    return (start > 0 and text[start - 1].isdigit()) or (end < len(text) and text[end].isdigit())


def _whole_phone(candidate: str) -> phonenumbers.PhoneNumberMatch | None:
    """The candidate, when it is a valid number and the matcher accepts it whole."""
    for region in _REGIONS:
        try:
            if not phonenumbers.is_valid_number(phonenumbers.parse(candidate, region)):
                continue
        except phonenumbers.NumberParseException:
            return None
        for match in phonenumbers.PhoneNumberMatcher(candidate, region):
            if match.start == 0 and match.end == len(candidate):
                return match
            break
    return None


def find_phone(text: str) -> tuple[str, str] | None:
    """The first valid phone number in the text, and the text without it."""
    match = _phone_match(text or "")
    return (match.raw_string, text[: match.start] + " " + text[match.end :]) if match else None


# Titles, greetings and words that end a name ("Marie Curie et j'habite ...") or are never one.
_TITLES = frozenset(
    """
    m m. mr mr. mrs mrs. ms ms. mme mme. mlle mlle. miss monsieur madame mademoiselle dr dr.
    docteur doctor pr pr. prof prof.
""".split()
)
# One-word greetings ("Bonjour, Marie Curie"): "good" of "good morning" may be a surname.
_GREETINGS = frozenset(fold(word) for word in all_languages("GREETINGS") if " " not in word)
_TRAILERS = frozenset("here ici speaking".split())
_NOT_NAMES = (
    LABELS
    | _TRAILERS
    | frozenset(
        """
    a an the my your is are am was and or not to of in on at for with from it this that there yes
    ok okay please thanks thank you sure lost done live living je tu il elle nous vous moi toi est
    suis et ou pas pour avec sur dans un une au aux mon ma mes ton ta oui non merci bon bien svp
    voici voila habite j'habite demeurant c'est j'ai d'accord nom prenom prenoms name surname
    firstname lastname adresse address ville city pays country
""".split()
    )
)
# Particles that start a surname of several words ("De La Fontaine", "Van Damme").
# Particles that start a surname of several words ("De La Fontaine", "van der Berg", "Mac Donald").
SURNAME_PARTICLES = frozenset(
    "de du des d le la les van von der den da di del della dos das mac mc "
    "saint st sainte ste ben el al ter ten o".split()
)
_PARTICLES = SURNAME_PARTICLES
# "je m'appelle Marie Curie", "I'm Sarah Jones", "mon nom de famille est Curie".
_INTRO = re.compile(
    r"(?:^|(?<=[\s!.]))(?:"
    r"(?P<surname>(?:mon|my) (?:nom de famille|surname|last name|family name) (?:est|c['’]est|is|:))|"
    r"(?P<first_name>(?:mon|my) (?:pr[ée]nom|first name) (?:est|c['’]est|is|:))|"
    r"(?P<nom>mon nom (?:est|c['’]est|:))|"
    r"j(?:e |['’])?m['’ ]?ap+el+e|je me nomme|je me pr[ée]sente|moi c(?:['’]est)?|c['’]est|"
    r"je suis|my name is|my name['’]s|i['’]m|"
    r"i am|this is|it['’]s|nom ?:|name ?:"
    r")(?=\s)",
    re.IGNORECASE,
)
# Labels before a phone number or an e-mail address ("tél. :", "my email is").
_PHONE_LABEL = re.compile(
    r"(?<![^\s,;])(?:(?:my|mon|ma|le|la|the|and|et|your)\s+){0,2}"
    r"(?:(?:t[ée]l[ée]phone|t[ée]l|phone|cell|cellulaire|mobile|portable|gsm|fixe|num[ée]ro|n[°º]|"
    r"no|number|perso|pro|joignable|reachable)\.?\s*(?:de\s+|d['’])?){1,3}"
    r"(?:(?:[:=-]|is|est|c['’]est|au|at|on)\s*){0,2}(?:le\s+)?$",
    re.IGNORECASE,
)
_EMAIL_LABEL = re.compile(
    r"(?<![^\s,;])(?:(?:my|mon|ma|your)\s+)?(?:(?:e-?mail|mail|courriel|adresse|address|login|"
    r"identifiant|[ée]lectronique)\s*){1,3}(?:(?:[:=]|is|est|c['’]est)\s*)?$",
    re.IGNORECASE,
)
_LINE_BREAKS = re.compile(r"[\n\r\v\f\x85\u2028\u2029]+")


@functools.lru_cache(maxsize=1)
def _first_names() -> gender_guesser.detector.Detector:
    return gender_guesser.detector.Detector(case_sensitive=False)


def is_first_name(word: str) -> bool:
    """Is `word` a known first name (gender-guesser's list of about 48 000 European names)?"""
    return _first_names().get_gender(word) != "unknown"


def split_name(words: list[str]) -> dict[str, str]:
    """'Lila Rosemonde', 'ROSEMONDE Lila' (a word in capitals is the surname) or 'Hughes Oliver'
    (a surname first, when only the second word is a known first name)."""
    capitals = [w for w in words if len(w) > 1 and w.isupper()]
    if capitals and len(capitals) < len(words):
        return {
            "first_name": " ".join(w for w in words if w not in capitals),
            "surname": " ".join(capitals),
        }
    particles = [i for i, w in enumerate(words) if fold(w) in _PARTICLES and i < len(words) - 1]
    if particles and particles[0] > 0:  # "Maximilian von Stein": the surname starts there
        return {
            "first_name": " ".join(words[: particles[0]]),
            "surname": " ".join(words[particles[0] :]),
        }
    if particles:  # "van der Berg Piet", "von Stein": particles, one word, then the first name
        # (every word a particle, "O O": all of it is the surname)
        end = next((i for i, w in enumerate(words) if fold(w) not in _PARTICLES), len(words) - 1)
        end += 1
        named = {"surname": " ".join(words[:end])}
        return {**named, "first_name": " ".join(words[end:])} if words[end:] else named
    if len(words) == 2 and not is_first_name(words[0]) and is_first_name(words[1]):
        return {"first_name": words[1], "surname": words[0]}
    return {"first_name": words[0], "surname": " ".join(words[1:])}


def _name_words(words: list[str], whole: bool) -> tuple[list[str], bool]:
    """The words of a name at the start of `words`, without greeting nor title, and whether a
    title came first. `whole`: nothing but the name (and "here") may follow."""
    if whole and words and fold(words[0]) in _GREETINGS:
        words = words[1:]
    titled = len(words) > 1 and fold(words[0]) in _TITLES
    words = words[titled:]
    size = 0
    while (
        size < min(len(words), 5)
        and _NAME_WORD.fullmatch(words[size])
        and fold(words[size]) not in _NOT_NAMES
    ):
        size += 1
    if whole and not all(fold(w) in _TRAILERS for w in words[size:]):
        return [], titled
    return words[:size], titled


def _plain_name(segment: str, introduced_only: bool = False) -> dict[str, str]:
    """A name without labels: 'Marie Curie', 'je m'appelle Marie Curie', 'M. Curie'."""
    if len(segment) > 200 or is_complement(segment):
        return {}
    intro = _INTRO.search(segment)
    if intro:
        words, titled = _name_words(segment[intro.end() :].split(), whole=False)
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


# A name that may be either of the two name fields.
_EITHER_NAME = "name"
# The kinds of label, by how they are written: those of names may come without a colon
# (account/fields.py: label_in_text), the others need one.
_NAME_KINDS = (*FIELDS.labelled_in_text("bare"), _EITHER_NAME)
_FIELD_KINDS = FIELDS.labelled_in_text("colon")


def _label_words(kind: str) -> str:
    return longest_first(
        words_of(language).FIELD_LABELS_IN_TEXT[kind]
        for language in LANGUAGES
        if kind in words_of(language).FIELD_LABELS_IN_TEXT
    )


def _field_label_pattern() -> re.Pattern:
    kinds = [rf"(?P<{kind}>{_label_words(kind)})" for kind in _NAME_KINDS] + [
        rf"(?P<{kind}>{_label_words(kind)})(?=\s*[:=])" for kind in _FIELD_KINDS
    ]
    determiners = "|".join(sorted(all_languages("LABEL_DETERMINERS"), key=len, reverse=True))
    verbs = "|".join(sorted(all_languages("LABEL_VERBS"), key=len, reverse=True))
    return re.compile(
        rf"(?<![^\s,;:.(])(?:(?:{determiners})\s+)?(?:{'|'.join(kinds)})"
        rf"(?P<sep>\s*[:=]|\s+(?:{verbs})(?=\s))?(?=[\s:=]|$)",
        re.IGNORECASE,
    )


# Labels of fields ("Nom : Durand", "prénom : Paul", "NOM JONES PRÉNOM SARAH", "city: London").
# The labels of a name may come without a colon at the start of a part or after another label;
# the others need a colon. "nom" / "name" is the surname when a first name is labelled too.
_FIELD_LABEL = _field_label_pattern()


def _pieces(segment: str) -> list[tuple[str | None, bool, str]]:
    """The segment cut before each field label and each phrase that introduces a name: (the
    labelled field or None, whether the label has no colon, the text after the label; an
    introducing phrase stays in its piece)."""
    marks: list[tuple[int, int, str | None, bool]] = []
    for match in _FIELD_LABEL.finditer(segment):
        kind = next(k for k in (*_NAME_KINDS, *_FIELD_KINDS) if match[k] is not None)
        bare = not match["sep"]
        if bare and (match.start() > 0 and not marks):
            continue  # "what name should I use": a word, not a label
        marks.append((match.start(), match.end(), kind, bare))
    marks.extend((intro.start(), intro.start(), None, False) for intro in _INTRO.finditer(segment))
    marks.sort(key=lambda mark: (mark[0], mark[2] is None))
    pieces: list[tuple[str | None, bool, str]] = []
    kept_end, text_start, current = 0, 0, (None, False)
    for start, end, kind, bare in marks:
        if start < kept_end or (kind is None and start == 0):
            continue  # an introducing phrase inside a label ("my name is"), or at the start
        pieces.append((*current, segment[text_start:start]))
        kept_end, text_start, current = max(end, start + 1), end, (kind, bare)
    pieces.append((*current, segment[text_start:]))
    return [
        (kind, bare, tidy(text).strip(" :="))
        for kind, bare, text in pieces
        if kind is not None or tidy(text).strip(" :=")
    ]


def _labelled_names(segments: list[list[tuple[str | None, bool, str]]]) -> dict[str, str]:
    """The names that labels give: 'Nom : Durand, prénom : Paul', 'Prénom Nom : Paul Durand'."""
    has_first = any(kind == "first_name" for pieces in segments for kind, _, _ in pieces)
    names: dict[str, str] = {}
    for pieces in segments:
        waiting: list[str] = []  # "Nom et prénom : ...": labels still without their value
        for kind, bare, value in pieces:
            if kind not in _NAME_KINDS:
                waiting = []
                continue
            kind = "surname" if kind == "name" and has_first else kind
            words, _ = _name_words(value.split(), whole=bare)
            if not words:
                waiting.append(kind)
                continue
            kinds, waiting = list(dict.fromkeys([*waiting, kind]))[:2], []
            for field, name in _labelled_name(kinds, words).items():
                names.setdefault(field, name)
    return names


def _labelled_name(kinds: list[str], words: list[str]) -> dict[str, str]:
    """The name that labels of `kinds` (one, or two in a row) give to `words`."""
    if len(kinds) == 2 and "name" in kinds:  # "Name Surname: Emma Smith"
        other = kinds[1 - kinds.index("name")]
        kinds = [
            k if k != "name" else ("first_name" if other == "surname" else "surname") for k in kinds
        ]
    if len(kinds) == 2 and kinds[0] == kinds[1]:
        kinds = kinds[:1]
    if len(kinds) == 2 and len(words) >= 2:  # "Nom Prénom : Durand Paul"
        capitals = [w for w in words if len(w) > 1 and w.isupper()]
        if capitals and len(capitals) < len(words):
            return split_name(words)
        return {kinds[0]: words[0], kinds[1]: " ".join(words[1:])}
    kind = kinds[0]
    if kind != "name":
        return {kind: " ".join(words)}
    if len(words) == 1 or fold(words[0]) in _PARTICLES:
        return {"surname": " ".join(words)}  # "Nom : Durand", "Nom : De La Fontaine"
    return split_name(words)


def read_name(segment: str, introduced_only: bool = False) -> dict[str, str]:
    """'Marie Curie', 'CURIE Marie', 'M. Curie', 'je m'appelle Marie Curie', 'Sarah Jones here',
    'Nom : Curie prénom : Marie'. `introduced_only`: only a name that a phrase or a label
    introduces ("I'm ...", "Nom : ...")."""
    if len(segment) > 200 or is_complement(segment):
        return {}
    labelled = _labelled_names([_pieces(part) for part in split_segments(segment)])
    return labelled or _plain_name(segment, introduced_only)


def _cut(text: str, start: int, end: int, label: re.Pattern) -> str:
    """`text` without text[start:end] and the label just before it, a comma in their place."""
    before = label.search(text, max(0, start - 60), start)
    return text[: before.start() if before else start] + " , " + text[end:]


_EXCLAMATIONS = re.compile(r"(?<![!?])[!?]+(?!\S)")
MOST_CHARACTERS = 400  # the longest all-at-once answer seen is under 250
_ASIDE = re.compile(r"\s*\(([^()]{2,40})\)")


def _country_asides_apart(text: str) -> str:
    """ "29000 Quimper (France)": a country in brackets is one more part of the address."""
    return _ASIDE.sub(lambda m: f" , {m[1]}" if check_country(m[1]).ok else m[0], text)


@read_once("details")
def parse_details(text: str | None) -> dict[str, str]:
    """Every form field recognisable in `text`, as raw strings; none in a message longer than any
    answer (the NLU cuts messages at 500 characters: a message that long is no answer), where a
    burst of random letters happened to hold a British town and postcode."""
    if text is not None and len(str(text)) > MOST_CHARACTERS:
        return {}
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
    text = _country_asides_apart(_EXCLAMATIONS.sub(" , ", text))
    segments = [_pieces(segment) for segment in split_segments(text)]
    labelled = {
        kind: value
        for pieces in segments
        for kind, _, value in pieces
        if kind in _FIELD_KINDS and value
    }
    # Labelled values are read as parts of the address too ("ville : Bordeaux" after a street
    # gives a whole address), and so is a labelled name followed by more ("Nom : Durand Paul
    # 5 rue ...": the name is read from the labels).
    address, leftovers = read_address(
        [
            value
            for pieces in segments
            for kind, _, value in pieces
            if kind is None
            or (kind in _FIELD_KINDS and value)
            or (kind in _NAME_KINDS and any(c.isdigit() for c in value))
        ]
    )
    found.update(address)
    names = _labelled_names(segments)
    found.update(names)
    for after_street, segment in leftovers:
        if names:
            break  # labels say which words are the name
        name = (
            None
            if segment in labelled.values()
            else _plain_name(segment, introduced_only=after_street)
        )
        if name:
            found.update(name)  # a name comes before the address, or a phrase introduces it
            break
    for kind, value in labelled.items():
        town = read_town(value.split()) if kind in ("postcode", "city") else None
        if town and town.postcode and town.city:  # "ville : 33000 Bordeaux"
            found.update(postcode=town.postcode, city=town.city)
        else:
            found[kind] = value
    return found


# Field names users say when they correct one value (account/fields.py); longest phrases win.
