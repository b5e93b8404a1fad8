"""Words of each language that the readers of people's words look for, one module per language
(a third language is a new module with the same names)."""

from __future__ import annotations

from importlib import import_module
from types import ModuleType

LANGUAGES = ("fr", "en")


def words_of(language: str) -> ModuleType:
    return import_module(f"bot.words.{language}")


def all_languages(name: str) -> frozenset[str]:
    """A word list of every language at once (a message's language is not always known yet)."""
    return frozenset().union(*(getattr(words_of(language), name) for language in LANGUAGES))
