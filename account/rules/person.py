"""Surname, first name and telephone."""

from __future__ import annotations

import re

import phonenumbers

from account.i18n import Checked, invalid, valid
from account.rules.text import has_control_characters, tidy

NAME_MAX_LENGTH = 50
PHONE_MAX_LENGTH = 30
DEFAULT_PHONE_REGION = "FR"
# Overseas departments and collectivities share the French numbering plan: "0590 ..." dialled
# in France is a Guadeloupe number, which phonenumbers only accepts with region GP.
FRENCH_NUMBERING_REGIONS = ("FR", "GP", "MQ", "GF", "RE", "YT", "PM", "BL", "MF")
# Letters of any script, joined by spaces, hyphens, apostrophes or dots ("Jean-Paul", "O'Neil").
_NAME = re.compile(r"^[^\W\d_]+(?:(?:[ '’.-]|\. )[^\W\d_]+)*\.?$")


def _check_name(raw, field: str) -> Checked[str]:
    value = tidy(raw)
    if not value:
        return invalid(f"{field}.required")
    if len(value) > NAME_MAX_LENGTH:
        return invalid(f"{field}.too_long", max=NAME_MAX_LENGTH)
    if has_control_characters(value) or not _NAME.match(value):
        return invalid(f"{field}.invalid")
    return valid(value)


def check_surname(raw) -> Checked[str]:
    """Surnames are kept in capitals, as on the summary (ROSEMONDE)."""
    checked = _check_name(raw, "surname")
    if not checked.ok:
        return checked
    capitals = checked.value.upper()
    if len(capitals) > NAME_MAX_LENGTH:  # "ß" becomes "SS": the kept value must fit too
        return invalid("surname.too_long", max=NAME_MAX_LENGTH)
    return valid(capitals)


def check_first_name(raw) -> Checked[str]:
    return _check_name(raw, "first_name")


def check_phone(
    raw, region: str = DEFAULT_PHONE_REGION, elsewhere: tuple[str, ...] = ()
) -> Checked[str]:
    """Any French or international number; normalised to E.164 (+33123456789). `elsewhere`: the
    countries, most likely first, where a national number that is not French may be read
    ("0131 496 0732" in the United Kingdom)."""
    value = tidy(raw)
    if not value:
        return invalid("phone.required")
    if len(value) > PHONE_MAX_LENGTH:
        return invalid("phone.invalid", value=value[:PHONE_MAX_LENGTH] + "…")
    if value.startswith("00"):
        value = "+" + value[2:]
    if elsewhere and not value.startswith("+") and not _grouped_as_in_france(value):
        other = _national_number_elsewhere(value, elsewhere)
        if other:
            return valid(other)  # "021 427 3390" in an English conversation: Cork, not Rouen
    regions = (
        (region,)
        if value.startswith("+") or region not in FRENCH_NUMBERING_REGIONS
        else FRENCH_NUMBERING_REGIONS
    )
    for candidate_region in regions:
        try:
            number = phonenumbers.parse(value, candidate_region)
        except phonenumbers.NumberParseException:
            return invalid("phone.invalid", value=value)
        if phonenumbers.is_valid_number(number):
            return valid(phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164))
    if not value.startswith("+") and elsewhere:
        other = _national_number_elsewhere(value, elsewhere)
        if other:
            return valid(other)
    return invalid("phone.invalid", value=value)


_FRENCH_GROUPS = re.compile(r"\d{10}|0\d(?:[ .-]?\d{2}){4}|0\d{3}(?:[ .-]?\d{2}){3}")


def _grouped_as_in_france(value: str) -> bool:
    """ "06 12 34 56 78", "0612345678", "0590 27 12 34": written as numbers are in France."""
    return bool(_FRENCH_GROUPS.fullmatch(value.strip()))


def _national_number_elsewhere(value: str, regions: tuple[str, ...]) -> str | None:
    """The number read in the first of `regions` (most likely first) where it is valid; the
    summary shows it in international form, to be checked."""
    for region in regions:
        try:
            number = phonenumbers.parse(value, region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    return None


def display_phone(e164: str) -> str:
    """French numbers as dialled in France (01 23 45 67 89, 0590 27 12 34), others in
    international form."""
    number = phonenumbers.parse(e164, None)
    if phonenumbers.region_code_for_number(number) in FRENCH_NUMBERING_REGIONS:
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.NATIONAL)
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)
