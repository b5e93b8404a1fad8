"""Names of the form's fields, of the procedure's steps and of the topics the assistant knows,
in French and in English: what the assistant says when it tells the user where they are or asks
which of two things they meant."""

from __future__ import annotations

FIELD_LABELS = {
    "terms_accepted": {"fr": "conditions générales", "en": "terms and conditions"},
    "captcha_answer": {"fr": "CAPTCHA", "en": "CAPTCHA"},
    "login_email": {"fr": "adresse électronique", "en": "email address"},
    "login_email_confirmation": {
        "fr": "confirmation de l'adresse électronique",
        "en": "email confirmation",
    },
    "password": {"fr": "mot de passe", "en": "password"},
    "password_confirmation": {"fr": "confirmation du mot de passe", "en": "password confirmation"},
    "surname": {"fr": "nom", "en": "surname"},
    "first_name": {"fr": "prénom", "en": "first name"},
    "phone": {"fr": "téléphone", "en": "telephone"},
    "street_number": {"fr": "numéro de voie", "en": "street number"},
    "street_type": {"fr": "nature de la voie", "en": "street type"},
    "street_name": {"fr": "libellé de la voie", "en": "street name"},
    "complement": {"fr": "complément d'adresse", "en": "address complement"},
    "postcode": {"fr": "code postal", "en": "postcode"},
    "city": {"fr": "ville", "en": "city"},
    "country": {"fr": "pays", "en": "country"},
    "trust_question": {"fr": "question de confiance", "en": "trust question"},
    "trust_answer": {"fr": "réponse de confiance", "en": "trust answer"},
    "activation_code": {"fr": "code d'activation", "en": "activation code"},
    "activation_captcha": {"fr": "CAPTCHA", "en": "CAPTCHA"},
    "activation_email": {"fr": "adresse électronique de connexion", "en": "login email address"},
}

# The steps of the procedure, with the fields each one asks (in order).
STEPS = (
    ("terms", ("terms_accepted", "captcha_answer")),
    ("login", ("login_email", "login_email_confirmation", "password", "password_confirmation")),
    (
        "form",
        (
            "surname",
            "first_name",
            "phone",
            "street_number",
            "street_type",
            "street_name",
            "complement",
            "postcode",
            "city",
            "country",
            "trust_question",
            "trust_answer",
        ),
    ),
    ("activation", ("activation_code", "activation_captcha", "activation_email")),
)
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
    return labels[key]["en" if language == "en" else "fr"]


def field_list(slots, language: str) -> str:
    """'nom, prénom, téléphone', or 'rien' / 'nothing'."""
    names = [label(FIELD_LABELS, slot, language) for slot in slots]
    return ", ".join(dict.fromkeys(names)) or NOTHING["en" if language == "en" else "fr"]
