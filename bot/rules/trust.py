"""Trust question ("question de confiance") and its answer.

The answer is asked for in special operations such as a forgotten password, so it is kept and
printed on the summary.
"""
from __future__ import annotations

from bot.i18n import Checked, invalid, valid
from bot.rules.text import fold, has_control_characters, tidy

TRUST_ANSWER_MAX_LENGTH = 100

# Code -> label in each language. The first one is the form's default.
TRUST_QUESTIONS = {
    "nickname": {"fr": "Quel est votre surnom ?", "en": "What is your nickname?"},
    "partner_first_name": {
        "fr": "Le prénom de votre conjoint(e) ?",
        "en": "Your spouse's or partner's first name?",
    },
    "pet_name": {"fr": "Le nom de votre animal de compagnie ?", "en": "Your pet's name?"},
    "birth_town": {"fr": "Votre ville de naissance ?", "en": "Your town of birth?"},
    "first_school": {
        "fr": "Le nom de votre première école ?",
        "en": "The name of your first school?",
    },
}
DEFAULT_TRUST_QUESTION = next(iter(TRUST_QUESTIONS))


def trust_question_label(code: str, language: str) -> str:
    return TRUST_QUESTIONS[code]["en" if language == "en" else "fr"]


def _folded_label(label: str) -> str:
    return fold(label).rstrip(" ?")


def check_trust_question(raw) -> Checked[str]:
    """Accepts a code, a position in the list (1 to 5) or a label in either language."""
    value = tidy(raw)
    if not value:
        return valid(DEFAULT_TRUST_QUESTION)
    codes = list(TRUST_QUESTIONS)
    if value in TRUST_QUESTIONS:
        return valid(value)
    if value.isdigit() and 1 <= int(value) <= len(codes):
        return valid(codes[int(value) - 1])
    wanted = _folded_label(value)
    for code, labels in TRUST_QUESTIONS.items():
        if wanted in {_folded_label(label) for label in labels.values()}:
            return valid(code)
    choices = {lang: " ; ".join(trust_question_label(code, lang) for code in codes) for lang in ("fr", "en")}
    return invalid("trust_question.unknown", choices=choices)


def check_trust_answer(raw) -> Checked[str]:
    value = tidy(raw)
    if not value:
        return invalid("trust_answer.required")
    if len(value) > TRUST_ANSWER_MAX_LENGTH or has_control_characters(value):
        return invalid("trust_answer.invalid", max=TRUST_ANSWER_MAX_LENGTH)
    return valid(value)
