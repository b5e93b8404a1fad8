"""Socket.io session ids start with the route of the Rasa process that made them, when it has one."""

import pytest
from engineio.base_server import BaseServer

from rasa_patches import socketio_route


@pytest.fixture
def patched(unpatched_afterwards):
    socketio_route.PATCH.install()


def test_an_id_names_the_route_of_its_process(patched, monkeypatch):
    monkeypatch.setenv("SOCKETIO_ROUTE", "2")
    server = BaseServer()
    ids = {server.generate_id() for _ in range(50)}
    assert len(ids) == 50 and all(i.startswith("2.") and len(i) > 12 for i in ids)


def test_without_a_route_the_id_is_python_engineio_own(patched, monkeypatch):
    monkeypatch.delenv("SOCKETIO_ROUTE", raising=False)
    assert "." not in BaseServer().generate_id()


@pytest.mark.parametrize("wrong", ["a", "1.2", "1234", "1;"])
def test_a_route_that_could_not_be_routed_on_is_refused(patched, monkeypatch, wrong):
    monkeypatch.setenv("SOCKETIO_ROUTE", wrong)
    with pytest.raises(ValueError):
        BaseServer().generate_id()
