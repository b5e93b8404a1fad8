"""Reading a postal address out of free text, in the orders people write it.

French "12 bis rue de Longchamp, 75016 Paris", Belgian "Rue de la Loi 16, 1000 Bruxelles",
German or Swiss "Hauptstraße 12, 10115 Berlin", British "10 Downing Street, London SW1A 2AA",
American "1600 Pennsylvania Ave NW, Washington, DC 20500". The text comes cut into segments at
its commas (and semicolons, line breaks, spaced "/", "-", "|", sentence ends), without the words
that introduce a street ("j'habite au") nor courtesy ("merci"); each segment is read as a street
line, a town (postcode and city), a complement, a country, or left to the caller (a name, a
label). Inside a segment, words before a street line are split off ("Paul Durand 5 rue ...",
"Paul Durand Rue de la Loi 16 ..."), and so is a town after "à" / "in". Values are raw text:
account.rules checks them.

Decisions:
- street_type holds a French street type only ("rue", "lieu-dit"); in the other orders the type
  stays in the name ("Downing Street", "Bahnhofstrasse") and street_type is "".
- an American state code is kept with the city ("Washington DC"): the form has no state field
  and the postal address needs it.
- the country is given when the text names one, or when it is certain: a British postcode, a
  ZIP code after a state code, a French street type with a 5-digit postcode ("France"). A
  German street with 5 digits gives none: the country is asked.
- a 4-digit postcode, or a postcode without its city, is read only next to a street or a
  country: alone, "1984" or "1000 Bruxelles" may answer another question.
- a whole address (street, postcode, city) has complement "" unless one is written, so that the
  assistant does not ask it.
Work is bounded: a segment of more than MAX_WORDS words is no address and is not read.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from account.rules import check_country
from account.rules.text import fold
from reading import address_words, postcodes
from reading.message_parts import split_segments

MAX_WORDS = 24
_NUMBER = re.compile(r"\d{1,5}(?:bis|ter|quater|[a-z])?", re.IGNORECASE | re.ASCII)
_SUFFIXES = frozenset({"bis", "ter", "quater"})
_CITY_WORD = re.compile(r"[^\W\d_][\w'’.()-]*")
_CITY_NUMBER = re.compile(r"\d{1,2}(?:e|er|eme|ème)?", re.IGNORECASE)  # "Paris 16e", "Cedex 08"
_STREET_WORD = re.compile(r"[^\W\d_][\w'’.-]*|\d{1,4}(?:e|er|eme|ème)?\.?")
_COMPLEMENT = re.compile(
    r"(?:bat(?:iment)?|building|bldg|immeuble|residence|escalier|esc|entree|etage|floor|flat|apt|"
    r"apartment|appartement|appart|appt|suite|unit|porte|bp|b\.p|boite postale|po box|p\.o\. box|"
    r"c/o|chez|bloc|block|rez-de-chaussee|ground floor|\d{1,3} ?(?:e|er|ere|eme|nd|st|rd|th) "
    r"(?:etage|floor))(?:$|[\s\d.:°#-])"
)


@dataclass
class Town:
    postcode: str
    city: str
    kind: str  # "5" or "4" digits, "uk", "us", "nl"
    state: str = ""
    country: str = ""


@dataclass
class Street:
    number: str
    type: str
    name: str
    town: Town | None = None
    strong: bool = True
    complement: str = ""  # "12 Main St Apt 4"

    def fields(self) -> dict[str, str]:
        return {"street_number": self.number, "street_type": self.type, "street_name": self.name}


def is_complement(segment: str) -> bool:
    """'Bâtiment B', 'Flat 2', '3e étage', 'BP 12': a complement of address."""
    return bool(_COMPLEMENT.match(fold(segment)))


def _is_country(words: list[str], last: bool) -> bool:
    """A country named by these words; a code only as the last segment ("…, UK")."""
    text = " ".join(words)
    if len(text) <= 3 and not (last and text.isupper() and text.isalpha()):
        return False
    return check_country(text).ok


def _city(words: list[str]) -> bool:
    return (
        0 < len(words) <= 6
        and bool(_CITY_WORD.fullmatch(words[0]))
        and all(_CITY_WORD.fullmatch(w) or _CITY_NUMBER.fullmatch(w) for w in words[1:])
    )


def _uk_postcode_words(words: list[str], at_end: bool) -> int:
    """How many words at the end (or the start) of `words` make a UK postcode: 0, 1 or 2."""
    one = words[-1] if at_end else words[0]
    if postcodes.UK_ONE_WORD.fullmatch(one):
        return 1
    pair = words[-2:] if at_end else words[:2]
    if len(pair) == 2 and all(
        p.fullmatch(w) for p, w in zip(postcodes.UK_PARTS, pair, strict=True)
    ):
        return 2
    return 0


def _plain_town(words: list[str]) -> Town | None:
    if not words or len(words) > MAX_WORDS:
        return None
    last = words[-1]
    bracketed = postcodes.BRACKETED_POSTCODE.fullmatch(last)
    if bracketed and len(words) >= 2 and _city(words[:-1]):
        digits = sum(c.isdigit() for c in bracketed[1])
        return Town(bracketed[1], " ".join(words[:-1]), str(digits))
    if (
        len(words) >= 2
        and postcodes.ZIP.fullmatch(last)
        and words[-2] in address_words.US_STATES
        and (len(words) == 2 or _city(words[:-2]))
    ):
        return Town(last, " ".join(words[:-2]), "us", state=words[-2])
    size = _uk_postcode_words(words, at_end=True)
    if size and (len(words) == size or _city(words[:-size])):
        return Town(" ".join(words[-size:]), " ".join(words[:-size]), "uk")
    for size in (2, 1):  # "Dublin D02 X285"
        if len(words) > size and postcodes.EIRCODE.fullmatch(" ".join(words[-size:])):
            if _city(words[:-size]):
                return Town(" ".join(words[-size:]), " ".join(words[:-size]), "ie")
    size = _uk_postcode_words(words, at_end=False)
    if size and _city(words[size:]):
        return Town(" ".join(words[:size]), " ".join(words[size:]), "uk")
    if (
        len(words) >= 2
        and postcodes.DUTCH_POSTCODE.fullmatch(" ".join(words[:2]))
        and (len(words) == 2 or _city(words[2:]))
    ):
        return Town(" ".join(words[:2]), " ".join(words[2:]), "nl")  # "1015 CJ Amsterdam"
    if postcodes.DIGIT_POSTCODE.fullmatch(words[0]) and (len(words) == 1 or _city(words[1:])):
        digits = sum(c.isdigit() for c in words[0])
        return Town(words[0], " ".join(words[1:]), str(digits))
    if len(words) >= 2 and postcodes.FIVE_DIGITS.fullmatch(last) and _city(words[:-1]):
        return Town(last, " ".join(words[:-1]), "5")
    return None


def read_town(words: list[str]) -> Town | None:
    """'75016 Paris', 'London SW1A 2AA', 'Washington DC 20500', '1000 Bruxelles Belgique'."""
    if not words or len(words) > MAX_WORDS:
        return None
    for size in range(min(4, len(words) - 1), 0, -1):  # a country after the city
        if _is_country(words[-size:], last=False):
            town = _plain_town(words[:-size])
            if town and town.city:
                town.country = " ".join(words[-size:])
                return town
    return _plain_town(words)


def _number_words(words: list[str], at: int) -> int:
    """How many words the street number at `at` takes: '12', '12b', '12 bis' (0: none)."""
    if at < len(words) and _NUMBER.fullmatch(words[at]):
        return 2 if at + 1 < len(words) and fold(words[at + 1]) in _SUFFIXES else 1
    return 0


def _type(word: str, types: frozenset[str]) -> bool:
    return fold(word).rstrip(".") in types


def _germanic(word: str) -> bool:
    return fold(word).rstrip(".").endswith(address_words.GERMANIC_ENDINGS)


def _name_then_town(words: list[str]) -> tuple[list[str], Town | None]:
    """'de Longchamp 75016 Paris' -> the street name and the town that follows it."""
    for at in range(1, len(words)):
        if postcodes.DIGIT_POSTCODE.fullmatch(words[at]):
            town = read_town(words[at:])
            if town and town.city:
                return words[:at], town
    return words, None


def _french_order(words: list[str]) -> Street | None:
    """'12 bis rue de Longchamp', 'rue de la Paix', 'Rue de la Loi 16' (Belgium)."""
    size = _number_words(words, 0)
    if size >= len(words) - 1 or not _type(words[size], address_words.TYPES_BEFORE_NAME):
        return None
    name, town = _name_then_town(words[size + 1 :])
    number = " ".join(words[:size])
    if not number and len(name) >= 2:
        for trailing in (2, 1):  # Belgian order, but not "rue du 8 Mai 1945"
            if (
                len(name) > trailing
                and _number_words(name, len(name) - trailing) == trailing
                and fold(name[-trailing - 1]) not in address_words.MONTHS
            ):
                number, name = " ".join(name[-trailing:]), name[:-trailing]
                break
    if not all(_STREET_WORD.fullmatch(w) for w in name):
        return None
    return Street(number, words[size].rstrip(".").lower(), " ".join(name), town)


def _english_order(words: list[str]) -> Street | None:
    """'10 Downing Street', '1600 Pennsylvania Ave NW', '10 Downing Street London SW1A 2AA'."""
    size = _number_words(words, 0)
    if not size or size >= len(words) - 1 or _type(words[size], address_words.TYPES_BEFORE_NAME):
        return None
    for at in range(size + 1, len(words)):
        if not _type(words[at], address_words.TYPES_AFTER_NAME):
            continue
        end = at + 1 + (at + 1 < len(words) and fold(words[at + 1]) in address_words.DIRECTIONS)
        rest, town, complement = words[end:], None, ""
        if rest and is_complement(" ".join(rest)):
            complement = " ".join(rest)
        elif rest:
            town = read_town(rest) or (Town("", " ".join(rest), "") if _city(rest) else None)
            if not town:
                continue
        if all(_STREET_WORD.fullmatch(w) for w in words[size:end]):
            return Street(
                " ".join(words[:size]), "", " ".join(words[size:end]), town, complement=complement
            )
    return None


def _number_last(words: list[str]) -> Street | None:
    """'Hauptstraße 12', 'Bahnhofstrasse 10 8001 Zürich', 'Unter den Linden 77' (weak)."""
    for at in range(1, min(len(words), 6)):
        size = _number_words(words, at)
        if not size:
            continue
        rest = words[at + size :]
        town = read_town(rest) if rest else None
        if rest and not (town and town.city):
            continue
        name = words[:at]
        if not all(_CITY_WORD.fullmatch(w) for w in name):
            return None
        return Street(
            " ".join(words[at : at + size]), "", " ".join(name), town, strong=_germanic(name[-1])
        )
    return None


def _number_first(words: list[str]) -> Street | None:
    """'7 Piccadilly', '7 Piccadilly London W1J 9LL': a number, then a name (weak)."""
    size = _number_words(words, 0)
    if not size or size == len(words) or not _CITY_WORD.fullmatch(words[size]):
        return None
    name, town = words[size:], None
    for at in range(size + 1, len(words)):
        town = read_town(words[at:])
        if town and town.postcode and town.city:
            name = words[size:at]
            break
        town = None
    if not all(_STREET_WORD.fullmatch(w) for w in name):
        return None
    return Street(" ".join(words[:size]), "", " ".join(name), town, strong=False)


def read_street(words: list[str], weak: bool = False) -> Street | None:
    """The street line these words make, if any; `weak` also accepts the readings without a
    street type ('7 Piccadilly', 'Unter den Linden 77')."""
    if not words or len(words) > MAX_WORDS or is_complement(" ".join(words)):
        return None
    street = _french_order(words) or _english_order(words) or _number_last(words)
    if street and (street.strong or weak):
        return street
    if weak:
        return street or _number_first(words)
    return None


def _split_off_street(words: list[str]) -> int:
    """'Marie Curie 12 rue de Longchamp', 'Paul Durand Rue de la Loi 16 1000 Bruxelles',
    'Emma Smith 7 Piccadilly W1J 9LL London': where a street line with a number starts after
    other words without digits (0: nowhere)."""
    for at in range(1, min(len(words) - 1, 12)):
        if any(c.isdigit() for c in words[at - 1]):
            return 0
        size = _number_words(words, at)
        if size and (_french_order(words[at:]) or _english_order(words[at:])):
            return at
        if size:
            street = _number_first(words[at:])
            if street and street.town and street.town.postcode and street.town.city:
                return at
        if _type(words[at], address_words.TYPES_BEFORE_NAME):
            street = _french_order(words[at:])
            if street and street.number:  # Belgian order: the number after the name
                return at
        if _germanic(words[at]) and _number_words(words, at + 1) and _number_last(words[at:]):
            return at
    return 0


# "Rue de la Loi 16 à Bruxelles", "22 Baker Street in London": the town after a preposition.
_TOWN_PREPOSITIONS = frozenset({"à", "in"})


def _split_off_town(words: list[str]) -> int:
    """Where the preposition before the town stands, after a street line (0: nowhere)."""
    for at in range(2, len(words) - 1):
        if words[at].casefold() in _TOWN_PREPOSITIONS:
            rest, before = words[at + 1 :], words[:at]
            town = read_town(rest)
            if ((town and town.city) or _city_segment(rest)) and (
                read_street(before) or _split_off_street(before)
            ):
                return at
            return 0
    return 0


def _segments(segments: list[str]) -> list[list[str]]:
    words = []
    for segment in segments:
        split = segment.split()
        town_at = _split_off_town(split) if len(split) <= MAX_WORDS else 0
        town = split[town_at + 1 :] if town_at else []
        split = split[:town_at] if town_at else split
        at = 0 if len(split) > MAX_WORDS or read_street(split) else _split_off_street(split)
        words.extend([split[:at], split[at:]] if at else [split])
        if town:
            words.append(town)
    return words


def read_address(
    segments: list[str], street_line: bool = False
) -> tuple[dict[str, str], list[tuple[bool, str]]]:
    """The address fields in `segments`, and the segments left unread, each flagged when it comes
    after the street line. `street_line`: the text answers "what is your address?", so a
    street is always read (as its name at worst)."""
    words = _segments(segments)
    towns = [read_town(w) for w in words]
    free = [bool(w) for w in words]
    found: dict[str, str] = {}
    street, street_at = _find_street(words, towns, street_line)
    if street:
        free[street_at] = False
        before = words[street_at - 1] if street_at else []
        if (
            not street.number
            and before
            and free[street_at - 1]
            and _number_words(before, 0) == len(before)
        ):  # "12, rue de Longchamp"
            street.number, free[street_at - 1] = " ".join(before), False
        found.update(street.fields())
    countries = [
        at
        for at, w in enumerate(words)
        if free[at] and len(w) <= 4 and _is_country(w, last=at == len(words) - 1)
    ]
    for at in countries:
        free[at] = False
    embedded = street.town if street else None  # "12 rue de Longchamp 75016 Paris"
    town = (
        embedded
        if embedded and embedded.postcode
        else _find_town(words, towns, free, bool(street or countries))
    )
    if town:
        found["postcode"] = town.postcode
        if town.city:
            found["city"] = f"{town.city} {town.state}".strip()  # "Washington DC"
    if embedded and embedded.city and not found.get("city"):
        found["city"] = embedded.city  # "3 Baker Street London"
    if countries:
        found["country"] = " ".join(words[countries[0]])
    elif town and town.country:
        found["country"] = town.country
    complements = [
        at
        for at, w in enumerate(words)
        if free[at] and (street or town or street_line) and is_complement(" ".join(w))
    ]
    for at in complements:
        free[at] = False
    complements = [" ".join(words[at]) for at in complements]
    if street and street.complement:
        complements.insert(0, street.complement)
    if complements:
        found["complement"] = ", ".join(complements)
    if street and not found.get("city"):
        near = next((at for at in range(street_at + 1, len(words)) if free[at]), None)
        if near is not None and _city_segment(words[near]):
            found["city"], free[near] = " ".join(words[near]), False  # "12 rue X, Paris"
    _infer_country(found, street, town)
    if street_line and not street:
        _forced_street(found, words, free)
    if found.get("street_name") and found.get("postcode") and found.get("city"):
        found.setdefault("complement", "")  # a whole address: the complement is not asked
    leftovers = [
        (street_at is not None and at > street_at, " ".join(w))
        for at, w in enumerate(words)
        if free[at]
    ]
    return found, leftovers


def _find_street(
    words: list[list[str]], towns: list[Town | None], street_line: bool
) -> tuple[Street | None, int | None]:
    """The first street line with a street type; else, one without that a town follows or ends
    (any, at the address question) and that is no town itself."""
    for at, segment in enumerate(words):
        street = read_street(segment)
        if street:
            return street, at
    for at, segment in enumerate(words):
        if towns[at] and towns[at].kind != "4":
            continue
        street = read_street(segment, weak=True)
        whole = street and street.town and street.town.postcode and street.town.city
        if street and (street_line or whole or any(towns[at + 1 : at + 4])):
            return street, at  # "7 Piccadilly, London W1J 9LL", "7 Piccadilly W1J 9LL London"
    return None, None


def _find_town(
    words: list[list[str]], towns: list[Town | None], free: list[bool], context: bool
) -> Town | None:
    """The first town segment. A 4-digit postcode, or a postcode without a city, counts only
    next to a street or a country: alone, '1984' or '1000 Bruxelles' may answer anything."""
    for at in range(len(words)):
        town = towns[at] if free[at] else None
        if not town or (town.kind == "4" and not context):
            continue
        near = None if town.city else _city_nearby(town, words, free, at)
        if not (town.city or near is not None) and not context:
            continue
        free[at] = False
        if near is not None:
            town.city, free[near] = " ".join(words[near]), False
        return town
    return None


def _city_nearby(town: Town, words: list[list[str]], free: list[bool], at: int) -> int | None:
    """'Washington, DC 20500' or '75016, Paris': a postcode whose city is the next segment
    (the previous one in the British and American orders)."""
    for near in (at - 1, at + 1) if town.kind in ("us", "uk") else (at + 1, at - 1):
        if 0 <= near < len(words) and free[near] and _city_segment(words[near]):
            return near
    return None


def _city_segment(words: list[str]) -> bool:
    return (
        _city(words)
        and not address_words.LABELS & {fold(w) for w in words}
        and not is_complement(" ".join(words))
    )


def _infer_country(found: dict[str, str], street: Street | None, town: Town | None) -> None:
    if "country" in found or not town:
        return
    shown = postcodes.country_of_postcode(town.postcode or "")
    city_country = check_country(town.city) if town.city else None
    if shown:
        found["country"] = shown
    elif city_country and city_country.ok and city_country.value in postcodes.CITY_STATES:
        found["country"] = city_country.value  # "Singapore", "Monaco", "Luxembourg"
    elif town.kind == "uk":
        found["country"] = "United Kingdom"
    elif town.kind == "us":
        found["country"] = "United States"
    elif (
        street
        and town.kind == "5"
        and town.postcode.isdigit()
        and _type(street.type, address_words.TYPES_BEFORE_NAME)
    ):
        found["country"] = "France"


def _forced_street(found: dict[str, str], words: list[list[str]], free: list[bool]) -> None:
    """At the address question, the first segment not read otherwise is the street line."""
    found.update(street_number="", street_type="", street_name="")
    for at, segment in enumerate(words):
        if free[at] and segment and not is_complement(" ".join(segment)):
            free[at] = False
            street = read_street(segment, weak=True) if len(segment) <= MAX_WORDS else None
            found.update(street.fields() if street else {"street_name": " ".join(segment)})
            return


def read_street_line(text: str | None) -> dict[str, str]:
    """The answer to "what is your address?": street_number, street_type and street_name always
    (the whole line as the street name when it cannot be split), and the postcode, city,
    country and complement it also gives."""
    found, _ = read_address(split_segments(text), street_line=True)
    return found
