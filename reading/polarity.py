"""Is a message a yes or a no? A small model trained for that alone, on the training data's yes
(affirm, confirm) and no (deny, activate later) examples, in both languages: it reads the whole
message for its polarity, so that a polite, long or idiomatic answer is still a yes or a no
("having read them, I'm glad to accept them", "nothing to report, go on", "pas encore").

Character n-grams (inside words) and words, folded (case and accents set aside), weigh into a
logistic regression (reading/text_features.py). Rasa-free: pipeline/polarity.py trains it with the model and adds the
probability of a yes to every parsed message.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from reading.text_features import folded as _folded
from reading.text_features import words_and_characters

YES_INTENTS = frozenset({"affirm", "confirm"})
NO_INTENTS = frozenset({"deny", "activate_later"})
YES, NO, NEITHER = "yes", "no", "neither"
_WORD = re.compile(r"[^\W\d_]{2,}")
# A message is read as a yes or a no only with this much of both together, and when one of them
# has this much more than half of it (chosen on the training data's cross-validation and
# compared on the blind set: docs/evaluation.md).
LEAST_YES_OR_NO = 0.15
SURE_MARGIN = 0.15


@dataclass
class PolarityModel:
    pipeline: object

    @classmethod
    def fit(cls, examples: list[tuple[str, str]]) -> PolarityModel:
        """Trained on (text, intent) pairs: yes, no, and every other intent as neither (so that
        "hmm" or "change my phone" is not taken for a yes)."""
        texts = [_folded(text) for text, _ in examples]
        labels = [
            YES if i in YES_INTENTS else NO if i in NO_INTENTS else NEITHER for _, i in examples
        ]
        classifier = LogisticRegression(C=10.0, class_weight="balanced", max_iter=1000)
        pipeline = make_pipeline(words_and_characters(), classifier)
        pipeline.fit(texts, labels)
        return cls(pipeline)

    def knows_a_word(self, folded: str) -> bool:
        """Has the model seen one of the message's words (or pairs of words) in training?"""
        words = dict(self.pipeline.steps[0][1].transformer_list)["words"]
        return any(token in words.vocabulary_ for token in words.build_analyzer()(folded))

    def probabilities(self, text: str) -> dict[str, float]:
        """The probability of a yes, of a no and of neither. Neither for sure without a word
        ("😶") or without one word the model has seen: keyboard mash ("xqzw plorf vbnm") shares
        letters with "ok" and "oui" and was read as a yes that started a registration."""
        folded = _folded(text)
        if not _WORD.search(folded) or not self.knows_a_word(folded):
            return dict(KNOWS_NOTHING)
        found = self.pipeline.predict_proba([folded])[0]
        classes = self.pipeline.classes_
        return {str(label): float(found[list(classes).index(label)]) for label in classes}


KNOWS_NOTHING = {YES: 0.0, NO: 0.0, NEITHER: 1.0}


def knows_nothing(probabilities: dict[str, float] | None) -> bool:
    """The yes/no model found no word it knows in the message (see `probabilities`)."""
    return probabilities == KNOWS_NOTHING


def outweighs_neither(probabilities: dict[str, float] | None) -> bool:
    """Is the message more a yes, or more a no, than neither?"""
    if not probabilities:
        return False
    neither = probabilities.get(NEITHER, 1.0)
    return max(probabilities.get(YES, 0.0), probabilities.get(NO, 0.0)) > neither


def read_polarity(probabilities: dict[str, float] | None) -> bool | None:
    """True for a yes, False for a no, None when the message says neither or the model is not
    sure. A message with little of a yes or a no in it ("hmm", "asdf") says neither; otherwise
    the yes and the no are weighed against each other."""
    if not probabilities:
        return None
    yes, no = probabilities.get(YES, 0.0), probabilities.get(NO, 0.0)
    if yes + no < LEAST_YES_OR_NO:
        return None
    share = yes / (yes + no)
    if abs(share - 0.5) < SURE_MARGIN:
        return None
    return share > 0.5
