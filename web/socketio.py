"""Rasa's socket.io channel, accepting connections from the allowed origins only.

Rasa 3.6 creates its socket.io server with `cors_allowed_origins=[]`, which turns python-engineio's
origin check off: a page of any site could open a conversation (WebSocket has no CORS). Here the
check is on: a browser's request whose `Origin` is neither the assistant's own (the Host it was
sent to, or X-Forwarded-Host/-Proto from the front) nor one of `ALLOWED_ORIGINS` is refused with
400, and an allowed other origin gets its CORS headers for long polling from python-engineio.
Clients that send no `Origin` (programs, not browsers) are not concerned. Same name, same
events, same path: credentials.yml uses it in place of Rasa's `socketio`.

Rasa's handlers also trusted the payloads: a `session_request` or `user_uttered` whose data is not
an object, a message or session id that is not text, or metadata that is not JSON raised inside
the server (found by the socket.io fuzz run). The payloads are checked first: what cannot be read
is ignored (logged without its content), and odd metadata is dropped.
"""

from __future__ import annotations

import json
import logging
from typing import Any, Awaitable, Callable

from rasa.core.channels.channel import UserMessage
from rasa.core.channels.socketio import SocketIOInput
from sanic import Blueprint

from account.settings import Settings
from web.rest import MAX_SENDER_LENGTH

logger = logging.getLogger(__name__)
NAMESPACE = "/"


def own_origins(environ: dict) -> set[str]:
    """The origins the request was addressed to: directly, and as the front received it."""
    host = environ.get("HTTP_HOST", "")
    scheme = environ.get("wsgi.url_scheme", "http")
    forwarded_host = environ.get("HTTP_X_FORWARDED_HOST", host).split(",")[0].strip()
    forwarded_scheme = environ.get("HTTP_X_FORWARDED_PROTO", scheme).split(",")[0].strip()
    return {f"{scheme}://{host}", f"{forwarded_scheme}://{forwarded_host}"}


def origin_check(settings: Settings) -> Callable[[str | None, dict], bool]:
    """python-engineio's `cors_allowed_origins` as a function: the own origin or a listed one."""
    listed = set(settings.allowed_origins)

    def allowed(origin: str | None, environ: dict) -> bool:
        return bool(origin) and (origin in listed or origin in own_origins(environ))

    return allowed


class OriginCheckedSocketIOInput(SocketIOInput):
    @classmethod
    def name(cls) -> str:
        return "socketio"

    def blueprint(self, on_new_message: Callable[[UserMessage], Awaitable[Any]]) -> Blueprint:
        blueprint = super().blueprint(on_new_message)
        self.sio.eio.cors_allowed_origins = origin_check(Settings.from_environment())
        handlers = self.sio.handlers[self.namespace or NAMESPACE]
        handlers["session_request"] = checked_session_request(handlers["session_request"])
        event = self.user_message_evt
        handlers[event] = checked_message(handlers[event], self.metadata_key)
        return blueprint


def _session_id(value: Any) -> bool:
    return isinstance(value, str) and 0 < len(value) <= MAX_SENDER_LENGTH


def checked_session_request(handler):
    async def session_request(sid: str, data: Any = None, *_: Any) -> None:
        if not isinstance(data, dict) or not _session_id(data.get("session_id")):
            data = {}  # a new conversation, as for a first visit
        await handler(sid, {"session_id": data.get("session_id")})

    return session_request


def checked_message(handler, metadata_key: str):
    async def user_uttered(sid: str, data: Any = None, *_: Any) -> None:
        if (
            not isinstance(data, dict)
            or not isinstance(data.get("message"), str)
            or not _session_id(data.get("session_id"))
        ):
            logger.warning("socket.io: a message that cannot be read was ignored")
            return
        metadata = data.get(metadata_key)
        if isinstance(metadata, str):
            try:
                metadata = json.loads(metadata)
            except ValueError:
                metadata = None
        checked = {"message": data["message"], "session_id": data["session_id"]}
        checked[metadata_key] = metadata if isinstance(metadata, dict) else {}
        await handler(sid, checked)

    return user_uttered
