"""Text classifiers of ours, on TF-IDF character n-grams and words of the folded text
(reading/text_features.py). On a few hundred examples per class they read unseen phrasing better
than Rasa's DIET (docs/evaluation.md). Rasa-free; trained with the Rasa model by
pipeline/intents.py (what a message asks for), pipeline/faq_answers.py (which FAQ answer a
question asks for).

- `TextClassifier`: a logistic regression, whose probabilities are its own.
- `MarginClassifier`: a linear SVM, which reads unseen phrasing better still (docs/evaluation.md);
  its margins become probabilities by a softmax at the one temperature that fits the margins of
  a 5-fold cross-validation best (temperature scaling: the order of the classes is the SVM's)."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from scipy.special import log_softmax, softmax
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedKFold, cross_val_predict
from sklearn.pipeline import make_pipeline
from sklearn.svm import LinearSVC

from reading.text_features import folded, words_and_characters

TEMPERATURES = np.geomspace(0.01, 2.0, 80)
FOLDS = 5


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
        return _ranked(self.pipeline.classes_, found)


@dataclass
class MarginClassifier:
    pipeline: object
    temperature: float

    @classmethod
    def fit(cls, examples: list[tuple[str, str]]) -> MarginClassifier:
        """Trained on (text, label) pairs; every label needs FOLDS examples or more."""
        texts = [folded(text) for text, _ in examples]
        labels = np.array([label for _, label in examples])
        # random_state: the same data gives the same model, here and in CI (liblinear shuffles)
        pipeline = make_pipeline(words_and_characters(), LinearSVC(C=1.0, random_state=1))
        folds = StratifiedKFold(FOLDS, shuffle=True, random_state=1)
        margins = cross_val_predict(pipeline, texts, labels, cv=folds, method="decision_function")
        right = np.searchsorted(np.unique(labels), labels)
        rows = np.arange(len(labels))

        def loss(temperature: float) -> float:
            return -log_softmax(margins / temperature, axis=1)[rows, right].mean()

        pipeline.fit(texts, labels)
        return cls(pipeline, float(min(TEMPERATURES, key=loss)))

    def ranking(self, text: str) -> list[tuple[str, float]]:
        """Every label with its probability, the likeliest first."""
        margins = self.pipeline.decision_function([folded(text)])[0]
        return _ranked(self.pipeline.classes_, softmax(margins / self.temperature))


def _ranked(labels, probabilities) -> list[tuple[str, float]]:
    pairs = zip(labels, (float(p) for p in probabilities), strict=True)
    return sorted(pairs, key=lambda pair: -pair[1])
