"""Every message of the evaluation sets, and the training examples they must stay apart from."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
TRAINING = ROOT / "data" / "nlu"
HELD_OUT = ROOT / "tests" / "nlu_heldout"
BLIND = ROOT / "tests" / "blind"
POOLS = ROOT / "tests" / "users" / "pools.yml"


def nlu_examples(path: Path) -> list[tuple[str, str]]:
    """(intent, text) of a Rasa NLU file."""
    found = []
    for item in yaml.safe_load(path.read_text(encoding="utf-8")).get("nlu", []):
        if "intent" not in item:
            continue
        for line in item["examples"].splitlines():
            line = line.strip()
            if line.startswith("- "):
                found.append((item["intent"], line[2:].strip()))
    return found


def training_examples() -> list[str]:
    return [text for path in sorted(TRAINING.rglob("*.yml")) for _, text in nlu_examples(path)]


def held_out_files() -> list[Path]:
    return sorted(HELD_OUT.glob("*.yml")) + sorted(BLIND.glob("nlu_*.yml"))


def without_placeholders(phrase: str) -> str:
    """A pool phrase without its {placeholders}: the words the user adds to the values."""
    return re.sub(r"\{\w+\}", " ", phrase)


def pool_phrases() -> list[tuple[str, str]]:
    """(where, phrase) of the simulated users' pools, placeholders taken out."""
    pools = yaml.safe_load(POOLS.read_text(encoding="utf-8"))
    return [
        (f"pools.yml {situation}/{language}", without_placeholders(phrase))
        for situation, languages in pools.items()
        for language, phrases in languages.items()
        for phrase in phrases
    ]


# Country names are a closed list the readers must know whatever the set: not checked.
NOT_CHECKED_VALUES = ("country", "country_shown", "country_code")
TYPED_VALUE_KEYS = ("first_name", "surname", "phone", "street", "postcode", "city", "email")


def persona_values() -> list[tuple[str, str]]:
    """(where, value) of the simulated users' names, phones and addresses."""
    from tests.users.personas import IDENTITIES

    values = [
        (f"personas.py {place}.{name}", value)
        for place, identity in IDENTITIES.items()
        for name, value in dataclasses.asdict(identity).items()
        if isinstance(value, str) and name not in NOT_CHECKED_VALUES
    ]
    # Of the blind users: every value they may type alone at its question, and their typos.
    for user in blind_users():
        full_name = f"{user['first_name']} {user['surname']}"
        values += [(f"users.yml {user['id']}.full_name", full_name)]
        values += [
            (f"users.yml {user['id']}.{name}", str(user[name]))
            for name in TYPED_VALUE_KEYS
            if user.get(name)
        ]
        if (user.get("typo") or {}).get("typed"):
            values += [(f"users.yml {user['id']}.typo", str(user["typo"]["typed"]))]
    return values


VALUE_KEYS = ("first_name", "surname", "phone", "street", "complement", "postcode", "city")
VALUE_KEYS += ("country", "email", "trust_answer")


def without_values(text: str, user: dict) -> str:
    """A simulated user's message without their own values: what is checked is their phrasing
    (the values are checked apart, persona_values)."""
    values = sorted((str(user[key]) for key in VALUE_KEYS if user.get(key)), key=len, reverse=True)
    for value in values:
        text = re.sub(re.escape(value), " ", text, flags=re.IGNORECASE)
    return without_placeholders(text)


def blind_users() -> list[dict]:
    path = BLIND / "users.yml"
    return yaml.safe_load(path.read_text(encoding="utf-8"))["users"] if path.is_file() else []


def blind_user_messages() -> list[tuple[str, str]]:
    found = []
    for user in blind_users():
        where = f"users.yml {user['id']}"
        messages = []
        for block in ("says", "says_other_language"):
            for key, text in (user.get(block) or {}).items():
                if isinstance(text, str):
                    messages.append((f"{where} {block}.{key}", text))
        for detour in user.get("detours") or []:
            messages.append((f"{where} detour at {detour['at']}", detour["text"]))
        later = user.get("activate_later") or {}
        messages += [(f"{where} activate_later.{k}", v) for k, v in later.items()]
        for where_said, text in messages:
            phrasing = without_values(text, user)
            # Around a value, a word or two ("c'est", "oui :") is no phrasing of its own.
            if phrasing.split() == text.split() or len(phrasing.split()) >= 3:
                found.append((where_said, phrasing))
    return found


def evaluation_messages() -> list[tuple[str, str]]:
    """(where, message) of every evaluation set."""
    messages = [
        (f"{path.relative_to(ROOT)} {intent}", text)
        for path in held_out_files()
        for intent, text in nlu_examples(path)
    ]
    return messages + pool_phrases() + blind_user_messages()
