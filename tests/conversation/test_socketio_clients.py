"""Any socket.io client, on WebSocket or on long polling alone, registers and activates an account
through the real Rasa server's socket.io channel (credentials.yml: `user_uttered` / `bot_uttered`,
session persistence). The client is the socket.io-client library the web chat uses, run by Node
(tests/conversation/socketio_client.js), with one transport only and no fallback: the WebSocket
run fails without rasa_patches/websocket_receive.py."""

from __future__ import annotations

import json
import queue
import re
import shutil
import subprocess
import threading
import time
import uuid
from pathlib import Path

import pytest

from account.settings import PROJECT_ROOT
from harness.dialogue import PASSWORD
from harness.servers import MAKE_RUN_WORKERS, Assistant, running
from tests.conftest import activation_code_in, read_messages

pytestmark = pytest.mark.servers

CLIENT = Path(__file__).with_name("socketio_client.js")
NODE = shutil.which("node") or "node"
REPLY_TIMEOUT_S = 90
QUIET_S = 0.5  # the rest of a turn's messages follow the expected one within this time


class SocketIOClient:
    """The Node client, driven line by line: what it prints arrives as events in a queue."""

    def __init__(self, url: str, transport: str, log: Path):
        self.session_id = uuid.uuid4().hex
        self.log = log
        self.seen: list[dict] = []  # every event, in order
        self._waited_for: set[int] = set()  # indexes in `seen`
        self._events: queue.Queue = queue.Queue()
        self.process = subprocess.Popen(
            [NODE, str(CLIENT), url, transport, self.session_id],
            cwd=PROJECT_ROOT,
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            stderr=log.open("w"),
            text=True,
            encoding="utf-8",
        )
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self._events.put(json.loads(line))
        self._events.put(None)  # the client exited

    def _next(self, timeout: float) -> dict | None:
        """The next event, or None if none came within `timeout`."""
        try:
            event = self._events.get(timeout=max(timeout, 0))
        except queue.Empty:
            return None
        if event is None:
            raise AssertionError(f"the client exited: {self._story()}")
        self.seen.append(event)
        if event["event"] in ("connect_error", "disconnect"):
            raise AssertionError(f"connection failed: {self._story()}")
        return event

    def _story(self) -> str:
        return f"{self.seen[-8:]}\nnode: {self.log.read_text()[-2000:]}"

    def wait_for(self, kind: str) -> dict:
        """The first event of that kind not waited for yet (it may have come already)."""
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while True:
            for index, event in enumerate(self.seen):
                if event["event"] == kind and index not in self._waited_for:
                    self._waited_for.add(index)
                    return event
            if self._next(deadline - time.monotonic()) is None:
                raise AssertionError(f"no {kind} within {REPLY_TIMEOUT_S} s: {self._story()}")

    def connect(self) -> str:
        """The transport the connection opened on, once the session is confirmed."""
        opened = self.wait_for("open")
        self.wait_for("connect")
        assert self.wait_for("session_confirm")["session_id"] == self.session_id
        return opened["transport"]

    def say(self, text: str, expected: str) -> str:
        """Sends `text`; returns the text of the replies, up to one containing `expected` and
        whatever else of the turn follows it closely."""
        self.process.stdin.write(json.dumps({"message": text, "metadata": {"language": "fr"}}))
        self.process.stdin.write("\n")
        self.process.stdin.flush()
        texts: list[str] = []
        deadline = time.monotonic() + REPLY_TIMEOUT_S
        while not any(expected in said for said in texts):
            event = self._next(deadline - time.monotonic())
            if event is None:
                raise AssertionError(f"{expected!r} not answered to {text!r}: {texts}")
            if event["event"] == "bot_uttered":
                texts.append(event["message"].get("text", ""))
        while (event := self._next(QUIET_S)) is not None:
            if event["event"] == "bot_uttered":
                texts.append(event["message"].get("text", ""))
        return "\n".join(texts)

    def close(self) -> str:
        """Ends the input; returns the transport the connection was on at the end."""
        self.process.stdin.close()
        transport = self.wait_for("closed")["transport"]
        self.process.wait(timeout=20)
        return transport

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait()


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    # The layout `make run` starts: several Rasa processes behind the nginx front (web/front.py).
    with running(
        tmp_path_factory.mktemp("socketio-clients"),
        captcha_enabled=False,
        workers=MAKE_RUN_WORKERS,
    ) as servers:
        yield servers


PEOPLE = {
    "websocket": (
        "jean.websocket@exemple.fr",
        "Jean Dupont, 01 23 45 67 89, 5 avenue Foch 69006 Lyon",
        "DUPONT",
    ),
    "polling": (
        "lila.polling@exemple.fr",
        "Lila Rosemonde, 01 23 45 67 89, 12 rue de Longchamp 75016 Paris",
        "ROSEMONDE",
    ),
}


@pytest.mark.parametrize("transport", ["websocket", "polling"])
def test_registration_and_activation_with_one_transport(
    assistant: Assistant, transport: str, tmp_path: Path
):
    email, details, surname = PEOPLE[transport]
    client = SocketIOClient(assistant.base_url, transport, tmp_path / "node.log")
    try:
        assert client.connect() == transport
        client.say("Je veux créer mon espace professionnel", "Étape 1 : les conditions générales")
        client.say("oui j'accepte", "Étape 2 : vos identifiants")
        client.say(email, "Confirmez l'adresse électronique")
        client.say(email, "Choisissez votre mot de passe")
        client.say(PASSWORD, "Confirmez votre mot de passe")
        client.say(PASSWORD, "Quel est votre nom")
        client.say(details, "Choisissez votre question de confiance")
        client.say("1", "Votre réponse à la question")
        summary = client.say("Bibi", "Récapitulatif de votre inscription")
        assert f"Nom : {surname}" in summary and "Quel est votre surnom ?" in summary
        client.say("valider", "Le code d'activation vient d'être envoyé")
        code = activation_code_in(
            [mail for mail in read_messages(assistant.outbox) if mail["To"] == email][-1]
        )
        client.say("j'ai mon code d'activation", "Saisissez le code d'activation")
        client.say(code, "Saisissez votre adresse électronique de connexion")
        done = client.say(email, "sous le numéro")
        assert re.search(r"sous le numéro \d{14}\b", done), done
        assert client.close() == transport  # the whole conversation on that transport
    finally:
        client.stop()
    assert not [e for e in client.seen if e["event"] == "upgrade"]
    assert "was never awaited" not in assistant.log("rasa")


def test_a_client_with_socketio_defaults_upgrades_from_polling_to_websocket(assistant, tmp_path):
    """socket.io's default: long polling first, then an upgrade to WebSocket (the upgrade that
    browsers saw fail with "Invalid frame header")."""
    client = SocketIOClient(assistant.base_url, "polling,websocket", tmp_path / "node.log")
    try:
        assert client.connect() == "polling"
        assert client.wait_for("upgrade")["transport"] == "websocket"
        client.say("Je veux créer mon espace professionnel", "Étape 1 : les conditions générales")
        client.say("oui j'accepte", "Étape 2 : vos identifiants")
        assert client.close() == "websocket"
    finally:
        client.stop()
