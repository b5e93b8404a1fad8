"""The features our small text models read (reading/polarity.py, reading/text_model.py): character
n-grams inside words and single words and pairs, TF-IDF weighted, on folded text (case and
accents set aside). On a few hundred examples per class they generalise to unseen phrasing
better than Rasa's DIET (docs/evaluation.md)."""

from __future__ import annotations

from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import FeatureUnion

from account.rules.text import fold


def folded(text: str) -> str:
    return fold(text).replace("’", "'")


def words_and_characters() -> FeatureUnion:
    return FeatureUnion(
        [
            (
                "characters",
                TfidfVectorizer(analyzer="char_wb", ngram_range=(2, 5), sublinear_tf=True),
            ),
            (
                "words",
                TfidfVectorizer(ngram_range=(1, 2), sublinear_tf=True, token_pattern=r"[\w']+"),
            ),
        ]
    )
