"""The fields the user fills in, declared once.

Each `Field` says which step asks it, its rule, whether it may be left empty, whether a
correction may name it and where it stands on the summary PDF, how it is stored and whether it
is a secret. Its words are in each language's file (languages/<code>.yml: FIELD_NAMES,
PDF_LABELS, CORRECTION_WORDS, FIELD_LABELS_IN_TEXT). The lists that the service, the forms'
validation, the storage, the PDF and the support command line use are derived from `FIELDS`;
account.coverage.py lists what a language's file or `domain.yml` lacks for a field (slots,
forms' `required_slots`, questions, summary, change buttons), so a field declared in one place and
not the other fails a test (tests/account/test_fields.py).

Adding a field: its `Field` here (and its rule in account/rules/), its words in each language's
file, its slot, question and summary line in domain.yml (and its change button when a correction
may name it), its NLU examples, and a schema migration when it is stored (account/migrations/).
The form's validation, the summary, the PDF, the storage and the support command line follow.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass, field
from typing import Any, Callable

from account import rules
from account.i18n import Checked
from languages import DEFAULT_LANGUAGE, LANGUAGES, words_of

# The steps of the procedure, in order, and the chat form that asks each one's fields.
STEPS = ("terms", "login", "form", "activation")
FORM_OF_STEP = {
    "terms": "registration_form",
    "login": "registration_form",
    "form": "registration_form",
    "activation": "activation_form",
}
SUMMARY_RESPONSE = "utter_summary"
CHANGE_FIELD_RESPONSE = "utter_ask_which_field"
CHANGED_FIELD = re.compile(r'"field":\s*"(\w+)"')


@dataclass(frozen=True)
class Field:
    name: str  # the slot's name, and the form's
    step: str
    required: bool = True
    # Checks and normalises a typed value (and the country's code, when `rule_needs_country`).
    rule: Callable[..., Checked] | None = None
    rule_needs_country: bool = False
    default: str = ""  # a registration's value when the field is left empty
    stored_as: str | None = None  # column of a registration and of an account
    size: int = 0  # the column's length
    # Its row on the summary PDF: (section, position); the section's other rows are the
    # subscriber number ("details", 3) and the address ("details", 6).
    pdf_row: tuple[str, float] | None = None
    summary_placeholder: str | None = None  # its `{…}` in the chat's summary, if shown there
    correctable: bool = False  # a correction may name it (CORRECTION_WORDS of each language)
    change_button: bool = False  # a button offers to change it (utter_ask_which_field)
    read_from_sentences: bool = False  # may be read from free text given for another field
    secret: bool = False  # typed answers are redacted from transcripts and never echoed
    captcha: bool = False  # a CAPTCHA's answer: not asked when CAPTCHAs are off
    # Its label written in a message ("ville : Lyon", FIELD_LABELS_IN_TEXT of each language):
    # "bare" when it may come without a colon (names), "colon" when it needs one.
    label_in_text: str | None = None
    typed_answer: bool = False  # one token (password, code, CAPTCHA), never an interruption
    # A name, a place or a free answer: its words say nothing of the user's language.
    free_answer: bool = False
    confirms: str | None = None  # the field whose value this one repeats
    # How the chat shows a value (value, language -> text); as stored when None.
    display: Callable[[str, str], str] | None = None

    def shown(self, value: Any, language: str) -> Any:
        """The value as the chat shows it ("+33123456789" -> "01 23 45 67 89", "FR" -> "France")."""
        return self.display(value, language) if self.display and value else value

    def check(self, raw: Any, country: str = rules.DEFAULT_COUNTRY) -> Checked:
        return self.rule(raw, country) if self.rule_needs_country else self.rule(raw)


@dataclass(frozen=True)
class FieldGroup:
    """Several fields a correction names together ("the street": number, type and name)."""

    name: str
    fields: tuple[str, ...]
    change_button: bool = True


def longest_first(patterns) -> str:
    """One regular expression of the top-level alternatives of several (one per language),
    longest first, so that "email address" is found whole before "email"."""
    found: list[str] = []
    for pattern in patterns:
        depth, start = 0, 0
        for position, character in enumerate(pattern + "|"):
            if character in "([":
                depth += 1
            elif character in ")]":
                depth -= 1
            elif character == "|" and depth == 0:
                found.append(pattern[start:position])
                start = position + 1
    return "|".join(sorted(dict.fromkeys(found), key=len, reverse=True))


def _form_field(name: str, size: int, **options) -> Field:
    return Field(
        name,
        "form",
        stored_as=name,
        size=size,
        summary_placeholder=options.pop("summary_placeholder", name),
        **options,
    )


@dataclass(frozen=True)
class FieldRegistry:
    fields: tuple[Field, ...]
    groups: tuple[FieldGroup, ...] = ()
    by_name: dict[str, Field] = field(init=False, repr=False, compare=False)

    def __post_init__(self):
        object.__setattr__(self, "by_name", {f.name: f for f in self.fields})
        assert len(self.by_name) == len(self.fields), "a field is declared twice"
        assert all(f.step in STEPS for f in self.fields)

    def __getitem__(self, name: str) -> Field:
        return self.by_name[name]

    def with_field(self, new: Field, after: str | None = None) -> FieldRegistry:
        """A copy with one more field (after `after`, or last)."""
        fields = list(self.fields)
        position = fields.index(self[after]) + 1 if after else len(fields)
        fields.insert(position, new)
        return dataclasses.replace(self, fields=tuple(fields))

    def of_step(self, *steps: str) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.step in steps)

    # What the parts of the service read ---------------------------------------------------

    @property
    def form_fields(self) -> tuple[str, ...]:
        """The registration form's own fields, checked by `check_form_field`."""
        return self.of_step("form")

    @property
    def optional_fields(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if not f.required)

    @property
    def stored(self) -> tuple[Field, ...]:
        """The personal columns of a registration and of an account, in the form's order."""
        return tuple(f for f in self.fields if f.stored_as)

    @property
    def personal_columns(self) -> tuple[str, ...]:
        return tuple(f.stored_as for f in self.stored)

    def required_slots(self, form: str) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if FORM_OF_STEP[f.step] == form)

    @property
    def forms(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(FORM_OF_STEP[step] for step in STEPS))

    def asked(self, form: str, captcha_enabled: bool = True) -> tuple[str, ...]:
        """The fields a form asks, in order (its CAPTCHA's only when CAPTCHAs are on)."""
        return tuple(
            name for name in self.required_slots(form) if captcha_enabled or not self[name].captcha
        )

    @property
    def captcha_fields(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.captcha)

    @property
    def secret_fields(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.secret)

    @property
    def typed_answer_fields(self) -> frozenset[str]:
        return frozenset(f.name for f in self.fields if f.typed_answer)

    @property
    def unread_for_language(self) -> frozenset[str]:
        """Answers never read for their language: typed answers and free ones."""
        return frozenset(f.name for f in self.fields if f.typed_answer or f.free_answer)

    @property
    def read_from_sentences(self) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.read_from_sentences)

    @property
    def correctable(self) -> dict[str, tuple[str, ...]]:
        """What a correction may name -> the fields it sets (a group sets several)."""
        named = {f.name: (f.name,) for f in self.fields if f.correctable}
        return {**named, **{g.name: g.fields for g in self.groups}}

    @property
    def correction_words(self) -> tuple[tuple[str, str], ...]:
        """(what a correction may name, the words of every language that name it)."""
        return tuple(
            (
                name,
                longest_first(
                    words_of(language).CORRECTION_WORDS[name]
                    for language in LANGUAGES
                    if name in words_of(language).CORRECTION_WORDS
                ),
            )
            for name in self.correctable
        )

    def labelled_in_text(self, how: str) -> tuple[str, ...]:
        return tuple(f.name for f in self.fields if f.label_in_text == how)

    @property
    def change_buttons(self) -> frozenset[str]:
        """What the "which field?" buttons offer to change."""
        return frozenset(f.name for f in self.fields if f.change_button) | frozenset(
            g.name for g in self.groups if g.change_button
        )

    def label(self, name: str, language: str) -> str:
        """How the chat names a field ("where am I", "noted: ...")."""
        return words_of(language).FIELD_NAMES[name]

    def pdf_rows(self, section: str) -> tuple[Field, ...]:
        """The fields on the summary PDF's section, in their order."""
        rows = [f for f in self.fields if f.pdf_row and f.pdf_row[0] == section]
        return tuple(sorted(rows, key=lambda f: f.pdf_row[1]))

    def summary_values(self, values: dict[str, Any], language: str) -> dict[str, Any]:
        """The `{…}` of the chat's summary, from the fields' values, as the chat shows them."""
        return {
            f.summary_placeholder: f.shown(values.get(f.name), language)
            for f in self.fields
            if f.summary_placeholder
        }

    def registration_form_class(self) -> type:
        """A complete pre-registration form: the login e-mail, the password's hash (never the
        password) and every field of the form step; optional fields default to their default."""
        form = [f for f in self.fields if f.step == "form"]
        return dataclasses.make_dataclass(
            "RegistrationForm",
            [("email", str), ("password_hash", str)]
            + [(f.name, str) for f in form if f.required and not f.default]
            + [(f.name, str, dataclasses.field(default=f.default)) for f in form if f.default]
            + [(f.name, str, dataclasses.field(default="")) for f in form if not f.required]
            + [("language", str, dataclasses.field(default=DEFAULT_LANGUAGE))],
            frozen=True,
            kw_only=True,
        )

    def activated_account_class(self) -> type:
        return dataclasses.make_dataclass(
            "ActivatedAccount",
            [("subscriber_number", str), ("registered_at", Any)]
            + [(column, str) for column in self.personal_columns]
            + [("language", str)],
            frozen=True,
        )


STREET = "street_number", "street_type", "street_name"

FIELDS = FieldRegistry(
    (
        Field("terms_accepted", "terms"),
        Field("captcha_answer", "terms", typed_answer=True, captcha=True),
        Field(
            "login_email",
            "login",
            stored_as="email",
            size=100,
            pdf_row=("details", 5),
            summary_placeholder="login_email",
            correctable=True,
            change_button=True,
        ),
        Field("login_email_confirmation", "login", confirms="login_email"),
        Field(
            "password",
            "login",
            correctable=True,
            change_button=True,
            secret=True,
            typed_answer=True,
        ),
        Field(
            "password_confirmation",
            "login",
            secret=True,
            typed_answer=True,
            confirms="password",
        ),
        _form_field(
            "surname",
            50,
            rule=rules.check_surname,
            pdf_row=("details", 1),
            correctable=True,
            change_button=True,
            read_from_sentences=True,
            free_answer=True,
            label_in_text="bare",
        ),
        _form_field(
            "first_name",
            50,
            rule=rules.check_first_name,
            pdf_row=("details", 2),
            correctable=True,
            change_button=True,
            read_from_sentences=True,
            free_answer=True,
            label_in_text="bare",
        ),
        _form_field(
            "phone",
            20,  # E.164
            rule=rules.check_phone,
            pdf_row=("details", 4),
            correctable=True,
            change_button=True,
            read_from_sentences=True,
            display=lambda value, language: rules.display_phone(value),
        ),
        _form_field(
            "street_number",
            12,
            required=False,
            rule=rules.check_street_number,
            correctable=True,
            read_from_sentences=True,
        ),
        _form_field(
            "street_type",
            30,
            required=False,
            rule=rules.check_street_type,
            read_from_sentences=True,
        ),
        _form_field(
            "street_name",
            100,
            required=False,
            rule=rules.check_street_name,
            read_from_sentences=True,
            free_answer=True,
        ),
        _form_field(
            "complement",
            100,
            required=False,
            rule=rules.check_complement,
            correctable=True,
            read_from_sentences=True,
            free_answer=True,
            label_in_text="colon",
        ),
        _form_field(
            "postcode",
            10,
            required=False,
            rule=rules.check_postcode,
            rule_needs_country=True,
            correctable=True,
            change_button=True,
            read_from_sentences=True,
            label_in_text="colon",
        ),
        _form_field(
            "city",
            60,
            rule=rules.check_city,
            correctable=True,
            change_button=True,
            read_from_sentences=True,
            free_answer=True,
            label_in_text="colon",
        ),
        _form_field(
            "country",
            2,  # ISO 3166 alpha-2
            rule=rules.check_country,
            default=rules.DEFAULT_COUNTRY,
            correctable=True,
            change_button=True,
            read_from_sentences=True,
            display=rules.country_name,
            label_in_text="colon",
        ),
        _form_field(
            "trust_question",
            30,
            rule=rules.check_trust_question,
            default=rules.DEFAULT_TRUST_QUESTION,
            pdf_row=("trust", 1),
            summary_placeholder="question",  # shown as the question's text, not its code
            correctable=True,
            change_button=True,
            display=rules.trust_question_label,
        ),
        _form_field(
            "trust_answer",
            100,
            rule=rules.check_trust_answer,
            pdf_row=("trust", 2),
            correctable=True,
            change_button=True,
            free_answer=True,
        ),
        Field("activation_code", "activation", secret=True, typed_answer=True),
        Field("activation_captcha", "activation", typed_answer=True, captcha=True),
        Field("activation_email", "activation"),
    ),
    groups=(FieldGroup("street", STREET),),
)
