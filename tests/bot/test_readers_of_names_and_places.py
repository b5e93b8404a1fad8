"""Readers of names, places and corrections as people write them (issue "Understanding people"),
in our own words and in both languages."""

from __future__ import annotations

import pytest

from bot.addresses import country_of_postcode
from bot.free_text import parse_details, split_name
from bot.name_order import labelled_after, surname_first
from bot.replacements import new_and_old, replaced
from bot.rules.person import check_phone
from bot.rules.trust import read_trust_choice
from bot.spelling_remarks import without_spelling_remark
from bot.words import words_of


@pytest.mark.parametrize(
    "words, expected",
    [
        ("Katrin von Auersperg", {"first_name": "Katrin", "surname": "von Auersperg"}),
        ("van der Meer Joost", {"surname": "van der Meer", "first_name": "Joost"}),
        ("Hélène de la Rochefoucauld", {"first_name": "Hélène", "surname": "de la Rochefoucauld"}),
        ("du Bellay", {"surname": "du Bellay"}),
        ("Seán Mac Carthy", {"first_name": "Seán", "surname": "Mac Carthy"}),
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
    ],
)
def test_x_not_y_gives_the_new_and_the_old_value(text, new, old):
    assert new_and_old(text) == (new, old)


@pytest.mark.parametrize(
    "text",
    ["Il se passe quoi si je n'active pas dans les 48 heures ?", "I would rather not do it today"],
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
