"""What one conversation tells the team, read from its events: steps, stop, not understood."""

from tests.transcripts.conversations import (
    action,
    bot,
    registration_until_password,
    slot,
    user,
)
from transcripts.journeys import masked, read_journey


def timed(events, start=1000.0):
    return [{**event, "timestamp": start + index * 30} for index, event in enumerate(events)]


def test_a_registration_left_at_the_password_question():
    events = [slot("language", "fr"), *registration_until_password("lea.dubois@exemple.fr")]
    events += [user("blorf wibble zut"), bot("utter_default"), action("action_explain_support")]
    journey, misunderstood = read_journey(timed(events))
    assert journey.steps == ["started", "terms", "login_email", "password"]
    assert journey.stopped_at == "password"
    assert journey.not_understood == {"password": 1}
    assert journey.detours == {"person": 1}
    assert journey.language == "fr" and journey.user_messages == 5
    assert [m.text for m in misunderstood] == ["blorf wibble zut"]


def test_a_pre_registration_then_an_activation():
    events = [
        *registration_until_password("ann@example.co.uk"),
        slot("requested_slot", None),
        action("action_show_summary"),
        user("confirm", "affirm"),
        slot("registration_outcome", "pre_registered"),
        user("I have my code"),
        slot("requested_slot", "activation_code"),
        user("ABCDEF123456"),
        slot("requested_slot", None),
        slot("activation_outcome", "activated"),
    ]
    journey, _ = read_journey(timed(events))
    assert journey.steps[-4:] == ["summary", "pre_registered", "activation", "activated"]
    assert journey.stopped_at is None
    assert journey.seconds_to_pre_register == 13 * 30
    assert journey.seconds_to_activate == 18 * 30


def test_a_conversation_of_questions_only_is_started_and_stops_nowhere():
    journey, _ = read_journey(timed([user("c'est quoi le mode expert ?"), action("utter_faq")]))
    assert journey.steps == ["started"] and journey.stopped_at is None
    assert journey.detours == {"question": 1}


def test_a_message_not_understood_is_masked_with_the_person_own_values():
    events = [
        slot("surname", "DE LA FONTAINE"),
        slot("phone", "06 12 34 56 78"),
        slot("requested_slot", "city"),
        user("euh de la fontaine habite 3 bis ici, tel 0612345678, jean@exemple.fr ?"),
        bot("utter_default"),
    ]
    _, misunderstood = read_journey(timed(events))
    text = misunderstood[0].text
    assert "fontaine" not in text.lower() and "0612345678" not in text
    assert "jean@" not in text and "[e-mail]" in text
    assert misunderstood[0].step == "address"


def test_masking_leaves_other_words():
    assert masked("je ne comprends pas la question", ["Paul"]) == "je ne comprends pas la question"


def test_not_understood_outside_the_forms_counts_once_per_message():
    events = [user("xqzw plorf"), action("action_not_understood"), bot("utter_default")]
    events += [user("zzz"), action("action_not_understood"), bot("utter_what_i_can_do")]
    journey, misunderstood = read_journey(timed(events))
    assert journey.not_understood == {"outside_forms": 2}
    assert [m.text for m in misunderstood] == ["xqzw plorf", "zzz"]
