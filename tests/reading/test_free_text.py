"""Several fields in one message, corrections and skips."""

import pytest

from reading.corrections import field_mentioned
from reading.free_text import is_skip, parse_details


def test_the_issue_example_fills_every_field_it_holds():
    # A French street type with a 5-digit postcode is an address in France; a whole address
    # (street, postcode, city) without a complement has none ("", so it is not asked).
    assert parse_details("Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris") == {
        "first_name": "Lila",
        "surname": "Rosemonde",
        "phone": "01 23 45 67 89",
        "street_number": "12",
        "street_type": "rue",
        "street_name": "de Longchamp",
        "postcode": "75016",
        "city": "Paris",
        "country": "France",
        "complement": "",
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "ROSEMONDE Lila 0123456789",
            {"first_name": "Lila", "surname": "ROSEMONDE", "phone": "0123456789"},
        ),
        (
            "12 bis avenue Victor Hugo, Lyon",
            {
                "street_number": "12 bis",
                "street_type": "avenue",
                "street_name": "Victor Hugo",
                "city": "Lyon",
            },
        ),
        (
            "rue de la Paix, 75002 Paris, France",
            {
                "street_number": "",
                "street_type": "rue",
                "street_name": "de la Paix",
                "postcode": "75002",
                "city": "Paris",
                "country": "France",
                "complement": "",
            },
        ),
        (
            "3 Baker Street, London, United Kingdom",
            {
                "street_number": "3",
                "street_type": "",
                "street_name": "Baker Street",
                "city": "London",
                "country": "United Kingdom",
            },
        ),
        (
            "lila@orange.fr, Lila Rosemonde",
            {"email": "lila@orange.fr", "first_name": "Lila", "surname": "Rosemonde"},
        ),
        ("Paris", {}),
        ("Dupont", {}),
        ("oui", {}),
        ("", {}),
    ],
)
def test_parse_details(text, expected):
    assert parse_details(text) == expected


MARIE = {"first_name": "Marie", "surname": "Curie"}
SARAH = {"first_name": "Sarah", "surname": "Jones"}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("je m'appelle Marie Curie", MARIE),
        ("Je m’appelle Marie Curie", MARIE),
        ("moi c'est Marie Curie", MARIE),
        ("Bonjour, je suis Marie Curie", MARIE),
        ("Bonjour Marie Curie", MARIE),
        ("I'm Sarah Jones", SARAH),
        ("I am Sarah Jones", SARAH),
        ("my name is Sarah Jones", SARAH),
        ("Hello, my name is Sarah Jones.", SARAH),
        ("Sarah Jones here", SARAH),
        ("Marie Curie ici", MARIE),
        ("CURIE Marie", {"first_name": "Marie", "surname": "CURIE"}),
        ("Marie CURIE", {"first_name": "Marie", "surname": "CURIE"}),
        ("Jean-Paul DE LA FONTAINE", {"first_name": "Jean-Paul", "surname": "DE LA FONTAINE"}),
        ("mon nom de famille est De La Fontaine", {"surname": "De La Fontaine"}),
        ("mon prénom est Élodie", {"first_name": "Élodie"}),
    ],
)
def test_names_as_people_write_them(text, expected):
    assert parse_details(text) == expected


@pytest.mark.parametrize(
    "title",
    [
        "M.",
        "M",
        "Mme",
        "Mlle",
        "Monsieur",
        "Madame",
        "Mr",
        "Mr.",
        "Mrs",
        "Ms",
        "Miss",
        "Dr",
        "Dr.",
    ],
)
def test_titles_are_dropped(title):
    assert parse_details(f"{title} Marie Curie") == MARIE
    assert parse_details(f"{title} CURIE Marie, 01 23 45 67 89") == {
        "first_name": "Marie",
        "surname": "CURIE",
        "phone": "01 23 45 67 89",
    }
    assert parse_details(f"{title} Curie") == {"surname": "Curie"}  # a title, then the surname


@pytest.mark.parametrize(
    "text",
    [
        "I am not sure",
        "c'est bon pour moi",
        "je suis perdu",
        "Bâtiment B",
        "oui merci",
        "I'm done",
        "thank you",
        "Dupont",
    ],
)
def test_sentences_are_not_names(text):
    assert not parse_details(text).keys() & {"first_name", "surname"}


def test_everything_in_english_order():
    assert parse_details(
        "I'm Sarah Jones, phone +44 20 7946 0000, 10 Downing Street, London "
        "SW1A 2AA, United Kingdom"
    ) == {
        **SARAH,
        "phone": "+44 20 7946 0000",
        "street_number": "10",
        "street_type": "",
        "street_name": "Downing Street",
        "city": "London",
        "postcode": "SW1A 2AA",
        "country": "United Kingdom",
        "complement": "",
    }


def test_everything_in_one_sentence():
    assert parse_details(
        "Bonjour, je m'appelle Marie Curie et j'habite au 12 rue de Longchamp "
        "75016 Paris, mon portable : 06 12 34 56 78"
    ) == {
        **MARIE,
        "phone": "06 12 34 56 78",
        "street_number": "12",
        "street_type": "rue",
        "street_name": "de Longchamp",
        "postcode": "75016",
        "city": "Paris",
        "country": "France",
        "complement": "",
    }
    assert (
        parse_details("Marie Curie\n12 rue de Longchamp\n75016 Paris")["street_name"]
        == "de Longchamp"
    )


@pytest.mark.parametrize(
    "label",
    [
        "tél",
        "tél.",
        "tel:",
        "Tel :",
        "téléphone",
        "téléphone :",
        "portable",
        "mobile",
        "phone",
        "phone:",
        "cell",
        "numéro",
        "n° de téléphone",
        "mon numéro est le",
        "my phone number is",
    ],
)
def test_labels_before_the_phone_are_neither_a_name_nor_a_city(label):
    assert parse_details(f"Marie Curie {label} 01 23 45 67 89") == {
        **MARIE,
        "phone": "01 23 45 67 89",
    }
    assert parse_details(f"Marie Curie, {label} 01 23 45 67 89") == {
        **MARIE,
        "phone": "01 23 45 67 89",
    }
    after_street = parse_details(f"12 rue de Longchamp, {label} 01 23 45 67 89")
    assert "city" not in after_street and after_street["phone"] == "01 23 45 67 89"
    assert parse_details(f"12 rue de Longchamp, Paris, {label} 01 23 45 67 89")["city"] == "Paris"


def test_labels_before_the_email_are_dropped_too():
    assert parse_details("email : lila@orange.fr, Lila Rosemonde") == {
        "email": "lila@orange.fr",
        "first_name": "Lila",
        "surname": "Rosemonde",
    }
    assert parse_details("Lila Rosemonde, mon adresse mail est lila@orange.fr") == {
        "email": "lila@orange.fr",
        "first_name": "Lila",
        "surname": "Rosemonde",
    }


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("change my phone to 06 12 34 56 78", "phone", "06 12 34 56 78"),
        ("mon nom est Dupont", "surname", "Dupont"),
        ("mon prénom est Élodie", "first_name", "Élodie"),
        ("my first name is Ann", "first_name", "Ann"),
        ("ma ville est Lyon", "city", "Lyon"),
        ("change the postcode to 69001", "postcode", "69001"),
        ("changer le pays en Belgique", "country", "Belgique"),
        ("remplacer mon e-mail par lila@x.fr", "login_email", "lila@x.fr"),
        (
            "modifier l'adresse: 5 avenue de la République 69001 Lyon",
            "street",
            "5 avenue de la République 69001 Lyon",
        ),
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
        # a value judged not to be one's own, then the right one
        ("le code postal indiqué n'est pas le bon, c'est 69003", "postcode", "69003"),
        ("la ville du récapitulatif n'est pas la mienne : Villeurbanne", "city", "Villeurbanne"),
        ("the town shown isn't mine, it's Harrogate", "city", "Harrogate"),
        ("mauvais prénom, c'est Anaïs", "first_name", "Anaïs"),
    ],
)
def test_field_mentioned(text, field, value):
    assert field_mentioned(text) == (field, value)


@pytest.mark.parametrize(
    "text",
    [
        "valider",
        "not-an-address",
        "adresse",
        "Paul",
        "rue de la Paix",
        # values given without any word of correction
        "Marie Curie, 01 23 45 67 89",
        "12 rue de Longchamp 75016 Paris",
        "pardon ?",
        "non merci",
        "ce n'est pas la bonne démarche ?",
    ],
)
def test_no_correction(text):
    assert field_mentioned(text) is None


@pytest.mark.parametrize(
    "text, skip",
    [
        ("passer", True),
        ("Skip", True),
        ("aucun", True),
        ("none.", True),
        ("12", False),
        ("Paris", False),
    ],
)
def test_is_skip(text, skip):
    assert is_skip(text) is skip


@pytest.mark.parametrize(
    "text, found",
    [
        ("mon adresse est lila.rosemonde@orange.fr.", "lila.rosemonde@orange.fr"),
        ("<lila@orange.fr>, merci", "lila@orange.fr"),
        ("a" * 64 + "@exemple.fr", "a" * 64 + "@exemple.fr"),
        # Over-long addresses are not cut down to a part that fits (found by the fuzz run: the last
        # 64 letters of a 101-letter local part were taken as the login address).
        ("a" * 101 + "@exemple.fr", None),
        ("lila@orange." + "f" * 100, None),
        ("x@" * 5_000, None),
    ],
)
def test_an_address_is_found_only_whole(text, found):
    from reading.free_text import find_email

    assert find_email(text) == found


# Messages of simulated users that gave nothing or the wrong thing.
PAUL = {"first_name": "Paul", "surname": "Durand"}
BORDEAUX = {
    "street_number": "5",
    "street_type": "rue",
    "street_name": "Victor Hugo",
    "postcode": "33000",
    "city": "Bordeaux",
    "country": "France",
    "complement": "",
}
PAUL_IN_BORDEAUX = {**PAUL, "phone": "06 11 22 33 44", **BORDEAUX}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "moi c'est Paul Durand tél 06 11 22 33 44 5 rue Victor Hugo 33000 Bordeaux",
            PAUL_IN_BORDEAUX,
        ),
        (
            "moi c Paul Durand tel 0611223344 12 avenue Foch 69006 Lyon",  # "moi c": SMS for "moi c'est"
            {
                **PAUL,
                "phone": "0611223344",
                "street_number": "12",
                "street_type": "avenue",
                "street_name": "Foch",
                "postcode": "69006",
                "city": "Lyon",
                "country": "France",
                "complement": "",
            },
        ),
        ("Paul Durand 06 11 22 33 44 5 rue Victor Hugo 33000 Bordeaux", PAUL_IN_BORDEAUX),
        (
            "Paul Durand Rue de la Loi 16 1000 Bruxelles",  # the street type first, its number after
            {
                **PAUL,
                "street_number": "16",
                "street_type": "rue",
                "street_name": "de la Loi",
                "postcode": "1000",
                "city": "Bruxelles",
                "complement": "",
            },
        ),
        (
            "Emma Smith 7 Piccadilly W1J 9LL London",
            {
                "first_name": "Emma",
                "surname": "Smith",
                "street_number": "7",
                "street_type": "",
                "street_name": "Piccadilly",
                "postcode": "W1J 9LL",
                "city": "London",
                "country": "United Kingdom",
                "complement": "",
            },
        ),
    ],
)
def test_everything_without_a_comma(text, expected):
    assert parse_details(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Paul Durand / 06 11 22 33 44 / 5 rue Victor Hugo, 33000 Bordeaux",
        "Paul Durand - 06 11 22 33 44 - 5 rue Victor Hugo - 33000 Bordeaux",
        "Paul Durand | 06 11 22 33 44 | 5 rue Victor Hugo | 33000 Bordeaux",
        "Paul Durand – 06 11 22 33 44 – 5 rue Victor Hugo 33000 Bordeaux",
        "Je suis Paul Durand. Adresse : 5 rue Victor Hugo, 33000 Bordeaux. Tél. 06 11 22 33 44",
        "Paul Durand. 06 11 22 33 44. 5 rue Victor Hugo. 33000 Bordeaux.",
        "Bonjour ! Je suis Paul Durand, 06 11 22 33 44, 5 rue Victor Hugo 33000 Bordeaux !",
    ],
)
def test_slashes_dashes_bars_and_sentences_separate_fields_like_commas(text):
    assert parse_details(text) == PAUL_IN_BORDEAUX


@pytest.mark.parametrize(
    "text, street",
    [
        (
            "Paul Durand. 12 av. Foch. 69006 Lyon",
            {"street_number": "12", "street_type": "av", "street_name": "Foch"},
        ),
        (
            "Paul Durand. 12 St. James St. London SW1A 1AA",
            {"street_number": "12", "street_type": "", "street_name": "St. James St."},
        ),
        (
            "M. Durand. 5 bd. Victor Hugo, 33000 Bordeaux",
            {"street_number": "5", "street_type": "bd", "street_name": "Victor Hugo"},
        ),
    ],
)
def test_a_dot_after_an_abbreviation_ends_no_sentence(text, street):
    found = parse_details(text)
    assert {key: found[key] for key in street} == street
    assert "Durand" in found["surname"] and found.get("city") in ("Lyon", "London", "Bordeaux")


def test_the_order_of_a_name_is_known_from_labels_capitals_or_first_names():
    tail = " / 06 11 22 33 44 / 5 rue Victor Hugo, 33000 Bordeaux"
    assert parse_details("Durand Paul" + tail)["first_name"] == "Paul"  # a known first name
    assert parse_details("Hughes Oliver" + tail)["surname"] == "Hughes"
    assert parse_details("Lila Rosemonde" + tail)["first_name"] == "Lila"  # both known: in order
    assert parse_details("Jean Martin" + tail)["first_name"] == "Jean"
    assert parse_details("DURAND Paul" + tail)["surname"] == "DURAND"
    assert parse_details("Nom : Durand, prénom : Paul" + tail)["surname"] == "Durand"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Nom : Durand, prénom : Paul, téléphone : 06 11 22 33 44, adresse : 5 rue Victor Hugo "
            "33000 Bordeaux",
            PAUL_IN_BORDEAUX,
        ),
        (
            "Surname: Smith, first name: Emma, phone: +44 20 7946 0018, address: 22 Baker Street, "
            "London NW1 6XE",
            {
                "first_name": "Emma",
                "surname": "Smith",
                "phone": "+44 20 7946 0018",
                "street_number": "22",
                "street_type": "",
                "street_name": "Baker Street",
                "postcode": "NW1 6XE",
                "city": "London",
                "country": "United Kingdom",
                "complement": "",
            },
        ),
        ("Nom : DURAND Prénom : Paul", {"first_name": "Paul", "surname": "DURAND"}),
        ("NOM JONES PRÉNOM SARAH", {"first_name": "SARAH", "surname": "JONES"}),
        ("nom durand prénom paul", {"first_name": "paul", "surname": "durand"}),
        ("Prénom : Paul Nom : Durand", PAUL),
        ("Nom Prénom : Durand Paul", PAUL),
        ("Nom et prénom : Durand Paul", PAUL),
        ("Prénom Nom : Paul Durand", PAUL),
        ("Nom : De La Fontaine", {"surname": "De La Fontaine"}),
        ("Nom : Paul Durand", PAUL),  # no first name labelled: "nom" is the whole name
        ("Name: Emma Smith", {"first_name": "Emma", "surname": "Smith"}),
        ("last name: Smith first name: Emma", {"first_name": "Emma", "surname": "Smith"}),
        ("prénom : Paul, nom de famille : Durand", PAUL),
        ("adresse : 5 rue Victor Hugo, code postal : 33000, ville : Bordeaux", BORDEAUX),
        ("ville : Bordeaux, Paul Durand", {**PAUL, "city": "Bordeaux"}),
        ("CP : 33000", {"postcode": "33000"}),
        ("pays : Belgique", {"country": "Belgique"}),
        (
            "complément : 3e gauche, 5 rue Victor Hugo, 33000 Bordeaux",
            {**BORDEAUX, "complement": "3e gauche"},
        ),
        ("ville : 33000 Bordeaux, 5 rue Victor Hugo", BORDEAUX),
        (
            "Nom : Durand Paul 5 rue Victor Hugo 33000 Bordeaux",
            {**BORDEAUX, "first_name": "Paul", "surname": "Durand"},
        ),  # Paul is the known first name
        ("Name Surname: Emma Smith", {"first_name": "Emma", "surname": "Smith"}),
        ("Surname Name: Smith Emma", {"first_name": "Emma", "surname": "Smith"}),
        ("mon nom est Dupont", {"surname": "Dupont"}),
    ],
)
def test_labelled_fields(text, expected):
    assert parse_details(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "NOM JONES PRÉNOM SARAH",
        "Nom : DURAND Prénom : Paul",
        "nom Durand prénom Paul",
        "Surname: Smith, first name: Emma",
        "Nom: Durand Prénom: Paul",
    ],
)
def test_labels_never_end_up_in_a_value(text):
    words = {"nom", "prénom", "surname", "first", "name", "nom:", "prénom:"}
    for value in parse_details(text).values():
        assert not words & set(value.casefold().split()), value


@pytest.mark.parametrize(
    "text",
    [
        "what name should I use",
        "le nom de ma rue",
        "I like the name",
        "Nom",
        "prénom :",
        "Saint-Nom-la-Bretèche",
    ],
)
def test_a_label_word_alone_or_in_a_sentence_gives_no_name(text):
    assert not parse_details(text).keys() & {"first_name", "surname"}


@pytest.mark.parametrize(
    "label",
    [
        "adresse :",
        "Adresse:",
        "address:",
        "j'habite au",
        "j'habite",
        "J’habite au",
        "I live at",
        "domicilié au",
        "domiciliée au",
        "living at",
        "mon adresse est le",
        "my address is",
        "demeurant au",
        "adresse postale :",
    ],
)
def test_labels_before_the_street_are_dropped(label):
    assert parse_details(f"Paul Durand, {label} 5 rue Victor Hugo, 33000 Bordeaux") == {
        **PAUL,
        **BORDEAUX,
    }
    assert parse_details(f"Paul Durand {label} 5 rue Victor Hugo 33000 Bordeaux") == {
        **PAUL,
        **BORDEAUX,
    }


@pytest.mark.parametrize(
    "courtesy",
    [
        "merci",
        "Merci !",
        "thanks",
        "thank you",
        "svp",
        "s'il vous plaît",
        "merci beaucoup",
        "merci d'avance",
        "cordialement",
        ". Merci",
        ", merci",
        ". Thanks!",
        "please",
        "bonne journée",
    ],
)
def test_courtesy_at_the_end_is_never_a_value(courtesy):
    assert parse_details(f"Paul Durand, 5 rue Victor Hugo, 33000 Bordeaux {courtesy}") == {
        **PAUL,
        **BORDEAUX,
    }
    assert parse_details(f"Paul Durand, 06 11 22 33 44 {courtesy}") == {
        **PAUL,
        "phone": "06 11 22 33 44",
    }


@pytest.mark.parametrize(
    "text, phone",
    [
        ("06 11 22 33 44 5 rue Victor Hugo", "06 11 22 33 44"),  # the street number after the phone
        ("+33 6 11 22 33 44 12 avenue Foch", "+33 6 11 22 33 44"),
        ("Rue de la Loi 16 06 11 22 33 44", "06 11 22 33 44"),
        ("SIRET 362 521 879 00034", None),
        ("123 456 789", None),
        ("1 2 3 4 5 6 7 8 9 0", None),
        ("le 12 05 2024 à 10 30", None),
    ],
)
def test_a_phone_number_followed_or_preceded_by_other_digits(text, phone):
    from reading.free_text import find_phone

    found = find_phone(text)
    assert (found[0] if found else None) == phone


def test_read_name_reads_labels_for_the_caller():
    from reading.free_text import read_name

    assert read_name("Nom : Durand", introduced_only=True) == {"surname": "Durand"}
    assert read_name("NOM JONES PRÉNOM SARAH", introduced_only=True) == {
        "first_name": "SARAH",
        "surname": "JONES",
    }
    assert read_name("moi c Paul Durand", introduced_only=True) == PAUL
    assert read_name("Paul Durand", introduced_only=True) == {}


@pytest.mark.parametrize(
    "text, field",
    [
        ("le téléphone", "phone"),
        ("my postcode", "postcode"),
        ("la ville", "city"),
        ("l'adresse mail", "login_email"),
        ("the surname", "surname"),
        ("le prénom", "first_name"),
        ("numéro de téléphone", "phone"),
        ("my email address", "login_email"),
        ("le mail", "login_email"),
        ("l'adresse", "street"),
        ("le nom de la rue", "street"),
        ("street name", "street"),
        ("le numéro de rue", "street_number"),
        ("le complément d'adresse", "complement"),
        ("Le code postal svp", "postcode"),
        ("the country", "country"),
        ("mot de passe", "password"),
        ("la question secrète", "trust_question"),
        ("changer le téléphone", "phone"),
        ("Nom", "surname"),
        # none: no field, two fields, more than 6 words
        ("Paris", None),
        ("", None),
        (None, None),
        ("oui", None),
        ("nom et prénom", None),
        ("code postal et ville", None),
        ("je voudrais changer mon numéro de téléphone portable", None),
    ],
)
def test_field_named(text, field):
    from reading.corrections import field_named

    assert field_named(text) == field
