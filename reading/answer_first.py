"""Answer first: a message typed at a pending question is read first as an answer to it.

Every question the assistant asks declares what answers it (reading/dialogue.py: a yes or a no, one
of its choices, a value of a field, free text, a secret). This module reads a message against the
question pending, once, from its text and the classifier's ranking, and says which intent it has
there; the Rasa server applies that reading before any rule or form sees the message
(rasa_patches/answer_first.py):
- a message that asks something (a question mark, or a question's opening words) is never a value:
  it is answered as the question it is, then the question pending is asked again;
- at a yes/no question, the polarity is read from the whole message: a yes or a no in plain words
  (reading/yes_no.py), else the classifier's ranking restricted to the answers that make sense at that
  question (a polite, long or idiomatic acceptance is still closer to a yes than to a no);
- at a field's question, a value that the field's rule accepts *is* the answer ("de la Tour" at the
  surname, "Singapore" at the city), whatever the classifier guessed;
- only clear evidence makes a message an interruption instead: a question, or the classifier sure
  of a request to cancel, for help, for a person, another language, a repetition, the progress.

Rasa-free: the Rasa server's adapter passes plain values and applies the intent returned.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from account.fields import FIELDS
from account.rules.text import fold
from languages import all_languages
from reading import dialogue
from reading.account_wish import asks_for_information, wants_an_account, wants_to_activate
from reading.corrections import field_mentioned, field_named
from reading.free_text import find_email, find_phone, parse_details
from reading.language import requested_language
from reading.name_order import labelled_after, surname_first
from reading.person_request import asks_for_a_person
from reading.polarity import knows_nothing, outweighs_neither, read_polarity
from reading.replacements import new_and_old
from reading.spelling_remarks import without_spelling_remark
from reading.step_request import asks_where_am_i
from reading.trust_choice import typed_trust_choice
from reading.yes_no import read_yes_no

YES_NO = "yes_no"
CHOICE = "choice"
VALUE = "value"
FREE_TEXT = "free_text"
SECRET = "secret"

# The classifier this sure of one of these is evidence enough that the user is not answering.
EVIDENT_INTENTS = frozenset(
    {
        "cancel",
        "ask_support",
        "switch_language",
        "repeat_question",
        "where_am_i",
        "new_captcha",
        "clear_form",
    }
)
# Greetings and thanks interrupt only when the message is nothing else ("merci", "bonjour
# madame"): "Accepted, cheers" is an acceptance.
SOCIAL_INTENTS = frozenset({"greet", "thank", "goodbye"})
# At a yes/no question, these answers carry more than a no ("change my phone"): taken as they
# are, unless the message opens with a yes and names nothing to change.
CHANGE_INTENTS = frozenset({"change_field", "clear_form"})
EVIDENCE_CONFIDENCE = 0.8
# The question sentence of a longer message, classified alone, is taken from this confidence.
QUESTION_ALONE_CONFIDENCE = 0.5
# At a yes/no question, the best of its answers in the ranking must reach this to be taken.
LEAST_ANSWER_CONFIDENCE = 0.3
# A sentence the classifier was unsure of, at a free-text question, is a request when one of
# the requests ranks this high (an answer is a few words).
LEAST_REQUEST_CONFIDENCE = 0.2
# The classifier's own answer at a yes/no question is taken as sure from this confidence, or
# when the words or the yes/no model say the same.
SURE_ANSWER = 0.8
# A value is a few words: a longer message at a field's question is a sentence about something.
MOST_WORDS = {"street_number": 10, "street_name": 8, "complement": 10, "login_email": 12}
MOST_WORDS_OF_A_VALUE = 5

_FIELD_NAMES = frozenset(field.name for field in FIELDS.fields)
_EMAIL_FIELDS = frozenset({"login_email", "login_email_confirmation", "activation_email"})
_OPENERS = all_languages("QUESTION_OPENERS")
_OPENING_PAIRS = all_languages("QUESTION_OPENING_PAIRS")
_CLOSERS = all_languages("QUESTION_CLOSERS")
_WORD = re.compile(r"[\w'-]+")
_CLAUSE_END = re.compile(r"[,.;:!?\n]")
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
_SOCIAL_WORDS = all_languages("SOCIAL_WORDS")
_INTERJECTIONS = all_languages("INTERJECTIONS")
# Requests a wish for the account never overrules (the classifier saw a request of its own).
_NOT_A_WISH = (EVIDENT_INTENTS - {"switch_language"}) | {
    "start_registration",
    "start_activation",
    "email_not_received",
    "code_expired",
}
_NEGATIONS = all_languages("NEGATIONS")
_RECEIVED = all_languages("RECEIVED_WORDS")


@dataclass(frozen=True)
class Pending:
    """The question a message answers: what asked it, and what kind of answer it takes."""

    question: str  # the response that asked it, or the form's requested slot
    expects: str  # YES_NO, CHOICE, VALUE, FREE_TEXT or SECRET
    field: str | None = None  # the field whose value answers it (VALUE, FREE_TEXT, SECRET)
    form: str | None = None  # the form active meanwhile (its question is pending underneath)


def pending_question(asked: str | None, form: str | None, requested: str | None) -> Pending | None:
    """The question pending, from the last response that asked one since the previous message
    (`asked`), the active form and its requested slot."""
    if asked in dialogue.YES_NO_QUESTIONS:
        return Pending(asked, YES_NO, form=form)
    if asked in dialogue.CHOICE_QUESTIONS:
        return Pending(asked, CHOICE)
    if not form or not requested:
        return None
    if requested in dialogue.YES_NO_FIELDS:
        return Pending(requested, YES_NO)
    if requested in dialogue.CHOICE_FIELDS:
        return Pending(requested, CHOICE, requested)
    if requested not in _FIELD_NAMES:
        return None
    field = FIELDS[requested]
    if field.secret or field.typed_answer:
        return Pending(requested, SECRET, requested)
    if requested in dialogue.FREE_TEXT_FIELDS or not (field.rule or requested in _EMAIL_FIELDS):
        return Pending(requested, FREE_TEXT, requested)
    return Pending(requested, VALUE, requested)


def asks_something(text: str) -> bool:
    """A question: a question mark, or a question's opening (or, in French, closing) words and
    three words or more."""
    if "?" in text or "¿" in text:
        return True
    words = _WORD.findall(fold(text).replace("’", "'"))
    while words and words[0] in _INTERJECTIONS:
        words = words[1:]  # "wait what's this for", "au fait comment ça marche"
    if len(words) < 3:
        return False
    return (
        words[0] in _OPENERS
        or words[-1] in _CLOSERS
        or words[0].split("'")[0] in _OPENERS  # "what's", "how's"
        or " ".join(words[:2]) in _OPENING_PAIRS
        or (" ".join(words[:3]) in _OPENING_PAIRS)
    )


@dataclass(frozen=True)
class Classified:
    """What the classifier made of a message: its intent, confidence and whole ranking."""

    intent: str | None
    confidence: float
    ranking: tuple[tuple[str, float], ...]
    polarity: dict[str, float] | None = (
        None  # the yes/no model's probabilities (reading/polarity.py)
    )
    # The question sentence of a longer message, classified alone (question_sentence)
    question: Classified | None = None

    def best_of(self, intents) -> tuple[str, float] | None:
        return next(((name, c) for name, c in self.ranking if name in intents), None)


def negative(text: str) -> bool:
    """Does the message deny something ("je n'ai pas reçu", "still nothing", "didn't get")?"""
    words = _WORD.findall(fold(text).replace("’", "'"))
    return any(w in _NEGATIONS or w.endswith("n't") or w.startswith("n'") for w in words)


def says_received(text: str) -> bool:
    """ "J'ai reçu mon code", "I got the email": received, said plainly (no negation, no
    question)."""
    words = _WORD.findall(fold(text).replace("’", "'"))
    return (
        not negative(text)
        and not asks_something(text)
        and any(w in _RECEIVED or w.removeprefix("j'") in _RECEIVED for w in words)
    )


def only_social(text: str) -> bool:
    """ "Merci !", "bonjour madame", "thanks a lot": courtesy and nothing else."""
    words = _WORD.findall(fold(text).replace("’", "'"))
    return bool(words) and all(word in _SOCIAL_WORDS for word in words)


def evident_interruption(text: str, classified: Classified) -> bool:
    if asks_something(text):
        return True
    if classified.intent in SOCIAL_INTENTS:
        return only_social(text)
    return classified.intent in EVIDENT_INTENTS and classified.confidence >= EVIDENCE_CONFIDENCE


def polarity(text: str) -> bool | None:
    """A yes or a no said in plain words: the whole message, or its opening clause ("Yes, all
    the information is correct", "Non, pas maintenant, je le ferai demain")."""
    whole = read_yes_no(text)
    if whole is not None:
        return whole
    opening = _CLAUSE_END.split(text.strip(), maxsplit=1)[0]
    return read_yes_no(opening) if opening.strip() != text.strip() else None


def names_a_change(text: str) -> bool:
    """Does the message name a field or give a value ("change my phone", "06 12 34 56 78")?"""
    return bool(field_mentioned(text)) or bool(parse_details(text))


def _yes_no(text: str, classified: Classified, pending: Pending) -> str | None:
    answers = dialogue.YES_NO_QUESTIONS.get(pending.question) or dialogue.YES_NO_ANSWERS
    plain = polarity(text)
    if CHANGE_INTENTS & answers and (new_and_old(text) or field_mentioned(text)):
        return "change_field"  # "It's Sydney, not Sidney", "can I change the postcode?"
    if asks_something(text):
        # "Oui, mais combien de temps ai-je ?": answered as the question it is.
        if classified.intent in dialogue.INTERRUPTIONS or plain is not None:
            return None
        return _question(classified)
    if evident_interruption(text, classified):
        return None
    yes = plain if plain is not None else read_polarity(classified.polarity)
    if plain is None and classified.intent in (None, dialogue.NOT_UNDERSTOOD):
        # Understood by nothing else ("hmm bof zzz"): a yes or a no only when the yes/no model
        # finds more of it than of neither; a weak lean would submit the registration.
        yes = yes if outweighs_neither(classified.polarity) else None
    if classified.intent in answers:
        if classified.intent in CHANGE_INTENTS:
            # "Rien à redire, c'est parfait" is no change: a change names what to change.
            if yes is True and not names_a_change(text):
                return dialogue.YES_INTENT
            return classified.intent
        # Plain yes/no words overrule the classifier's answer ("Oui, allons-y" read as "later");
        # the yes/no model, a weaker reader, does not.
        side = classified.intent in dialogue.YES_SIDE
        if plain is not None and plain != side:
            return dialogue.YES_INTENT if plain else dialogue.NO_INTENT
        if plain == side or yes == side or classified.confidence >= SURE_ANSWER:
            return classified.intent  # one of its answers, taken with full confidence
        return None  # a weak guess with nothing for it ("hmm bof zzz"): not understood
    if yes is not None:
        return dialogue.YES_INTENT if yes else dialogue.NO_INTENT
    best = classified.best_of(answers)
    # Not from a message without one known word: the classifier ranks keyboard mash too.
    if best and best[1] >= LEAST_ANSWER_CONFIDENCE and not knows_nothing(classified.polarity):
        return best[0]
    if (
        pending.question in dialogue.YES_NO_QUESTIONS
        and not pending.form  # "give up?" in a form: anything else answers the form
        and classified.intent not in dialogue.INTERRUPTIONS | answers
    ):
        # Neither an answer nor anything else ("uhhh well" read as a value): not understood,
        # and the question again, not the menu.
        return dialogue.NOT_UNDERSTOOD
    return None


def _accepted_value(text: str, field: str) -> bool:
    """Does the field's own rule accept this message as its value?"""
    if field in _EMAIL_FIELDS:
        return bool(find_email(text))
    if field == "phone":
        return bool(find_phone(text))
    if field == "street_number":  # "the full address" is an answer too
        read = parse_details(text)
        if read.get("street_name") or (read.get("postcode") and read.get("city")):
            return True
    if field in ("surname", "first_name") and (labelled_after(text) or surname_first(text)):
        return True  # "Kessler (last) Tobias (first)", "family name first: Tanaka Hiro"
    text = without_spelling_remark(text)  # "Garcia Lopez (les deux, sans tiret)"
    words = text.split()
    if len(words) > MOST_WORDS.get(field, MOST_WORDS_OF_A_VALUE):
        return False
    return FIELDS[field].check(text).ok


def question_sentence(text: str) -> str | None:
    """The sentence that asks, in a message that says more ("Sorry, what is expert mode? I'm no
    expert at all"): classified alone when the whole message was not read as a question."""
    sentences = [s.strip() for s in _SENTENCE.findall(text) if s.strip()]
    asking = [s for s in sentences if s.endswith(("?", "¿"))]
    return asking[0] if len(sentences) > 1 and asking else None


def _question(classified: Classified) -> str | None:
    """A message that asks something, read as the best-ranked of the questions and repairs the
    assistant answers (never as a value); its question sentence classified alone, when it was
    and is sure. The response selector chose the FAQ's answer on the same text."""
    alone = classified.question
    if alone and alone.intent in dialogue.QUESTIONS | dialogue.REPAIRS:
        if alone.confidence >= QUESTION_ALONE_CONFIDENCE:
            return alone.intent
    best = classified.best_of(dialogue.QUESTIONS | dialogue.REPAIRS)
    return best[0] if best else "explain_procedure"


def _may_start(request: str, pending: Pending | None) -> bool:
    """With nothing asked, or at a question that offers `request` as its yes, a wish for it may
    start it; at any other question, the message answers that question."""
    return pending is None or request in dialogue.YES_NO_QUESTIONS.get(pending.question, ())


def _asks_for_the_account(
    text: str, asking: bool, classified: Classified, pending: Pending | None
) -> bool:
    """ "Il me faut un espace pro, en mode expert": with nothing asked, or when the account is
    offered, a wish for the account starts it, though the classifier took it for a question
    about expert mode. With nothing asked, a question for information is answered first."""
    if not _may_start("start_registration", pending) or classified.intent in _NOT_A_WISH:
        return False
    if classified.intent == "switch_language" and requested_language(text):
        return False  # "je veux créer mon espace, mais en anglais"
    # When the account is offered, a need said as a question ("I need one of these?") is a yes.
    if not wants_an_account(text, asking and pending is None):
        return False
    return pending is not None or not (asking and asks_for_information(text))


def _asks_to_activate(
    text: str, asking: bool, classified: Classified, pending: Pending | None
) -> bool:
    """ "The code came, can we activate it?": with nothing asked, or when activating is offered,
    a wish to activate starts the activation, whatever else the classifier hesitated on."""
    if not _may_start("start_activation", pending):
        return False
    if classified.intent in EVIDENT_INTENTS | {"start_activation"}:
        return False
    asking = asking and pending is None  # offered, a need asked is a yes
    if asking and asks_for_information(text):
        return False  # "how many days can I use the activation code?"
    return wants_to_activate(text, asking) and not negative(text)


def read_answer(text: str | None, classified: Classified, pending: Pending | None) -> str | None:
    """The intent a message has at the question pending, when it differs from the classifier's;
    None to leave the classifier's reading as it is."""
    if not text or text.startswith("/"):
        return None  # a button says what it means
    asking = asks_something(text)
    if classified.intent == "email_not_received" and says_received(text):
        return "start_activation"  # "I received my code": nothing says it did not come
    if classified.intent != "ask_support" and asks_for_a_person(text):
        return "ask_support"  # "just give me a number I can call", whatever the question
    if classified.intent != "where_am_i" and asks_where_am_i(text):
        return "where_am_i"  # "on en est où dans la démarche ?": the step, not the procedure
    if _asks_to_activate(text, asking, classified, pending):
        return "start_activation"
    if _asks_for_the_account(text, asking, classified, pending):
        return "start_registration"
    if not pending:
        if classified.intent in dialogue.ANSWERS_ONLY and asking:
            return _question(classified)  # "why do you need my pet's name?": nothing to answer
        return None
    text = text.strip()
    if pending.expects == SECRET:
        return None  # the typed-answer policy and the form decide (pipeline/typed_answers.py)
    if pending.expects == YES_NO:
        return _yes_no(text, classified, pending)
    if pending.expects == CHOICE:
        if pending.question == dialogue.WHICH_FIELD_QUESTION and (
            field_named(text) or field_mentioned(text)
        ):
            return "change_field"  # "la ville", "the city is wrong": the field to change
        if pending.field == "trust_question" and typed_trust_choice(text):
            return "choose_trust_question"  # "where I was born": its words name the choice
        if asking and classified.intent in CHANGE_INTENTS:
            return _question(classified)  # "what's this security question for?" changes nothing
        return None  # the trust question's choice is read from the words by the form
    if asking:
        if classified.intent in CHANGE_INTENTS and not field_mentioned(text):
            return _question(classified)  # "what's the security question for": no change named
        if classified.intent in dialogue.INTERRUPTIONS:
            return None
        return _question(classified)
    if evident_interruption(text, classified):
        return None
    if pending.expects == FREE_TEXT:
        # A short answer the classifier took for a question or a request ("Paris", "Rex"): the
        # answer. A person, a cancellation, another language are never an answer here.
        short = len(text.split()) <= MOST_WORDS_OF_A_VALUE
        misread = classified.intent in dialogue.INTERRUPTIONS - EVIDENT_INTENTS
        if short and misread:
            return dialogue.VALUE_INTENT
        unsure = classified.intent in (None, dialogue.NOT_UNDERSTOOD)
        request = classified.best_of(EVIDENT_INTENTS | {"ask_support"})
        if not short and unsure and request and request[1] >= LEAST_REQUEST_CONFIDENCE:
            return request[0]  # "Je préfère avoir un humain au bout du fil": not an answer
        return None
    if classified.intent in dialogue.FORM_CONTROLS or wants_an_account(text):
        return None  # "skip", "change my phone": the form's own rules; a sentence, no name
    if _accepted_value(text, pending.field):
        return dialogue.VALUE_INTENT
    return None
