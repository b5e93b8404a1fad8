"""Reading form fields out of free text, so that experts can answer several questions at once.

"Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris" gives a first name, a surname,
a phone, a street line, a postcode and a city. What is found here is raw text: the field rules
in `bot.rules` still validate and normalise every value.
"""
from __future__ import annotations

import re

import phonenumbers

from bot.rules import check_country
from bot.rules.text import fold, tidy

# Street types ("nature de la voie") a French or English address may use; longest first.
STREET_TYPES = sorted("""
    rue avenue av ave boulevard bd blvd place pl allée allee chemin impasse imp quai route rte
    cours square sq passage voie sentier esplanade rond-point faubourg fbg parvis hameau lieu-dit
    résidence residence cité cite promenade villa mail montée montee rampe ruelle carrefour clos
    domaine lotissement traverse street st road rd lane ln drive dr way court ct terrace crescent
    close highway
""".split(), key=len, reverse=True)
_TYPES = "|".join(re.escape(t) for t in STREET_TYPES)
_STREET = re.compile(
    rf"^(?:(?P<number>\d{{1,5}}(?:\s?(?:bis|ter|quater|[a-z](?![a-z])))?)\s*,?\s+)?"
    rf"(?P<type>{_TYPES})\.?\s+(?P<name>.+)$", re.IGNORECASE)
# English order: "3 Baker Street".
_ENGLISH_STREET = re.compile(
    r"^(?P<number>\d{1,5}[a-z]?)\s+(?P<name>.+?)\s+"
    r"(?P<type>street|st|road|rd|lane|ln|drive|dr|way|court|ct|terrace|crescent|close|avenue|ave)\.?$",
    re.IGNORECASE)
_POSTCODE_CITY = re.compile(r"^(?P<postcode>\d{5})\s+(?P<city>\D.*)$")
_CITY_POSTCODE = re.compile(r"^(?P<city>\D.*?)\s+(?P<postcode>\d{5})$")
_TRAILING_POSTCODE_CITY = re.compile(r"^(?P<name>.+?)\s+(?P<postcode>\d{5})\s+(?P<city>\D.*)$")
# Bounded parts (RFC 5321 sizes) and no "@" inside them: a long run such as "x@x@x@…" is
# scanned in linear time instead of backtracking for minutes. The address must be a whole word:
# in an over-long one, a part that fits the bounds is not an address the user typed.
_EMAIL = re.compile(r"(?<![^\s,;<>()])[^\s,;<>()@]{1,64}@[^\s,;<>()@]{1,253}\.[^\s,;<>()@.]{1,63}"
                    r"(?![^\s,;<>().])")
_NAME_WORD = re.compile(r"^[^\W\d_]+(?:['’-][^\W\d_]+)*$")
_SEPARATORS = re.compile(r"\s*[,;\n]+\s*")

SKIP_WORDS = frozenset({"skip", "pass", "passer", "passe", "aucun", "aucune", "none", "rien",
                        "nothing", "sans", "vide", "-", "n/a", "na", "no", "non", "pas de"})


def is_skip(text: str | None) -> bool:
    """'passer' / 'skip' and their kin: the user leaves an optional field empty."""
    return fold(text or "").strip(" .!") in SKIP_WORDS


def find_email(text: str) -> str | None:
    match = _EMAIL.search(text or "")
    return match.group(0).rstrip(".") if match else None


def find_phone(text: str) -> tuple[str, str] | None:
    """The first valid phone number in the text, and the text without it."""
    for region in ("FR", "GP", "RE"):
        for match in phonenumbers.PhoneNumberMatcher(text, region):
            return match.raw_string, text[:match.start] + " " + text[match.end:]
    return None


def split_name(words: list[str]) -> dict[str, str]:
    """'Lila Rosemonde' or 'ROSEMONDE Lila': a word in capitals is the surname."""
    capitals = [w for w in words if len(w) > 1 and w.isupper()]
    if capitals and len(capitals) < len(words):
        return {"first_name": " ".join(w for w in words if w not in capitals),
                "surname": " ".join(capitals)}
    return {"first_name": words[0], "surname": " ".join(words[1:])}


def _street(segment: str) -> dict[str, str]:
    english = _ENGLISH_STREET.match(segment)
    if english:  # "3 Baker Street": no French street type; the name is kept as written
        return {"street_number": english["number"], "street_type": "",
                "street_name": f"{english['name']} {english['type']}"}
    match = _STREET.match(segment)
    if not match:
        return {}
    found = {"street_type": match["type"], "street_number": match["number"] or ""}
    name = match["name"]
    tail = _TRAILING_POSTCODE_CITY.match(name)
    if tail:
        name = tail["name"]
        found.update(postcode=tail["postcode"], city=tail["city"])
    found["street_name"] = name
    return found


def parse_details(text: str | None) -> dict[str, str]:
    """Every form field recognisable in `text`, as raw strings."""
    text = tidy(text)
    found: dict[str, str] = {}
    email = find_email(text)
    if email:
        found["email"] = email
        text = text.replace(email, " ")
    phone = find_phone(text)
    if phone:
        found["phone"], text = phone[0], phone[1]
    segments = [s for s in _SEPARATORS.split(text.strip(" ,;")) if s]
    leftovers = []  # (comes after the street line?, segment)
    for segment in segments:
        street = _street(segment)
        town = _POSTCODE_CITY.match(segment) or _CITY_POSTCODE.match(segment)
        if street and "street_type" not in found:
            found.update({k: v for k, v in street.items() if k not in found})
        elif town and "postcode" not in found:
            found.update(postcode=town["postcode"], city=town["city"])
        elif check_country(segment).ok and "country" not in found and len(segment) > 3:
            found["country"] = segment
        else:
            leftovers.append(("street_type" in found, segment))
    for after_street, segment in leftovers:
        words = segment.split()
        plain = all(_NAME_WORD.match(w) for w in words)
        if after_street and plain and "city" not in found:
            found["city"] = segment  # "12 rue de Longchamp, Paris": a town follows the street
        elif not after_street and plain and 2 <= len(words) <= 4 and "surname" not in found:
            found.update(split_name(words))  # a name comes before the address
    return found


# Field names users say when they correct one value; longest phrases are tried first.
_FIELD_WORDS = (
    ("login_email", r"adresse (?:electronique|e-?mail|mail)|e-?mail|courriel|identifiant|login"),
    ("password", r"mot de passe|password|mdp"),
    ("trust_answer", r"reponse|answer"),
    ("trust_question", r"question"),
    ("complement", r"complement|batiment|building|appartement|apartment"),
    ("postcode", r"code postal|postcode|post code|postal code|zip"),
    ("street_number", r"numero de (?:la )?voie|street number|house number"),
    ("phone", r"telephone|tel|phone|mobile|portable|numero"),
    ("first_name", r"prenom|first name|given name|forename"),
    ("surname", r"nom de famille|nom|surname|last name|family name|name"),
    ("city", r"ville|city|town|commune"),
    ("country", r"pays|country"),
    ("street", r"adresse|address|rue|street|voie"),
)
_FIELD_PATTERNS = [(field, re.compile(rf"\b(?:{words})\b")) for field, words in _FIELD_WORDS]
# A correction is phrased as one: "changer ...", "fix ...", or "mon téléphone est ...".
_CORRECTION = re.compile(
    r"\b(?:chang\w*|modifi\w*|corrig\w*|correct\w*|remplac\w*|replac\w*|fix\w*|updat\w*|"
    r"wrong|trompe\w*|erreur|mistake|edit\w*)\b"
    r"|\b(?:mon|ma|mes|my)\s+(?:[\w'-]+\s+){0,3}?(?:est|is|sont|are|:)")
_VALUE_MARKER = re.compile(
    r"(?:(?:\s|^)(?:to|into|is|as|by|with|par|est|sera|devient|en)\s+|\s*[:=]\s*)(.+)$")


def field_mentioned(text: str | None) -> tuple[str, str | None] | None:
    """The field a correction names ("change my phone to 06 12 34 56 78", "mon nom est Dupont")
    and the new value when the message gives one."""
    text = tidy(text)
    folded = fold(text)
    if not _CORRECTION.search(folded):
        return None  # "not-an-address" names a field but changes nothing
    for field, pattern in _FIELD_PATTERNS:
        match = pattern.search(folded)
        if match:
            return field, _new_value(text, folded, field, match.end())
    return None


def _new_value(text: str, folded: str, field: str, after: int) -> str | None:
    if field == "login_email":
        return find_email(text)
    if field == "phone":
        phone = find_phone(text)
        if phone:
            return phone[0]
    # Folding keeps positions for the usual letters; fall back on the folded text otherwise.
    source = text if len(fold(text)) == len(folded) else folded
    marker = _VALUE_MARKER.search(folded, after)
    if not marker:
        return None
    value = tidy(source[marker.start(1):]).strip(" .!\"'«»")
    return value or None
