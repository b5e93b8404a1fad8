"""Which form slots a user message fills. Pure functions: no Rasa SDK, so they are unit-tested
directly. Values are raw text; the validate_<slot> methods check them with the rules of account/rules/."""

from __future__ import annotations

import re

from account.credentials import find_activation_code
from account.fields import FIELDS, STREET
from account.registration_form import FORM_FIELDS, OPTIONAL_FIELDS
from account.rules.address import has_no_postcodes
from account.rules.login import PASSWORD_MIN_LENGTH
from account.rules.text import fold
from reading.corrections import field_mentioned
from reading.dialogue import INTERRUPTIONS_OF_FORM, QUESTIONS, REPAIRS, SOCIAL
from reading.free_text import (
    SURNAME_PARTICLES,
    find_email,
    find_phone,
    is_first_name,
    is_skip,
    parse_details,
    read_name,
    read_street_line,
)
from reading.message_parts import without_courtesy
from reading.name_order import labelled_after, surname_first
from reading.replacements import replaced
from reading.spelling_remarks import without_aside, without_spelling_remark
from reading.trust_choice import typed_trust_choice

# "Pouvez-vous répéter ?", "où en suis-je ?": a question mark, two words or one of these words.
REPAIR_WORDS = frozenset(
    {
        "repeter",
        "repete",
        "repetez",
        "repeat",
        "again",
        "pardon",
        "quoi",
        "what",
        "hein",
        "progress",
        "progression",
        "etape",
        "step",
    }
)
SOCIAL_WORDS = frozenset(
    {
        "bonjour",
        "bonsoir",
        "salut",
        "coucou",
        "hello",
        "hi",
        "hey",
        "merci",
        "thanks",
        "thank",
        "revoir",
        "bye",
        "goodbye",
        "cheers",
    }
)

# Answers typed as one token (secrets, codes): a single word is only an interruption when it is
# one of these commands, so a password is never taken for a question.
COMMAND_WORDS = frozenset(
    {
        "annuler",
        "cancel",
        "stop",
        "aide",
        "help",
        "abandonner",
        "quit",
        "english",
        "anglais",
        "francais",
        "français",
        "french",
    }
)
SINGLE_TOKEN_SLOTS = FIELDS.typed_answer_fields
STREET_SLOTS = STREET
# Fields read from free text -> form slots (the e-mail only where it is asked).
PARSED_TO_SLOT = {name: name for name in FIELDS.read_from_sentences}
# Fields a correction may name -> the slots to set (a street line fills three).
CORRECTABLE = FIELDS.correctable


def is_interruption(
    requested: str | None, text: str, intent: str | None, form: str = "registration_form"
) -> bool:
    if intent not in INTERRUPTIONS_OF_FORM[form]:
        return False
    words = text.split()
    if requested in SINGLE_TOKEN_SLOTS and len(words) == 1:
        return text.strip(" .!").casefold() in COMMAND_WORDS
    if requested in SINGLE_TOKEN_SLOTS and any(c.isdigit() for c in text) and "?" not in text:
        # An attempt at a password or a code, as the typed-answer policy read it, whatever the
        # model guessed ("has spaces in it 1234567890" is not a question about companies).
        return False
    parsed = parse_details(text)
    if len(parsed) >= 2 and parsed.keys() - {"first_name", "surname"}:
        return False  # "Marie Curie, 01 23 45 67 89, ..." answers the form whatever the model says
    if intent in QUESTIONS:
        return len(words) >= 3 or "?" in text
    if intent in SOCIAL:
        return bool(SOCIAL_WORDS & {w.strip(" ,.!?").casefold() for w in words})
    if intent in REPAIRS:
        return "?" in text or len(words) >= 2 or fold(text.strip(" .!")) in REPAIR_WORDS
    return True


def _street_line(text: str) -> dict[str, str]:
    """The answer to "what is your address?", in any country's order ("7 Piccadilly",
    "Hauptstraße 12", "12 rue de Longchamp 75016 Paris")."""
    found = {
        slot: value
        for slot, value in read_street_line(text).items()
        if slot in (*STREET_SLOTS, "complement", "postcode", "city", "country")
    }
    if (
        not found.get("street_number")
        and not found.get("street_type")
        and (found.get("street_name") or "")[:1].isdigit()
    ):
        return {"street_number": text}  # "12", "12 bis": the type and the name are asked next
    return found


def reads_as_full_name(requested: str | None, text: str, filled: dict[str, object]) -> bool:
    """Are the plain words of `text` a first name and a surname, at the name questions?
    Yes with a comma, a phrase that introduces them ("je m'appelle ..."), a word in capitals
    ("CURIE Marie"), or, at the surname question with no first name yet, two or three words not
    starting with a particle ("Marie Curie"); what was read is shown back to be corrected."""
    if requested not in ("surname", "first_name"):
        return False
    words = text.split()
    if "," in text or read_name(text, introduced_only=True):
        return True
    if any(len(w) > 1 and w.isupper() for w in words) and not all(w.isupper() for w in words):
        return True
    # "Garcia Lopez" at the surname question is a double surname; "Marie Curie" a full name.
    return (
        requested == "surname"
        and filled.get("first_name") is None
        and 2 <= len(words) <= 3
        and fold(words[0]) not in SURNAME_PARTICLES
        and any(is_first_name(word) for word in words)
    )


# Values people follow with a remark on their spelling ("Van den Bossche, en trois mots").
REMARKED_FIELDS = frozenset({"surname", "first_name", "city", "street_name"})
# Fields whose plain value may also read as another field ("Jordan" a country, "Singapore" a
# country, "Florence" a city): at their own question, the value is theirs.
PLACE_OR_NAME_FIELDS = frozenset({"surname", "first_name", "city", "country"})


def answers_alone(requested: str | None, text: str) -> bool:
    """Is the message just a value of the field asked, which the parser would read as one other
    field ("Jordan" at the first name, "Singapore" or "Luxembourg" at the city)?"""
    if requested not in PLACE_OR_NAME_FIELDS or len(text.split()) > 3:
        return False
    parsed = parse_details(text)
    if len(parsed) != 1 or requested in parsed or parsed.keys() <= {"first_name", "surname"}:
        return False
    return FIELDS[requested].check(without_courtesy(text) or text).ok


def in_email_order(parsed: dict[str, str], email: object) -> dict[str, str]:
    """A name split in the wrong place is put right when the login e-mail is first.last:
    "Lubin Maëva" with maeva.lubin@... (the first name last), "Houssein Ali Fatouma" with
    fatouma.housseinali@... (a surname of two words first), "Javier Fernández de Córdoba" with
    javier.fdezcordoba@... (the surname of several words after one first name)."""
    first, surname = parsed.get("first_name"), parsed.get("surname")
    if not (first and surname and isinstance(email, str) and "@" in email):
        return parsed
    parts = [fold(p) for p in re.split(r"[._-]+", email.split("@")[0]) if p]
    if len(parts) < 2:
        return parsed
    words = f"{first} {surname}".split()

    def joined(group: list[str]) -> str:
        return fold("".join(group)).replace("-", "").replace("'", "")

    for cut in range(1, len(words)):
        before, after = words[:cut], words[cut:]
        if joined(after) == parts[0] and joined(before) == parts[-1]:
            return {**parsed, "first_name": " ".join(after), "surname": " ".join(before)}
        if joined(before) == parts[0] and joined(after) == parts[-1]:
            return {**parsed, "first_name": " ".join(before), "surname": " ".join(after)}
    if len(first.split()) > 1 and parts[0] == joined(words[:1]) and parts[1] != joined(words[1:2]):
        # javier.fdezcordoba@...: the e-mail's first part is the whole first name (but for
        # marie.anne.dupont@..., where "Marie Anne" is)
        return {**parsed, "first_name": words[0], "surname": " ".join(words[1:])}
    return parsed


def cleared(field: str) -> dict[str, None]:
    """The slots to empty so that the form asks `field` again (with its confirmation)."""
    confirmations = {
        "login_email": ("login_email_confirmation",),
        "password": ("password_confirmation",),
    }
    return {slot: None for slot in (*CORRECTABLE[field], *confirmations.get(field, ()))}


def correction(text: str) -> dict[str, str | None]:
    """'change my phone to 06 12 34 56 78' -> {'phone': '06 12 34 56 78'}; a field named without
    a value is emptied, to be asked again. A password is never taken from such a sentence."""
    named = field_mentioned(text)
    if not named:
        return {}
    field, value = named
    if value is None or field == "password":
        return cleared(field)
    if field in REMARKED_FIELDS:
        value = without_spelling_remark(value)  # "mon prénom c'est Jordan sans e à la fin"
    if field == "street":
        return _street_line(value)
    if field != "trust_answer":
        value = without_courtesy(value) or value  # "should be Cork obviously"
    return {CORRECTABLE[field][0]: value}


def corrected_values(text: str, filled: dict[str, object]) -> dict[str, str]:
    """A value typed alone at the summary ("06 11 22 33 44", "marie@exemple.fr"): the fields
    it can only belong to, among those already filled."""
    parsed = parse_details(text)
    if "email" in parsed:
        parsed["login_email"] = parsed.pop("email")
    if parsed.keys() <= {"first_name", "surname"}:
        return {}  # two plain words could be a name, a city or a street: ask which field
    slots = {**PARSED_TO_SLOT, "login_email": "login_email"}
    return {
        slots[key]: value
        for key, value in parsed.items()
        if key in slots and filled.get(slots[key]) is not None
    }


def registration_answers(
    requested: str | None,
    text: str,
    intent: str | None,
    entities: dict[str, str],
    filled: dict[str, object],
) -> dict[str, object]:
    """The slots that a message in the registration form fills.

    `filled` holds the slots already set: values read in passing never overwrite them, only the
    answer to the question asked (or an explicit correction) does.
    """
    text = (text or "").strip()
    if intent == "choose_trust_question" and entities.get("trust_question"):
        return {"trust_question": entities["trust_question"]}
    choice = typed_trust_choice(text) if requested == "trust_question" else None
    if choice:
        return {"trust_question": choice}  # the choice typed in words
    if requested in ("login_email", "login_email_confirmation") and find_email(text):
        return {requested: find_email(text)}  # "utilisez marie@exemple.fr", whatever the intent
    if is_interruption(requested, text, intent) or not text:
        return {}
    if requested == "terms_accepted":
        return {"terms_accepted": intent in ("affirm", "confirm")}
    if requested in SINGLE_TOKEN_SLOTS:
        # Secrets and CAPTCHA are never parsed for other fields. A password has no space, so in
        # "mon mot de passe est X" the one long word is the answer (the rule still checks it).
        long_words = [word for word in text.split() if len(word) >= PASSWORD_MIN_LENGTH]
        if requested in ("password", "password_confirmation") and len(long_words) == 1:
            return {requested: long_words[0]}
        return {requested: text}
    # A correction in the user's own words, whatever the model made of it ("finalement mon
    # portable c'est le 06 ...", "I made a mistake in the postcode").
    # Only a field already given can be corrected: "my name is Lucie Marchand" at the surname
    # question is an answer, whatever the model calls it.
    # "ma ville natale est ...", "the question about my partner's first name": answers.
    changed = (
        (replaced(text, filled) or correction(text))
        if requested not in ("trust_answer", "trust_question")
        else {}
    )
    if changed and any(filled.get(s) is not None for s in changed):
        return changed
    # The model's "skip" is trusted only without digits: a postcode is never dropped by a guess.
    wants_skip = is_skip(text) or (intent == "skip" and not any(c.isdigit() for c in text))
    if requested in OPTIONAL_FIELDS and wants_skip:
        return (
            {slot: "" for slot in STREET_SLOTS} if requested == "street_number" else {requested: ""}
        )
    if requested in FORM_FIELDS and is_skip(text):
        return {requested: ""}  # "passer" is no first name: the rule says the field is required

    if requested in ("surname", "first_name") and surname_first(text):
        return {  # "family name first: Nakamura Yui"
            slot: value for slot, value in surname_first(text).items() if filled.get(slot) is None
        } or surname_first(text)
    if requested in ("surname", "first_name") and labelled_after(text):
        return labelled_after(text)  # "Fiona pour le prénom, Hargreaves pour le nom"
    if requested in REMARKED_FIELDS:
        text = without_spelling_remark(text)  # "d'Harcourt, avec une apostrophe"
    if answers_alone(requested, text):
        return {requested: without_courtesy(text) or text}  # "Singapore" at the city question
    parsed = in_email_order(parse_details(text), filled.get("login_email"))
    if (
        parsed
        and parsed.keys() <= {"first_name", "surname"}
        and not reads_as_full_name(requested, text, filled)
    ):
        parsed = {}  # one answer: "Saint Denis" at the city question, "De La Fontaine" a surname
    answers: dict[str, object] = {}
    for field, value in parsed.items():
        slot = PARSED_TO_SLOT.get(field)
        if slot and filled.get(slot) is None:
            answers[slot] = value
    country = answers.get("country") or filled.get("country")
    if country and filled.get("postcode") is None and "postcode" not in answers:
        if has_no_postcodes(str(country)):
            answers["postcode"] = ""  # "BP 2105, Djibouti": no postcode to ask for
    if requested in ("login_email", "login_email_confirmation"):
        answers[requested] = find_email(text) or text
    elif requested == "phone":
        phone = find_phone(text)
        answers["phone"] = phone[0] if phone else text
    elif requested == "street_number" and not parsed.keys() & set(STREET_SLOTS):
        answers.update(_street_line(text))
    elif requested and requested not in answers and not parsed:
        # "Bordeaux merci": the courtesy is no part of the city (the trust answer is kept whole)
        # "Bertie, my spaniel": the answer without the aside; courtesy may be part of it
        answers[requested] = (
            without_aside(text) if requested == "trust_answer" else without_courtesy(text) or text
        )
    return answers


def activation_answers(requested: str | None, text: str, intent: str | None) -> dict[str, str]:
    text = (text or "").strip()
    if requested == "activation_code" and find_activation_code(text):
        # "mon code d'activation : Ab3dEf7hJk9m" is the answer, not a request to start again
        return {requested: find_activation_code(text)}
    if requested == "activation_email" and find_email(text):
        return {requested: find_email(text)}
    if not requested or not text or is_interruption(requested, text, intent, "activation_form"):
        return {}
    if requested == "activation_email":
        return {requested: find_email(text) or text}
    if requested == "activation_code" and len(text.split()) > 1:
        return {requested: find_activation_code(text) or text}  # "voici mon code : ..."
    return {requested: text}
