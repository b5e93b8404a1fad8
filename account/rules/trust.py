"""Trust question ("question de confiance") and its answer.

The answer is asked for in special operations such as a forgotten password, so it is kept and
printed on the summary.
"""

from __future__ import annotations

from account.i18n import Checked, invalid, valid
from account.rules.text import fold, has_control_characters, tidy
from languages import LANGUAGES, words_of

TRUST_ANSWER_MAX_LENGTH = 100

# The questions' codes, as stored; the first one is the form's default. Their texts are in each
# language's file (TRUST_QUESTIONS).
TRUST_QUESTIONS = ("nickname", "partner_first_name", "pet_name", "birth_town", "first_school")
DEFAULT_TRUST_QUESTION = TRUST_QUESTIONS[0]


def trust_question_label(code: str, language: str) -> str:
    return words_of(language).TRUST_QUESTIONS[code]


def _folded_label(label: str) -> str:
    return fold(label).rstrip(" ?")


def check_trust_question(raw) -> Checked[str]:
    """Accepts a code, a position in the list (1 to 5) or a label in either language."""
    value = tidy(raw)
    if not value:
        return valid(DEFAULT_TRUST_QUESTION)
    if value in TRUST_QUESTIONS:
        return valid(value)
    if value.isascii() and value.isdigit() and 1 <= int(value) <= len(TRUST_QUESTIONS):
        return valid(TRUST_QUESTIONS[int(value) - 1])
    wanted = _folded_label(value)
    for code in TRUST_QUESTIONS:
        if wanted in {_folded_label(trust_question_label(code, lang)) for lang in LANGUAGES}:
            return valid(code)
    choices = {
        lang: " ; ".join(trust_question_label(code, lang) for code in TRUST_QUESTIONS)
        for lang in LANGUAGES
    }
    return invalid("trust_question.unknown", choices=choices)


def check_trust_answer(raw) -> Checked[str]:
    value = tidy(raw)
    if not value:
        return invalid("trust_answer.required")
    if len(value) > TRUST_ANSWER_MAX_LENGTH or has_control_characters(value):
        return invalid("trust_answer.invalid", max=TRUST_ANSWER_MAX_LENGTH)
    return valid(value)
