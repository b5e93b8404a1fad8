"""The words of each language, one file each (`fr.yml`, `en.yml`): what the readers of people's
words look for and everything the service writes (messages, labels, the PDF, the e-mail, dates).

A language is a file: a third one is a new `<code>.yml` with the same names, and every lookup by
language code finds it (tests/languages/test_a_new_language.py). Nothing falls back to French for
a language that has a file; French is only the conversation's language before the user shows one.
"""

from __future__ import annotations

import functools
from pathlib import Path
from typing import Any

import yaml

FOLDER = Path(__file__).resolve().parent
DEFAULT_LANGUAGE = "fr"  # the domain's language: the conversation's until the user shows another
LANGUAGES = (
    DEFAULT_LANGUAGE,
    *sorted(path.stem for path in FOLDER.glob("*.yml") if path.stem != DEFAULT_LANGUAGE),
)


def _read(value: Any) -> Any:
    """Lists become tuples: the words are shared by every caller and never change."""
    if isinstance(value, list):
        return tuple(_read(item) for item in value)
    if isinstance(value, dict):
        return {key: _read(item) for key, item in value.items()}
    return value


class Words:
    """One language's words, by name (`words_of("en").PERSON_BUTTON`)."""

    def __init__(self, language: str, names: dict[str, Any]):
        self.language = language
        self.__dict__.update({name: _read(value) for name, value in names.items()})

    def __getattr__(self, name: str) -> Any:
        raise AttributeError(f"languages/{self.language}.yml has no {name}")


@functools.cache
def words_of(language: str) -> Words:
    if language not in LANGUAGES:
        raise KeyError(f"no file languages/{language}.yml")
    return Words(language, yaml.safe_load((FOLDER / f"{language}.yml").read_text("utf-8")))


def all_languages(name: str) -> frozenset:
    """A word list of every language at once (a message's language is not always known yet)."""
    return frozenset().union(*(getattr(words_of(language), name) for language in LANGUAGES))
