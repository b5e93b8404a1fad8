"""A complete pre-registration form and its one check: every field by its rule (account/fields.py).

The conversation checks each answer as it is typed; the service checks the whole form once more
when it is submitted, because it trusts no caller (the web chat, the support command line)."""

from __future__ import annotations

import dataclasses

from account import rules
from account.credentials import is_password_hash
from account.fields import FIELDS, FieldRegistry
from account.i18n import Checked, Problem, language_or_default

# Fields of the form, in the order of the procedure.
FORM_FIELDS = FIELDS.form_fields
# The fields without an asterisk on the form: they may be left empty.
OPTIONAL_FIELDS = FIELDS.optional_fields
# A complete pre-registration form. It carries the password's hash, never the password.
RegistrationForm = FIELDS.registration_form_class()


def check_form_field(
    name: str, raw, country=rules.DEFAULT_COUNTRY, fields: FieldRegistry = FIELDS
) -> Checked:
    """The rule of one form field by its name. The postcode's rule depends on the country,
    given as typed or as its code."""
    country = rules.check_country(country).value or rules.DEFAULT_COUNTRY
    return fields[name].check(raw, country)


def checked_form(form: RegistrationForm) -> tuple[RegistrationForm, dict[str, Problem]]:
    """The form with every value normalised by its rule, and the problems found (by field);
    each field is checked once."""
    problems: dict[str, Problem] = {}
    changes = {}
    email = rules.check_email_syntax(form.email)
    if email.ok:
        changes["email"] = email.value
    else:
        problems["email"] = email.problem
    if not is_password_hash(form.password_hash):
        problems["password"] = Problem("password.required")
    for name in FORM_FIELDS:
        checked = check_form_field(name, getattr(form, name), form.country)
        if checked.ok:
            changes[name] = checked.value
        else:
            problems[name] = checked.problem
    changes["language"] = language_or_default(form.language)
    return (form if problems else dataclasses.replace(form, **changes)), problems
