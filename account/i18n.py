"""Problems with a stable code and a text in each language, and how results carry them."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Generic, Mapping, Optional, TypeVar
from zoneinfo import ZoneInfo

from account.credentials import looks_like_secret
from languages import DEFAULT_LANGUAGE, LANGUAGES, words_of

PARIS = ZoneInfo("Europe/Paris")

T = TypeVar("T")


def language_or_default(language: Optional[str]) -> str:
    return language if language in LANGUAGES else DEFAULT_LANGUAGE


def variation_language(variation: Mapping[str, Any]) -> str:
    """The language of one variation of a response in domain.yml: the value its condition asks
    of the `language` slot; the variation without a condition is the domain's default language."""
    for condition in variation.get("condition") or []:
        if condition.get("name") == "language":
            return condition["value"]
    return DEFAULT_LANGUAGE


def format_datetime(moment: datetime, language: str, zone: ZoneInfo = PARIS) -> str:
    """'24/08/2023 à 13h00' or '24/08/2023 at 13:00', in the service's time zone."""
    return moment.astimezone(zone).strftime(words_of(language).DATE_AND_TIME)


def format_long_date(day: date, language: str) -> str:
    """'21 août 2023' or '21 August 2023', as on the activation confirmation screen."""
    words = words_of(language)
    return words.LONG_DATE.format(day=day.day, month=words.MONTHS[day.month - 1], year=day.year)


def message_codes() -> frozenset[str]:
    """The codes of the problems the service reports (each language has a text for each)."""
    return frozenset(words_of(DEFAULT_LANGUAGE).MESSAGES)


# The parameter that repeats what the user typed ("« {value} » n'est pas ...").
ECHOED = "value"
HIDDEN = "••••••••"


def render(
    code: str, language: str, params: Mapping[str, Any] | None = None, zone: ZoneInfo = PARIS
) -> str:
    language = language_or_default(language)
    template = words_of(language).MESSAGES[code]
    values = {}
    for name, value in (params or {}).items():
        if isinstance(value, Mapping) and set(value) == set(LANGUAGES):
            value = value[language]  # a value that itself depends on the language
        if isinstance(value, datetime):
            value = format_datetime(value, language, zone)
        elif name == ECHOED and looks_like_secret(str(value)):
            value = HIDDEN  # a password or a code typed in the wrong place is not repeated
        values[name] = value
    return template.format(**values)


@dataclass(frozen=True)
class Problem:
    """Why a value or a request was refused: a stable code plus the values its text needs."""

    code: str
    params: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self):
        if self.code not in message_codes():
            raise KeyError(f"no message for problem code {self.code!r}")

    def text(self, language: str, zone: ZoneInfo = PARIS) -> str:
        return render(self.code, language, self.params, zone)


@dataclass(frozen=True)
class Checked(Generic[T]):
    """What a field rule returns: the normalised value, or the problem with it."""

    value: Optional[T] = None
    problem: Optional[Problem] = None

    @property
    def ok(self) -> bool:
        return self.problem is None


def valid(value: T) -> Checked[T]:
    return Checked(value=value)


def invalid(code: str, **params: Any) -> Checked:
    return Checked(problem=Problem(code, params))


class Refused(Exception):
    """A request of the service was refused; `problem` says why, in both languages."""

    def __init__(self, problem: Problem):
        super().__init__(problem.code)
        self.problem = problem

    @classmethod
    def because(cls, code: str, **params: Any) -> "Refused":
        return cls(Problem(code, params))
