"""The fields the user fills in, declared once.

Each `Field` says which step asks it, its rule, whether it may be left empty, its names in French
and English (chat, PDF), the words that name it in a correction, how it is stored and whether it
is a secret. The lists the service, the actions, the storage and the directory use are derived
from `FIELDS`; `FieldRegistry.missing_in_domain` compares it with `domain.yml` (slots, forms'
`required_slots`, questions, summary), so a field declared in one place and not the other fails a
test (tests/account/test_fields.py).

Adding a field: its `Field` here (and its rule in account/rules/), its slot, question and summary line
in domain.yml, its NLU examples, and a schema migration when it is stored (account/migrations/).
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from typing import Any, Callable

from account import rules
from account.i18n import LANGUAGES, Checked, variation_language

# The steps of the procedure, in order, and the chat form that asks each one's fields.
STEPS = ("terms", "login", "form", "activation")
FORM_OF_STEP = {
    "terms": "registration_form",
    "login": "registration_form",
    "form": "registration_form",
    "activation": "activation_form",
}
SUMMARY_RESPONSE = "utter_summary"


@dataclass(frozen=True)
class Field:
    name: str  # the slot's name, and the form's
    step: str
    label: dict[str, str]  # how the chat names it ("where am I", "noted: ...")
    required: bool = True
    # Checks and normalises a typed value (and the country's code, when `rule_needs_country`).
    rule: Callable[..., Checked] | None = None
    rule_needs_country: bool = False
    default: str = ""  # a registration's value when the field is left empty
    stored_as: str | None = None  # column of a registration and of an account
    size: int = 0  # the column's length
    pdf_label: dict[str, str] | None = None  # its line on the summary PDF
    summary_placeholder: str | None = None  # its `{…}` in the chat's summary, if shown there
    correction_words: str | None = None  # a regular expression on folded text
    read_from_sentences: bool = False  # may be read from free text given for another field
    secret: bool = False  # typed answers are redacted from transcripts and never echoed
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
    correction_words: str


def _labels(fr: str, en: str) -> dict[str, str]:
    return {"fr": fr, "en": en}


def _form_field(name: str, fr: str, en: str, size: int, **options) -> Field:
    return Field(
        name,
        "form",
        _labels(fr, en),
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
        named = {f.name: (f.name,) for f in self.fields if f.correction_words}
        return {**named, **{g.name: g.fields for g in self.groups}}

    @property
    def correction_words(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (f.name, f.correction_words) for f in self.fields if f.correction_words
        ) + tuple((g.name, g.correction_words) for g in self.groups)

    @property
    def labels(self) -> dict[str, dict[str, str]]:
        return {f.name: f.label for f in self.fields}

    def summary_values(self, values: dict[str, Any], language: str) -> dict[str, Any]:
        """The `{…}` of the chat's summary, from the fields' values, as the chat shows them."""
        return {
            f.summary_placeholder: f.shown(values.get(f.name), language)
            for f in self.fields
            if f.summary_placeholder
        }

    def pdf_labels(self, language: str) -> dict[str, str]:
        return {f.stored_as: f.pdf_label[language] for f in self.stored if f.pdf_label}

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
            + [("language", str, dataclasses.field(default="fr"))],
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

    # The domain's side of each field ----------------------------------------------------

    def missing_in_domain(self, domain: dict) -> list[str]:
        """What `domain.yml` (as a dictionary) lacks or has in another order, one line each."""
        problems = []
        slots = domain.get("slots", {})
        responses = domain.get("responses", {})
        actions = set(domain.get("actions", []))
        for f in self.fields:
            if f.name not in slots:
                problems.append(f"slot {f.name}")
            ask = f"utter_ask_{f.name}"
            if f"action_ask_{f.name}" not in actions:
                languages = {variation_language(v) for v in responses.get(ask, [])}
                for language in sorted(set(LANGUAGES) - languages):
                    problems.append(f"response {ask} ({language})")
            if f.summary_placeholder:
                for variation in responses.get(SUMMARY_RESPONSE, []):
                    if "{" + f.summary_placeholder + "}" not in variation.get("text", ""):
                        language = variation_language(variation)
                        problems.append(
                            f"{{{f.summary_placeholder}}} in {SUMMARY_RESPONSE} ({language})"
                        )
        forms = domain.get("forms", {})
        for form in self.forms:
            declared = tuple((forms.get(form) or {}).get("required_slots", []))
            if declared != self.required_slots(form):
                problems.append(
                    f"{form} required_slots: {list(self.required_slots(form))}, "
                    f"not {list(declared)}"
                )
        return problems


STREET = "street_number", "street_type", "street_name"

FIELDS = FieldRegistry(
    (
        Field("terms_accepted", "terms", _labels("conditions générales", "terms and conditions")),
        Field("captcha_answer", "terms", _labels("CAPTCHA", "CAPTCHA"), typed_answer=True),
        Field(
            "login_email",
            "login",
            _labels("adresse électronique", "email address"),
            stored_as="email",
            size=100,
            pdf_label=_labels("Adresse électronique de connexion :", "Login email address:"),
            summary_placeholder="login_email",
            correction_words=r"adresse (?:electronique|e-?mail|mail)|(?:e-?mail|mail) address|"
            r"e-?mail|mail|courriel|identifiant|login",
        ),
        Field(
            "login_email_confirmation",
            "login",
            _labels("confirmation de l'adresse électronique", "email confirmation"),
            confirms="login_email",
        ),
        Field(
            "password",
            "login",
            _labels("mot de passe", "password"),
            correction_words=r"mot de passe|password|mdp",
            secret=True,
            typed_answer=True,
        ),
        Field(
            "password_confirmation",
            "login",
            _labels("confirmation du mot de passe", "password confirmation"),
            secret=True,
            typed_answer=True,
            confirms="password",
        ),
        _form_field(
            "surname",
            "nom",
            "surname",
            50,
            rule=rules.check_surname,
            pdf_label=_labels("Nom :", "Surname:"),
            correction_words=r"nom de famille|nom|surname|last name|family name|name",
            read_from_sentences=True,
            free_answer=True,
        ),
        _form_field(
            "first_name",
            "prénom",
            "first name",
            50,
            rule=rules.check_first_name,
            pdf_label=_labels("Prénom :", "First name:"),
            correction_words=r"prenom|first name|given name|forename",
            read_from_sentences=True,
            free_answer=True,
        ),
        _form_field(
            "phone",
            "téléphone",
            "telephone",
            20,  # E.164
            rule=rules.check_phone,
            pdf_label=_labels("Téléphone :", "Telephone:"),
            correction_words=r"(?:numero de )?telephone|tel|phone(?: number)?|mobile|portable|"
            r"numero",
            read_from_sentences=True,
            display=lambda value, language: rules.display_phone(value),
        ),
        _form_field(
            "street_number",
            "numéro de voie",
            "street number",
            12,
            required=False,
            rule=rules.check_street_number,
            correction_words=r"numero de (?:la )?(?:voie|rue)|street number|house number",
            read_from_sentences=True,
        ),
        _form_field(
            "street_type",
            "nature de la voie",
            "street type",
            30,
            required=False,
            rule=rules.check_street_type,
            read_from_sentences=True,
        ),
        _form_field(
            "street_name",
            "libellé de la voie",
            "street name",
            100,
            required=False,
            rule=rules.check_street_name,
            read_from_sentences=True,
            free_answer=True,
        ),
        _form_field(
            "complement",
            "complément d'adresse",
            "address complement",
            100,
            required=False,
            rule=rules.check_complement,
            correction_words=r"complement(?: d['’ ]?adresse)?|batiment|building|appartement|"
            r"apartment",
            read_from_sentences=True,
            free_answer=True,
        ),
        _form_field(
            "postcode",
            "code postal",
            "postcode",
            10,
            required=False,
            rule=rules.check_postcode,
            rule_needs_country=True,
            correction_words=r"code postal|postcode|post code|postal code|zip(?: code)?",
            read_from_sentences=True,
        ),
        _form_field(
            "city",
            "ville",
            "city",
            60,
            rule=rules.check_city,
            correction_words=r"nom de (?:la )?ville|ville|city(?: name)?|town|commune|"
            r"j['’ ]?habite a|habite a|i live in|live in|living in|based in",
            read_from_sentences=True,
            free_answer=True,
        ),
        _form_field(
            "country",
            "pays",
            "country",
            2,  # ISO 3166 alpha-2
            rule=rules.check_country,
            default=rules.DEFAULT_COUNTRY,
            correction_words=r"pays|country",
            read_from_sentences=True,
            display=rules.country_name,
        ),
        _form_field(
            "trust_question",
            "question de confiance",
            "trust question",
            30,
            rule=rules.check_trust_question,
            default=rules.DEFAULT_TRUST_QUESTION,
            pdf_label=_labels("Question de confiance :", "Trust question:"),
            summary_placeholder="question",  # shown as the question's text, not its code
            correction_words=r"question",
            display=rules.trust_question_label,
        ),
        _form_field(
            "trust_answer",
            "réponse de confiance",
            "trust answer",
            100,
            rule=rules.check_trust_answer,
            pdf_label=_labels("Réponse de confiance :", "Trust answer:"),
            correction_words=r"reponse|answer",
            free_answer=True,
        ),
        Field(
            "activation_code",
            "activation",
            _labels("code d'activation", "activation code"),
            secret=True,
            typed_answer=True,
        ),
        Field(
            "activation_captcha",
            "activation",
            _labels("CAPTCHA", "CAPTCHA"),
            typed_answer=True,
        ),
        Field(
            "activation_email",
            "activation",
            _labels("adresse électronique de connexion", "login email address"),
        ),
    ),
    groups=(
        FieldGroup(
            "street",
            STREET,
            r"nom de (?:la )?(?:rue|voie)|street name|adresse(?: postale)?|(?:postal )?address|"
            r"rue|street|voie",
        ),
    ),
)
