"""Login e-mail and password (2023 rules: at least 20 characters, letters and digits, no spaces)."""

from __future__ import annotations

import re
import unicodedata

from email_validator import EmailNotValidError, validate_email

from account.i18n import Checked, invalid, valid
from account.rules.text import has_control_characters, tidy

EMAIL_MAX_LENGTH = 100
PASSWORD_MIN_LENGTH = 20
# Not a rule of the guide: a bound so that nobody makes us hash megabytes.
PASSWORD_MAX_LENGTH = 128
# A local part shorter than this would forbid common letters; the rule applies from here on.
LOCAL_PART_MIN_CHECKED = 3


def email_key(email: str) -> str:
    """The form under which two addresses are the same username (case does not matter; lower(),
    not casefold(), which would make "straße.fr" and "strasse.fr", two domains, one)."""
    return email.lower()


def check_email_syntax(raw) -> Checked[str]:
    value = tidy(raw)
    if not value:
        return invalid("email.required")
    if len(value) > EMAIL_MAX_LENGTH:
        return invalid("email.too_long", max=EMAIL_MAX_LENGTH)
    try:
        result = validate_email(value, check_deliverability=False)
    except EmailNotValidError:
        return invalid("email.invalid", value=value)
    if len(result.normalized) > EMAIL_MAX_LENGTH:
        return invalid("email.too_long", max=EMAIL_MAX_LENGTH)
    return valid(result.normalized)


def check_email_confirmation(email: str, raw) -> Checked[str]:
    confirmation = check_email_syntax(raw)
    if not confirmation.ok or email_key(confirmation.value) != email_key(email):
        return invalid("email.confirmation_mismatch", email=email)
    return valid(email)


def check_password(raw, email: str | None = None) -> Checked[str]:
    """The password as typed (never trimmed: every character counts)."""
    value = unicodedata.normalize("NFC", raw or "")
    if not value:
        return invalid("password.required")
    if any(c.isspace() for c in value):
        return invalid("password.spaces")
    if has_control_characters(value):
        return invalid("password.unprintable")
    if len(value) < PASSWORD_MIN_LENGTH:
        return invalid("password.too_short", min=PASSWORD_MIN_LENGTH, length=len(value))
    if len(value) > PASSWORD_MAX_LENGTH:
        return invalid("password.too_long", max=PASSWORD_MAX_LENGTH)
    if not (any(c.isalpha() for c in value) and any(c.isdigit() for c in value)):
        return invalid("password.letters_and_digits")
    if email:
        local_part = email.rsplit("@", 1)[0].casefold()
        lowered = value.casefold()
        if email.casefold() in lowered or (
            len(local_part) >= LOCAL_PART_MIN_CHECKED and local_part in lowered
        ):
            return invalid("password.contains_email")
    return valid(value)


def password_strength(password: str) -> str:
    """'weak', 'medium' or 'strong', for display next to the password (as on the form)."""
    if not check_password(password).ok:
        return "weak"
    classes = sum(
        bool(re.search(pattern, password))
        for pattern in (r"[a-z]", r"[A-Z]", r"\d", r"[^A-Za-z\d]")
    )
    if classes >= 3 and len(password) >= 24 or classes == 4:
        return "strong"
    return "medium"
