"""A message is read once (reading/message_reading.py): a reader remembers what it read, and
what the Rasa server read travels with the message to the action server."""

from reading import message_reading
from reading.corrections import field_mentioned
from reading.free_text import parse_details
from reading.message_reading import READING_KEY, read_once, reading_data, take_over


def test_a_reader_reads_a_message_once_and_hands_out_copies():
    calls = []

    @read_once("test_words")
    def words(text):
        calls.append(text)
        return {"words": text.split()}

    first = words("un deux")
    first["words"].append("trois")  # a caller's change stays its own
    assert words("un deux") == {"words": ["un", "deux"]}
    assert calls == ["un deux"]


def test_what_the_rasa_server_read_is_taken_over_by_the_action_server():
    text = "Ma ville : Sainte-Ménehould, code postal 51800"
    data = reading_data(text)
    assert data["text"] == text and "details" not in data["read"]
    read = parse_details(text)
    assert reading_data(text)["read"]["details"] == read
    # The action server's process: the reading comes with the message, the text is not read again.
    message = {
        "text": "Cité imaginaire",
        READING_KEY: {
            "text": "Cité imaginaire",
            "read": {
                "details": {"city": "Lu par le serveur Rasa"},
                "field_mentioned": ["city", "Xyz"],
            },
        },
    }
    take_over(message)
    assert parse_details("Cité imaginaire") == {"city": "Lu par le serveur Rasa"}
    assert field_mentioned("Cité imaginaire") == ("city", "Xyz")


def test_a_reading_of_another_text_is_not_taken():
    take_over(
        {"text": "Autre", READING_KEY: {"text": "Pas le même", "read": {"details": {"x": 1}}}}
    )
    assert "Autre" not in message_reading._readers["details"]
