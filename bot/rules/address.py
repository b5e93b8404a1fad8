"""Postal address: street number, type and name, complement, postcode, city, country."""
from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry

from bot.i18n import Checked, invalid, valid
from bot.rules.text import fold, has_control_characters, tidy

DEFAULT_COUNTRY = "FR"
STREET_TYPE_MAX_LENGTH = 30
STREET_NAME_MAX_LENGTH = 100
COMPLEMENT_MAX_LENGTH = 100
POSTCODE_MAX_LENGTH = 10
CITY_MAX_LENGTH = 60

_STREET_NUMBER = re.compile(r"^(\d{1,5})\s*(bis|ter|quater|[a-z])?$", re.IGNORECASE)
_STREET_TYPE = re.compile(r"^[^\W\d_]+(?:[ '’.-][^\W\d_]+)*\.?$")
_FRENCH_POSTCODE = re.compile(r"^\d{5}$")
_POSTCODE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 -]*$")
_CITY = re.compile(r"^[^\W_]+(?:[ '’.-]+[^\W_]+)*\.?$")
# Names people type that are not in ISO 3166.
_COUNTRY_ALIASES = {"uk": "GB", "angleterre": "GB", "england": "GB", "usa": "US"}


def _optional_text(raw, max_length: int, code: str) -> Checked[str]:
    value = tidy(raw)
    if len(value) > max_length or has_control_characters(value):
        return invalid(code, max=max_length)
    return valid(value)


def check_street_number(raw) -> Checked[str]:
    value = tidy(raw)
    if not value:
        return valid("")
    match = _STREET_NUMBER.match(value)
    if not match:
        return invalid("street_number.invalid")
    number, suffix = match.groups()
    if not suffix:
        return valid(number)
    suffix = suffix.lower()
    return valid(f"{number}{suffix.upper()}" if len(suffix) == 1 else f"{number} {suffix}")


def check_street_type(raw) -> Checked[str]:
    value = tidy(raw)
    if value and (len(value) > STREET_TYPE_MAX_LENGTH or not _STREET_TYPE.match(value)):
        return invalid("street_type.invalid", max=STREET_TYPE_MAX_LENGTH)
    return valid(value.lower())


def check_street_name(raw) -> Checked[str]:
    return _optional_text(raw, STREET_NAME_MAX_LENGTH, "street_name.invalid")


def check_complement(raw) -> Checked[str]:
    return _optional_text(raw, COMPLEMENT_MAX_LENGTH, "complement.invalid")


def check_postcode(raw, country: str | None = DEFAULT_COUNTRY) -> Checked[str]:
    """Optional on the form; when given for France it has exactly 5 digits. With the country
    not known yet (None), any plausible postcode passes; check again once it is known."""
    value = tidy(raw).upper()
    if not value:
        return valid("")
    if country == DEFAULT_COUNTRY:
        compact = value.replace(" ", "")
        return valid(compact) if _FRENCH_POSTCODE.match(compact) else invalid("postcode.invalid_france")
    if len(value) > POSTCODE_MAX_LENGTH or not _POSTCODE.match(value):
        return invalid("postcode.invalid", max=POSTCODE_MAX_LENGTH)
    return valid(value)


def check_city(raw) -> Checked[str]:
    value = tidy(raw)
    if not value:
        return invalid("city.required")
    if len(value) > CITY_MAX_LENGTH or not _CITY.match(value):
        return invalid("city.invalid", max=CITY_MAX_LENGTH)
    return valid(value)


@lru_cache(maxsize=1)
def _french_names() -> gettext.NullTranslations:
    return gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["fr"], fallback=True)


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Every way to name a country (English, French, ISO codes), folded, to its alpha-2 code."""
    french = _french_names()
    index: dict[str, str] = {}
    for country in pycountry.countries:
        names = {country.alpha_2, country.alpha_3, country.name}
        for attribute in ("common_name", "official_name"):
            if getattr(country, attribute, None):
                names.add(getattr(country, attribute))
        names.update(french.gettext(name) for name in list(names))
        for name in names:
            index.setdefault(fold(name), country.alpha_2)
    for alias, code in _COUNTRY_ALIASES.items():
        index.setdefault(alias, code)
    return index


def check_country(raw) -> Checked[str]:
    """A country of ISO 3166 by name (French or English) or code; normalised to its alpha-2 code."""
    value = tidy(raw)
    if not value:
        return invalid("country.required")
    code = _country_index().get(fold(value))
    return valid(code) if code else invalid("country.unknown", value=value)


def country_name(code: str, language: str) -> str:
    """The name shown on the summary, in capitals as in the reference documents (FRANCE)."""
    country = pycountry.countries.get(alpha_2=code)
    name = getattr(country, "common_name", None) or country.name
    if language == "fr":
        name = _french_names().gettext(country.name)
    return name.upper()
