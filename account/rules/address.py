"""Postal address: street number, type and name, complement, postcode, city, country."""

from __future__ import annotations

import gettext
import re
from functools import lru_cache

import pycountry

from account.i18n import Checked, invalid, message_codes, valid
from account.rules.text import fold, has_control_characters, tidy
from languages import LANGUAGES

DEFAULT_COUNTRY = "FR"
STREET_TYPE_MAX_LENGTH = 30
STREET_NAME_MAX_LENGTH = 100
COMPLEMENT_MAX_LENGTH = 100
POSTCODE_MAX_LENGTH = 10
CITY_MAX_LENGTH = 60

_STREET_NUMBER = re.compile(r"^(\d{1,5})\s*(bis|ter|quater|[a-z])?$", re.IGNORECASE)
_STREET_TYPE = re.compile(r"^[^\W\d_]+(?:[ '’.-][^\W\d_]+)*\.?$")
_FRENCH_POSTCODE = re.compile(r"[0-9]{5}")
_POSTCODE = re.compile(r"[A-Za-z0-9][A-Za-z0-9 -]*")
_CITY = re.compile(r"^[^\W_]+(?:[ '’.-]+[^\W_]+)*\.?$")
# Names people type that are not in ISO 3166 (in English or French) nor its codes; folded.
_COUNTRY_ALIASES = {
    "la reunion": "RE",
    "ile de la reunion": "RE",
    "guyane": "GF",
    "french guiana": "GF",
    "uk": "GB",
    "u.k.": "GB",
    "angleterre": "GB",
    "england": "GB",
    "great britain": "GB",
    "grande-bretagne": "GB",
    "grande bretagne": "GB",
    "britain": "GB",
    "scotland": "GB",
    "ecosse": "GB",
    "wales": "GB",
    "pays de galles": "GB",
    "northern ireland": "GB",
    "usa": "US",
    "u.s.a.": "US",
    "u.s.": "US",
    "america": "US",
    "amerique": "US",
    "etats-unis d'amerique": "US",
    "deutschland": "DE",
    "schweiz": "CH",
    "svizzera": "CH",
    "belgie": "BE",
    "nederland": "NL",
    "holland": "NL",
    "hollande": "NL",
    "espana": "ES",
    "italia": "IT",
    "osterreich": "AT",
    "luxemburg": "LU",
    "letzebuerg": "LU",
    "danmark": "DK",
    "norge": "NO",
    "sverige": "SE",
    "suomi": "FI",
    "polska": "PL",
}
# France, its overseas departments and the collectivities that use its 5-digit postcodes.
FRENCH_POSTCODE_COUNTRIES = frozenset("FR GP MQ GF RE YT PM BL MF NC PF WF".split())
# Postcode formats: the pattern of the value without spaces (in capitals), the separator its parts
# are written with, and the countries that use it with an example of each. A British postcode is
# an outward code (area, district) and an inward code (sector, unit), with the letters each place
# allows. Countries not listed here (nor French) get the general rule.
_UK = (
    r"([A-PR-UWYZ](?:[0-9][0-9A-HJKPS-UW]?|[A-HK-Y][0-9][0-9ABEHMNPRV-Y]?)|GIR)"
    r"([0-9][ABD-HJLNP-UW-Z]{2})"
)
_FORMATS = (
    (
        r"([0-9]{4})",
        "",
        "BE:1000 CH:8001 LI:9490 LU:1009 AT:1010 DK:1050 NO:0150 HU:1051 SI:1000 "
        "BG:1000 CY:1010 TN:1000 AU:2000 NZ:6011 ZA:8001 PH:1000 AL:1001 MK:1000 "
        "LV:1050 GE:0105 AM:0010",
    ),
    (
        r"([0-9]{5})",
        "",
        "DE:10115 IT:00184 ES:28001 FI:00100 EE:10111 HR:10000 LT:01100 MC:98000 "
        "MA:20000 DZ:16000 TR:06100 MX:06000 UA:01001 KR:03051 SM:47890 VA:00120 "
        "ME:81000 RS:11000 BA:71000",
    ),
    (
        r"([0-9]{6})",
        "",
        "RU:101000 CN:100000 IN:110001 SG:049315 KZ:010000 BY:220030 RO:010011 VN:100000",
    ),
    (r"([0-9]{3})([0-9]{2})", " ", "SE:11122 CZ:11000 SK:81101 GR:10557"),
    (_UK, " ", "GB:SW1A2AA GG:GY11AA JE:JE23AB IM:IM11AA"),
    (r"([0-9]{5})(?:-?([0-9]{4}))?", "-", "US:20500 PR:00901 GU:96910 VI:00802"),
    (r"([A-Z][0-9][A-Z])([0-9][A-Z][0-9])", " ", "CA:H2X1Y4"),
    (r"([0-9]{4})([A-Z]{2})", " ", "NL:1012AB"),
    (r"([0-9]{2})-?([0-9]{3})", "-", "PL:00950"),
    (r"([0-9]{4})-?([0-9]{3})", "-", "PT:1100148"),
    (r"([0-9]{3})-?([0-9]{4})", "-", "JP:1000001"),
    (r"([0-9]{5})-?([0-9]{3})", "-", "BR:01310100"),
    (r"([AC-FHKNPRTV-Y][0-9]{2}|D6W)([0-9AC-FHKNPRTV-Y]{4})", " ", "IE:D02X285"),
)
POSTCODE_FORMATS: dict[str, tuple[re.Pattern, str, str]] = {
    country: (re.compile(pattern), separator, example)
    for pattern, separator, examples in _FORMATS
    for country, example in (pair.split(":") for pair in examples.split())
}
# The letters written before a postcode in the European way ("D-10115", "CH-8001", "L-1009").
_PREFIX = re.compile(r"([A-Z]{1,3})-(.+)")
_OLD_PREFIXES = {
    "DE": "D",
    "AT": "A",
    "BE": "B",
    "LU": "L",
    "IT": "I",
    "ES": "E",
    "SE": "S",
    "NO": "N",
    "FI": "FIN",
}


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
    """Optional on the form. Its format depends on the country (code or name): 5 digits in France,
    Germany...; 4 in Belgium, Switzerland...; the British, American, Canadian, Dutch... formats.
    For another country, or with the country not known yet (None), any plausible postcode
    passes; check again once it is known."""
    value = tidy(raw).upper()
    if not value:
        return valid("")
    code = _country_code(country)
    if code in FRENCH_POSTCODE_COUNTRIES:
        compact = value.replace(" ", "")
        return (
            valid(compact)
            if _FRENCH_POSTCODE.fullmatch(compact)
            else invalid("postcode.invalid_france")
        )
    if len(value) > POSTCODE_MAX_LENGTH or not _POSTCODE.fullmatch(value):
        return invalid("postcode.invalid", max=POSTCODE_MAX_LENGTH)
    if code not in POSTCODE_FORMATS:
        return valid(value)
    pattern, separator, example = POSTCODE_FORMATS[code]
    compact, prefix = value.replace(" ", ""), ""
    written = _PREFIX.fullmatch(compact)
    if written and written[1] in (code, _OLD_PREFIXES.get(code)):
        prefix, compact = written[1] + "-", written[2]  # "D-10115" stays as written
    match = pattern.fullmatch(compact)
    if not match:
        return _not_of_country(code, _written(pattern.fullmatch(example), separator))
    return valid(prefix + _written(match, separator))


def _written(match: re.Match, separator: str) -> str:
    return separator.join(part for part in match.groups() if part)


# Countries whose addresses have no postcode (the Universal Postal Union's list, as kept by
# Google's address data): their postcode is not asked.
COUNTRIES_WITHOUT_POSTCODES = frozenset(
    """AE AG AN AO AW BF BI BJ BO BS BW BZ CD CF CG CI CK CM DJ DM ER FJ GA GD GH GM GQ GY HK KI
    KM KN KP LY ML MO MR MW NR NU QA RW SB SC SL SR SS ST SY TD TF TG TK TL TO TV UG VU YE ZW""".split()
)


def has_no_postcodes(country: str | None) -> bool:
    try:
        return _country_code(country) in COUNTRIES_WITHOUT_POSTCODES
    except (KeyError, LookupError):
        return False


def _country_code(country: str | None) -> str | None:
    if country is None:
        return None
    if country in POSTCODE_FORMATS or country in FRENCH_POSTCODE_COUNTRIES:
        return country
    return check_country(country).value


def _not_of_country(code: str, example: str) -> Checked[str]:
    """ "postcode.invalid_country" names the country and shows an example; until the catalogue
    has that text, the general message is given."""
    if "postcode.invalid_country" not in message_codes():
        return invalid("postcode.invalid", max=POSTCODE_MAX_LENGTH)
    names = {language: _name_in(code, language) for language in LANGUAGES}
    return invalid("postcode.invalid_country", country=names, example=example)


def _name_in(code: str, language: str) -> str:
    """The country's name in a language (ISO 3166's translations); in English, its common name."""
    country = pycountry.countries.get(alpha_2=code)
    translated = _names_in(language).gettext(country.name)
    if translated != country.name:
        return translated
    return getattr(country, "common_name", None) or country.name


def check_city(raw) -> Checked[str]:
    value = tidy(raw)
    if not value:
        return invalid("city.required")
    if len(value) > CITY_MAX_LENGTH or not _CITY.match(value):
        return invalid("city.invalid", max=CITY_MAX_LENGTH)
    return valid(value)


@lru_cache(maxsize=None)
def _names_in(language: str) -> gettext.NullTranslations:
    return gettext.translation(
        "iso3166-1", pycountry.LOCALES_DIR, languages=[language], fallback=True
    )


@lru_cache(maxsize=1)
def _country_index() -> dict[str, str]:
    """Every way to name a country (in English and each language of the conversation, ISO
    codes), folded, to its alpha-2 code."""
    translations = [_names_in(language) for language in LANGUAGES]
    index: dict[str, str] = {}
    for country in pycountry.countries:
        names = {country.alpha_2, country.alpha_3, country.name}
        for attribute in ("common_name", "official_name"):
            if getattr(country, attribute, None):
                names.add(getattr(country, attribute))
        names.update(t.gettext(name) for t in translations for name in list(names))
        for name in names:
            index.setdefault(fold(name), country.alpha_2)
    for alias, code in _COUNTRY_ALIASES.items():
        index.setdefault(alias, code)
    return index


# The overseas departments (départements et régions d'outre-mer) are France; ISO 3166 gives them
# codes of their own.
OVERSEAS_DEPARTMENTS = frozenset({"GP", "MQ", "GF", "RE", "YT"})


def check_country(raw) -> Checked[str]:
    """A country of ISO 3166 by name (French or English) or code; normalised to its alpha-2 code."""
    value = tidy(raw)
    if not value:
        return invalid("country.required")
    code = _country_index().get(fold(value))
    if code in OVERSEAS_DEPARTMENTS:
        code = "FR"  # "Martinique" is France, as on a French administration's forms
    return valid(code) if code else invalid("country.unknown", value=value)


def country_name(code: str, language: str) -> str:
    """The name shown on the summary, in capitals as in the reference documents (FRANCE)."""
    return _name_in(code, language).upper()
