"""Address rules: only the city and the country are required, as on the form."""

import pytest

from account.rules import (
    check_city,
    check_complement,
    check_country,
    check_postcode,
    check_street_name,
    check_street_number,
    check_street_type,
    country_name,
)
from languages import LANGUAGES, words_of


@pytest.mark.parametrize(
    "raw, value",
    [
        ("12", "12"),
        ("12 bis", "12 bis"),
        ("12BIS", "12 bis"),
        ("12b", "12B"),
        ("", ""),
        ("3 ter", "3 ter"),
    ],
)
def test_street_number(raw, value):
    assert check_street_number(raw).value == value


@pytest.mark.parametrize("raw", ["douze", "12-14", "123456", "bis"])
def test_street_number_errors(raw):
    problem = check_street_number(raw).problem
    assert problem.code == "street_number.invalid"
    assert "numéro de voie" in problem.text("fr") and "street number" in problem.text("en")


def test_street_type_and_name_and_complement():
    assert check_street_type("Rue").value == "rue"
    assert check_street_type("").value == ""
    assert check_street_type("rue 12").problem.code == "street_type.invalid"
    assert check_street_type("x" * 31).problem.code == "street_type.invalid"
    assert check_street_name(" de  Longchamp ").value == "de Longchamp"
    assert check_street_name("x" * 101).problem.code == "street_name.invalid"
    assert check_complement("Bâtiment B, 3e étage").value == "Bâtiment B, 3e étage"
    assert check_complement("a\x07b").problem.code == "complement.invalid"
    for problem in (check_street_name("x" * 101).problem, check_complement("x" * 101).problem):
        assert "100" in problem.text("fr") and "100" in problem.text("en")


@pytest.mark.parametrize(
    "raw, country, value",
    [
        ("75016", "FR", "75016"),
        ("75 016", "FR", "75016"),
        ("", "FR", ""),
        ("SW1A 1AA", "GB", "SW1A 1AA"),
        ("1000", "BE", "1000"),
        ("d-10115", "DE", "D-10115"),
    ],
)
def test_postcode(raw, country, value):
    assert check_postcode(raw, country).value == value


@pytest.mark.parametrize(
    "raw, country, code",
    [
        ("7501", "FR", "postcode.invalid_france"),
        ("750166", "FR", "postcode.invalid_france"),
        ("ABCDE", "FR", "postcode.invalid_france"),
        ("12#4", "GB", "postcode.invalid"),
        ("12345678901", "DE", "postcode.invalid"),
    ],
)
def test_postcode_errors(raw, country, code):
    problem = check_postcode(raw, country).problem
    assert problem.code == code
    assert problem.text("fr") != problem.text("en")


def test_french_postcode_message():
    problem = check_postcode("7501", "FR").problem
    assert "5 chiffres" in problem.text("fr") and "5 digits" in problem.text("en")


def test_city():
    assert check_city(" Paris ").value == "Paris"
    assert check_city("Saint-Étienne").value == "Saint-Étienne"
    assert check_city("L'Haÿ-les-Roses").value == "L'Haÿ-les-Roses"
    assert check_city("").problem.code == "city.required"
    assert check_city("Paris; DROP TABLE").problem.code == "city.invalid"
    assert check_city("").problem.text("en") == "The city is required."
    assert check_city("").problem.text("fr") == "La ville est obligatoire."


@pytest.mark.parametrize(
    "raw, code",
    [
        ("France", "FR"),
        ("FRANCE", "FR"),
        ("fr", "FR"),
        ("FRA", "FR"),
        ("Allemagne", "DE"),
        ("Germany", "DE"),
        ("belgique", "BE"),
        ("Royaume-Uni", "GB"),
        ("UK", "GB"),
        ("Etats-Unis", "US"),
        ("États-Unis", "US"),
        ("cote d'ivoire", "CI"),
        ("Suisse", "CH"),
    ],
)
def test_country_by_name_in_either_language_or_code(raw, code):
    assert check_country(raw).value == code


def test_country_errors():
    assert check_country("").problem.code == "country.required"
    problem = check_country("Atlantide").problem
    assert problem.code == "country.unknown"
    assert "« Atlantide » n'est pas un pays connu" in problem.text("fr")
    assert "“Atlantide” is not a known country" in problem.text("en")


def test_country_names_for_display():
    assert country_name("FR", "fr") == "FRANCE"
    assert country_name("DE", "fr") == "ALLEMAGNE"
    assert country_name("DE", "en") == "GERMANY"


@pytest.mark.parametrize(
    "raw, country, value",
    [
        # France and its overseas departments: 5 digits
        ("97110", "GP", "97110"),
        ("97400", "RE", "97400"),
        ("98800", "NC", "98800"),
        ("75016", "France", "75016"),  # the country may be given by name
        # 5 digits
        ("10115", "DE", "10115"),
        ("D-10115", "Allemagne", "D-10115"),
        ("00184", "IT", "00184"),
        # 4 digits
        ("1000", "BE", "1000"),
        ("8001", "CH", "8001"),
        ("CH-8001", "CH", "CH-8001"),
        ("L-1009", "LU", "L-1009"),
        ("1010", "AT", "1010"),
        ("1050", "DK", "1050"),
        # United Kingdom: upper case, one space before the inward code
        ("sw1a2aa", "GB", "SW1A 2AA"),
        ("SW1A  2AA", "GB", "SW1A 2AA"),
        ("w1j 9ll", "GB", "W1J 9LL"),
        ("NW1 6XE", "GB", "NW1 6XE"),
        ("M1 1AE", "GB", "M1 1AE"),
        ("EC1A1BB", "GB", "EC1A 1BB"),
        ("GY1 1AA", "GG", "GY1 1AA"),
        # United States: ZIP or ZIP+4
        ("20500", "US", "20500"),
        ("20500-0003", "US", "20500-0003"),
        ("205000003", "US", "20500-0003"),
        # others
        ("1012ab", "NL", "1012 AB"),
        ("h2x 1y4", "CA", "H2X 1Y4"),
        ("11122", "SE", "111 22"),
        ("00950", "PL", "00-950"),
        ("A65 F4E2", "IE", "A65 F4E2"),
        # a country without a known format: the general rule
        ("AB-123", "Atlantide", "AB-123"),
        ("12345", "AR", "12345"),
    ],
)
def test_postcode_by_country(raw, country, value):
    checked = check_postcode(raw, country)
    assert checked.value == value
    assert check_postcode(checked.value, country).value == value  # stable once normalised


BAD_FOR_THE_COUNTRY = [
    ("1234", "DE"),
    ("123456", "DE"),
    ("10000", "BE"),
    ("800", "CH"),
    ("SW1A", "GB"),
    ("75016", "GB"),
    ("QW1 1AA", "GB"),
    ("SW1A 2CA", "GB"),
    ("2050", "US"),
    ("20500-12", "US"),
    ("ABCDE", "US"),
    ("1012", "NL"),
    ("E-28001", "DE"),
]


@pytest.mark.parametrize("raw, country", BAD_FOR_THE_COUNTRY)
def test_postcode_of_another_format_than_the_country(raw, country, monkeypatch):
    with_new_message(monkeypatch)
    problem = check_postcode(raw, country).problem
    assert problem.code == "postcode.invalid_country"
    fr, en = problem.text("fr"), problem.text("en")
    assert fr != en


def with_new_message(monkeypatch):
    for language in LANGUAGES:
        monkeypatch.setitem(
            words_of(language).MESSAGES, "postcode.invalid_country", NEW_MESSAGE[language]
        )


# The text to add to languages/<code>.yml; until it is there, the general message is given.
NEW_MESSAGE = {
    "fr": "Ce code postal ne correspond pas au format du pays ({country}), par exemple : {example}.",
    "en": "This postcode does not match the format used in the country ({country}), for example: "
    "{example}.",
}


def test_the_country_and_an_example_are_named_in_each_language(monkeypatch):
    with_new_message(monkeypatch)
    problem = check_postcode("1234", "DE").problem
    assert "(Allemagne)" in problem.text("fr") and "10115" in problem.text("fr")
    assert "(Germany)" in problem.text("en") and "10115" in problem.text("en")
    assert "SW1A 2AA" in check_postcode("75016", "GB").problem.text("en")
    assert "(Royaume-Uni)" in check_postcode("75016", "GB").problem.text("fr")


def test_without_its_own_message_the_general_one_is_given(monkeypatch):
    for language in LANGUAGES:
        monkeypatch.delitem(words_of(language).MESSAGES, "postcode.invalid_country", raising=False)
    for raw, country in BAD_FOR_THE_COUNTRY:
        assert check_postcode(raw, country).problem.code == "postcode.invalid"


def test_every_example_follows_its_own_format():
    from account.rules.address import POSTCODE_FORMATS

    for country, (pattern, _, example) in POSTCODE_FORMATS.items():
        assert pattern.fullmatch(example), country
        assert check_postcode(example, country).ok, country


def test_french_overseas_postcodes_keep_the_french_message():
    assert check_postcode("9711", "GP").problem.code == "postcode.invalid_france"
    assert check_postcode("SW1A 2AA", "RE").problem.code == "postcode.invalid_france"


@pytest.mark.parametrize(
    "raw, code",
    [
        ("Deutschland", "DE"),
        ("Schweiz", "CH"),
        ("United Kingdom", "GB"),
        ("Great Britain", "GB"),
        ("USA", "US"),
        ("United States", "US"),
        ("España", "ES"),
        ("Österreich", "AT"),
        ("Belgique", "BE"),
        ("België", "BE"),
        ("Nederland", "NL"),
    ],
)
def test_countries_named_in_their_own_language(raw, code):
    assert check_country(raw).value == code


def test_postcode_with_the_country_not_known_yet():
    assert check_postcode("SW1A 1AA", None).value == "SW1A 1AA"
    assert check_postcode("75016", None).value == "75016"
    assert check_postcode("12#4", None).problem.code == "postcode.invalid"
