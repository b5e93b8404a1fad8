"""One declaration per field (account/fields.py): the lists of the service, the actions and the
storage are derived from it, and domain.yml is checked against it."""

import dataclasses
from pathlib import Path

import pytest
import yaml

from account import directory, labels, registration, storage, summary_pdf
from account.fields import FIELDS, Field
from account.i18n import valid

ROOT = Path(__file__).resolve().parent.parent.parent
DOMAIN = yaml.safe_load((ROOT / "domain.yml").read_text())

FAX = Field(
    "fax",
    "form",
    {"fr": "télécopie", "en": "fax"},
    required=False,
    rule=lambda raw: valid(raw),
    stored_as="fax",
    size=20,
    summary_placeholder="fax",
    correction_words=r"fax|telecopie",
    read_from_sentences=True,
)


def test_domain_yml_agrees_with_the_registry():
    assert FIELDS.missing_in_domain(DOMAIN) == []


def test_the_service_the_actions_and_the_storage_use_the_registry():
    from actions import extraction
    from actions.registration import FORM_SLOTS
    from transcripts.store import SECRET_SLOTS

    assert registration.FORM_FIELDS == FIELDS.of_step("form")
    assert FORM_SLOTS == tuple(DOMAIN["forms"]["registration_form"]["required_slots"])
    assert {f.name for f in dataclasses.fields(registration.RegistrationForm)} == {
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
        *[f for f in FIELDS.form_fields if FIELDS[f].correction_words],
    }
    assert SECRET_SLOTS == {"password", "password_confirmation", "activation_code"}
    assert labels.FIELD_LABELS["trust_answer"]["en"] == "trust answer"
    assert summary_pdf.labels_of("fr")["email"] == "Adresse électronique de connexion :"


def test_a_new_field_reaches_every_derived_list():
    fields = FIELDS.with_field(FAX, after="phone")
    assert fields.form_fields[fields.form_fields.index("phone") + 1] == "fax"
    assert "fax" in fields.optional_fields
    assert "fax" in fields.required_slots("registration_form")
    assert "fax" in fields.personal_columns and "fax" in fields.read_from_sentences
    assert fields.correctable["fax"] == ("fax",)
    assert ("fax", r"fax|telecopie") in fields.correction_words
    assert fields.labels["fax"]["fr"] == "télécopie"
    assert str(storage.personal_columns(fields)["fax"].type) == "VARCHAR(20)"
    form = fields.registration_form_class()
    assert "fax" in {f.name for f in dataclasses.fields(form)}
    assert "fax" in {f.name for f in dataclasses.fields(fields.activated_account_class())}
    assert FIELDS["phone"].check("01 23 45 67 89").ok  # the copy left the registry alone
    assert "fax" not in FIELDS.by_name


def test_the_domain_check_names_what_a_new_field_lacks():
    problems = FIELDS.with_field(FAX, after="phone").missing_in_domain(DOMAIN)
    assert "slot fax" in problems
    assert "response utter_ask_fax (fr)" in problems and "response utter_ask_fax (en)" in problems
    assert "{fax} in utter_summary (fr)" in problems and "{fax} in utter_summary (en)" in problems
    assert any(p.startswith("registration_form required_slots") for p in problems)


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
    assert FIELDS.with_field(FAX, after="phone").missing_in_domain(domain) == []


def test_a_field_cannot_be_declared_twice():
    with pytest.raises(AssertionError):
        FIELDS.with_field(FIELDS["phone"])
