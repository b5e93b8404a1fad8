"""Trust question ("question de confiance") and its answer.

The answer is asked for in special operations such as a forgotten password, so it is kept and
printed on the summary.
"""

from __future__ import annotations

import re

from account.i18n import Checked, invalid, valid
from account.rules.text import fold, has_control_characters, tidy

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
    return TRUST_QUESTIONS[code][language]


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
    if value.isascii() and value.isdigit() and 1 <= int(value) <= len(codes):
        return valid(codes[int(value) - 1])
    wanted = _folded_label(value)
    for code, labels in TRUST_QUESTIONS.items():
        if wanted in {_folded_label(label) for label in labels.values()}:
            return valid(code)
    choices = {
        lang: " ; ".join(trust_question_label(code, lang) for code in codes)
        for lang in ("fr", "en")
    }
    return invalid("trust_question.unknown", choices=choices)


def check_trust_answer(raw) -> Checked[str]:
    value = tidy(raw)
    if not value:
        return invalid("trust_answer.required")
    if len(value) > TRUST_ANSWER_MAX_LENGTH or has_control_characters(value):
        return invalid("trust_answer.invalid", max=TRUST_ANSWER_MAX_LENGTH)
    return valid(value)


# Words that name each question when the user types the choice instead of clicking it.
_CHOICE_WORDS = {
    "nickname": ("surnom", "nickname", "nick name", "pseudo", "sobriquet"),
    "partner_first_name": (
        "conjoint",
        "conjointe",
        "epoux",
        "epouse",
        "mari",
        "femme",
        "partner",
        "spouse",
        "wife",
        "husband",
        "compagnon",
        "compagne",
        "partenaire",
        "concubin",
        "concubine",
        "fiance",
        "fiancee",
        "girlfriend",
        "boyfriend",
        "other half",
        "better half",
        "moitie",
        "cheri",
        "cherie",
    ),
    "pet_name": (
        "animal",
        "animaux",
        "pet",
        "pets",
        "chien",
        "chienne",
        "chiot",
        "chat",
        "chatte",
        "minou",
        "dog",
        "doggy",
        "puppy",
        "cat",
        "kitten",
        "toutou",
    ),
    "birth_town": (
        "naissance",
        "suis ne",
        "suis nee",
        "natal",
        "natale",
        "birth",
        "born",
        "birthplace",
        "hometown",
    ),
    "first_school": ("ecole", "school", "college", "primaire"),
}
_POSITIONS = (
    ("1", "un", "une", "premier", "premiere", "first", "one", "1er", "1ere", "1st"),
    ("2", "deux", "deuxieme", "second", "seconde", "two", "2e", "2eme", "2nd"),
    ("3", "trois", "troisieme", "third", "three", "3e", "3eme", "3rd"),
    ("4", "quatre", "quatrieme", "fourth", "four", "4e", "4eme", "4th"),
    ("5", "cinq", "cinquieme", "fifth", "five", "last", "derniere", "dernier", "5e", "5eme", "5th"),
)


_CHOICE_WORD = re.compile(r"[^\W_]+")
MAX_CHOICE_WORDS = 20


def read_trust_choice(raw) -> str | None:
    """The question a typed choice names ("le nom de mon animal", "my pet's name", "the first
    one", "2"), or None. Only short messages count: a longer one is an answer or a question."""
    words = _CHOICE_WORD.findall(fold(tidy(raw)).replace("’", "'").replace("'", " "))
    if not words or len(words) > MAX_CHOICE_WORDS:
        return None
    text = f" {' '.join(words)} "
    named = {
        code for code, keys in _CHOICE_WORDS.items() if any(f" {key} " in text for key in keys)
    }
    if len(named) == 1:
        return named.pop()
    if named:
        return None
    codes = list(TRUST_QUESTIONS)
    positions = {index for index, keys in enumerate(_POSITIONS) if set(keys) & set(words)}
    if len(positions) == 1:
        return codes[positions.pop()]
    return None


def typed_trust_choice(raw) -> str | None:
    """The choice typed at the trust question: a question named ("where I was born", "the pet
    one"), or one copied with its question mark ("Quel est votre surnom ?"). A question of one's
    own ("what is the pet question for?") is no choice."""
    choice = read_trust_choice(raw)
    if not choice or "?" not in str(raw):
        return choice
    words = set(_CHOICE_WORD.findall(fold(tidy(raw)).replace("'", " ")))
    label_words = set()
    for label in TRUST_QUESTIONS[choice].values():
        label_words |= set(_CHOICE_WORD.findall(_folded_label(label).replace("'", " ")))
    return choice if len(words - label_words) <= 1 else None
