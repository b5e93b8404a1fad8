"""Readers of names, places and corrections as people write them (issue "Understanding people"),
in our own words and in both languages."""

from __future__ import annotations

import pytest

from account.rules.person import check_phone
from languages import words_of
from reading.free_text import parse_details, split_name
from reading.name_order import labelled_after, surname_first
from reading.postcodes import country_of_postcode
from reading.replacements import new_and_old, replaced
from reading.spelling_remarks import without_spelling_remark
from reading.trust_choice import read_trust_choice


@pytest.mark.parametrize(
    "words, expected",
    [
        ("Katrin von Auersperg", {"first_name": "Katrin", "surname": "von Auersperg"}),
        ("van der Meer Joost", {"surname": "van der Meer", "first_name": "Joost"}),
        ("Hélène de la Rochefoucauld", {"first_name": "Hélène", "surname": "de la Rochefoucauld"}),
        ("du Bellay", {"surname": "du Bellay"}),
        ("Seán Mac Carthy", {"first_name": "Seán", "surname": "Mac Carthy"}),
        ("O O", {"surname": "O O"}),  # nothing but particles (found by the property test)
    ],
)
def test_particles_start_the_surname(words, expected):
    assert split_name(words.split()) == expected


@pytest.mark.parametrize(
    "text, value",
    [
        ("Van der Straeten, en trois mots", "Van der Straeten"),
        ("Ruiz Zafón (les deux noms, sans tiret)", "Ruiz Zafón"),
        ("Mac Neil - two words, capital N", "Mac Neil"),
        ("Mathis sans h", "Mathis"),
        ("Dominik with a k", "Dominik"),
        ("Nancy, comme la ville", "Nancy"),
        ("Orléans. Oui, comme la ville", "Orléans"),
        ("de Villepin", "de Villepin"),
        ("Saint-Malo", "Saint-Malo"),
    ],
)
def test_a_remark_on_the_spelling_is_not_part_of_the_value(text, value):
    assert without_spelling_remark(text) == value


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Family name first: Okonkwo Chidi", {"surname": "Okonkwo", "first_name": "Chidi"}),
        ("nom d'abord : Le Bihan Maëlle", {"surname": "Le Bihan", "first_name": "Maëlle"}),
        ("Tanaka Hiro (surname first)", {"surname": "Tanaka", "first_name": "Hiro"}),
        ("Hiro Tanaka", None),
    ],
)
def test_a_stated_order_is_followed(text, expected):
    assert surname_first(text) == expected


@pytest.mark.parametrize(
    "text, new, old",
    [
        ("It's Sofia, not Sophia", "Sofia", "Sophia"),
        ("not Nantes but Nancy", "Nancy", "Nantes"),
        ("C'est 04 72 10 20 30, et non 04 72 10 20 03", "04 72 10 20 30", "04 72 10 20 03"),
        ("pas Rennes mais Redon, bien sûr", "Redon", "Rennes"),
        ("could you put my whole first name, Marie-Laure, not Marie", "Marie-Laure", "Marie"),
        ("Le code postal est faux : 44300 et pas 44000", "44300", "44000"),
        ("c'est claire-marie pas claire", "claire-marie", "claire"),  # typed in lower case
    ],
)
def test_x_not_y_gives_the_new_and_the_old_value(text, new, old):
    assert new_and_old(text) == (new, old)


@pytest.mark.parametrize(
    "text",
    [
        "Il se passe quoi si je n'active pas dans les 48 heures ?",
        "I would rather not do it today",
        # remarks shaped like "X, not Y", whose "values" are not alike
        "La paperasse c'est franchement pas marrant",
        "Mondays, not my favourite day",
        "Le 14 juillet, pas de bureau",
    ],
)
def test_a_sentence_with_a_negation_is_no_correction(text):
    assert new_and_old(text) is None


def test_the_corrected_field_is_the_one_holding_the_old_value():
    filled = {
        "first_name": "Marie",
        "city": "Nantes",
        "phone": "+33472102003",
        "postcode": "44000",
    }
    assert replaced("not Nantes but Nancy", filled) == {"city": "Nancy"}
    assert replaced("C'est 04 72 10 20 30, et non 04 72 10 20 03", filled) == {
        "phone": "04 72 10 20 30"
    }
    assert replaced("please make it Marie-Laure, not Marie", filled) == {
        "first_name": "Marie-Laure"
    }
    # The old value slightly off: the field whose value is closest to the new one.
    assert replaced("It's Marie-Laure, not Mary", filled) == {"first_name": "Marie-Laure"}
    assert replaced("non merci", filled) == {}


@pytest.mark.parametrize(
    "postcode, country",
    [
        ("L-2449", "LU"),
        ("CH-1201", "CH"),
        ("D-80331", "DE"),
        ("B-4000", "BE"),
        ("3011 AB", "NL"),
        ("98000", "MC"),
        ("75008", None),
    ],
)
def test_a_postcode_shows_its_country(postcode, country):
    assert country_of_postcode(postcode) == country


@pytest.mark.parametrize(
    "address, city, country",
    [
        ("5 avenue Monterey, L-2163 Luxembourg", "Luxembourg", "LU"),
        ("7 Marina Boulevard, 018987 Singapore", "Singapore", "SG"),
        ("Stationsplein 12, 3511 ED Utrecht", "Utrecht", "NL"),
        ("Quai des Bergues 9, CH-1201 Genève", "Genève", "CH"),
        ("2 boulevard Albert 1er, 98000 Monaco", "Monaco", "MC"),
    ],
)
def test_the_country_is_not_asked_when_the_address_shows_it(address, city, country):
    read = parse_details(address)
    assert read["city"] == city and read["country"] == country


@pytest.mark.parametrize(
    "number, language, e164",
    [
        ("0161 496 0123", "en", "+441614960123"),
        ("(415) 555-2671", "en", "+14155552671"),
        ("02 513 41 11", "fr", "+3225134111"),
        ("438 555-0190", "fr", "+14385550190"),
        ("06 98 76 54 32", "en", "+33698765432"),  # French first, whatever the language
    ],
)
def test_a_national_number_of_another_country_is_read_there(number, language, e164):
    assert check_phone(number, elsewhere=words_of(language).PHONE_REGIONS).value == e164


@pytest.mark.parametrize(
    "text, code",
    [
        ("Je prends : lieu de naissance.", "birth_town"),
        ("I'll go for the one about my cat", "pet_name"),
        ("celle sur le prénom de ma femme, merci", "partner_first_name"),
        ("The question asking for my husband's first name", "partner_first_name"),
        ("le nom de ma chienne", "pet_name"),
    ],
)
def test_the_trust_question_is_read_from_the_words(text, code):
    assert read_trust_choice(text) == code


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "bon, Chidi pour le prénom et Okonkwo pour le nom",
            {"first_name": "Chidi", "surname": "Okonkwo"},
        ),
        ("Novak (last) Petra (first)", {"surname": "Novak", "first_name": "Petra"}),
        ("Petra as first name, Novak as surname", {"first_name": "Petra", "surname": "Novak"}),
        ("Prénom Maëlle et nom Le Bihan", {"first_name": "Maëlle", "surname": "Le Bihan"}),
        ("du Bellay pour le nom", {"surname": "du Bellay"}),
        ("Petra Novak", {}),
    ],
)
def test_names_with_their_labels_in_any_order(text, expected):
    assert labelled_after(text) == expected


@pytest.mark.parametrize(
    "text, code",
    [
        ("the one about my birthplace", "birth_town"),  # a question's opening word, no "?"
        ("Which pet I had", "pet_name"),
        ("Le nom de votre animal de compagnie ?", "pet_name"),  # the question copied
        ("Your spouse's or partner's first name?", "partner_first_name"),
    ],
)
def test_a_trust_question_named_in_words_is_chosen(text, code):
    from reading.trust_choice import typed_trust_choice

    assert typed_trust_choice(text) == code


@pytest.mark.parametrize(
    "text", ["à quoi sert la question sur l'animal ?", "why would you need my pet's name?"]
)
def test_a_question_about_a_trust_question_is_no_choice(text):
    from reading.trust_choice import typed_trust_choice

    assert typed_trust_choice(text) is None


@pytest.mark.parametrize("text", ["01632 9600123", "tél : 06 12 34 56 789", "0612 345 6789"])
def test_a_number_is_never_read_from_part_of_a_longer_one(text):
    from reading.free_text import find_phone

    found = find_phone(text)
    digits = sum(c.isdigit() for c in text)
    assert found is None or sum(c.isdigit() for c in found[0]) == digits


@pytest.mark.parametrize(
    "text, field, value",
    [
        ("le code postal doit être 33170, pas 33710", "postcode", "33170"),
        ("la ville c'est Montbéliard, j'avais oublié une lettre", "city", "Montbéliard"),
        ("the house number should be 14, I typed 41", "street_number", "14"),
        ("the digits of the postcode are switched, it must be 2511 AB", "postcode", "2511 AB"),
        ("Surname's misspelt - Harrington, two r's", "surname", "Harrington"),
        ("le prénom est mal orthographié : Maëlle, avec un tréma", "first_name", "Maëlle"),
    ],
)
def test_a_correction_said_with_should_or_a_swap_names_its_field(text, field, value):
    from reading.corrections import field_mentioned

    assert field_mentioned(text) == (field, value)


@pytest.mark.parametrize(
    "text", ["l'adresse c'est bon, on peut valider", "the city is right, thanks"]
)
def test_a_field_said_to_be_right_is_no_correction(text):
    from reading.corrections import field_mentioned

    assert field_mentioned(text) is None


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Notez : Kirchgasse 3, CH-3011 Bern comme adresse",
            {"street_name": "Kirchgasse", "street_number": "3", "city": "Bern"},
        ),
        (
            "you can put 22 Mill Lane, York YO1 7HH as my address",
            {"street_name": "Mill Lane", "street_number": "22", "postcode": "YO1 7HH"},
        ),
        ("3 Grand Parade, Cork T12 K8AF", {"postcode": "T12 K8AF", "city": "Cork"}),
    ],
)
def test_an_address_asked_to_be_written_down_or_with_an_eircode(text, expected):
    read = parse_details(text)
    assert {key: read.get(key) for key in expected} == expected


def test_an_eircode_shows_ireland():
    assert country_of_postcode("T12 K8AF") == "IE" and country_of_postcode("SW1A 2AA") is None


def test_no_postcode_is_asked_where_the_country_has_none():
    from actions.extraction import registration_answers

    read = registration_answers(
        "street_number", "9 avenue Georges Clemenceau, BP 45, Djibouti", "inform", {}, {}
    )
    assert read.get("postcode") == ""
    lyon = registration_answers("street_number", "9 rue Nationale, 69002 Lyon", "inform", {}, {})
    assert lyon["postcode"] == "69002"


@pytest.mark.parametrize(
    "text, city", [("Galway of course", "Galway"), ("Nancy, évidemment", "Nancy")]
)
def test_an_aside_after_a_city_is_no_part_of_it(text, city):
    from actions.extraction import registration_answers

    assert registration_answers("city", text, "inform", {}, {}) == {"city": city}


@pytest.mark.parametrize(
    "number, e164",
    [
        ("01 677 4000", "+35316774000"),  # grouped as in Ireland: Dublin, not France
        ("0161 496 0123", "+441614960123"),
        ("02 41 22 33 44", "+33241223344"),  # grouped as in France: France
    ],
)
def test_a_number_grouped_as_abroad_is_read_abroad_in_an_english_conversation(number, e164):
    assert check_phone(number, elsewhere=tuple(words_of("en").PHONE_REGIONS)).value == e164


@pytest.mark.parametrize("name", ["Guadeloupe", "La Réunion", "Guyane", "Mayotte"])
def test_an_overseas_department_is_france(name):
    from account.rules.address import check_country

    assert check_country(name).value == "FR"


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "the phone should end in 6021, not 6012: +353 61 202 6021",
            {"phone": "+353 61 202 6021"},
        ),
        ("Town reads Galwya, should be Galway of course", {"city": "Galway"}),
    ],
)
def test_a_correction_with_should_and_an_aside(text, expected):
    from actions.extraction import correction

    assert correction(text) == expected


@pytest.mark.parametrize(
    "text, answer",
    [
        ("Biscuit, our beagle", "Biscuit"),
        ("Caramel (ma chatte)", "Caramel"),
        ("Jules Ferry, l'école du quartier", "Jules Ferry, l'école du quartier"),  # no aside
    ],
)
def test_a_trust_answer_without_the_aside_that_says_what_it_is(text, answer):
    from actions.extraction import registration_answers

    assert registration_answers("trust_answer", text, "inform", {}, {}) == {"trust_answer": answer}


def test_the_login_email_shows_where_a_double_surname_starts():
    from actions.extraction import in_email_order

    read = {"first_name": "Lucía Gómez", "surname": "de la Serna"}
    assert in_email_order(read, "lucia.gomezserna@example.es") == {
        "first_name": "Lucía",
        "surname": "Gómez de la Serna",
    }
    both = {"first_name": "Anne Sophie", "surname": "Leroy"}
    assert in_email_order(both, "anne.sophie.leroy@example.fr") == both


def test_the_login_email_shows_a_surname_of_two_words_typed_first():
    from actions.extraction import in_email_order

    read = {"first_name": "Abdi", "surname": "Omar Hodan"}
    assert in_email_order(read, "hodan.abdiomar@example.dj") == {
        "first_name": "Hodan",
        "surname": "Abdi Omar",
    }


@pytest.mark.parametrize(
    "text, city, country",
    [
        (
            "Yannick Le Gall, 3 quai de l'Odet 29000 Quimper (France), 06 72 40 11 22",
            "Quimper",
            "France",
        ),
        ("Ines Moreau, 22 rue Neuve 1000 Bruxelles (Belgique)", "Bruxelles", "Belgique"),
        ("Tom Price, 8 Mill Lane, Bath BA1 1AA (United Kingdom)", "Bath", "United Kingdom"),
    ],
)
def test_a_country_in_brackets_is_part_of_the_address(text, city, country):
    read = parse_details(text)
    assert (read.get("city"), read.get("country")) == (city, country)


def test_a_message_longer_than_any_answer_gives_no_values():
    noise = "xQ7 " * 110 + "\u2029ZLIT CO1 5QP\u2029" + "kP2 " * 10  # random letters around a town
    assert len(noise) > 400 and parse_details(noise) == {}
    long_answer = (
        "Bonjour, je suis Anne-Sophie de Villeneuve-Bargemon, expert-comptable associée, "
        "joignable au 06 12 34 56 78 ou au bureau, et mon adresse professionnelle est le "
        "12 bis avenue du Maréchal de Lattre de Tassigny, 92100 Boulogne-Billancourt, France"
    )
    assert parse_details(long_answer)["city"] == "Boulogne-Billancourt"
