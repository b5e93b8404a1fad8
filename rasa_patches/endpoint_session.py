"""Calls to the action server reuse open connections instead of opening one per call.

Rasa 3.6's `EndpointConfig.request` runs `async with self.session()`, and `session()` builds a
new aiohttp ClientSession, with its own connection pool, for every request: each of the two or
three calls to the action server in a form turn set up a session, opened a TCP connection, and
the action server accepted and set up a new connection too. `EndpointConfig.session` is replaced:
inside a running event loop it lends the loop's open session for that endpoint (same headers,
authentication and timeout as Rasa's), which `async with` leaves open, so its connections are
kept alive between calls. Idle connections are dropped by this side after 2 s, before Sanic
(the action server) drops them after its 5 s, so a call never goes out on a connection the
server is closing. Outside an event loop Rasa's own session is returned.
"""

from __future__ import annotations

import asyncio
import weakref

import aiohttp
from rasa.utils.endpoints import DEFAULT_REQUEST_TIMEOUT, EndpointConfig

from rasa_patches.patching import Patch

# Under Sanic's KEEP_ALIVE_TIMEOUT (5 s), which the action server (rasa_sdk) runs with.
IDLE_CONNECTION_SECONDS = 2.0

# The open session of each endpoint (by what configures it), for each running event loop.
_sessions: weakref.WeakKeyDictionary[asyncio.AbstractEventLoop, dict] = weakref.WeakKeyDictionary()


class _Lent:
    """What `async with endpoint.session() as session` gets: the open session, left open."""

    def __init__(self, session: aiohttp.ClientSession) -> None:
        self.session = session

    async def __aenter__(self) -> aiohttp.ClientSession:
        return self.session

    async def __aexit__(self, *_exception) -> None:
        return None


def _new_session(endpoint: EndpointConfig) -> aiohttp.ClientSession:
    """A session configured as Rasa's `EndpointConfig.session` configures one."""
    auth = (
        aiohttp.BasicAuth(endpoint.basic_auth["username"], endpoint.basic_auth["password"])
        if endpoint.basic_auth
        else None
    )
    return aiohttp.ClientSession(
        headers=endpoint.headers,
        auth=auth,
        timeout=aiohttp.ClientTimeout(total=DEFAULT_REQUEST_TIMEOUT),
        connector=aiohttp.TCPConnector(keepalive_timeout=IDLE_CONNECTION_SECONDS),
    )


def session(self: EndpointConfig):
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        return PATCH.original()(self)
    key = (self.url, repr(sorted((self.headers or {}).items())), repr(self.basic_auth))
    sessions = _sessions.setdefault(loop, {})
    if key not in sessions or sessions[key].closed:
        sessions[key] = _new_session(self)
    return _Lent(sessions[key])


PATCH = Patch(
    name="endpoint_session",
    owner=EndpointConfig,
    attribute="session",
    replacement=session,
    why=__doc__,
    rasa_version="3.6.21",
    original_sha256="e55aa13d9d4fb4bc440ac33b870a97ee162b76dda7ccb6bf68433567475fdffb",
)
