"""The fuzz run of tests/conversation/test_fuzz.py on the socket.io channel, as `make run` serves
it (several Rasa processes behind the nginx front): whole registrations over WebSocket and over
long polling, each with bursts of hostile messages at 3 of its steps; then, on live connections,
malformed events and payloads, and raw garbage in engine.io's polling requests and WebSocket
frames. Every well-formed message gets a message back (no internal detail), anything else gets
silence or a clean disconnect, every registration completes and the server keeps serving.

The counts are written to results/fuzz-socketio-summary.json.
"""

from __future__ import annotations

import asyncio
import json
import threading
from concurrent.futures import ThreadPoolExecutor

import aiohttp
import pytest
import requests
import socketio

from account.settings import PROJECT_ROOT
from harness.servers import MAKE_RUN_WORKERS, running
from tests.conversation.test_fuzz import LEAKS, Run, converse

pytestmark = pytest.mark.servers

# python-engineio 4.15's asyncio client gives aiohttp's ws_connect an aiohttp.ClientWSTimeout
# (aiohttp 3.10 and later); Rasa pins aiohttp 3.9, whose ws_connect takes the close timeout as a
# number. The test's own client only (the server side is not concerned).
if not hasattr(aiohttp, "ClientWSTimeout"):
    aiohttp.ClientWSTimeout = lambda ws_close=10.0, **_: ws_close

CONVERSATIONS = 24  # half over WebSocket, half over long polling
FIRST_ANSWER_S = 90
QUIET_S = 0.6  # the rest of a turn's messages follow the first within this time
MALFORMED = [
    ("user_uttered", None),
    ("user_uttered", 42),
    ("user_uttered", "bonjour"),
    ("user_uttered", ["bonjour"]),
    ("user_uttered", {"message": 5, "session_id": "x"}),
    ("user_uttered", {"message": "bonjour"}),
    ("user_uttered", {"message": "bonjour", "session_id": None}),
    ("user_uttered", {"message": "bonjour", "session_id": {"a": 1}}),
    ("user_uttered", {"message": "bonjour", "session_id": "s" * 10_000}),
    ("user_uttered", {"message": None, "session_id": "fuzz-malformed"}),
    ("user_uttered", {"message": "bonjour", "session_id": "fuzz-malformed", "metadata": '{"a":'}),
    ("user_uttered", {"message": "bonjour", "session_id": "fuzz-malformed", "metadata": [1]}),
    ("session_request", 42),
    ("session_request", "text"),
    ("session_request", {"session_id": ["x"]}),
    ("unknown_event", {"message": "bonjour"}),
    ("bot_uttered", {"text": "forged"}),
]
GARBAGE_POLLING = [
    b"",
    b"garbage",
    b"4",
    b"42[",
    b'42["user_uttered",',
    b"\xff\xfe\xfd",
    b"9" * 5000,
]
GARBAGE_FRAMES = ["", "garbage", "4", "42[", '42["user_uttered", {"message": 1}]', "2probe" * 1000]


class Loop:
    """One event loop in a thread, for the asynchronous socket.io clients of all conversations."""

    def __init__(self):
        self.loop = asyncio.new_event_loop()
        threading.Thread(target=self.loop.run_forever, daemon=True).start()

    def run(self, coroutine, timeout: float = FIRST_ANSWER_S + 30):
        return asyncio.run_coroutine_threadsafe(coroutine, self.loop).result(timeout)

    def stop(self):
        self.loop.call_soon_threadsafe(self.loop.stop)


class Client:
    """One conversation's socket.io connection (python-socketio's client, one transport)."""

    def __init__(self, url: str, sender: str, transport: str):
        self.url, self.sender, self.transport = url, sender, transport
        self.client = socketio.AsyncClient(reconnection=False)
        self.messages: asyncio.Queue = asyncio.Queue()
        self.disconnected = False
        self.client.on("bot_uttered", self.messages.put_nowait)
        self.client.on("disconnect", self._on_disconnect)

    def _on_disconnect(self):
        self.disconnected = True

    async def connect(self) -> None:
        confirmed = asyncio.get_running_loop().create_future()
        self.client.on("session_confirm", lambda s: confirmed.done() or confirmed.set_result(s))
        await self.client.connect(self.url, transports=[self.transport], wait_timeout=30)
        await self.client.emit("session_request", {"session_id": self.sender})
        await asyncio.wait_for(confirmed, 30)

    async def say(self, text: str) -> list[dict]:
        """The assistant's messages for one turn (none if nothing came)."""
        while not self.messages.empty():
            self.messages.get_nowait()
        await self.client.emit("user_uttered", {"message": text, "session_id": self.sender})
        return await self.answers(FIRST_ANSWER_S)

    async def answers(self, first_within: float) -> list[dict]:
        answers = []
        try:
            answers.append(await asyncio.wait_for(self.messages.get(), first_within))
            while True:
                answers.append(await asyncio.wait_for(self.messages.get(), QUIET_S))
        except asyncio.TimeoutError:
            return answers


class SocketIORun(Run):
    """The REST fuzz run's conversations, each message sent over its own socket.io client."""

    def __init__(self, assistant, loop: Loop):
        super().__init__(assistant)
        self.loop = loop
        self.clients: dict[str, Client] = {}
        self.lock = threading.Lock()

    def client(self, sender: str) -> Client:
        with self.lock:
            if sender not in self.clients:
                transport = "websocket" if int(sender.rsplit("-", 1)[1]) % 2 else "polling"
                self.clients[sender] = Client(self.assistant.base_url, sender, transport)
                self.loop.run(self.clients[sender].connect())
            return self.clients[sender]

    def say(self, sender: str, text: str, kind: str) -> list[dict] | None:
        self.sent[kind] += 1
        client = self.client(sender)
        try:
            messages = self.loop.run(client.say(text))
        except Exception as error:  # noqa: BLE001 (recorded as a failure)
            self.fail("the connection failed", f"{client.transport} {text[:80]!r}: {error!r}")
            return None
        if client.disconnected:
            self.fail("disconnected by a well-formed message", f"{text[:80]!r}")
            return None
        shown = "\n".join(m.get("text", "") for m in messages)
        if not shown.strip():
            self.fail("no message in the answer", f"{client.transport} {text[:80]!r}")
        for leak in LEAKS:
            if leak in shown:
                self.fail(f"internal detail shown: {leak}", f"{text[:80]!r} -> {shown[:200]!r}")
        return messages


async def malformed_round(client: Client, run: SocketIORun) -> None:
    """Malformed events on a live connection: silence or a clean disconnect, then it still
    answers (reconnected if it was disconnected)."""
    for event, data in MALFORMED:
        run.sent["malformed event"] += 1
        if not client.disconnected:
            await client.client.emit(event, data)
    await asyncio.sleep(1)
    while not client.messages.empty():
        message = client.messages.get_nowait()
        if any(leak in message.get("text", "") for leak in LEAKS):
            run.fail("internal detail shown after a malformed event", str(message)[:200])
    if client.disconnected:
        client.__init__(client.url, client.sender, client.transport)
        await client.connect()
    if not await client.say("Bonjour"):
        run.fail("no answer after malformed events", client.transport)


async def garbage_frames(url: str, run: SocketIORun) -> None:
    """WebSocket frames that are not engine.io packets: the server closes or ignores them."""
    ws_url = url.replace("http", "ws", 1) + "/socket.io/?EIO=4&transport=websocket"
    async with aiohttp.ClientSession() as session:
        for frame in GARBAGE_FRAMES:
            run.sent["garbage frame"] += 1
            async with session.ws_connect(ws_url) as ws:
                await ws.receive(timeout=10)  # the open packet
                await ws.send_str(frame)
                try:
                    await ws.receive(timeout=3)
                except asyncio.TimeoutError:
                    pass


def garbage_polling(url: str, run: SocketIORun) -> None:
    """Polling requests whose body is not engine.io's: 4xx, never 5xx."""
    opened = requests.get(f"{url}/socket.io/?EIO=4&transport=polling", timeout=30)
    sid = json.loads(opened.text[1:])["sid"]
    for body in GARBAGE_POLLING:
        run.sent["garbage polling body"] += 1
        answer = requests.post(
            f"{url}/socket.io/?EIO=4&transport=polling&sid={sid}", data=body, timeout=30
        )
        if answer.status_code >= 500:
            run.fail(f"HTTP {answer.status_code} for a garbage polling body", repr(body[:40]))


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(
        tmp_path_factory.mktemp("fuzz-socketio"), captcha_enabled=False, workers=MAKE_RUN_WORKERS
    ) as servers:
        yield servers


@pytest.mark.fuzz
def test_fuzz_the_socketio_channel(assistant):
    loop = Loop()
    run = SocketIORun(assistant, loop)
    try:
        with ThreadPoolExecutor(max_workers=6) as pool:
            list(pool.map(lambda n: converse(run, n), range(CONVERSATIONS)))
        for client in list(run.clients.values())[:6]:
            loop.run(malformed_round(client, run))
        loop.run(garbage_frames(assistant.base_url, run))
        garbage_polling(assistant.base_url, run)
        # The server still serves both transports.
        for transport in ("websocket", "polling"):
            fresh = Client(assistant.base_url, f"fuzz-after-{transport}", transport)
            loop.run(fresh.connect())
            greeting = loop.run(fresh.say("Bonjour"))
            assert "Je peux vous expliquer la démarche" in greeting[0]["text"], transport
        for client in run.clients.values():
            if client.client.connected:
                loop.run(client.client.disconnect())
    finally:
        loop.stop()
    summary = {
        "messages": sum(run.sent.values()),
        "by kind": dict(run.sent),
        "failure kinds": {kind: len(details) for kind, details in run.failures.items()},
        "examples": {kind: details[:5] for kind, details in run.failures.items()},
    }
    results = PROJECT_ROOT / "results"
    results.mkdir(exist_ok=True)
    (results / "fuzz-socketio-summary.json").write_text(
        json.dumps(summary, indent=2, ensure_ascii=False)
    )
    assert summary["messages"] >= 1_000
    assert "socket.io: a message that cannot be read was ignored" in assistant.log("rasa")
    # Rasa's channel handlers never raised (python-socketio itself logs the garbage packets it
    # cannot decode, and closes those connections: that is the clean disconnect).
    log = assistant.log("rasa")
    assert "rasa/core/channels/socketio.py" not in log, log[-3000:]
    assert not run.failures, json.dumps(summary["examples"], indent=1, ensure_ascii=False)
