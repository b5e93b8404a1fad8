"""Small text helpers shared by the rules."""

import re
import unicodedata

# Control and invisible formatting characters, and unpaired surrogates (which JSON can carry but
# UTF-8, hence the database, cannot).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")


def tidy(raw) -> str:
    """NFC-normalise, trim and fold runs of white space: what every free-text field gets."""
    if raw is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(raw)).split())


def has_control_characters(value: str) -> bool:
    return bool(_CONTROL.search(value))


def fold(value: str) -> str:
    """Case- and accent-insensitive form, for matching names typed in any way."""
    decomposed = unicodedata.normalize("NFKD", value.casefold())
    return " ".join("".join(c for c in decomposed if not unicodedata.combining(c)).split())
