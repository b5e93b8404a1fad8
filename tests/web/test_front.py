"""nginx's configuration for `make run`'s front (web/front.py): a session id goes to its process."""

import re
import shutil
import subprocess

import pytest

from web.front import nginx_config


def test_each_route_goes_to_its_process_and_the_rest_to_any(tmp_path):
    config = nginx_config(5005, [41001, 41002, 41003], tmp_path)
    routes = dict(re.findall(r"~\^(\d+)\\\. (rasa_\d+);", config))
    assert routes == {"1": "rasa_1", "2": "rasa_2", "3": "rasa_3"}
    for route, port in (("1", 41001), ("2", 41002), ("3", 41003)):
        assert f"upstream rasa_{route} {{ server 127.0.0.1:{port};" in config
    assert "default rasa_any;" in config and "least_conn;" in config
    assert "listen 5005;" in config
    # The original Host reaches Rasa in both locations (socket.io's origin check compares it).
    assert config.count("proxy_set_header Host $http_host;") == 2


@pytest.mark.servers
def test_nginx_accepts_the_configuration(tmp_path):
    config = tmp_path / "nginx.conf"
    config.write_text(nginx_config(5005, [41001, 41002], tmp_path))
    nginx = shutil.which("nginx") or "/usr/sbin/nginx"
    checked = subprocess.run(
        [nginx, "-t", "-e", str(tmp_path / "error.log"), "-c", str(config)],
        capture_output=True,
        text=True,
    )
    assert checked.returncode == 0, checked.stderr
