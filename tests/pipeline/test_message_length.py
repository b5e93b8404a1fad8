"""Over-long messages are cut before the NLU (pipeline/message_length.py)."""

from rasa.shared.nlu.constants import TEXT
from rasa.shared.nlu.training_data.message import Message

from pipeline.message_length import MessageLengthLimit


def test_only_over_long_messages_are_cut():
    limit = MessageLengthLimit({"max_characters": 500})
    short, long = Message({TEXT: "Lila Rosemonde"}), Message({TEXT: "a " * 5_000})
    limit.process([short, long])
    assert short.get(TEXT) == "Lila Rosemonde"
    assert long.get(TEXT) == ("a " * 5_000)[:500]


def test_the_default_is_500_characters():
    assert MessageLengthLimit.get_default_config() == {"max_characters": 500}
    assert MessageLengthLimit().max_characters == 500
