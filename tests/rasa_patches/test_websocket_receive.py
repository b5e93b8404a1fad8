"""Sanic's WebSocket receives messages under Python 3.11 (rasa_patches/websocket_receive.py): in
Sanic's own `recv` and `recv_burst`, and in a socket.io exchange over WebSocket with an in-process
Sanic app, as Rasa's socket.io channel serves it. Without the patch, each of them fails."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import json
import uuid
from types import SimpleNamespace
from typing import Callable

import pytest
import socketio
import websockets
from sanic import Sanic
from sanic.server.websockets.frame import WebsocketFrameAssembler
from sanic.server.websockets.impl import WebsocketImplProtocol
from sanic.touchup import TouchUp
from websockets.connection import OPEN
from websockets.frames import Frame, Opcode

import rasa_patches
from harness.servers import free_port
from rasa_patches import PatchMismatch, websocket_receive
from rasa_patches.patching import fingerprint

PATCH = websocket_receive.PATCH
TIMEOUT_S = 10


# What the patch was written against ------------------------------------------------------------


def test_sanics_get_and_its_callers_are_the_ones_the_patch_was_written_against():
    """Fails when a new Sanic changes them: read them and adapt (or drop) the patch."""
    assert fingerprint(PATCH.original()) == PATCH.original_sha256
    assert {attribute for _, attribute, _ in PATCH.callers_sha256} == {"recv", "recv_burst"}
    for owner, attribute, expected in PATCH.callers_sha256:
        assert fingerprint(getattr(owner, attribute)) == expected, attribute
    PATCH.check()


def test_a_changed_caller_refuses_and_installs_nothing(unpatched_afterwards):
    (owner, attribute, _), *others = PATCH.callers_sha256
    changed = dataclasses.replace(PATCH, callers_sha256=((owner, attribute, "0" * 64), *others))
    with pytest.raises(PatchMismatch) as refused:
        rasa_patches.install(
            [*(patch for patch in rasa_patches.PATCHES if patch is not PATCH), changed]
        )
    message = str(refused.value)
    assert "sanic.server.websockets.impl.WebsocketImplProtocol.recv" in message
    assert "rasa_patches/websocket_receive.py" in message and "0" * 64 in message
    assert not any(patch.installed() for patch in rasa_patches.PATCHES)


# Sanic's recv and recv_burst --------------------------------------------------------------------


async def receive_with_sanic() -> tuple[str | None, list[str]]:
    """One message through `recv`, then one through `recv_burst`, as frames put by the reader of
    the connection (no socket: the connection only has to be open)."""
    websocket = WebsocketImplProtocol(SimpleNamespace(state=OPEN))

    async def arrives(text: str) -> None:
        await websocket.assembler.put(Frame(Opcode.TEXT, text.encode()))

    first = asyncio.ensure_future(arrives("hello"))
    received = await asyncio.wait_for(websocket.recv(timeout=TIMEOUT_S), TIMEOUT_S)
    await first
    second = asyncio.ensure_future(arrives("again"))
    for _ in range(5):
        await asyncio.sleep(0)  # the frame is in; put() waits for it to be fetched
    burst = await asyncio.wait_for(websocket.recv_burst(), TIMEOUT_S)
    await asyncio.wait_for(second, TIMEOUT_S)
    return received, burst


def test_without_the_patch_sanic_receives_nothing_under_python_3_11(unpatched_afterwards):
    """The diagnosis: asyncio.wait refuses the bare coroutine of `get`, which is never awaited."""
    assert not PATCH.installed()

    async def refused() -> str:
        try:
            await receive_with_sanic()
        except TypeError as error:
            return str(error)
        return "received"

    with pytest.warns(RuntimeWarning, match="'WebsocketFrameAssembler.get' was never awaited"):
        outcome = asyncio.run(refused())
        gc.collect()
    assert "coroutines is forbidden" in outcome


def test_with_the_patch_recv_and_recv_burst_receive(unpatched_afterwards):
    rasa_patches.install()
    assert PATCH.installed() and WebsocketFrameAssembler.get is websocket_receive.get
    assert asyncio.run(receive_with_sanic()) == ("hello", ["again"])


def test_get_still_times_out_with_none(unpatched_afterwards):
    rasa_patches.install()

    async def nothing_comes():
        assembler = WebsocketImplProtocol(SimpleNamespace(state=OPEN)).assembler
        waiting = assembler.get(0.05)
        assert isinstance(waiting, asyncio.Task)
        return await waiting, await assembler.get(0)

    assert asyncio.run(nothing_comes()) == (None, None)


# socket.io over WebSocket, served by Sanic as Rasa serves it ------------------------------------


@pytest.fixture
def sanic_app(monkeypatch):
    """A Sanic app, and Sanic's classes as before afterwards. Starting an app rewrites methods of
    Sanic's classes in place (TouchUp), and a second start in one process fails on the rewritten
    ones; in test mode TouchUp works from copies of the originals, which are put back here."""
    monkeypatch.setattr(Sanic, "test_mode", True)
    monkeypatch.setattr(Sanic, "_app_registry", {})
    for target, name in TouchUp._registry:
        method = getattr(target, f"_{name}", None) or getattr(target, name)
        monkeypatch.setattr(target, name, method)
        monkeypatch.setattr(target, f"_{name}", method, raising=False)
        monkeypatch.setattr(target, "__touched__", False, raising=False)
    return Sanic(f"websocket-receive-{uuid.uuid4().hex[:8]}")


async def socketio_over_websocket(app: Sanic, before_second: Callable[[], None]) -> list[list[str]]:
    """Two socket.io clients on WebSocket only, one after the other (engine.io protocol 4, by
    hand with the `websockets` library): each connects, sends one event and reads the answer.
    Returns the packets each received, "closed: ..." when the connection ended first."""
    sio = socketio.AsyncServer(async_mode="sanic", cors_allowed_origins=[])
    sio.attach(app, "/socket.io")  # as rasa.core.channels.socketio.SocketBlueprint does

    @sio.on("user_uttered")
    async def echo(sid, data):
        await sio.emit("bot_uttered", {"text": f"you said {data['message']}"}, room=sid)

    port = free_port()
    server = await app.create_server(
        host="127.0.0.1", port=port, return_asyncio_server=True, access_log=False
    )  # listening
    await server.startup()
    url = f"ws://127.0.0.1:{port}/socket.io/?EIO=4&transport=websocket"
    exchanges: list[list[str]] = []
    try:
        for step in ("first", "second"):
            if step == "second":
                before_second()
            received: list[str] = []
            exchanges.append(received)
            try:
                async with websockets.connect(url, open_timeout=TIMEOUT_S) as client:
                    received.append(await asyncio.wait_for(client.recv(), TIMEOUT_S))  # OPEN
                    await client.send("40")  # socket.io CONNECT, default namespace
                    received.append(await asyncio.wait_for(client.recv(), TIMEOUT_S))
                    await client.send("42" + json.dumps(["user_uttered", {"message": "bonjour"}]))
                    received.append(await asyncio.wait_for(client.recv(), TIMEOUT_S))
            except (websockets.ConnectionClosed, asyncio.TimeoutError) as closed:
                received.append(f"closed: {closed!r}")
    finally:
        await sio.eio.shutdown()  # python-socketio 5.8 has no AsyncServer.shutdown
        server.close()
        await server.wait_closed()
    return exchanges


def test_a_socketio_client_on_websocket_is_answered_with_the_patch_only(
    unpatched_afterwards, sanic_app
):
    """One server, one client without the patch (the bug as Rasa's server showed it), one with."""
    assert not PATCH.installed()
    with pytest.warns(RuntimeWarning, match="'WebsocketFrameAssembler.get' was never awaited"):
        without, with_patch = asyncio.run(socketio_over_websocket(sanic_app, rasa_patches.install))
        gc.collect()

    assert without[0].startswith("0{")  # the handshake works, then the server receives nothing
    assert without[-1].startswith("closed:"), without

    opened, connected, answer = with_patch
    assert opened.startswith("0{") and '"sid"' in opened
    assert connected.startswith("40{")
    assert answer.startswith("42")  # socket.io EVENT
    assert json.loads(answer[2:]) == ["bot_uttered", {"text": "you said bonjour"}]
