"""Activation: code and CAPTCHA, then the login e-mail; the subscriber number and the summary."""

from __future__ import annotations

from rasa_sdk import Action, Tracker
from rasa_sdk.events import SlotSet

from account import rules
from account.credentials import (
    activation_code_hash,
    is_activation_code_hash,
    looks_like_activation_code,
)
from account.fields import FIELDS
from account.i18n import Problem, Refused, format_long_date
from actions.extraction import activation_answers
from actions.form_validation import FormValidator, typed_now
from actions.registration import ActionAskCaptchaAnswer
from actions.service import (
    account_service,
    language_of,
    read_message,
    say_problem,
    summary_link,
)

ACTIVATION_FORM = "activation_form"
ACTIVATION_SLOTS = FIELDS.required_slots(ACTIVATION_FORM)
# Errors after which the user may simply try again with the right code or address.
RETRYABLE = {"activation.wrong_code", "email.invalid"}


class ValidateActivationForm(FormValidator):
    FORM = ACTIVATION_FORM

    def answers(self, tracker: Tracker, requested: str | None) -> dict[str, str]:
        message = read_message(tracker)
        return activation_answers(
            requested, message.get("text") or "", (message.get("intent") or {}).get("name")
        )

    def validate_activation_code(self, value, dispatcher, tracker, domain):
        if is_activation_code_hash(value) and not typed_now(tracker, ACTIVATION_FORM, value):
            return {"activation_code": value}  # our own hash, checked when it was typed
        code = "".join(str(value or "").split())
        if looks_like_activation_code(code):
            # Only the hash is kept: the code never reaches the tracker store in clear.
            return {"activation_code": activation_code_hash(code)}
        return self.refuse(
            dispatcher, tracker, "activation_code", Problem("activation.code_format")
        )

    def validate_activation_captcha(self, value, dispatcher, tracker, domain):
        return self.check_captcha(dispatcher, tracker, "activation_captcha", value)

    def validate_activation_email(self, value, dispatcher, tracker, domain):
        return self.outcome(
            dispatcher, tracker, "activation_email", rules.check_email_syntax(value)
        )


class ActionAskActivationCaptcha(ActionAskCaptchaAnswer):
    def name(self) -> str:
        return "action_ask_activation_captcha"


class ActionActivate(Action):
    def name(self) -> str:
        return "action_activate"

    async def run(self, dispatcher, tracker, domain):
        service = account_service()
        language = language_of(tracker)
        forget = [SlotSet(slot, None) for slot in (*ACTIVATION_SLOTS, "captcha_id")]
        try:
            account = service.activate_by_code_hash(
                tracker.get_slot("activation_code"), tracker.get_slot("activation_email")
            )
        except Refused as refused:
            say_problem(dispatcher, tracker, refused.problem)
            if refused.problem.code in RETRYABLE:  # the form asks again (a rule)
                dispatcher.utter_message(response="utter_activation_retry")
                return forget + [SlotSet("activation_outcome", "retry")]
            if refused.problem.code == "activation.expired":
                dispatcher.utter_message(response="utter_code_expired_help")
            return forget + [SlotSet("activation_outcome", "refused")]

        day = account.registered_at.astimezone(service.settings.zone).date()
        dispatcher.utter_message(
            response="utter_activated",
            first_name=account.first_name,
            surname=account.surname,
            date=format_long_date(day, language),
            subscriber_number=account.subscriber_number,
        )
        if tracker.get_latest_input_channel() == "cmdline":  # `rasa shell`: a file on this machine
            pdf = str(service.save_summary_pdf(account, language))
        else:  # the web chat, REST and any remote client: a link for this conversation only
            pdf = summary_link(service.issue_summary_link(account, language, tracker.sender_id))
        dispatcher.utter_message(response="utter_summary_pdf", pdf=pdf)
        return forget + [SlotSet("activation_outcome", "activated")]
