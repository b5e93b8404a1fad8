"""What must accompany the fields and the languages outside Python: a field's words in each
language's file and its slot, questions, summary line, form and change button in domain.yml; a
language's variation of every response. Each function lists what is missing, one line each
(tests/account/test_fields.py, tests/test_domain.py, tests/languages/)."""

from __future__ import annotations

from account.fields import (
    CHANGE_FIELD_RESPONSE,
    CHANGED_FIELD,
    SUMMARY_RESPONSE,
    FieldRegistry,
)
from account.i18n import variation_language
from languages import LANGUAGES, words_of


def missing_words(fields: FieldRegistry, language: str) -> list[str]:
    """What the language's file lacks for the fields, one line each."""
    words = words_of(language)
    names = [f"FIELD_NAMES {f.name}" for f in fields.fields if f.name not in words.FIELD_NAMES]
    pdf = [
        f"PDF_LABELS {f.name}"
        for f in fields.fields
        if f.pdf_row and f.name not in words.PDF_LABELS
    ]
    corrections = [
        f"CORRECTION_WORDS {name}"
        for name in fields.correctable
        if name not in words.CORRECTION_WORDS
    ]
    return names + pdf + corrections


def missing_in_domain(fields: FieldRegistry, domain: dict) -> list[str]:
    """What `domain.yml` (as a dictionary) lacks or has in another order, one line each."""
    problems = []
    slots = domain.get("slots", {})
    responses = domain.get("responses", {})
    actions = set(domain.get("actions", []))
    for f in fields.fields:
        if f.name not in slots:
            problems.append(f"slot {f.name}")
        ask = f"utter_ask_{f.name}"
        if f"action_ask_{f.name}" not in actions:
            languages = {variation_language(v) for v in responses.get(ask, [])}
            for language in sorted(set(LANGUAGES) - languages):
                problems.append(f"response {ask} ({language})")
        if f.summary_placeholder:
            for variation in responses.get(SUMMARY_RESPONSE, []):
                if "{" + f.summary_placeholder + "}" not in variation.get("text", ""):
                    language = variation_language(variation)
                    problems.append(
                        f"{{{f.summary_placeholder}}} in {SUMMARY_RESPONSE} ({language})"
                    )
    buttons = {language: set() for language in LANGUAGES}
    for variation in responses.get(CHANGE_FIELD_RESPONSE, []):
        buttons[variation_language(variation)] = {
            CHANGED_FIELD.search(button.get("payload", "")).group(1)
            for button in variation.get("buttons", [])
            if CHANGED_FIELD.search(button.get("payload", ""))
        }
    for language, offered in buttons.items():
        if offered != fields.change_buttons:
            missing = sorted(fields.change_buttons - offered)
            extra = sorted(offered - fields.change_buttons)
            problems.append(
                f"{CHANGE_FIELD_RESPONSE} buttons ({language}): missing {missing}, "
                f"not fields {extra}"
            )
    forms = domain.get("forms", {})
    for form in fields.forms:
        declared = tuple((forms.get(form) or {}).get("required_slots", []))
        if declared != fields.required_slots(form):
            problems.append(
                f"{form} required_slots: {list(fields.required_slots(form))}, not {list(declared)}"
            )
    return problems


def responses_without(domain: dict, language: str) -> list[str]:
    """The responses of `domain.yml` (as a dictionary) with no variation in the language, on a
    channel where they have one in another (the web chat's variations too), one line each."""
    missing = []
    for name, variations in domain.get("responses", {}).items():
        for channel in dict.fromkeys(v.get("channel") for v in variations):
            languages = {variation_language(v) for v in variations if v.get("channel") == channel}
            if language not in languages:
                missing.append(f"{name} ({channel or 'any channel'})")
    return missing
