"""The evaluation sets never saw the training data: no message of theirs is a training example
or a near duplicate of one (tests/evaluation/overlap.py says what near means)."""

from __future__ import annotations

import yaml

from tests.evaluation.overlap import TrainingExamples, normalised
from tests.evaluation.sets import (
    BLIND,
    blind_users,
    evaluation_messages,
    persona_values,
    training_examples,
)

TRAINING = TrainingExamples(training_examples())


def test_no_evaluation_message_is_a_training_example_or_near_one():
    too_close = [
        (where, found)
        for where, message in evaluation_messages()
        if (found := TRAINING.too_close(message))
    ]
    assert not too_close, (
        "\n".join(
            f"{where}: {c.message!r} ~ {c.example!r} ({c.reason}, {c.ratio:.2f})"
            for where, c in too_close[:40]
        )
        + f"\n({len(too_close)} in all)"
    )


def test_no_simulated_user_value_is_a_training_example():
    """Names, phones and addresses: a training example, spaces and punctuation aside ("du Pont"
    and "Dupont"), is too close (a postcode or a phone number near one is just another value)."""
    seen = [
        (where, value)
        for where, value in persona_values()
        if TRAINING.is_value_of_an_example(value)
    ]
    assert not seen, seen


def test_the_rewrites_record_holds_what_the_users_say():
    """tests/blind/rewrites-*.yml records the rewordings applied to users.yml: one per message,
    the one the user says (a rewording itself too close to training and reworded again is not
    kept there as evaluation material)."""
    users = {user["id"]: user for user in blind_users()}
    for record in sorted(BLIND.glob("rewrites-*.yml")):
        entries = yaml.safe_load(record.read_text(encoding="utf-8"))
        keys = [(entry["id"], entry["key"]) for entry in entries]
        assert len(keys) == len(set(keys)), record
        for entry in entries:
            said = users[entry["id"]]
            for part in entry["key"].split("."):
                said = said[part]
            assert entry["text"].replace("{email}", users[entry["id"]]["email"]) == said, entry


def test_the_check_finds_what_it_must():
    training = TrainingExamples(["Je voudrais créer mon espace professionnel", "oui"])
    assert training.too_close("je voudrais CRÉER mon espace professionnel !")
    assert training.too_close("Oui.")
    assert training.too_close("je voudrais creer mon espace pro")  # ratio
    assert training.too_close("je voudrais créer mon compte professionnel")  # one word replaced
    assert not training.too_close("comment activer le compte reçu hier ?")
    assert TrainingExamples(["Dupont"]).is_value_of_an_example("du Pont")
    assert not training.too_close("non")
    assert normalised("L'Hôtel-de-Ville, SVP!") == "l hotel-de-ville svp"
