"""Every problem the service can report has a text in each language (languages/<code>.yml)."""

import string
from datetime import date, datetime, timezone

import pytest

from account.i18n import Problem, format_datetime, format_long_date, message_codes, render
from languages import LANGUAGES, words_of


def placeholders(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


@pytest.mark.parametrize("code", sorted(message_codes()))
def test_each_problem_has_every_language_with_the_same_placeholders(code):
    texts = {language: words_of(language).MESSAGES.get(code) for language in LANGUAGES}
    assert all(text and text.strip() for text in texts.values())
    assert len(set(texts.values())) == len(LANGUAGES)
    assert len({frozenset(placeholders(text)) for text in texts.values()}) == 1


def test_no_language_has_a_message_the_others_lack():
    for language in LANGUAGES:
        assert set(words_of(language).MESSAGES) == message_codes()


def test_unknown_problem_code_is_a_programming_error():
    with pytest.raises(KeyError):
        Problem("no.such.code")


def test_dates_are_shown_in_paris_time_in_each_language():
    moment = datetime(2023, 8, 24, 11, 0, tzinfo=timezone.utc)  # 13:00 in Paris (summer time)
    assert format_datetime(moment, "fr") == "24/08/2023 à 13h00"
    assert format_datetime(moment, "en") == "24/08/2023 at 13:00"
    assert format_long_date(date(2023, 8, 21), "fr") == "21 août 2023"
    assert format_long_date(date(2023, 8, 21), "en") == "21 August 2023"


def test_datetime_parameters_are_formatted_for_the_reader():
    until = datetime(2023, 12, 1, 9, 30, tzinfo=timezone.utc)  # 10:30 in Paris (winter time)
    assert "01/12/2023 à 10h30" in render("activation.locked", "fr", {"until": until})
    assert "01/12/2023 at 10:30" in render("activation.locked", "en", {"until": until})


def test_unknown_language_falls_back_to_french():
    """A language code without a file (a bad slot value): the domain's language, French."""
    assert render("email.required", "de") == words_of("fr").MESSAGES["email.required"]


def test_a_secret_typed_in_the_wrong_place_is_not_repeated():
    from account.i18n import Problem

    for secret in ("Mphbawgsf25ynLitbm2023", "mHPstewGkBYj"):
        for code in ("phone.invalid", "country.unknown", "email.invalid"):
            text = Problem(code, {"value": secret}).text("fr")
            assert secret not in text and "••••••••" in text
    for ordinary in ("12", "Villeurbanne", "Allemagnee"):
        assert f"« {ordinary} » n'est pas" in Problem("country.unknown", {"value": ordinary}).text(
            "fr"
        )
