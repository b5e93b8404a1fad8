"""Rasa's REST channel, answering 400 to a request it cannot read instead of 500, and open to
browsers of the sites of ALLOWED_ORIGINS only (CORS).

Rasa 3.6 reads the body with `request.json.get(...)`: an empty body, a JSON array, number or
string, or a sender that is not text made it fail with 500 (found by the fuzz run). The
same channel, at the same address (/webhooks/rest/webhook), checks the body first.
"""

from __future__ import annotations

from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.rest import RestInput
from sanic import Blueprint, response
from sanic.exceptions import InvalidUsage
from sanic.request import Request
from sanic.response import HTTPResponse

from account.settings import Settings

# Rasa's SQL tracker store keeps conversation ids in a column of 255 characters.
MAX_SENDER_LENGTH = 255


def body_of(request: Request) -> dict[str, Any]:
    body = request.json  # not JSON at all: Sanic answers 400 itself
    if not isinstance(body, dict):
        raise InvalidUsage('The body must be a JSON object: {"sender": "...", "message": "..."}.')
    return body


def cors_headers(origin: str | None, allowed: tuple[str, ...]) -> dict[str, str]:
    """The CORS headers for a browser of `origin`: none unless it is an allowed one. (Rasa's own
    `--cors` would cover every route, socket.io's too, whose library sets its own headers.)"""
    if not origin or origin not in allowed:
        return {}
    return {
        "Access-Control-Allow-Origin": origin,
        "Access-Control-Allow-Methods": "POST, OPTIONS",
        "Access-Control-Allow-Headers": "Content-Type",
        "Vary": "Origin",
    }


class CheckedRestInput(RestInput):
    @classmethod
    def name(cls) -> str:
        return "rest"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[None]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        allowed = Settings.from_environment().allowed_origins

        @blueprint.route("/webhook", methods=["OPTIONS"])
        async def preflight(request: Request) -> HTTPResponse:
            return response.empty(headers=cors_headers(request.headers.get("origin"), allowed))

        @blueprint.middleware("response")
        async def allow_origin(request: Request, answer: HTTPResponse) -> None:
            answer.headers.update(cors_headers(request.headers.get("origin"), allowed))

        return blueprint

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
