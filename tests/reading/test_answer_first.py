"""Every pending question read answer-first (reading/answer_first.py), for each kind of failure the
blind users met, in our own words and in both languages. The classifier's reading is given as
the failure was: a wrong intent, a flat ranking, a polarity."""

from __future__ import annotations

import pytest

from reading.answer_first import (
    FREE_TEXT,
    SECRET,
    VALUE,
    YES_NO,
    Classified,
    asks_something,
    pending_question,
    read_answer,
    says_received,
)

SURNAME = pending_question(None, "registration_form", "surname")
FIRST_NAME = pending_question(None, "registration_form", "first_name")
CITY = pending_question(None, "registration_form", "city")
PHONE = pending_question(None, "registration_form", "phone")
TERMS = pending_question(None, "registration_form", "terms_accepted")
SUMMARY = pending_question("utter_ask_summary_confirmation", None, None)
OFFER = pending_question("utter_offer_activation", None, None)
YES = {"yes": 0.6, "no": 0.05, "neither": 0.35}
NO = {"yes": 0.05, "no": 0.7, "neither": 0.25}
NEITHER = {"yes": 0.03, "no": 0.02, "neither": 0.95}


def guessed(intent: str, confidence: float = 0.9, polarity=None, **others: float) -> Classified:
    ranking = ((intent, confidence), *sorted(others.items(), key=lambda kv: -kv[1]))
    return Classified(intent, confidence, ranking, polarity)


def test_each_question_declares_what_answers_it():
    assert TERMS.expects == YES_NO and SUMMARY.expects == YES_NO and OFFER.expects == YES_NO
    assert SURNAME.expects == VALUE and CITY.expects == VALUE
    assert pending_question(None, "registration_form", "trust_answer").expects == FREE_TEXT
    assert pending_question(None, "registration_form", "password").expects == SECRET
    assert pending_question(None, "registration_form", "trust_question").expects == "choice"
    # The question asked last wins over the form's own: "do you really want to give up?"
    cancel = pending_question("utter_ask_cancel", "registration_form", "surname")
    assert cancel.expects == YES_NO and cancel.question == "utter_ask_cancel"
    assert pending_question(None, None, None) is None


@pytest.mark.parametrize(
    "text, classified",
    [
        # a long, polite acceptance the classifier took for a thank-you or a question
        ("Accepted, with thanks", guessed("thank", 0.95, YES)),
        ("Ayant tout lu, je donne volontiers mon accord", guessed("faq", 0.9, YES)),
        ("Fine. Carry on.", guessed("out_of_scope", 0.7, YES)),
        ("Nickel, on avance", guessed("choose_trust_question", 0.5, YES)),
    ],
)
def test_a_yes_in_other_words_is_a_yes_at_the_terms(text, classified):
    assert read_answer(text, classified, TERMS) == "affirm"


@pytest.mark.parametrize(
    "text, classified",
    [
        ("Not today, tomorrow perhaps", guessed("out_of_scope", 0.8, NO)),
        ("Pas encore, je dois vérifier", guessed("greet", 0.6, NO)),
    ],
)
def test_a_no_in_other_words_is_a_no(text, classified):
    assert read_answer(text, classified, OFFER) == "deny"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Everything is in order, you may record the request", "change_field"),
        ("Rien à reprendre, tout est exact, enregistrez", "clear_form"),
        ("Yes, all of it is right. Thanks!", "change_field"),
    ],
)
def test_at_the_summary_a_yes_is_never_a_change_or_a_restart(text, intent):
    assert read_answer(text, guessed(intent, 0.6, YES), SUMMARY) == "affirm"


def test_at_the_summary_a_change_that_names_its_field_stays_a_change():
    said = "change my phone to 06 11 22 33 44"
    assert read_answer(said, guessed("change_field", 0.9, NEITHER), SUMMARY) == "change_field"
    said = "C'est Sidonie, pas Sidoine"
    assert read_answer(said, guessed("deny", 0.7, NO), SUMMARY) == "change_field"


def test_a_yes_the_classifier_already_saw_is_taken_with_full_confidence():
    assert read_answer("on active", guessed("affirm", 0.55, YES), OFFER) == "affirm"


def test_the_yes_no_model_does_not_overrule_an_answer_the_classifier_saw():
    # "activate now": the model leans to a no (activate later), the classifier is right.
    said = read_answer("activate now", guessed("start_activation", 0.9, NO), OFFER)
    assert said == "start_activation"


def test_a_yes_said_first_wins_over_a_wrong_polarity_guess():
    # "Oui, ..." opens the message: the classifier's "activate later" is overruled.
    said = "Oui, allons-y sans tarder"
    assert read_answer(said, guessed("activate_later", 0.8, NEITHER), OFFER) == "affirm"


def test_a_weak_guess_of_an_answer_stays_weak():
    # "hmm bof zzz" guessed as a no at 0.5, nothing else for it: not understood, asked again.
    assert read_answer("hmm bof zzz", guessed("deny", 0.5, NEITHER), SUMMARY) is None


def test_gibberish_at_a_yes_no_question_is_not_a_yes():
    assert read_answer("zzkq", guessed("nlu_fallback", 0.45, NEITHER, affirm=0.1), TERMS) is None


def test_a_question_at_a_yes_no_question_is_answered_not_taken_for_a_yes():
    said = "combien de temps ai-je pour activer ?"
    assert read_answer(said, guessed("faq", 0.9), OFFER) is None  # the FAQ, then the question


@pytest.mark.parametrize(
    "question, text, intent",
    [
        (SURNAME, "de la Fontaine", "out_of_scope"),
        (SURNAME, "van den Broek", "start_registration"),
        (SURNAME, "Dos Santos (deux mots)", "faq"),
        (FIRST_NAME, "Chad", "out_of_scope"),
        (FIRST_NAME, "Florence", "faq"),
        (CITY, "Monaco", "out_of_scope"),
        (CITY, "Luxembourg", "inform"),
    ],
)
def test_a_value_the_field_accepts_is_the_answer(question, text, intent):
    assert read_answer(text, guessed(intent, 0.8), question) == "inform"


@pytest.mark.parametrize(
    "text", ["What format do you want for it?", "c'est pour quoi faire, ce numéro ?"]
)
def test_a_question_at_a_field_question_is_never_its_value(text):
    reading = read_answer(text, guessed("inform", 0.7, explain_procedure=0.2, faq=0.1), PHONE)
    assert reading == "explain_procedure"  # a question the assistant answers, then asks again


@pytest.mark.parametrize(
    "text, intent",
    [("annuler tout ça", "cancel"), ("I'd like to speak to an adviser", "ask_support")],
)
def test_clear_evidence_makes_an_interruption(text, intent):
    assert read_answer(text, guessed(intent, 0.95), SURNAME) is None


def test_courtesy_alone_is_courtesy_but_not_with_an_answer():
    assert read_answer("merci beaucoup", guessed("thank", 0.99, NEITHER), TERMS) is None
    assert read_answer("Sure, thanks", guessed("thank", 0.9, YES), TERMS) == "affirm"


def test_questions_are_told_by_their_mark_or_their_opening_words():
    assert asks_something("how long is the code valid")
    assert asks_something("est-ce que je peux le faire demain")
    assert asks_something("et une fois validé on fait comment")  # spoken French, last word
    assert not asks_something("Will Turner")  # two words: a name
    assert not asks_something("do it now please")


@pytest.mark.parametrize(
    "text, received",
    [
        ("I've received my activation code", True),
        ("J'ai bien reçu le code", True),
        ("I haven't received anything", False),
        ("toujours pas de mail", False),
        ("where is my code?", False),
    ],
)
def test_a_code_received_is_not_a_code_missing(text, received):
    assert says_received(text) is received
    reading = read_answer(text, guessed("email_not_received", 0.9), None)
    assert (reading == "start_activation") is received


def test_neither_an_answer_nor_a_request_at_a_yes_no_question_is_not_understood():
    # "uhhh well" taken for a value: "not understood" and the question again, not the menu.
    reading = read_answer("uhhh well", guessed("inform", 0.46, NEITHER, affirm=0.12), OFFER)
    assert reading == "nlu_fallback"


def test_a_request_the_classifier_was_unsure_of_is_not_a_free_text_answer():
    trust_answer = pending_question(None, "registration_form", "trust_answer")
    said = "Je voudrais plutôt parler à quelqu'un de chez vous"
    unsure = guessed("nlu_fallback", 0.45, NEITHER, ask_support=0.26, confirm=0.2)
    assert read_answer(said, unsure, trust_answer) == "ask_support"
    assert read_answer("Rex", guessed("faq", 0.6), trust_answer) == "inform"


def test_after_give_up_in_a_form_a_value_answers_the_form():
    give_up = pending_question("utter_ask_cancel", "registration_form", "login_email")
    said = read_answer("marie@exemple.fr", guessed("inform", 0.9, NEITHER), give_up)
    assert said is None  # the form reads it (actions/form_validation.py)


@pytest.mark.parametrize(
    "text", ["le code postal", "Mon prénom", "the postcode", "my surname, please", "c'est le nom"]
)
def test_the_field_to_change_is_read_from_its_name(text):
    which_field = pending_question("utter_ask_which_field", None, None)
    assert which_field.expects == "choice"
    # the classifier, unsure, took the field's name for a trust question or nothing
    misread = guessed("nlu_fallback", 0.45, NEITHER, choose_trust_question=0.4)
    assert read_answer(text, misread, which_field) == "change_field"
    assert read_answer("euh bof", misread, which_field) is None


@pytest.mark.parametrize(
    "text",
    [
        "Bonjour, il nous faut un espace professionnel en mode expert pour le cabinet",
        "je dois m'inscrire en mode expert pour mes trois SCI",
        "Hi, we need to open an expert-mode account for our French branch",
        "I'm supposed to get an espace professionnel, expert mode, for my shop",
        "Pourriez-vous m'aider à ouvrir mon espace professionnel ?",
        "Our auditors say we really must register a French tax account, the expert kind",
        # said in the past, reported, or with the account in the plural
        "ma banque a dit qu'il fallait que je fasse un compte pro expert",
        "On m'a envoyé ici pour ouvrir l'espace de la société",
        "I've been told to get one of those expert accounts for the shop",
        "The notary sent me to open our company's espace professionnel",
        # a need asked for help with, or a creation asked for
        "il me faut un compte pro expert, vous pouvez m'aider ?",
        "We need an expert account for the firm, shall we start?",
        "Puis-je ouvrir mon espace professionnel maintenant ?",
        "Can I sign up for the expert account here?",
        "Could we begin the registration of our expert account?",
        "Pourrions-nous débuter l'inscription de mon espace ?",
    ],
)
@pytest.mark.parametrize("intent", ["faq", "switch_language"])
def test_a_wish_for_the_account_starts_it_though_it_names_expert_mode(text, intent):
    # the classifier took it for the question about expert mode, or "French" for a language
    misread = guessed(intent, 0.7, NEITHER, start_registration=0.2)
    assert read_answer(text, misread, None) == "start_registration"
    # said again when the account is offered: it is the yes
    offer = pending_question("utter_offer_registration", None, None)
    assert read_answer(text, misread, offer) == "start_registration"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("C'est quoi, le mode expert ? Je dois ouvrir un espace", "faq"),  # asked to know first
        ("How do I register an account?", "explain_procedure"),
        ("je veux activer mon compte", "start_activation"),
        ("I need to log in to my account", "out_of_scope"),
        ("je veux parler à une personne pour mon espace", "faq"),
        # whether one needs it: a question, answered before anything starts
        ("Do we need one account per company?", "faq"),
        ("Est-ce que je dois avoir un espace expert pour une seule SCI ?", "faq"),
        ("Dois-je créer un compte pour chaque société ?", "faq"),
        ("Mon certificat a expiré, il faut que je refasse un espace ?", "faq"),
        ("Our old account was closed, we have to open another one?", "faq"),
        # being able to do something with it, not to create it
        ("est-ce que je peux gérer mes 40 clients depuis un seul compte", "faq"),
        ("Could I keep all our subsidiaries in the same account?", "faq"),
    ],
)
def test_a_question_or_another_request_is_no_wish_for_the_account(text, intent):
    assert read_answer(text, guessed(intent, 0.7, NEITHER), None) in (None, "ask_support")


def test_a_need_asked_is_a_question_but_a_yes_when_the_account_is_offered():
    text = "so my accountant says we need an expert account?"
    misread = guessed("faq", 0.7, NEITHER, start_registration=0.2)
    assert read_answer(text, misread, None) is None  # answered as the question it is
    offer = pending_question("utter_offer_registration", None, None)
    assert read_answer(text, misread, offer) == "start_registration"


def test_a_wish_for_the_account_is_no_answer_to_a_field():
    text = "je veux créer mon espace"
    assert read_answer(text, guessed("start_registration", 0.9), SURNAME) is None
    assert read_answer(text, guessed("faq", 0.6, NEITHER), SURNAME) != "start_registration"


def test_a_wish_for_the_account_in_another_language_is_a_language_request():
    text = "I want to create my account, can you speak French?"
    assert read_answer(text, guessed("switch_language", 0.9, NEITHER), None) is None


def test_a_question_at_a_yes_no_question_may_be_the_faq():
    # "c'est quoi le mode expert ? je n'y connais rien", taken for a no at the terms
    misread = guessed("deny", 0.85, NEITHER, faq=0.13, where_am_i=0.01)
    text = "c'est quoi exactement le mode expert ? je n'y connais rien"
    assert read_answer(text, misread, TERMS) == "faq"


@pytest.mark.parametrize(
    "text",
    [
        "Morning! My activation code finally came through, could we activate now?",
        "Bonsoir, le code d'activation est bien arrivé, on peut activer mon espace ?",
        "je souhaite activer mon espace professionnel",
    ],
)
def test_a_wish_to_activate_starts_the_activation(text):
    # the classifier hesitated between registering and an expired code
    unsure = guessed("nlu_fallback", 0.45, NEITHER, start_registration=0.44, code_expired=0.43)
    assert read_answer(text, unsure, None) == "start_activation"


@pytest.mark.parametrize(
    "text",
    [
        "I never got the activation code",
        "mon code d'activation a expiré, je peux encore activer ?",
        "à quoi sert le code d'activation ?",
    ],
)
def test_a_missing_or_expired_code_is_no_wish_to_activate(text):
    assert read_answer(text, guessed("code_expired", 0.6, NEITHER), None) != "start_activation"


@pytest.mark.parametrize(
    "text",
    [
        "If the website plays up, is there a helpline I could ring",
        "Honestly I'd rather speak to someone",
        "je voudrais un numéro à appeler, c'est plus simple",
        "est-ce que je peux parler à un conseiller",
        "is there an assistance number, I want to speak with someone",
        "j'aimerais parler avec quelqu'un de réel",
    ],
)
def test_a_person_asked_for_at_any_question_is_the_support_desk(text):
    for pending in (PHONE, SURNAME, TERMS, SUMMARY, None):
        assert read_answer(text, guessed("change_field", 0.9, NEITHER), pending) == "ask_support"


def test_a_number_given_to_be_called_back_is_an_answer():
    text = "vous pouvez m'appeler au 06 12 34 56 78"
    assert read_answer(text, guessed("inform", 0.9, NEITHER), PHONE) != "ask_support"


def test_a_question_about_the_trust_question_is_answered_not_a_change():
    trust = pending_question(None, "registration_form", "trust_question")
    text = "hmm, what is that security question even for"
    misread = guessed("change_field", 1.0, NEITHER, faq=0.99)
    assert read_answer(text, misread, trust) == "faq"


@pytest.mark.parametrize(
    "text",
    ["Once it's activated, do I file the VAT straight away?", "une fois activé, je fais quoi ?"],
)
def test_a_question_about_after_the_activation_is_no_wish_to_activate(text):
    offer = pending_question("utter_offer_activation", None, None)
    asked = guessed("faq", 0.6, NEITHER, start_activation=0.3)
    assert read_answer(text, asked, offer) != "start_activation"


@pytest.mark.parametrize(
    "text, intent",
    [
        ("Pourquoi vous voulez le nom de mon chien ?", "choose_trust_question"),
        ("mon téléphone sera transmis à des tiers ?", "inform"),
        ("What happens to the postcode I gave you?", "inform"),
        ("tout est bon dans le récap, c'est envoyé ?", "confirm"),
    ],
)
def test_with_nothing_asked_a_question_read_as_an_answer_is_a_question(text, intent):
    misread = guessed(intent, 0.7, NEITHER, faq=0.2)
    assert read_answer(text, misread, None) == "faq"


@pytest.mark.parametrize(
    "text, intent",
    [("le nom de mon chien", "choose_trust_question"), ("mon code postal est 69003", "inform")],
)
def test_with_nothing_asked_an_answer_that_asks_nothing_is_left_to_the_dialogue(text, intent):
    assert read_answer(text, guessed(intent, 0.7, NEITHER, faq=0.2), None) is None


@pytest.mark.parametrize(
    "text",
    [
        "is there a deadline for the activation?",
        "how long can I wait before the activation?",
        "est-ce que j'ai un délai pour l'activation ?",
        "I'll activate it when I have a moment",
        "Merci, vous pouvez valider l'inscription",
    ],
)
def test_a_question_or_a_later_activation_starts_nothing(text):
    assert read_answer(text, guessed("faq", 0.7, NEITHER), None) is None


@pytest.mark.parametrize(
    "text",
    [
        "I've got the code, can we activate?",
        "j'ai reçu le code, on active ?",
        "The email came, I want to activate my account",
    ],
)
def test_the_code_come_and_the_activation_asked_for_starts_it(text):
    assert read_answer(text, guessed("email_not_received", 0.7, NEITHER), None) == (
        "start_activation"
    )


TRUST_CHOICE = pending_question(None, "registration_form", "trust_question")


@pytest.mark.parametrize(
    "text, pending",
    [
        ("Vous pouvez me rappeler où on en est dans tout ça ?", TRUST_CHOICE),
        ("bon, j'en suis où exactement", PHONE),
        ("Which step am I on at this point?", SUMMARY),
        ("how far along am i with the form", None),
    ],
)
def test_asking_where_one_is_gets_the_step_not_the_whole_procedure(text, pending):
    # The procedure's words pull the classifier to the whole procedure: the step was asked.
    reading = read_answer(text, guessed("explain_procedure", 0.7, where_am_i=0.2), pending)
    assert reading == "where_am_i"


@pytest.mark.parametrize(
    "text", ["la ville où je suis née", "the town where I am from", "where do I type the code?"]
)
def test_a_place_or_another_question_is_not_asking_where_one_is(text):
    assert read_answer(text, guessed("choose_trust_question", 0.9), TRUST_CHOICE) != "where_am_i"


LEANING_YES = {"yes": 0.12, "no": 0.05, "neither": 0.83}


@pytest.mark.parametrize("text", ["hmm bof zzz", "uhh well whatever"])
def test_a_message_understood_by_nothing_and_a_weak_lean_is_no_yes_at_the_summary(text):
    # A lean of the yes/no model with mostly neither would submit the registration.
    reading = read_answer(text, guessed("nlu_fallback", 0.3, LEANING_YES, deny=0.1), SUMMARY)
    assert reading not in ("affirm", "confirm")


def test_a_yes_the_classifier_missed_but_the_yes_no_model_sees_is_a_yes():
    reading = read_answer("nickel chrome, envoyez", guessed("nlu_fallback", 0.3, YES), SUMMARY)
    assert reading == "affirm"
