"""Address rules: only the city and the country are required, as on the form."""
import pytest

from bot.rules import (
    check_city, check_complement, check_country, check_postcode, check_street_name,
    check_street_number, check_street_type, country_name,
)


@pytest.mark.parametrize("raw, value", [
    ("12", "12"), ("12 bis", "12 bis"), ("12BIS", "12 bis"), ("12b", "12B"), ("", ""), ("3 ter", "3 ter"),
])
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


@pytest.mark.parametrize("raw, country, value", [
    ("75016", "FR", "75016"), ("75 016", "FR", "75016"), ("", "FR", ""),
    ("SW1A 1AA", "GB", "SW1A 1AA"), ("1000", "BE", "1000"), ("d-10115", "DE", "D-10115"),
])
def test_postcode(raw, country, value):
    assert check_postcode(raw, country).value == value


@pytest.mark.parametrize("raw, country, code", [
    ("7501", "FR", "postcode.invalid_france"), ("750166", "FR", "postcode.invalid_france"),
    ("ABCDE", "FR", "postcode.invalid_france"), ("12#4", "GB", "postcode.invalid"),
    ("12345678901", "DE", "postcode.invalid"),
])
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


@pytest.mark.parametrize("raw, code", [
    ("France", "FR"), ("FRANCE", "FR"), ("fr", "FR"), ("FRA", "FR"), ("Allemagne", "DE"),
    ("Germany", "DE"), ("belgique", "BE"), ("Royaume-Uni", "GB"), ("UK", "GB"),
    ("Etats-Unis", "US"), ("États-Unis", "US"), ("cote d'ivoire", "CI"), ("Suisse", "CH"),
])
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


def test_postcode_with_the_country_not_known_yet():
    assert check_postcode("SW1A 1AA", None).value == "SW1A 1AA"
    assert check_postcode("75016", None).value == "75016"
    assert check_postcode("12#4", None).problem.code == "postcode.invalid"
