"""Pre-registration: the form, its summary, corrections, confirmation and cancellation."""

from __future__ import annotations

from typing import Any

from rasa_sdk import Action, Tracker
from rasa_sdk.events import FollowupAction, SlotSet
from rasa_sdk.executor import CollectingDispatcher

from account import rules
from account.credentials import hash_password, is_password_hash, password_matches
from account.fields import FIELDS
from account.i18n import Problem, Refused, format_datetime
from account.labels import details_list
from account.registration_form import RegistrationForm
from actions.extraction import (
    CORRECTABLE,
    cleared,
    corrected_values,
    correction,
    registration_answers,
)
from actions.form_validation import (
    FormValidator,
    ask_captcha,
    follows_user_message,
    keep_cleared,
    typed_now,
)
from actions.service import account_service, language_of, read_message, say_problem
from languages import words_of
from reading.corrections import field_named
from reading.replacements import replaced

FORM = "registration_form"
PASSWORD_CONFIRMED = "confirmed"
# In the order of the procedure (account/fields.py); terms and CAPTCHA are the first step.
FORM_SLOTS = FIELDS.required_slots(FORM)
DETAIL_SLOTS = FORM_SLOTS[FORM_SLOTS.index("login_email") :]  # what "effacer" clears


def registration_in_progress(tracker: Tracker) -> bool:
    return any(tracker.get_slot(slot) is not None for slot in FORM_SLOTS)


def registration_complete(tracker: Tracker, captcha_enabled: bool) -> bool:
    return all(tracker.get_slot(slot) is not None for slot in FIELDS.asked(FORM, captcha_enabled))


def forget(slots) -> list[dict[str, Any]]:
    return [SlotSet(slot, None) for slot in slots]


def nothing_in_progress(dispatcher: CollectingDispatcher) -> list[dict[str, Any]]:
    """Said when there is no registration to change or clear; the user answers next."""
    dispatcher.utter_message(response="utter_nothing_to_confirm")
    return [FollowupAction("action_listen")]


# Fields shown back when one message filled several of them ("C'est noté : ..."), so that a
# misreading is seen at once and can be corrected: those read from sentences (account/fields.py).
SHOWN_BACK = FIELDS.read_from_sentences


class ValidateRegistrationForm(FormValidator):
    FORM = FORM

    async def run(self, dispatcher, tracker, domain):
        events = await super().run(dispatcher, tracker, domain)
        read = {
            e["name"]: e["value"]
            for e in events
            if e.get("event") == "slot" and e["name"] in SHOWN_BACK and e["value"]
        }
        # Only what the user's message gave (not the slots checked again after a correction).
        if len(read) >= 2 and follows_user_message(tracker, FORM):
            language = language_of(tracker)
            dispatcher.utter_message(
                response="utter_noted",
                details=details_list(
                    {
                        slot: FIELDS[slot].shown(read[slot], language)
                        for slot in SHOWN_BACK
                        if slot in read
                    },
                    language,
                ),
            )
        return events

    def answers(self, tracker: Tracker, requested: str | None) -> dict[str, Any]:
        message = read_message(tracker)
        entities = {e["entity"]: e["value"] for e in message.get("entities", [])}
        filled = {slot: tracker.get_slot(slot) for slot in FORM_SLOTS}
        return registration_answers(
            requested,
            message.get("text") or "",
            (message.get("intent") or {}).get("name"),
            entities,
            filled,
        )

    @keep_cleared
    def validate_terms_accepted(self, value, dispatcher, tracker, domain):
        if value is True:
            return {"terms_accepted": True}
        return self.refuse(
            dispatcher, tracker, "terms_accepted", Problem("registration.terms_not_accepted")
        )

    @keep_cleared
    def validate_captcha_answer(self, value, dispatcher, tracker, domain):
        return self.check_captcha(dispatcher, tracker, "captcha_answer", value)

    @keep_cleared
    def validate_login_email(self, value, dispatcher, tracker, domain):
        result = self.outcome(
            dispatcher, tracker, "login_email", account_service().check_login_email(value)
        )
        confirmation = tracker.get_slot("login_email_confirmation")
        if (
            result["login_email"]
            and confirmation
            and rules.email_key(confirmation) != rules.email_key(result["login_email"])
        ):
            result["login_email_confirmation"] = None  # a new address is confirmed again
        return result

    @keep_cleared
    def validate_login_email_confirmation(self, value, dispatcher, tracker, domain):
        email = tracker.get_slot("login_email") or ""
        return self.outcome(
            dispatcher,
            tracker,
            "login_email_confirmation",
            rules.check_email_confirmation(email, value),
        )

    @keep_cleared
    def validate_password(self, value, dispatcher, tracker, domain):
        if is_password_hash(value) and not typed_now(tracker, FORM, value):
            return {"password": value}  # our own hash, validated when it was typed
        checked = rules.check_password(value, tracker.get_slot("login_email"))
        if not checked.ok:
            return self.refuse(dispatcher, tracker, "password", checked.problem)
        dispatcher.utter_message(
            response=f"utter_password_strength_{rules.password_strength(checked.value)}"
        )
        # Only the hash is kept; the confirmation is checked against it.
        return {"password": hash_password(checked.value), "password_confirmation": None}

    @keep_cleared
    def validate_password_confirmation(self, value, dispatcher, tracker, domain):
        if value == PASSWORD_CONFIRMED and not typed_now(tracker, FORM, value):
            return {"password_confirmation": value}
        if password_matches(tracker.get_slot("password") or "", value):
            return {"password_confirmation": PASSWORD_CONFIRMED}
        # Which of the two was mistyped cannot be seen: both are asked again (asking only the
        # confirmation again left a user with a typo in the password stuck; found by the fuzz run).
        say_problem(dispatcher, tracker, Problem("password.confirmation_mismatch"))
        return {"password_confirmation": None, "password": None}

    @keep_cleared
    def validate_phone(self, value, dispatcher, tracker, domain):
        """A French or international number, or a national one of the countries whose people
        write in the conversation's language ("0131 496 0732" in English: British)."""
        elsewhere = words_of(language_of(tracker)).PHONE_REGIONS
        return self.outcome(
            dispatcher, tracker, "phone", rules.check_phone(value, elsewhere=elsewhere)
        )

    @keep_cleared
    def validate_postcode(self, value, dispatcher, tracker, domain):
        country = rules.check_country(
            tracker.get_slot("country") or ""
        ).value  # None: not asked yet
        return self.outcome(dispatcher, tracker, "postcode", rules.check_postcode(value, country))

    @keep_cleared
    def validate_country(self, value, dispatcher, tracker, domain):
        result = self.outcome(dispatcher, tracker, "country", rules.check_country(value))
        postcode = tracker.get_slot("postcode")
        if result["country"] and postcode:
            # The postcode was checked before the country was known: check it for that country.
            checked = rules.check_postcode(postcode, result["country"])
            if not checked.ok:
                result.update(self.refuse(dispatcher, tracker, "postcode", checked.problem))
        return result


class ActionAskCaptchaAnswer(Action):
    def name(self) -> str:
        return "action_ask_captcha_answer"

    async def run(self, dispatcher, tracker, domain):
        return ask_captcha(dispatcher)


class ActionNewCaptcha(Action):
    """ "Changer l'image": the current challenge stops working; the form shows a new one."""

    def name(self) -> str:
        return "action_new_captcha"

    async def run(self, dispatcher, tracker, domain):
        account_service().captcha.discard(tracker.get_slot("captcha_id"))
        return [SlotSet("captcha_id", None)]


class ActionAskTrustAnswer(Action):
    def name(self) -> str:
        return "action_ask_trust_answer"

    async def run(self, dispatcher, tracker, domain):
        question = tracker.get_slot("trust_question") or rules.DEFAULT_TRUST_QUESTION
        dispatcher.utter_message(
            response="utter_ask_trust_answer",
            question=rules.trust_question_label(question, language_of(tracker)),
        )
        return []


class ActionShowSummary(Action):
    """Every field but the password, as the summary screen of the procedure shows them."""

    def name(self) -> str:
        return "action_show_summary"

    async def run(self, dispatcher, tracker, domain):
        values = {name: tracker.get_slot(name) for name in FIELDS.by_name}
        dispatcher.utter_message(
            response="utter_summary", **FIELDS.summary_values(values, language_of(tracker))
        )
        return []


class ActionChangeField(Action):
    """At the summary: set the new value, or empty the field, then let the form check or ask it."""

    def name(self) -> str:
        return "action_change_field"

    async def run(self, dispatcher, tracker, domain):
        if not registration_in_progress(tracker):
            if (tracker.latest_message.get("intent") or {}).get("name") == "inform":
                # A bare value ("Paris") with nothing asked: not understood, and what I can do.
                dispatcher.utter_message(response="utter_what_i_can_do")
                return [FollowupAction("action_listen")]
            return nothing_in_progress(dispatcher)
        field = next(
            (
                e["value"]
                for e in tracker.latest_message.get("entities", [])
                if e["entity"] == "field"
            ),
            None,
        )
        text = read_message(tracker).get("text") or ""
        filled = {s: tracker.get_slot(s) for s in FORM_SLOTS}
        changes = (
            cleared(field)
            if field in CORRECTABLE
            else replaced(text, filled) or correction(text) or corrected_values(text, filled)
        )
        if not changes and field_named(text) in CORRECTABLE:  # "le téléphone", after "which field?"
            changes = cleared(field_named(text))
        if not changes:
            if (tracker.latest_message.get("intent") or {}).get("name") != "change_field":
                # Not a value of any field ("hmm bof"): not understood, and the question again.
                dispatcher.utter_message(response="utter_default")
                if registration_complete(tracker, account_service().settings.captcha_enabled):
                    dispatcher.utter_message(response="utter_ask_summary_confirmation")
                    return [FollowupAction("action_listen")]
            dispatcher.utter_message(response="utter_ask_which_field")
            return [FollowupAction("action_listen")]
        # The form comes next (a rule): it checks the new value, or asks for the emptied field.
        return [SlotSet(slot, value) for slot, value in changes.items()]


class ActionClearForm(Action):
    """ "Effacer": everything typed after the first step is forgotten and asked again."""

    def name(self) -> str:
        return "action_clear_form"

    async def run(self, dispatcher, tracker, domain):
        if not registration_in_progress(tracker):
            return nothing_in_progress(dispatcher)
        dispatcher.utter_message(response="utter_form_cleared")
        return forget(DETAIL_SLOTS)  # the form comes next (a rule) and asks again


class ActionPreRegister(Action):
    """ "Valider": the pending registration is created and the activation code e-mailed."""

    def name(self) -> str:
        return "action_pre_register"

    async def run(self, dispatcher, tracker, domain):
        service = account_service()
        if not registration_complete(tracker, service.settings.captcha_enabled):
            if registration_in_progress(tracker):
                return [FollowupAction(FORM)]
            dispatcher.utter_message(response="utter_nothing_to_confirm")
            return []
        language = language_of(tracker)
        slot = tracker.get_slot
        form = RegistrationForm(
            email=slot("login_email"),
            password_hash=slot("password"),
            **{name: slot(name) for name in FIELDS.form_fields},
            language=language,
        )
        try:
            pending = service.pre_register(form, conversation_id=tracker.sender_id)
        except Refused as refused:
            say_problem(dispatcher, tracker, refused.problem)
            if refused.problem.code.startswith("email."):  # the form asks again (a rule)
                return forget(("login_email", "login_email_confirmation")) + [
                    SlotSet("registration_outcome", "email_refused")
                ]
            # Not sent or too many from this conversation: everything is kept, "valider" tries again.
            return [SlotSet("registration_outcome", "not_sent")]
        dispatcher.utter_message(
            response="utter_pre_registered",
            first_name=pending.first_name,
            surname=pending.surname,
            email=pending.email,
            deadline=format_datetime(pending.deadline, language, service.settings.zone),
        )
        dispatcher.utter_message(response="utter_offer_activation")
        return forget(FORM_SLOTS) + [
            SlotSet("captcha_id", None),
            SlotSet("registered_email", pending.email),
            SlotSet("registration_outcome", "pre_registered"),
        ]
