"""Which FAQ answer a message names when the answer model hesitates (reading/faq_topics.py)."""

import pytest

from reading.faq_topics import named_among, topics_named


@pytest.mark.parametrize(
    "text, topic",
    [
        ("si je perds ma réponse secrète, je fais comment ?", "trust_question"),
        ("what if I forget my answer to the security question", "trust_question"),
        ("mes SCI apparaîtront-elles toutes seules ?", "empty_account"),
        ("my old certificate-based access, can I keep it?", "certificate"),
        ("le délai de 48 h commence quand ?", "deadline"),
        ("then I file and pay our VAT from there?", "after_activation"),
        ("je pourrai déclarer directement depuis l'espace ?", "after_activation"),
    ],
)
def test_the_subject_of_a_question_is_named(text, topic):
    assert topic in topics_named(text)


def test_the_one_candidate_named_is_chosen_when_the_best_is_not():
    text = "et si j'oublie ma réponse, c'est bloqué ?"
    assert named_among(text, ["many_companies", "trust_question", "password_advice"]) == (
        "trust_question"
    )
    # the best candidate named: its choice stands
    assert named_among(text, ["trust_question", "many_companies"]) is None


def test_two_subjects_named_leave_the_model_s_choice():
    text = "Can I swap my certificate for an e-mail and a password?"
    assert topics_named(text) >= {"certificate", "password_advice"}
    assert named_among(text, ["certificate", "password_advice", "deadline"]) is None
    assert named_among(text, ["deadline", "certificate", "password_advice"]) is None


def test_a_time_is_no_subject():
    # "once activated" may open any question: it names no answer
    assert "after_activation" not in topics_named("once activated, is the account empty?")
