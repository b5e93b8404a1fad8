"""Which form slots a user message fills. Pure functions: no Rasa SDK, so they are unit-tested
directly. Values are raw text; the validate_<slot> methods check them with the rules of bot/."""
from __future__ import annotations

from bot.free_text import field_mentioned, find_email, find_phone, is_skip, parse_details
from bot.registration import FORM_FIELDS, OPTIONAL_FIELDS

# Intents that interrupt a form (the form resumes afterwards) rather than answer its question.
# The model is wrong on some unseen phrasings, so each kind needs evidence of its own before a
# message stops counting as an answer.
COMMANDS = frozenset({"cancel", "switch_language", "clear_form", "new_captcha",
                      "start_activation", "start_registration"})
QUESTIONS = frozenset({"faq", "ask_support", "explain_procedure", "email_not_received",
                       "code_expired", "out_of_scope"})
SOCIAL = frozenset({"greet", "goodbye", "thank"})
INTERRUPTIONS = COMMANDS | QUESTIONS | SOCIAL
SOCIAL_WORDS = frozenset({"bonjour", "bonsoir", "salut", "coucou", "hello", "hi", "hey", "merci",
                          "thanks", "thank", "revoir", "bye", "goodbye", "cheers"})

# Answers typed as one token (secrets, codes): a single word is only an interruption when it is
# one of these commands, so a password is never taken for a question.
COMMAND_WORDS = frozenset({"annuler", "cancel", "stop", "aide", "help", "abandonner", "quit",
                           "english", "anglais", "francais", "français", "french"})
SINGLE_TOKEN_SLOTS = frozenset({"password", "password_confirmation", "captcha_answer",
                                "activation_code", "activation_captcha"})
STREET_SLOTS = ("street_number", "street_type", "street_name")
# Fields read from free text -> form slots (the e-mail only where it is asked).
PARSED_TO_SLOT = {
    "surname": "surname", "first_name": "first_name", "phone": "phone",
    "street_number": "street_number", "street_type": "street_type", "street_name": "street_name",
    "postcode": "postcode", "city": "city", "country": "country",
}
# Fields a correction may name -> the slots to set (a street line fills three).
CORRECTABLE = {
    "login_email": ("login_email",), "password": ("password",), "surname": ("surname",),
    "first_name": ("first_name",), "phone": ("phone",), "street": STREET_SLOTS,
    "street_number": ("street_number",), "complement": ("complement",),
    "postcode": ("postcode",), "city": ("city",), "country": ("country",),
    "trust_question": ("trust_question",), "trust_answer": ("trust_answer",),
}


def is_interruption(requested: str | None, text: str, intent: str | None) -> bool:
    if intent not in INTERRUPTIONS:
        return False
    words = text.split()
    if requested in SINGLE_TOKEN_SLOTS and len(words) == 1:
        return text.strip(" .!").casefold() in COMMAND_WORDS
    parsed = parse_details(text)
    if len(parsed) >= 2 and parsed.keys() - {"first_name", "surname"}:
        return False  # "Marie Curie, 01 23 45 67 89, ..." answers the form whatever the model says
    if intent in QUESTIONS:
        return len(words) >= 3 or "?" in text
    if intent in SOCIAL:
        return bool(SOCIAL_WORDS & {w.strip(" ,.!?").casefold() for w in words})
    return True


def _street_line(text: str) -> dict[str, str]:
    parsed = parse_details(text)
    found = {slot: parsed[slot] for slot in (*STREET_SLOTS, "postcode", "city", "country") if slot in parsed}
    if "street_type" in found:
        found.setdefault("street_number", "")
        return found
    return {"street_number": text}


def cleared(field: str) -> dict[str, None]:
    """The slots to empty so that the form asks `field` again (with its confirmation)."""
    confirmations = {"login_email": ("login_email_confirmation",),
                     "password": ("password_confirmation",)}
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
    if field == "street":
        return _street_line(value)
    return {CORRECTABLE[field][0]: value}


def registration_answers(requested: str | None, text: str, intent: str | None,
                         entities: dict[str, str], filled: dict[str, object]) -> dict[str, object]:
    """The slots that a message in the registration form fills.

    `filled` holds the slots already set: values read in passing never overwrite them, only the
    answer to the question asked (or an explicit correction) does.
    """
    text = (text or "").strip()
    if intent == "choose_trust_question" and entities.get("trust_question"):
        return {"trust_question": entities["trust_question"]}
    if is_interruption(requested, text, intent) or not text:
        return {}
    if requested == "terms_accepted":
        return {"terms_accepted": intent in ("affirm", "confirm")}
    if requested in SINGLE_TOKEN_SLOTS:
        return {requested: text}  # secrets and CAPTCHA are never parsed for other fields
    if intent == "change_field":
        changed = correction(text)
        if changed:
            return changed
    # The model's "skip" is trusted only without digits: a postcode is never dropped by a guess.
    wants_skip = is_skip(text) or (intent == "skip" and not any(c.isdigit() for c in text))
    if requested in OPTIONAL_FIELDS and wants_skip:
        return {slot: "" for slot in STREET_SLOTS} if requested == "street_number" else {requested: ""}
    if requested in FORM_FIELDS and is_skip(text):
        return {requested: ""}  # "passer" is no first name: the rule says the field is required

    parsed = parse_details(text)
    if parsed and parsed.keys() <= {"first_name", "surname"}:
        # Two or three plain words are one answer ("Saint Denis" at the city question,
        # "De La Fontaine" at the surname question) unless commas separate several fields.
        if requested not in ("surname", "first_name") or "," not in text:
            parsed = {}
    answers: dict[str, object] = {}
    for field, value in parsed.items():
        slot = PARSED_TO_SLOT.get(field)
        if slot and filled.get(slot) is None:
            answers[slot] = value
    if requested in ("login_email", "login_email_confirmation"):
        answers[requested] = find_email(text) or text
    elif requested == "phone":
        phone = find_phone(text)
        answers["phone"] = phone[0] if phone else text
    elif requested == "street_number" and not parsed.keys() & set(STREET_SLOTS):
        answers.update(_street_line(text))
    elif requested and requested not in answers and not parsed:
        answers[requested] = text
    return answers


def activation_answers(requested: str | None, text: str, intent: str | None) -> dict[str, str]:
    text = (text or "").strip()
    if not requested or not text or is_interruption(requested, text, intent):
        return {}
    if requested == "activation_email":
        return {requested: find_email(text) or text}
    return {requested: text}
