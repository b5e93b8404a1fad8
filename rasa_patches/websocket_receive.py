"""WebSocket messages reach the Rasa server again: Sanic's receive, fixed for Python 3.11.

Sanic 21.12, which Rasa 3.6 pins, waits for the next WebSocket message with
`asyncio.wait((self.recv_cancel, self.assembler.get(timeout)), ...)` in
`WebsocketImplProtocol.recv` and `recv_burst`: a bare coroutine among the awaitables, which
`asyncio.wait` wrapped in a Task up to Python 3.10 and refuses since 3.11 (TypeError, and the
server logs "coroutine 'WebsocketFrameAssembler.get' was never awaited"). Every receive failed, so
python-engineio's WebSocket transport gave up at once: a socket.io client on WebSocket never got an
answer, and a browser upgrading from long polling read Sanic's error response as a broken frame
("Invalid frame header").

`WebsocketFrameAssembler.get` now returns a Task running Sanic's own coroutine, which both `await`
and `asyncio.wait` accept: what `asyncio.wait` made of the coroutine up to Python 3.10. Its two
callers are fingerprinted too (`check`): the fix is only right while they pass `get()`'s result
to `asyncio.wait` or await it, as Sanic 21.12.2's do.
"""

from __future__ import annotations

import asyncio
import inspect
from dataclasses import dataclass

import rasa
import sanic
from sanic.server.websockets.frame import WebsocketFrameAssembler
from sanic.server.websockets.impl import WebsocketImplProtocol

from rasa_patches.patching import Patch, PatchMismatch, fingerprint


def get(self: WebsocketFrameAssembler, timeout: float | None = None) -> asyncio.Task:
    """Sanic's `get` (the next message, or None after `timeout`), as a Task."""
    return asyncio.ensure_future(PATCH.original()(self, timeout))


@dataclass(frozen=True)
class CheckedCallersPatch(Patch):
    """A patch that also depends on the source of functions calling the one it replaces."""

    callers_sha256: tuple[tuple[type, str, str], ...] = ()  # (class, attribute, fingerprint)

    def check(self) -> None:
        super().check()
        for owner, attribute, expected in self.callers_sha256:
            found = fingerprint(inspect.getattr_static(owner, attribute))
            if found != expected:
                raise PatchMismatch(
                    f"rasa_patches.{self.name} replaces {self.target} for its caller "
                    f"{owner.__module__}.{owner.__qualname__}.{attribute}, written against Rasa "
                    f"{self.rasa_version} (source sha256 {expected}), but the installed Sanic "
                    f"{sanic.__version__} (Rasa {rasa.__version__}) has another version of it "
                    f"(sha256 {found}). Read the new source, adapt or drop "
                    f"rasa_patches/{self.name}.py, then record the new fingerprints in it."
                )


PATCH = CheckedCallersPatch(
    name="websocket_receive",
    owner=WebsocketFrameAssembler,
    attribute="get",
    replacement=get,
    why=__doc__,
    rasa_version="3.6.21 (sanic 21.12.2)",
    original_sha256="fb0b82e6aecd9520b803b1af5fe62d4749209ed490dabc79a3b43ab6cdda10e4",
    callers_sha256=(
        (
            WebsocketImplProtocol,
            "recv",
            "7e24981d29951740e5e1e41532b9b2b0f73d0735967ef4e0bbd8a14fe08a0cac",
        ),
        (
            WebsocketImplProtocol,
            "recv_burst",
            "e86bcebdbe2b6b2d8132d5e4eed08c6665077e0204f3cca43a8025d476d5902b",
        ),
    ),
)
