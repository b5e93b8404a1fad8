"""Dialogue control is declared once (reading/dialogue.py, account/fields.py) and the rules follow it."""

from pathlib import Path

import pytest
import yaml

from account.fields import FIELDS
from pipeline.typed_answers import TypedAnswerPolicy
from reading import dialogue

ROOT = Path(__file__).resolve().parent.parent
RULES = [
    rule
    for path in sorted((ROOT / "data" / "rules").glob("*.yml"))
    for rule in yaml.safe_load(path.read_text())["rules"]
]


def active_loops(rule: dict) -> list:
    return [c["active_loop"] for c in rule.get("condition") or [] if "active_loop" in c]


def first_intent(rule: dict) -> str | None:
    return next((step["intent"] for step in rule["steps"] if "intent" in step), None)


def handled_inside(form: str, intent: str) -> bool:
    """A rule for the intent inside the form that gives the turn back to the form or asks a
    question of its own ("do you really want to give up?"), or a rule for it anywhere that
    starts a form (start_registration / start_activation)."""
    for rule in RULES:
        if first_intent(rule) != intent:
            continue
        loops = active_loops(rule)
        steps = rule["steps"]
        if form in loops and {"action": form} in steps and {"active_loop": form} in steps:
            return True
        if form in loops and steps[-1].get("action", "").startswith("utter_ask_"):
            return True
        if not loops and any(step.get("active_loop") for step in steps):
            return True
    return False


@pytest.mark.parametrize("form", FIELDS.forms)
def test_every_interruption_has_a_rule_inside_each_form(form):
    missing = sorted(i for i in dialogue.INTERRUPTIONS_OF_FORM[form] if not handled_inside(form, i))
    assert not missing, f"no rule for {missing} inside {form}"


def test_the_check_notices_a_missing_rule():
    assert not handled_inside("registration_form", "no_such_intent")


def test_the_policy_reads_the_declarations():
    config = TypedAnswerPolicy.get_default_config()
    assert set(config["slots"]) == FIELDS.typed_answer_fields
    assert set(config["control_intents"]) == dialogue.CONTROL_WORD_INTENTS
    policies = yaml.safe_load((ROOT / "config.yml").read_text())["policies"]
    typed = next(p for p in policies if p["name"].endswith("TypedAnswerPolicy"))
    assert set(typed) == {"name"}, "config.yml must not repeat the declarations"


def test_secrets_are_typed_answers_and_redacted():
    from transcripts.store import SECRET_SLOTS

    assert SECRET_SLOTS == FIELDS.secret_fields
    assert FIELDS.secret_fields <= FIELDS.typed_answer_fields
    assert {"password", "password_confirmation", "activation_code"} <= FIELDS.secret_fields


def test_every_intent_named_exists_in_the_domain():
    domain = yaml.safe_load((ROOT / "domain.yml").read_text())
    intents = {i if isinstance(i, str) else next(iter(i)) for i in domain["intents"]}
    declared = dialogue.INTERRUPTIONS | dialogue.FORM_CONTROLS | dialogue.CONTROL_WORD_INTENTS
    assert declared <= intents, sorted(declared - intents)
