"""Addresses in free text, in the order of each country, and the street line read alone."""

import time

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from account.rules import check_country, check_postcode
from reading.free_text import parse_details, read_street_line


def street(number, type_, name):
    return {"street_number": number, "street_type": type_, "street_name": name}


FRENCH_LONGCHAMP = {
    **street("12", "rue", "de Longchamp"),
    "postcode": "75016",
    "city": "Paris",
    "country": "France",
    "complement": "",
}


@pytest.mark.parametrize(
    "text, expected",
    [
        # France
        ("12 rue de Longchamp 75016 Paris", FRENCH_LONGCHAMP),
        ("12, rue de Longchamp, 75016 Paris", FRENCH_LONGCHAMP),
        ("12 rue de Longchamp, 75016, Paris", FRENCH_LONGCHAMP),
        ("12 rue de Longchamp 75016 Paris France", FRENCH_LONGCHAMP),
        (
            "12 bis avenue Foch, 69006 Lyon, France",
            {
                **street("12 bis", "avenue", "Foch"),
                "postcode": "69006",
                "city": "Lyon",
                "country": "France",
                "complement": "",
            },
        ),
        (
            "Bâtiment B, 3 allée des Pins, 33000 Bordeaux",
            {
                **street("3", "allée", "des Pins"),
                "postcode": "33000",
                "city": "Bordeaux",
                "country": "France",
                "complement": "Bâtiment B",
            },
        ),
        (
            "8 rue du 8 Mai 1945, 3e étage, 75010 Paris",
            {
                **street("8", "rue", "du 8 Mai 1945"),
                "postcode": "75010",
                "city": "Paris",
                "country": "France",
                "complement": "3e étage",
            },
        ),
        (
            "15 Rue Victor Hugo, 97110 Pointe-à-Pitre, Guadeloupe",
            {
                **street("15", "rue", "Victor Hugo"),
                "postcode": "97110",
                "city": "Pointe-à-Pitre",
                "country": "Guadeloupe",
                "complement": "",
            },
        ),
        # Belgium: the number after the street name
        (
            "Rue de la Loi 16, 1000 Bruxelles, Belgique",
            {
                **street("16", "rue", "de la Loi"),
                "postcode": "1000",
                "city": "Bruxelles",
                "country": "Belgique",
                "complement": "",
            },
        ),
        (
            "Avenue Louise 54 1050 Bruxelles",
            {
                **street("54", "avenue", "Louise"),
                "postcode": "1050",
                "city": "Bruxelles",
                "complement": "",
            },
        ),
        # Switzerland, Germany: the street in one word, its number after it
        (
            "Bahnhofstrasse 10, 8001 Zürich, Suisse",
            {
                **street("10", "", "Bahnhofstrasse"),
                "postcode": "8001",
                "city": "Zürich",
                "country": "Suisse",
                "complement": "",
            },
        ),
        (
            "Hauptstraße 12, 10115 Berlin, Deutschland",
            {
                **street("12", "", "Hauptstraße"),
                "postcode": "10115",
                "city": "Berlin",
                "country": "Deutschland",
                "complement": "",
            },
        ),
        (
            "Hauptstraße 12, 10115 Berlin, Germany",
            {
                **street("12", "", "Hauptstraße"),
                "postcode": "10115",
                "city": "Berlin",
                "country": "Germany",
                "complement": "",
            },
        ),
        (
            "Hauptstr. 12, D-10115 Berlin",  # the prefix shows the country
            {
                **street("12", "", "Hauptstr."),
                "postcode": "D-10115",
                "city": "Berlin",
                "country": "DE",
                "complement": "",
            },
        ),
        # United Kingdom: the town before the postcode
        (
            "10 Downing Street, London SW1A 2AA",
            {
                **street("10", "", "Downing Street"),
                "postcode": "SW1A 2AA",
                "city": "London",
                "country": "United Kingdom",
                "complement": "",
            },
        ),
        (
            "10 Downing Street London SW1A 2AA",
            {
                **street("10", "", "Downing Street"),
                "postcode": "SW1A 2AA",
                "city": "London",
                "country": "United Kingdom",
                "complement": "",
            },
        ),
        (
            "7 Piccadilly, London W1J 9LL, UK",
            {
                **street("7", "", "Piccadilly"),
                "postcode": "W1J 9LL",
                "city": "London",
                "country": "UK",
                "complement": "",
            },
        ),
        (
            "Flat 2, 15 Baker Street, London NW1 6XE",
            {
                **street("15", "", "Baker Street"),
                "postcode": "NW1 6XE",
                "city": "London",
                "country": "United Kingdom",
                "complement": "Flat 2",
            },
        ),
        (
            "221B Baker Street, London, NW1 6XE",
            {
                **street("221B", "", "Baker Street"),
                "postcode": "NW1 6XE",
                "city": "London",
                "country": "United Kingdom",
                "complement": "",
            },
        ),
        # United States: the state code is kept with the city (the form has no state field)
        (
            "1600 Pennsylvania Ave NW, Washington, DC 20500, USA",
            {
                **street("1600", "", "Pennsylvania Ave NW"),
                "postcode": "20500",
                "city": "Washington DC",
                "country": "USA",
                "complement": "",
            },
        ),
        (
            "12 Main St Apt 4, Springfield, IL 62701",
            {
                **street("12", "", "Main St"),
                "postcode": "62701",
                "city": "Springfield IL",
                "country": "United States",
                "complement": "Apt 4",
            },
        ),
    ],
)
def test_addresses_in_the_order_of_each_country(text, expected):
    assert parse_details(text) == expected


def test_each_address_passes_the_postcode_rule_of_its_country():
    for text in (
        "12 rue de Longchamp 75016 Paris",
        "Rue de la Loi 16, 1000 Bruxelles, Belgique",
        "Bahnhofstrasse 10, 8001 Zürich, Suisse",
        "Hauptstraße 12, 10115 Berlin, Germany",
        "7 Piccadilly, London W1J 9LL, UK",
        "Flat 2, 15 Baker Street, London NW1 6XE",
        "1600 Pennsylvania Ave NW, Washington, DC 20500, USA",
    ):
        found = parse_details(text)
        country = check_country(found["country"]).value
        assert check_postcode(found["postcode"], country).ok, text


@pytest.mark.parametrize(
    "text, country",
    [
        ("12 rue de Longchamp, 75016 Paris", "France"),  # French street type and 5 digits
        ("Hauptstraße 12, 10115 Berlin", None),  # could be French digits: the country is asked
        ("Rue de la Loi 16, 1000 Bruxelles", None),  # 4 digits: not France
        ("12 rue de Longchamp, Paris", None),  # no postcode
        ("10 Downing Street, London SW1A 2AA", "United Kingdom"),
        ("London SW1A 2AA", "United Kingdom"),
        ("742 Evergreen Terrace, Springfield, OR 97403", "United States"),
        ("12 rue de Longchamp, 75016 Paris, Belgique", "Belgique"),  # what the user says wins
    ],
)
def test_the_country_is_given_only_when_named_or_certain(text, country):
    assert parse_details(text).get("country") == country


@pytest.mark.parametrize(
    "text",
    [
        "12 rue de Longchamp, Paris",
        "12 rue de Longchamp",
        "75016 Paris",
        "Marie Curie",
    ],
)
def test_the_complement_is_left_to_ask_when_the_address_is_not_whole(text):
    assert "complement" not in parse_details(text)


@pytest.mark.parametrize("text", ["1984", "1984 Orwell", "75016", "1000 Bruxelles", "Bâtiment B"])
def test_a_number_alone_is_not_taken_for_an_address(text):
    # Such answers may be a trust answer or a complement: only the question asked gets them.
    assert parse_details(text) == {}


@pytest.mark.parametrize(
    "text, expected",
    [
        ("7 Piccadilly", street("7", "", "Piccadilly")),
        ("Hauptstraße 12", street("12", "", "Hauptstraße")),
        ("Unter den Linden 77", street("77", "", "Unter den Linden")),
        ("rue de la Paix", street("", "rue", "de la Paix")),
        ("12 rue de Longchamp", street("12", "rue", "de Longchamp")),
        ("12 bis rue de Longchamp", street("12 bis", "rue", "de Longchamp")),
        ("Rue de la Loi 16 bis", street("16 bis", "rue", "de la Loi")),
        ("12 rue du 8 Mai 1945", street("12", "rue", "du 8 Mai 1945")),
        ("Lieu-dit Les Granges", street("", "lieu-dit", "Les Granges")),
        ("10 Downing Street", street("10", "", "Downing Street")),
        ("1600 Pennsylvania Ave NW", street("1600", "", "Pennsylvania Ave NW")),
        ("Le Bourg", street("", "", "Le Bourg")),
        ("derrière la mairie ?", street("", "", "derrière la mairie ?")),
        ("chez Martin", {**street("", "", ""), "complement": "chez Martin"}),
        ("", street("", "", "")),
        (
            "12 rue de Longchamp, 75016 Paris",
            {
                **street("12", "rue", "de Longchamp"),
                "postcode": "75016",
                "city": "Paris",
                "country": "France",
                "complement": "",
            },
        ),
        (
            "Bâtiment B, 3 allée des Pins",
            {**street("3", "allée", "des Pins"), "complement": "Bâtiment B"},
        ),
        (
            "Rue de la Loi 16, 1000 Bruxelles",
            {
                **street("16", "rue", "de la Loi"),
                "postcode": "1000",
                "city": "Bruxelles",
                "complement": "",
            },
        ),
    ],
)
def test_a_street_line_alone_in_any_order(text, expected):
    assert read_street_line(text) == expected


def test_a_street_line_is_never_refused():
    assert read_street_line(None) == street("", "", "")
    assert read_street_line("x" * 300)["street_name"] == "x" * 300  # the rule says it is too long


@settings(max_examples=300, deadline=None)
@given(
    st.text(
        st.characters(min_codepoint=0, max_codepoint=0x10FFFF, blacklist_categories=()),
        max_size=200,
    )
)
def test_the_street_line_reader_is_total(raw):
    found = read_street_line(raw)
    assert {"street_number", "street_type", "street_name"} <= found.keys()
    assert all(isinstance(value, str) for value in found.values())
    assert set(parse_details(raw)) <= {
        "email",
        "phone",
        "surname",
        "first_name",
        "street_number",
        "street_type",
        "street_name",
        "complement",
        "postcode",
        "city",
        "country",
    }


@pytest.mark.parametrize(
    "unit",
    [
        "12 rue ",
        "12, ",
        "1 ",
        "a b, ",
        "London SW1A 2AA, ",
        "Marie ",
        "x@",
        "c'est ",
        "mon ",
        "Hauptstraße 12 ",
        "\ud800",
        "1000 Bruxelles, ",
        "é" * 60 + " ",
    ],
)
def test_ten_thousand_characters_are_read_in_linear_time(unit):
    from reading.corrections import field_mentioned

    text = (unit * (10_000 // len(unit) + 1))[:10_000]
    started = time.perf_counter()
    parse_details(text), read_street_line(text), field_mentioned(text)
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize(
    "text",
    [
        "7 Piccadilly, W1J 9LL London",
        "7 Piccadilly, London W1J 9LL",
        "7 Piccadilly W1J 9LL London",
        "7 Piccadilly London W1J 9LL",
        "Emma Smith, 7 Piccadilly, W1J 9LL London",
    ],
)
def test_a_british_street_without_a_type_in_a_whole_address(text):
    found = parse_details(text)
    assert {
        key: found[key]
        for key in ("street_number", "street_type", "street_name", "postcode", "city", "country")
    } == {
        **street("7", "", "Piccadilly"),
        "postcode": "W1J 9LL",
        "city": "London",
        "country": "United Kingdom",
    }


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Rue de la Loi 16 à Bruxelles (1000)",
            {
                **street("16", "rue", "de la Loi"),
                "postcode": "1000",
                "city": "Bruxelles",
                "complement": "",
            },
        ),
        (
            "Rue de la Loi 16, Bruxelles (1000)",
            {
                **street("16", "rue", "de la Loi"),
                "postcode": "1000",
                "city": "Bruxelles",
                "complement": "",
            },
        ),
        (
            "5 rue Victor Hugo, Bordeaux (33000)",
            {
                **street("5", "rue", "Victor Hugo"),
                "postcode": "33000",
                "city": "Bordeaux",
                "country": "France",
                "complement": "",
            },
        ),
        ("5 rue Victor Hugo à Bordeaux", {**street("5", "rue", "Victor Hugo"), "city": "Bordeaux"}),
        ("22 Baker Street in London", {**street("22", "", "Baker Street"), "city": "London"}),
    ],
)
def test_the_postcode_in_brackets_and_the_town_after_a_preposition(text, expected):
    assert parse_details(text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "5 rue Victor Hugo 33000 Bordeaux merci",
            {
                **street("5", "rue", "Victor Hugo"),
                "postcode": "33000",
                "city": "Bordeaux",
                "country": "France",
                "complement": "",
            },
        ),
        (
            "j'habite au 5 rue Victor Hugo / 33000 Bordeaux",
            {
                **street("5", "rue", "Victor Hugo"),
                "postcode": "33000",
                "city": "Bordeaux",
                "country": "France",
                "complement": "",
            },
        ),
        ("Adresse : Le Bourg", street("", "", "Le Bourg")),
        (
            "12 rue de la Paix. 75002 Paris",
            {
                **street("12", "rue", "de la Paix"),
                "postcode": "75002",
                "city": "Paris",
                "country": "France",
                "complement": "",
            },
        ),
    ],
)
def test_a_street_line_with_labels_separators_and_courtesy(text, expected):
    assert read_street_line(text) == expected


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=80))
def test_field_named_is_total(raw):
    from reading.corrections import field_named

    assert field_named(raw) in (
        None,
        "login_email",
        "password",
        "trust_answer",
        "trust_question",
        "complement",
        "postcode",
        "street_number",
        "phone",
        "first_name",
        "surname",
        "city",
        "country",
        "street",
    )


@pytest.mark.parametrize(
    "unit",
    [
        "Nom ",
        "nom : ",
        "NOM JONES ",
        "j'habite ",
        "adresse : ",
        "16 à Bruxelles ",
        "(1000) ",
        "merci ",
        ". ",
        "a. ",
        " / ",
        " - ",
        "06 11 22 33 44 5 ",
        "0 ",
        "00 ",
        "0.0.0.0 ",
        "moi c ",
        "Paul Durand Rue de la Loi 16 ",
        "Rue a 1 à ",
        "Prénom Nom : ",
        "...",
        "!",
    ],
)
def test_ten_thousand_characters_of_the_new_patterns_are_read_in_linear_time(unit):
    from reading.corrections import field_mentioned, field_named
    from reading.free_text import read_name

    text = (unit * (10_000 // len(unit) + 1))[:10_000]
    started = time.perf_counter()
    parse_details(text), read_street_line(text), field_mentioned(text), field_named(text)
    read_name(text)
    assert time.perf_counter() - started < 3
