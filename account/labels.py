"""Names of the form's fields, of the procedure's steps and of the topics the assistant knows,
in French and in English: what the assistant says when it tells the user where they are or asks
which of two things they meant."""

from __future__ import annotations

from account import fields
from account.fields import FIELDS

FIELD_LABELS = FIELDS.labels
# The steps of the procedure, with the fields each one asks (in order).
STEPS = tuple((step, FIELDS.of_step(step)) for step in fields.STEPS)
STEP_LABELS = {
    "terms": {
        "fr": "étape 1 sur 4 (conditions générales et CAPTCHA)",
        "en": "step 1 of 4 (terms and conditions and CAPTCHA)",
    },
    "login": {
        "fr": "étape 2 sur 4 (identifiants de connexion)",
        "en": "step 2 of 4 (login details)",
    },
    "form": {
        "fr": "étape 3 sur 4 (formulaire d'inscription)",
        "en": "step 3 of 4 (registration form)",
    },
    "summary": {
        "fr": "étape 4 sur 4 (récapitulatif à valider)",
        "en": "step 4 of 4 (summary to confirm)",
    },
    "activation": {"fr": "activation de l'espace", "en": "activation of the account"},
    "none": {"fr": "aucune démarche en cours", "en": "nothing in progress"},
}
NOTHING = {"fr": "rien", "en": "nothing"}

# What the user may have meant, when two readings of a message are close.
TOPIC_LABELS = {
    "start_registration": {"fr": "Créer mon espace", "en": "Set up my account"},
    "start_activation": {"fr": "Activer mon espace", "en": "Activate my account"},
    "explain_procedure": {"fr": "Comprendre la démarche", "en": "How it works"},
    "faq": {"fr": "Une question sur l'espace", "en": "A question about the account"},
    "ask_support": {"fr": "Parler à un conseiller", "en": "Talk to a person"},
    "cancel": {"fr": "Abandonner", "en": "Give up"},
    "confirm": {"fr": "Valider", "en": "Confirm"},
    "change_field": {"fr": "Corriger un champ", "en": "Correct a field"},
    "clear_form": {"fr": "Tout ressaisir", "en": "Enter everything again"},
    "activate_later": {"fr": "Activer plus tard", "en": "Activate later"},
    "email_not_received": {"fr": "Je n'ai pas reçu le courriel", "en": "I did not get the email"},
    "code_expired": {"fr": "Mon code a expiré", "en": "My code has expired"},
    "switch_language": {"fr": "Changer de langue", "en": "Change language"},
    "where_am_i": {"fr": "Où en suis-je ?", "en": "Where am I?"},
    "repeat_question": {"fr": "Répéter la question", "en": "Repeat the question"},
    "affirm": {"fr": "Oui", "en": "Yes"},
    "deny": {"fr": "Non", "en": "No"},
}


def label(labels: dict[str, dict[str, str]], key: str, language: str) -> str:
    return labels[key][language]


def field_list(slots, language: str) -> str:
    """'nom, prénom, téléphone', or 'rien' / 'nothing'."""
    names = [label(FIELD_LABELS, slot, language) for slot in slots]
    return ", ".join(dict.fromkeys(names)) or NOTHING[language]


def details_list(values: dict[str, str], language: str) -> str:
    """'nom : DUPONT ; ville : Lyon' (French typography), 'surname: DUPONT ; city: Lyon'."""
    colon = " :" if language == "fr" else ":"
    return " ; ".join(
        f"{label(FIELD_LABELS, name, language)}{colon} {v}" for name, v in values.items()
    )
