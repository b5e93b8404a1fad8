"""Postcodes as people write them (before or after the city, in brackets, British and Irish
forms), and the country an unambiguous postcode or a city-state's name shows. Read by
reading/addresses.py."""

from __future__ import annotations

import re

from account.rules import check_country
from account.rules.address import _OLD_PREFIXES

# "75016", "1000", "D-10115", "CH-8001": a postcode written before its city.
DIGIT_POSTCODE = re.compile(r"(?:[a-z]{1,3}-)?\d{4,6}|\d{2,5}-\d{3,4}", re.IGNORECASE | re.ASCII)
FIVE_DIGITS = re.compile(r"\d{5,6}", re.ASCII)
# "Bruxelles (1000)": a postcode in brackets after its city.
BRACKETED_POSTCODE = re.compile(r"\(((?:[a-z]{1,2}-)?\d{4,5})\)", re.IGNORECASE | re.ASCII)
ZIP = re.compile(r"\d{5}(?:-\d{4})?", re.ASCII)
_UK_OUTWARD = r"[a-z]{1,2}\d[a-z\d]?"
_UK_INWARD = r"\d[a-z]{2}"
UK_ONE_WORD = re.compile(rf"{_UK_OUTWARD}{_UK_INWARD}", re.IGNORECASE | re.ASCII)
UK_PARTS = (
    re.compile(_UK_OUTWARD, re.IGNORECASE | re.ASCII),
    re.compile(_UK_INWARD, re.IGNORECASE | re.ASCII),
)
# An Irish Eircode: routing key and unique identifier ("D02 X285", "T12 AB34").
EIRCODE = re.compile(
    r"(?:[ac-fhknprtv-y]\d{2}|d6w) ?[0-9ac-fhknprtv-y]{4}", re.IGNORECASE | re.ASCII
)


# Postcodes that name their country: a European prefix ("L-1234", "CH-1204", "D-10115"), a
# Dutch "1015 CJ", Monaco's 980xx (in the French numbering).
_PREFIXED_POSTCODE = re.compile(r"^([A-Z]{1,3})-\s?\d")
DUTCH_POSTCODE = re.compile(r"^[1-9][0-9]{3}\s?[A-Z]{2}$")
_MONACO_POSTCODE = re.compile(r"^980[0-9]{2}$")


def country_of_postcode(postcode: str) -> str | None:
    """The country (alpha-2) an unambiguous postcode shows, if any."""
    postcode = postcode.strip().upper()
    prefixed = _PREFIXED_POSTCODE.match(postcode)
    if prefixed:
        prefix = prefixed.group(1)
        code = {old: new for new, old in _OLD_PREFIXES.items()}.get(prefix, prefix)
        return code if check_country(code).ok and len(code) == 2 else None
    if DUTCH_POSTCODE.match(postcode):
        return "NL"
    if _MONACO_POSTCODE.match(postcode):
        return "MC"
    if EIRCODE.fullmatch(postcode):
        return "IE"
    return None


# Countries named like their main city: a city of that name, with no country said, is there.
CITY_STATES = frozenset({"SG", "MC", "LU", "DJ", "VA", "SM", "KW", "PA", "GT", "MX"})
