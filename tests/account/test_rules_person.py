"""Surname, first name and telephone rules."""

import pytest

from account.rules import check_first_name, check_phone, check_surname, display_phone


@pytest.mark.parametrize(
    "raw, value",
    [
        ("Rosemonde", "ROSEMONDE"),
        ("  de la  Fontaine ", "DE LA FONTAINE"),
        ("N'Diaye", "N'DIAYE"),
        ("Żółkiewska-Nowak", "ŻÓŁKIEWSKA-NOWAK"),
        ("Παπαδοπούλου", "ΠΑΠΑΔΟΠΟΎΛΟΥ"),
    ],
)
def test_surname_is_kept_in_capitals(raw, value):
    assert check_surname(raw).value == value


@pytest.mark.parametrize(
    "raw, value",
    [
        ("Lila", "Lila"),
        ("Jean-Paul", "Jean-Paul"),
        ("Marie  Anne", "Marie Anne"),
        ("J.", "J."),
        ("Nguyễn Thị", "Nguyễn Thị"),
    ],
)
def test_first_name_is_kept_as_typed(raw, value):
    assert check_first_name(raw).value == value


@pytest.mark.parametrize(
    "check, field", [(check_surname, "surname"), (check_first_name, "first_name")]
)
@pytest.mark.parametrize(
    "raw, problem",
    [
        ("", "required"),
        ("   ", "required"),
        ("R2D2", "invalid"),
        ("Lila@home", "invalid"),
        ("-Lila", "invalid"),
        ("L" * 51, "too_long"),
        ("Li\x00la", "invalid"),
    ],
)
def test_name_errors(check, field, raw, problem):
    checked = check(raw)
    assert checked.problem.code == f"{field}.{problem}"
    assert checked.problem.text("fr") != checked.problem.text("en")


def test_name_messages_in_both_languages():
    assert check_surname("").problem.text("fr") == "Le nom est obligatoire."
    assert check_surname("").problem.text("en") == "The surname is required."
    assert check_first_name("").problem.text("fr") == "Le prénom est obligatoire."
    assert check_first_name("").problem.text("en") == "The first name is required."


@pytest.mark.parametrize(
    "raw, e164",
    [
        ("01 23 45 67 89", "+33123456789"),
        ("0123456789", "+33123456789"),
        ("06.12.34.56.78", "+33612345678"),
        ("+33 6 12 34 56 78", "+33612345678"),
        ("0033612345678", "+33612345678"),
        ("+44 20 7946 0958", "+442079460958"),
        ("+1 (202) 555-0143", "+12025550143"),
        ("0590 27 12 34", "+590590271234"),  # Guadeloupe, dialled from France
    ],
)
def test_phone_is_normalised_to_e164(raw, e164):
    assert check_phone(raw).value == e164


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "phone.required"),
        ("12", "phone.invalid"),
        ("01 23 45", "phone.invalid"),
        ("call me", "phone.invalid"),
        ("+99 123 456", "phone.invalid"),
        ("0" * 40, "phone.invalid"),
    ],
)
def test_phone_errors(raw, code):
    problem = check_phone(raw).problem
    assert problem.code == code
    if code == "phone.invalid":
        assert "n'est pas un numéro de téléphone valide" in problem.text("fr")
        assert "is not a valid telephone number" in problem.text("en")


def test_phone_display():
    assert display_phone("+33123456789") == "01 23 45 67 89"
    assert display_phone("+442079460958") == "+44 20 7946 0958"
    assert display_phone("+590590271234") == "0590 27 12 34"
