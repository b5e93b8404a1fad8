"""A text classifier of ours: a logistic regression on TF-IDF character n-grams and words of the
folded text (reading/text_features.py). On a few hundred examples per class it reads unseen phrasing
better than Rasa's DIET (docs/evaluation.md). Rasa-free; trained with the Rasa model by
pipeline/faq_answers.py (which FAQ answer a question asks for) and pipeline/second_opinion.py
(the intent of a message DIET is not sure of)."""

from __future__ import annotations

from dataclasses import dataclass

from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import make_pipeline

from reading.text_features import folded, words_and_characters


@dataclass
class TextClassifier:
    pipeline: object

    @classmethod
    def fit(cls, examples: list[tuple[str, str]]) -> TextClassifier:
        """Trained on (text, label) pairs."""
        pipeline = make_pipeline(words_and_characters(), LogisticRegression(C=10.0, max_iter=3000))
        pipeline.fit([folded(text) for text, _ in examples], [label for _, label in examples])
        return cls(pipeline)

    def ranking(self, text: str) -> list[tuple[str, float]]:
        """Every label with its probability, the likeliest first."""
        found = self.pipeline.predict_proba([folded(text)])[0]
        ranked = zip(self.pipeline.classes_, (float(p) for p in found), strict=True)
        return sorted(ranked, key=lambda pair: -pair[1])
