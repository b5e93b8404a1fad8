"""Login e-mail and password rules (2023 edition of the guide)."""

import pytest

from account.rules import (
    check_email_confirmation,
    check_email_syntax,
    check_password,
    password_strength,
)

GOOD = "Mphbawgsf25ynLitbm2023"


@pytest.mark.parametrize(
    "raw, normalised",
    [
        ("lila.rosemonde@orange.fr", "lila.rosemonde@orange.fr"),
        ("  Lila.Rosemonde@ORANGE.FR ", "Lila.Rosemonde@orange.fr"),  # domain case folded
        ("élodie@exemple.fr", "élodie@exemple.fr"),
    ],
)
def test_valid_email_is_normalised(raw, normalised):
    assert check_email_syntax(raw).value == normalised


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "email.required"),
        (None, "email.required"),
        ("lila.rosemonde", "email.invalid"),
        ("lila@", "email.invalid"),
        ("lila rosemonde@orange.fr", "email.invalid"),
        ("lila@@orange.fr", "email.invalid"),
        ("a" * 90 + "@orange.fr1", "email.too_long"),  # 101 characters
    ],
)
def test_invalid_email_gets_its_problem(raw, code):
    checked = check_email_syntax(raw)
    assert not checked.ok and checked.problem.code == code


def test_email_of_exactly_100_characters_is_accepted():
    address = "a" * 89 + "@orange.fr"
    assert len(address) == 99 and check_email_syntax(address).ok
    assert check_email_syntax("b" + address).ok  # 100


def test_email_error_messages_in_both_languages():
    problem = check_email_syntax("lila.rosemonde").problem
    assert "n'est pas une adresse électronique valide" in problem.text("fr")
    assert "is not a valid email address" in problem.text("en")
    too_long = check_email_syntax("a" * 120 + "@x.fr").problem
    assert "100 caractères" in too_long.text("fr") and "100 characters" in too_long.text("en")


def test_email_confirmation_must_be_identical():
    assert check_email_confirmation("lila@orange.fr", "LILA@orange.fr ").ok
    mismatch = check_email_confirmation("lila@orange.fr", "lilas@orange.fr")
    assert mismatch.problem.code == "email.confirmation_mismatch"
    assert "lila@orange.fr" in mismatch.problem.text("fr")
    assert "does not match" in mismatch.problem.text("en")
    assert (
        check_email_confirmation("lila@orange.fr", "not an address").problem.code
        == "email.confirmation_mismatch"
    )


def test_good_password_is_kept_exactly_as_typed():
    assert check_password(GOOD).value == GOOD


@pytest.mark.parametrize(
    "raw, code",
    [
        ("", "password.required"),
        (None, "password.required"),
        ("Mphbawgsf25ynLitbm20", "ok"),  # exactly 20
        ("Mphbawgsf25ynLitbm2", "password.too_short"),  # 19
        ("Mphbawgsf25yn Litbm2023", "password.spaces"),
        ("Mphbawgsf25yn\tLitbm2023", "password.spaces"),
        ("MphbawgsfynLitbmabcdefg", "password.letters_and_digits"),
        ("12345678901234567890123", "password.letters_and_digits"),
        ("Mphbawgsf25ynLitbm2023!.", "ok"),  # special characters are allowed (and advised)
        ("a1" * 70, "password.too_long"),
    ],
)
def test_password_rules(raw, code):
    checked = check_password(raw)
    assert (checked.problem.code if checked.problem else "ok") == code


def test_password_must_not_contain_the_email():
    problem = check_password("xxRosemonde2023xxxxxxxx", "rosemonde@orange.fr").problem
    assert problem.code == "password.contains_email"
    assert "adresse électronique" in problem.text("fr") and "email address" in problem.text("en")
    assert check_password(GOOD, "lila.rosemonde@orange.fr").ok


def test_too_short_password_message_says_how_long_it_is():
    problem = check_password("abc123").problem
    assert "au moins 20 caractères (il en a 6)" in problem.text("fr")
    assert "at least 20 characters long (it has 6)" in problem.text("en")


@pytest.mark.parametrize(
    "password, level",
    [
        ("short1", "weak"),
        ("abcdefghijklmnopqrs1", "medium"),  # 20, two kinds of characters
        ("abcdefghijklmnopqRS1", "medium"),  # three kinds but only 20 long
        ("abcdefghijklmnopqrstuVW1", "strong"),  # three kinds, 24 long
        ("Mphbawgsf25yn!Litbm.", "strong"),  # the guide's example: four kinds
    ],
)
def test_password_strength(password, level):
    assert password_strength(password) == level
