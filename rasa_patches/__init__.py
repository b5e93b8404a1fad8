"""Every change this project makes to Rasa's internals, installed by one explicit call.

Rasa 3.6 has no hook for what these patches do; each module here replaces one attribute of one
class of Rasa (or of Sanic, the web server Rasa pins), says why, and records a fingerprint of the
function it was written against (rasa_patches/patching.py):

- answer_first: `MessageProcessor.parse_message`, each message read first as an answer to the
  question pending (reading/answer_first.py), once, before any rule, policy or form sees it;
- action_failures: `RemoteAction.run`, an apology when the action server fails;
- action_call: `RemoteAction._action_call_format`, the recent events and no responses sent to
  the action server (custom actions read no further back than the previous user message);
- action_results: `RemoteAction._validate_action_result`, a JSON schema validator built once;
- endpoint_session: `EndpointConfig.session`, one open session per endpoint and event loop, so
  the calls to the action server reuse kept-alive connections;
- event_types: `Event.resolve_by_type`, event classes indexed by type name;
- conversation_language: `ActionExtractSlots._execute_validation_action`, the conversation's
  language decided once per message, in the Rasa server (no call to the action server);
- session_expiry: `MessageProcessor._has_session_expired`, expiry of the sessions that
  transcripts/sessions.py starts;
- socketio_route: python-engineio's `BaseServer.generate_id`, socket.io session ids that start
  with the Rasa process's route, so that the nginx front of `make run` (web/front.py) sends a
  polling session's requests to the process holding it;
- websocket_receive: `WebsocketFrameAssembler.get` of Sanic 21.12 (Rasa's web server), a Task
  instead of a bare coroutine, so that WebSocket messages are received under Python 3.11 (the
  socket.io channel over WebSocket).

Nothing is installed on import. `install()` installs them all, and refuses (PatchMismatch) if
the installed Rasa's function differs from the one a patch was written against. Rasa runs with
them through `python -m rasa_patches <rasa arguments>` (rasa_patches/__main__.py), as `make run`,
`make shell`, `make test` and the tests' servers start it.
"""

from __future__ import annotations

from typing import Iterable

from rasa_patches import (
    action_call,
    action_failures,
    action_results,
    answer_first,
    conversation_language,
    endpoint_session,
    event_types,
    session_expiry,
    socketio_route,
    websocket_receive,
)
from rasa_patches.patching import Patch, PatchMismatch

PATCHES: tuple[Patch, ...] = (
    answer_first.PATCH,
    action_failures.PATCH,
    action_call.PATCH,
    action_results.PATCH,
    endpoint_session.PATCH,
    event_types.PATCH,
    conversation_language.PATCH,
    session_expiry.PATCH,
    socketio_route.PATCH,
    websocket_receive.PATCH,
)


def install(patches: Iterable[Patch] = PATCHES) -> list[Patch]:
    """Checks every patch against the installed Rasa, then installs them (again: no change).

    Raises PatchMismatch, installing none, if a patched Rasa function is not the one its patch
    was written against."""
    from rasa_patches.patching import install_all

    return install_all(patches)


def not_installed() -> list[str]:
    """The names of the patches this Rasa process runs without."""
    return [patch.name for patch in PATCHES if not patch.installed()]


UNPATCHED = (
    "Rasa was started without this project's patches (%s): the conversation's language will "
    "never change and messages will not be read as answers first. Start it with "
    "`python -m rasa_patches <rasa arguments>`, as `make run` does."
)

__all__ = ["PATCHES", "Patch", "PatchMismatch", "UNPATCHED", "install", "not_installed"]
