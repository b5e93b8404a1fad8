"""Several fields in one message, corrections and skips."""
import pytest

from bot.free_text import field_mentioned, is_skip, parse_details


def test_the_issue_example_fills_every_field_it_holds():
    assert parse_details("Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris") == {
        "first_name": "Lila", "surname": "Rosemonde", "phone": "01 23 45 67 89",
        "street_number": "12", "street_type": "rue", "street_name": "de Longchamp",
        "postcode": "75016", "city": "Paris",
    }


@pytest.mark.parametrize("text, expected", [
    ("ROSEMONDE Lila 0123456789", {"first_name": "Lila", "surname": "ROSEMONDE", "phone": "0123456789"}),
    ("12 bis avenue Victor Hugo, Lyon",
     {"street_number": "12 bis", "street_type": "avenue", "street_name": "Victor Hugo", "city": "Lyon"}),
    ("rue de la Paix, 75002 Paris, France",
     {"street_number": "", "street_type": "rue", "street_name": "de la Paix", "postcode": "75002",
      "city": "Paris", "country": "France"}),
    ("3 Baker Street, London, United Kingdom",
     {"street_number": "3", "street_type": "", "street_name": "Baker Street", "city": "London",
      "country": "United Kingdom"}),
    ("lila@orange.fr, Lila Rosemonde", {"email": "lila@orange.fr", "first_name": "Lila", "surname": "Rosemonde"}),
    ("Paris", {}), ("Dupont", {}), ("oui", {}), ("", {}),
])
def test_parse_details(text, expected):
    assert parse_details(text) == expected


@pytest.mark.parametrize("text, field, value", [
    ("change my phone to 06 12 34 56 78", "phone", "06 12 34 56 78"),
    ("mon nom est Dupont", "surname", "Dupont"),
    ("mon prénom est Élodie", "first_name", "Élodie"),
    ("my first name is Ann", "first_name", "Ann"),
    ("ma ville est Lyon", "city", "Lyon"),
    ("change the postcode to 69001", "postcode", "69001"),
    ("changer le pays en Belgique", "country", "Belgique"),
    ("remplacer mon e-mail par lila@x.fr", "login_email", "lila@x.fr"),
    ("modifier l'adresse: 5 avenue de la République 69001 Lyon", "street",
     "5 avenue de la République 69001 Lyon"),
    ("I want to change my phone", "phone", None),
    ("je veux changer mon mot de passe", "password", None),
    ("change the answer to Paul", "trust_answer", "Paul"),
    ("modifier la question de confiance", "trust_question", None),
])
def test_field_mentioned(text, field, value):
    assert field_mentioned(text) == (field, value)


@pytest.mark.parametrize("text", ["valider", "not-an-address", "adresse", "Paul", "rue de la Paix"])
def test_no_correction(text):
    assert field_mentioned(text) is None


@pytest.mark.parametrize("text, skip", [
    ("passer", True), ("Skip", True), ("aucun", True), ("none.", True), ("12", False), ("Paris", False),
])
def test_is_skip(text, skip):
    assert is_skip(text) is skip


@pytest.mark.parametrize("text, found", [
    ("mon adresse est lila.rosemonde@orange.fr.", "lila.rosemonde@orange.fr"),
    ("<lila@orange.fr>, merci", "lila@orange.fr"),
    ("a" * 64 + "@exemple.fr", "a" * 64 + "@exemple.fr"),
    # Over-long addresses are not cut down to a part that fits (found by the fuzz run: the last
    # 64 letters of a 101-letter local part were taken as the login address).
    ("a" * 101 + "@exemple.fr", None),
    ("lila@orange." + "f" * 100, None),
    ("x@" * 5_000, None),
])
def test_an_address_is_found_only_whole(text, found):
    from bot.free_text import find_email
    assert find_email(text) == found
