"""Several fields in one message, corrections and skips."""
import pytest

from bot.free_text import field_mentioned, is_skip, parse_details


def test_the_issue_example_fills_every_field_it_holds():
    # A French street type with a 5-digit postcode is an address in France; a whole address
    # (street, postcode, city) without a complement has none ("", so it is not asked).
    assert parse_details("Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris") == {
        "first_name": "Lila", "surname": "Rosemonde", "phone": "01 23 45 67 89",
        "street_number": "12", "street_type": "rue", "street_name": "de Longchamp",
        "postcode": "75016", "city": "Paris", "country": "France", "complement": "",
    }


@pytest.mark.parametrize("text, expected", [
    ("ROSEMONDE Lila 0123456789", {"first_name": "Lila", "surname": "ROSEMONDE", "phone": "0123456789"}),
    ("12 bis avenue Victor Hugo, Lyon",
     {"street_number": "12 bis", "street_type": "avenue", "street_name": "Victor Hugo", "city": "Lyon"}),
    ("rue de la Paix, 75002 Paris, France",
     {"street_number": "", "street_type": "rue", "street_name": "de la Paix", "postcode": "75002",
      "city": "Paris", "country": "France", "complement": ""}),
    ("3 Baker Street, London, United Kingdom",
     {"street_number": "3", "street_type": "", "street_name": "Baker Street", "city": "London",
      "country": "United Kingdom"}),
    ("lila@orange.fr, Lila Rosemonde", {"email": "lila@orange.fr", "first_name": "Lila", "surname": "Rosemonde"}),
    ("Paris", {}), ("Dupont", {}), ("oui", {}), ("", {}),
])
def test_parse_details(text, expected):
    assert parse_details(text) == expected


MARIE = {"first_name": "Marie", "surname": "Curie"}
SARAH = {"first_name": "Sarah", "surname": "Jones"}


@pytest.mark.parametrize("text, expected", [
    ("je m'appelle Marie Curie", MARIE), ("Je m’appelle Marie Curie", MARIE),
    ("moi c'est Marie Curie", MARIE), ("Bonjour, je suis Marie Curie", MARIE),
    ("Bonjour Marie Curie", MARIE), ("I'm Sarah Jones", SARAH), ("I am Sarah Jones", SARAH),
    ("my name is Sarah Jones", SARAH), ("Hello, my name is Sarah Jones.", SARAH),
    ("Sarah Jones here", SARAH), ("Marie Curie ici", MARIE),
    ("CURIE Marie", {"first_name": "Marie", "surname": "CURIE"}),
    ("Marie CURIE", {"first_name": "Marie", "surname": "CURIE"}),
    ("Jean-Paul DE LA FONTAINE", {"first_name": "Jean-Paul", "surname": "DE LA FONTAINE"}),
    ("mon nom de famille est De La Fontaine", {"surname": "De La Fontaine"}),
    ("mon prénom est Élodie", {"first_name": "Élodie"}),
])
def test_names_as_people_write_them(text, expected):
    assert parse_details(text) == expected


@pytest.mark.parametrize("title", [
    "M.", "M", "Mme", "Mlle", "Monsieur", "Madame", "Mr", "Mr.", "Mrs", "Ms", "Miss", "Dr", "Dr.",
])
def test_titles_are_dropped(title):
    assert parse_details(f"{title} Marie Curie") == MARIE
    assert parse_details(f"{title} CURIE Marie, 01 23 45 67 89") == {
        "first_name": "Marie", "surname": "CURIE", "phone": "01 23 45 67 89"}
    assert parse_details(f"{title} Curie") == {"surname": "Curie"}  # a title, then the surname


@pytest.mark.parametrize("text", [
    "I am not sure", "c'est bon pour moi", "je suis perdu", "Bâtiment B", "oui merci",
    "I'm done", "thank you", "Dupont",
])
def test_sentences_are_not_names(text):
    assert not parse_details(text).keys() & {"first_name", "surname"}


def test_everything_in_english_order():
    assert parse_details("I'm Sarah Jones, phone +44 20 7946 0000, 10 Downing Street, London "
                         "SW1A 2AA, United Kingdom") == {
        **SARAH, "phone": "+44 20 7946 0000", "street_number": "10", "street_type": "",
        "street_name": "Downing Street", "city": "London", "postcode": "SW1A 2AA",
        "country": "United Kingdom", "complement": ""}


def test_everything_in_one_sentence():
    assert parse_details("Bonjour, je m'appelle Marie Curie et j'habite au 12 rue de Longchamp "
                         "75016 Paris, mon portable : 06 12 34 56 78") == {
        **MARIE, "phone": "06 12 34 56 78", "street_number": "12", "street_type": "rue",
        "street_name": "de Longchamp", "postcode": "75016", "city": "Paris", "country": "France",
        "complement": ""}
    assert parse_details("Marie Curie\n12 rue de Longchamp\n75016 Paris")["street_name"] == "de Longchamp"


@pytest.mark.parametrize("label", [
    "tél", "tél.", "tel:", "Tel :", "téléphone", "téléphone :", "portable", "mobile", "phone",
    "phone:", "cell", "numéro", "n° de téléphone", "mon numéro est le", "my phone number is",
])
def test_labels_before_the_phone_are_neither_a_name_nor_a_city(label):
    assert parse_details(f"Marie Curie {label} 01 23 45 67 89") == {**MARIE, "phone": "01 23 45 67 89"}
    assert parse_details(f"Marie Curie, {label} 01 23 45 67 89") == {**MARIE, "phone": "01 23 45 67 89"}
    after_street = parse_details(f"12 rue de Longchamp, {label} 01 23 45 67 89")
    assert "city" not in after_street and after_street["phone"] == "01 23 45 67 89"
    assert parse_details(f"12 rue de Longchamp, Paris, {label} 01 23 45 67 89")["city"] == "Paris"


def test_labels_before_the_email_are_dropped_too():
    assert parse_details("email : lila@orange.fr, Lila Rosemonde") == {
        "email": "lila@orange.fr", "first_name": "Lila", "surname": "Rosemonde"}
    assert parse_details("Lila Rosemonde, mon adresse mail est lila@orange.fr") == {
        "email": "lila@orange.fr", "first_name": "Lila", "surname": "Rosemonde"}


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
    # In the user's own words
    ("finalement mon portable c'est le 06 11 22 33 44", "phone", "06 11 22 33 44"),
    ("le numéro est faux, c'est 01 02 03 04 05", "phone", "01 02 03 04 05"),
    ("oups, mon numéro c'est plutôt le 06 12 34 56 78", "phone", "06 12 34 56 78"),
    ("sorry, my surname is spelled Smyth", "surname", "Smyth"),
    ("I made a mistake in the postcode", "postcode", None),
    ("actually my city is Lyon", "city", "Lyon"),
    ("wrong city, it's Lyon", "city", "Lyon"),
    ("mon nom c'est Durand", "surname", "Durand"),
    ("non c'est Martin mon nom", "surname", "Martin"),
    ("je me suis trompé d'adresse mail", "login_email", None),
    ("my email should be a@b.fr", "login_email", "a@b.fr"),
    ("le code postal c'est 69003 pas 69002", "postcode", "69003"),
    ("en fait ma ville c'est Villeurbanne, pas Lyon", "city", "Villeurbanne"),
    ("the postcode is wrong, it should be SW1A 2AA", "postcode", "SW1A 2AA"),
])
def test_field_mentioned(text, field, value):
    assert field_mentioned(text) == (field, value)


@pytest.mark.parametrize("text", [
    "valider", "not-an-address", "adresse", "Paul", "rue de la Paix",
    # values given without any word of correction
    "Marie Curie, 01 23 45 67 89", "12 rue de Longchamp 75016 Paris", "pardon ?", "non merci",
])
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
