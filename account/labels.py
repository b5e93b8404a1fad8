"""Names of the form's fields, of the procedure's steps and of the topics the assistant knows, in
the conversation's language (languages/<code>.yml): what the assistant says when it tells the user
where they are or asks which of two things they meant."""

from __future__ import annotations

from account import fields
from account.fields import FIELDS
from languages import DEFAULT_LANGUAGE, words_of

# The steps of the procedure, with the fields each one asks (in order).
STEPS = tuple((step, FIELDS.of_step(step)) for step in fields.STEPS)
# The intents the assistant can offer as "did you mean ...?" buttons.
TOPICS = frozenset(words_of(DEFAULT_LANGUAGE).TOPIC_NAMES)


def field_label(name: str, language: str) -> str:
    return FIELDS.label(name, language)


def step_label(step: str, language: str) -> str:
    return words_of(language).STEP_NAMES[step]


def topic_label(intent: str, language: str) -> str:
    return words_of(language).TOPIC_NAMES[intent]


def field_list(slots, language: str) -> str:
    """'nom, prénom, téléphone', or 'rien' / 'nothing'."""
    names = [field_label(slot, language) for slot in slots]
    return ", ".join(dict.fromkeys(names)) or words_of(language).NOTHING


def details_list(values: dict[str, str], language: str) -> str:
    """'nom : DUPONT ; ville : Lyon' (French typography), 'surname: DUPONT ; city: Lyon'."""
    colon = words_of(language).COLON
    return " ; ".join(f"{field_label(name, language)}{colon} {v}" for name, v in values.items())
