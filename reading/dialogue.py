"""Dialogue control, declared once: which intents interrupt a form, and how a typed answer is
told from a command at the questions whose answers are arbitrary strings.

Read by the form extraction (actions/extraction.py), the typed-answer policy
(pipeline/typed_answers.py) and the rules' test (tests/test_dialogue_control.py, which checks
that every interruption has a rule inside each form). The fields that are secrets or typed
answers are properties of the fields themselves (account/fields.py).
"""

from __future__ import annotations

# Intents that interrupt a form (the form resumes afterwards) rather than answer its question.
# The model is wrong on some unseen phrasings, so each kind needs evidence of its own before a
# message stops counting as an answer (actions/extraction.py).
COMMANDS = frozenset(
    {
        "cancel",
        "switch_language",
        "clear_form",
        "new_captcha",
        "start_activation",
        "start_registration",
    }
)
QUESTIONS = frozenset(
    {
        "faq",
        "ask_support",
        "explain_procedure",
        "email_not_received",
        "code_expired",
        "out_of_scope",
    }
)
SOCIAL = frozenset({"greet", "goodbye", "thank"})
REPAIRS = frozenset({"repeat_question", "where_am_i"})
INTERRUPTIONS = COMMANDS | QUESTIONS | SOCIAL | REPAIRS
# Each form's interruptions; every one has a rule inside that form (data/rules/). Nothing is
# cleared in the activation form: "effacer" there is an attempt at the answer, checked as one.
INTERRUPTIONS_OF_FORM = {
    "registration_form": INTERRUPTIONS,
    "activation_form": INTERRUPTIONS - {"clear_form"},
}

# Intents that act on the form itself: answered by the form's own rules, not interruptions.
FORM_CONTROLS = frozenset({"skip", "change_field"})
# Intents that only answer a question of the assistant's: with nothing asked, a message read as
# one of them that asks something is a question (reading/answer_first.py). A request to change or
# skip a field may be asked ("can we skip this one?"): the form's own rules answer it.
ANSWERS_ONLY = frozenset({"inform", "choose_trust_question", "confirm"})

# At a typed-answer question (account/fields.py: password, code, CAPTCHA), a single word is a command
# only when the model is this sure of one of these intents; anything else is an attempt at the
# answer, checked by the form. Starting a procedure or an off-topic guess is never read from a
# single word there: such a word is far likelier a password or a code the model cannot know.
CONTROL_WORD_INTENTS = (INTERRUPTIONS | FORM_CONTROLS) - {
    "start_activation",
    "start_registration",
    "out_of_scope",
}
CONTROL_WORD_CONFIDENCE = 0.9

# What answers each question (reading/answer_first.py reads a message against it first).
YES_INTENT, NO_INTENT = "affirm", "deny"
VALUE_INTENT = "inform"  # a value given for the field asked
NOT_UNDERSTOOD = "nlu_fallback"  # Rasa's intent for a message not understood
YES_NO_ANSWERS = frozenset({"affirm", "confirm", "deny"})
# The answers that say yes to the question they answer (the others say no).
YES_SIDE = frozenset({"affirm", "confirm", "start_activation", "start_registration", "cancel"})
# Responses that ask a yes/no question -> the intents that answer it there.
YES_NO_QUESTIONS = {
    "utter_summary": YES_NO_ANSWERS | {"change_field", "clear_form"},
    "utter_ask_summary_confirmation": YES_NO_ANSWERS | {"change_field", "clear_form"},
    "utter_offer_activation": YES_NO_ANSWERS | {"activate_later", "start_activation"},
    "utter_ask_cancel": YES_NO_ANSWERS | {"cancel"},
    "utter_nothing_to_confirm": YES_NO_ANSWERS | {"start_registration"},
    "utter_offer_registration": YES_NO_ANSWERS | {"start_registration"},
}
# Responses that offer choices (read from the words by the action that follows).
WHICH_FIELD_QUESTION = "utter_ask_which_field"
CHOICE_QUESTIONS = frozenset({WHICH_FIELD_QUESTION})
# Form slots asked as a yes/no question, as a choice, or as free text (anything is an answer).
YES_NO_FIELDS = frozenset({"terms_accepted"})
CHOICE_FIELDS = frozenset({"trust_question"})
FREE_TEXT_FIELDS = frozenset({"trust_answer"})
# Every response that asks one of the questions above (a form's own questions are known by its
# requested slot).
ASKING_RESPONSES = frozenset(YES_NO_QUESTIONS) | CHOICE_QUESTIONS
