"""Rasa's REST channel, answering 400 to a request it cannot read instead of 500.

Rasa 3.6 reads the body with `request.json.get(...)`: an empty body, a JSON array, number or
string, or a sender that is not text made it fail with 500 (found by the fuzz run). The
same channel, at the same address (/webhooks/rest/webhook), checks the body first.
"""

from __future__ import annotations

from typing import Any

from rasa.core.channels.rest import RestInput
from sanic.exceptions import InvalidUsage
from sanic.request import Request

# Rasa's SQL tracker store keeps conversation ids in a column of 255 characters.
MAX_SENDER_LENGTH = 255


def body_of(request: Request) -> dict[str, Any]:
    body = request.json  # not JSON at all: Sanic answers 400 itself
    if not isinstance(body, dict):
        raise InvalidUsage('The body must be a JSON object: {"sender": "...", "message": "..."}.')
    return body


class CheckedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    async def _extract_sender(self, req: Request) -> str:
        sender = body_of(req).get("sender")
        if not isinstance(sender, str) or not sender.strip() or len(sender) > MAX_SENDER_LENGTH:
            raise InvalidUsage(f'"sender" must be a text of 1 to {MAX_SENDER_LENGTH} characters.')
        return sender

    def _extract_message(self, req: Request) -> str:
        message = body_of(req).get("message")
        if not isinstance(message, str):
            raise InvalidUsage('"message" must be a text.')
        return message

    def _extract_input_channel(self, req: Request) -> str:
        return self.name()  # not chosen by the client

    def get_metadata(self, request: Request) -> dict[str, Any] | None:
        metadata = body_of(request).get("metadata")
        if metadata is not None and not isinstance(metadata, dict):
            raise InvalidUsage('"metadata" must be a JSON object.')
        return metadata
