"""Is an evaluation message a training example, or nearly one?

Messages are compared once case, accents and punctuation are set aside. A message is too close
when it equals a training example, when difflib's ratio to one is 0.8 or more, or when it has the
same words as one but one (a word added, removed or replaced; messages of three words or more,
since two short answers that differ by a word can mean opposite things).
"""

from __future__ import annotations

import difflib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

NEAR_RATIO = 0.8
SAME_WORDS_BUT_ONE_FROM = 3  # words


def normalised(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", str(text).casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return " ".join(re.sub(r"[^\w@.+-]|_", " ", plain).replace(".", " ").split())


def letters(text: str) -> str:
    """Letters and digits only: "du Pont" and "Dupont", "O'Brien" and "OBrien" are the same value."""
    return normalised(text).replace(" ", "").replace("-", "").replace("+", "").replace("@", "")


def _differ_by_one_word(a: list[str], b: list[str]) -> bool:
    if abs(len(a) - len(b)) > 1 or min(len(a), len(b)) < SAME_WORDS_BUT_ONE_FROM - 1:
        return False
    if max(len(a), len(b)) < SAME_WORDS_BUT_ONE_FROM:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) <= 1
    shorter, longer = (a, b) if len(a) < len(b) else (b, a)
    return not (Counter(shorter) - Counter(longer))


@dataclass(frozen=True)
class Closest:
    message: str
    example: str
    ratio: float
    reason: str  # "training example", "ratio", "same words but one"


class TrainingExamples:
    """The training examples, normalised once, with what a comparison needs."""

    def __init__(self, examples: list[str]):
        self.by_text = {}
        for example in examples:
            self.by_text.setdefault(normalised(example), example)
        self.entries = [(text, text.split()) for text in self.by_text if text]
        self.by_length = sorted(self.entries, key=lambda entry: len(entry[0]))

    def is_example(self, message: str) -> bool:
        return normalised(message) in self.by_text

    def is_value_of_an_example(self, value: str) -> bool:
        """A value typed alone that a training example is, spaces and punctuation aside."""
        if not hasattr(self, "_letters"):
            self._letters = {letters(text) for text in self.by_text}
        return letters(value) in self._letters

    def too_close(self, message: str) -> Closest | None:
        text = normalised(message)
        if not text:
            return None
        if text in self.by_text:
            return Closest(message, self.by_text[text], 1.0, "training example")
        words = text.split()
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(text)
        for example, example_words in self.entries:
            if _differ_by_one_word(words, example_words):
                return Closest(message, self.by_text[example], 0.0, "same words but one")
            # The ratio cannot reach NEAR_RATIO when the lengths are too far apart.
            total = len(text) + len(example)
            if 2 * min(len(text), len(example)) < NEAR_RATIO * total:
                continue
            matcher.set_seq1(example)
            if matcher.real_quick_ratio() < NEAR_RATIO or matcher.quick_ratio() < NEAR_RATIO:
                continue
            ratio = matcher.ratio()
            if ratio >= NEAR_RATIO:
                return Closest(message, self.by_text[example], ratio, "ratio")
        return None

    def best_ratio(self, message: str) -> float:
        """The highest difflib ratio to any training example (for 'far from training' reports)."""
        text = normalised(message)
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(text)
        best = 0.0
        for example, _ in self.entries:
            total = len(text) + len(example)
            if not total or 2 * min(len(text), len(example)) <= best * total:
                continue
            matcher.set_seq1(example)
            if matcher.real_quick_ratio() <= best or matcher.quick_ratio() <= best:
                continue
            best = max(best, matcher.ratio())
        return best
