"""`python -m web`: the CAPTCHA routes alone, as `make shell` runs them (no page, no summaries)."""

import os
import subprocess
import sys
import time

import pytest
import requests

from account.service import AccountService
from account.settings import PROJECT_ROOT, Settings
from harness.servers import free_port

pytestmark = pytest.mark.servers


def test_standalone_routes_serve_captchas_and_refuse_unknown_ids(tmp_path):
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'a.db'}", summary_dir=tmp_path / "s")
    challenge = AccountService(settings).captcha.new_challenge()
    port = free_port()
    env = {
        **os.environ,
        "DATABASE_URL": settings.database_url,
        "SUMMARY_DIR": str(settings.summary_dir),
    }
    server = subprocess.Popen(
        [sys.executable, "-m", "web", str(port)],
        cwd=PROJECT_ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}/webhooks/web"
    try:
        for _ in range(60):
            try:
                requests.get(base + "/summary/x", timeout=1)
                break
            except requests.ConnectionError:
                time.sleep(0.5)
        image = requests.get(f"{base}/captcha/{challenge}/image.png", timeout=10)
        assert image.status_code == 200 and image.content.startswith(b"\x89PNG")
        assert requests.get(f"{base}/captcha/unknown/image.png", timeout=10).status_code == 404
        assert requests.get(f"{base}/summary/{'A' * 43}", timeout=10).status_code == 404
        assert requests.get(f"{base}/", timeout=10).status_code == 404
    finally:
        server.terminate()
        server.wait(timeout=20)
