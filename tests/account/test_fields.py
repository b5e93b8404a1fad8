"""One declaration per field (account/fields.py): the lists of the service, the forms' validation,
the storage, the PDF and the support command line are derived from it; domain.yml and each
language's file are checked against it (account.coverage.py).

A made-up field (a fax number) is added in the test: it reaches every derived part, and what must
still be written by hand (its words, its place in domain.yml) is listed exactly."""

import dataclasses
import io
from datetime import datetime, timezone
from pathlib import Path
from types import SimpleNamespace

import pytest
import yaml
from pypdf import PdfReader
from rasa_sdk import Tracker
from rasa_sdk.executor import CollectingDispatcher

from account import directory, labels, registration_form, storage, summary_pdf
from account.coverage import missing_in_domain, missing_words
from account.fields import FIELDS, Field
from account.i18n import invalid, valid
from account.summaries import Summaries
from actions.form_validation import field_validators
from actions.registration import ValidateRegistrationForm
from languages import LANGUAGES, words_of

ROOT = Path(__file__).resolve().parent.parent.parent
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())


def check_fax(raw):
    digits = "".join(c for c in str(raw) if c.isdigit())
    return valid(digits) if len(digits) == 10 else invalid("phone.invalid", value=raw)


FAX = Field(
    "fax",
    "form",
    required=False,
    rule=check_fax,
    stored_as="fax",
    size=20,
    pdf_row=("details", 4.5),  # after the phone
    summary_placeholder="fax",
    correctable=True,
    change_button=True,
    read_from_sentences=True,
)
FAX_WORDS = {
    "fr": {"FIELD_NAMES": "télécopie", "PDF_LABELS": "Télécopie :", "CORRECTION_WORDS": "fax"},
    "en": {"FIELD_NAMES": "fax", "PDF_LABELS": "Fax:", "CORRECTION_WORDS": "fax|facsimile"},
}


@pytest.fixture
def fields_with_fax(monkeypatch):
    """The registry with the fax, and its words in each language's file."""
    for language in LANGUAGES:
        for name, word in FAX_WORDS[language].items():
            monkeypatch.setitem(getattr(words_of(language), name), "fax", word)
    return FIELDS.with_field(FAX, after="phone")


def test_domain_yml_and_the_language_files_agree_with_the_registry():
    assert missing_in_domain(FIELDS, DOMAIN) == []
    for language in LANGUAGES:
        assert missing_words(FIELDS, language) == []


def test_the_service_the_actions_and_the_storage_use_the_registry():
    from actions import extraction
    from actions.activation import ACTIVATION_SLOTS
    from actions.registration import FORM_SLOTS
    from transcripts.store import SECRET_SLOTS

    assert registration_form.FORM_FIELDS == FIELDS.of_step("form")
    assert FORM_SLOTS == tuple(DOMAIN["forms"]["registration_form"]["required_slots"])
    assert ACTIVATION_SLOTS == tuple(DOMAIN["forms"]["activation_form"]["required_slots"])
    assert {f.name for f in dataclasses.fields(registration_form.RegistrationForm)} == {
        "email",
        "password_hash",
        "language",
        *FIELDS.form_fields,
    }
    columns = {c.name: c.type for c in storage.Account.__table__.columns}
    for field in FIELDS.stored:
        assert columns[field.stored_as].length == field.size
    assert set(directory.PERSONAL_FIELDS) == {*FIELDS.personal_columns, "language"}
    assert set(extraction.CORRECTABLE) == {
        "login_email",
        "password",
        "street",
        *[f for f in FIELDS.form_fields if FIELDS[f].correctable],
    }
    assert SECRET_SLOTS == {"password", "password_confirmation", "activation_code"}
    assert FIELDS.captcha_fields == {"captcha_answer", "activation_captcha"}
    assert FIELDS.asked("activation_form", captcha_enabled=False) == (
        "activation_code",
        "activation_email",
    )
    assert labels.field_label("trust_answer", "en") == "trust answer"
    assert summary_pdf.labels_of("fr")["login_email"] == "Adresse électronique de connexion :"


def test_every_slot_of_each_form_has_its_validation():
    """rasa_sdk skips a slot without validate_<slot> silently: none may lack one."""
    from actions.activation import ValidateActivationForm

    for validator in (ValidateRegistrationForm, ValidateActivationForm):
        form = validator.FORM
        for slot in DOMAIN["forms"][form]["required_slots"]:
            assert callable(getattr(validator, f"validate_{slot}", None)), (form, slot)


def test_a_new_field_reaches_every_derived_list(fields_with_fax):
    fields = fields_with_fax
    assert fields.form_fields[fields.form_fields.index("phone") + 1] == "fax"
    assert "fax" in fields.optional_fields
    assert "fax" in fields.required_slots("registration_form")
    assert "fax" in fields.personal_columns and "fax" in fields.read_from_sentences
    assert fields.correctable["fax"] == ("fax",)
    assert ("fax", "facsimile|fax") in fields.correction_words  # every language, longest first
    assert "fax" in fields.change_buttons
    assert fields.label("fax", "fr") == "télécopie"
    assert str(storage.personal_columns(fields)["fax"].type) == "VARCHAR(20)"
    form = fields.registration_form_class()
    assert "fax" in {f.name for f in dataclasses.fields(form)}
    assert "fax" in {f.name for f in dataclasses.fields(fields.activated_account_class())}
    assert FIELDS["phone"].check("01 23 45 67 89").ok  # the copy left the registry alone
    assert "fax" not in FIELDS.by_name


def test_a_new_field_is_validated_by_its_rule_in_the_form(fields_with_fax):
    validate = field_validators(fields_with_fax, "registration_form")["validate_fax"]
    tracker = Tracker("c", {"language": "fr"}, {}, [], False, None, {}, "action_listen")
    dispatcher = CollectingDispatcher()
    assert validate(ValidateRegistrationForm(), "01.23.45.67.89", dispatcher, tracker, {}) == {
        "fax": "0123456789"
    }
    assert validate(ValidateRegistrationForm(), "12", dispatcher, tracker, {}) == {"fax": None}
    assert "n'est pas un numéro de téléphone valide" in dispatcher.messages[0]["text"]


def test_a_new_field_is_on_the_summary_the_pdf_and_the_support_screen(fields_with_fax):
    fields = fields_with_fax
    assert fields.summary_values({"fax": "0123456789"}, "fr")["fax"] == "0123456789"
    values = {column: "" for column in fields.personal_columns}
    values.update(surname="DUPONT", first_name="Marie", phone="+33123456789", fax="0199887766")
    values.update(email="m@example.fr", country="FR", trust_question="nickname")
    account = fields.activated_account_class()(
        subscriber_number="12345678901234", registered_at=None, language="fr", **values
    )
    content = Summaries.content(account, "fr", fields)
    rows = [name for name, _ in content.details]
    assert rows[rows.index("phone") + 1] == "fax"
    pdf = summary_pdf.render_summary_pdf(
        content, "fr", datetime(2026, 1, 5, tzinfo=timezone.utc), summary_pdf.ZoneInfo("UTC")
    )
    text = "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)
    assert "Télécopie :" in text and "0199887766" in text
    row = SimpleNamespace(subscriber_number="1", registered_at=None, **values, language="fr")
    assert directory.AccountRecord.from_row(row, fields).details["fax"] == "0199887766"


def test_what_a_new_field_still_needs_by_hand_is_listed_exactly():
    fields = FIELDS.with_field(FAX, after="phone")
    for language in LANGUAGES:
        assert missing_words(fields, language) == [
            "FIELD_NAMES fax",
            "PDF_LABELS fax",
            "CORRECTION_WORDS fax",
        ]
    assert missing_in_domain(fields, DOMAIN) == [
        "slot fax",
        "response utter_ask_fax (en)",
        "response utter_ask_fax (fr)",
        "{fax} in utter_summary (fr)",
        "{fax} in utter_summary (en)",
        "utter_ask_which_field buttons (fr): missing ['fax'], not fields []",
        "utter_ask_which_field buttons (en): missing ['fax'], not fields []",
        "registration_form required_slots: "
        f"{list(fields.required_slots('registration_form'))}, "
        f"not {DOMAIN['forms']['registration_form']['required_slots']}",
    ]


def test_the_domain_check_passes_once_the_domain_has_the_field():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    domain["slots"]["fax"] = {"type": "text"}
    slots = domain["forms"]["registration_form"]["required_slots"]
    slots.insert(slots.index("phone") + 1, "fax")
    domain["responses"]["utter_ask_fax"] = [
        {"text": "Votre numéro de télécopie ?"},
        {"condition": [{"type": "slot", "name": "language", "value": "en"}], "text": "Fax?"},
    ]
    for variation in domain["responses"]["utter_summary"]:
        variation["text"] += " {fax}"
    for variation in domain["responses"]["utter_ask_which_field"]:
        variation["buttons"].append({"title": "Fax", "payload": '/change_field{"field": "fax"}'})
    assert missing_in_domain(FIELDS.with_field(FAX, after="phone"), domain) == []


def test_a_field_cannot_be_declared_twice():
    with pytest.raises(AssertionError):
        FIELDS.with_field(FIELDS["phone"])
