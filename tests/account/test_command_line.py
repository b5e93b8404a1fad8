"""`python -m account`: prepare the database, purge, list and show registrations and accounts."""

import subprocess
import sys

from account.settings import PROJECT_ROOT


def run(args, tmp_path):
    env = {
        "DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
        "MAIL_OUTBOX_DIR": str(tmp_path / "out"),
        "PATH": "/usr/bin:/bin",
    }
    return subprocess.run(
        [sys.executable, "-m", "account", *args],
        cwd=PROJECT_ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_init_then_purge(tmp_path):
    first = run(["init"], tmp_path)
    assert first.returncode == 0, first.stderr
    assert "schema created by the migrations" in first.stdout
    assert "4 certificate account(s) added" in first.stdout
    again = run(["init"], tmp_path).stdout
    assert "schema up to date" in again and "0 certificate account(s) added" in again
    endpoints = tmp_path / "endpoints.yml"  # a tracker store of its own, in a folder not made yet
    endpoints.write_text(f"tracker_store:\n  dialect: sqlite\n  db: {tmp_path / 'new' / 't.db'}\n")
    purge = run(["purge", "--endpoints", str(endpoints)], tmp_path)
    assert purge.returncode == 0, purge.stderr
    assert "0 pre-registration(s) expired" in purge.stdout
    assert "0 conversation(s) older than 30 days deleted" in purge.stdout


def test_unknown_command_is_a_usage_error(tmp_path):
    result = run(["explode"], tmp_path)
    assert result.returncode == 2 and "usage" in result.stderr


def test_list_and_show_without_any_secret(tmp_path, make_form):
    from account.credentials import activation_code_hash
    from account.service import AccountService
    from account.settings import Settings
    from tests.conftest import activation_code_in, read_messages

    settings = Settings(
        database_url=f"sqlite:///{tmp_path / 'cli.db'}", mail_outbox_dir=tmp_path / "out"
    )
    service = AccountService(settings)
    form = make_form()
    service.pre_register(form)
    service.pre_register(
        make_form(email="ann.smith@example.co.uk", surname="Smith", first_name="Ann")
    )
    codes = {m["To"]: activation_code_in(m) for m in read_messages(settings.mail_outbox_dir)}
    account = service.activate(codes["lila.rosemonde@orange.fr"], "lila.rosemonde@orange.fr")

    outputs = {
        "registrations": run(["registrations"], tmp_path),
        "pending": run(["registrations", "--status", "pending"], tmp_path),
        "registration": run(["registration", "ANN.SMITH@example.co.uk"], tmp_path),
        "accounts": run(["accounts"], tmp_path),
        "account by number": run(["account", account.subscriber_number], tmp_path),
        "account by e-mail": run(["account", "lila.rosemonde@orange.fr"], tmp_path),
    }
    for name, result in outputs.items():
        assert result.returncode == 0, (name, result.stderr)
    assert "2 pre-registration(s)" in outputs["registrations"].stdout
    assert (
        "activated" in outputs["registrations"].stdout
        and "(data purged)" in outputs["registrations"].stdout
    )
    assert (
        "1 pre-registration(s)" in outputs["pending"].stdout
        and "Ann SMITH" in outputs["pending"].stdout
    )
    assert (
        "surname: SMITH" in outputs["registration"].stdout
        and "status: pending" in outputs["registration"].stdout
    )
    assert (
        account.subscriber_number in outputs["accounts"].stdout
        and "1 account(s)" in outputs["accounts"].stdout
    )
    for name in ("account by number", "account by e-mail"):
        shown = outputs[name].stdout
        assert f"subscriber number: {account.subscriber_number}" in shown
        assert "trust_answer: Paul" in shown and "city: Paris" in shown

    everything = "".join(r.stdout + r.stderr for r in outputs.values())
    assert "$argon2" not in everything and form.password_hash not in everything
    for code in codes.values():
        assert code not in everything and activation_code_hash(code) not in everything

    missing = run(["account", "nobody@example.com"], tmp_path)
    assert missing.returncode == 1 and "no account" in missing.stderr
