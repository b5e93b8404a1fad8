"""`python -m bot`: prepare the database, purge overdue pre-registrations."""
import subprocess
import sys

from bot.settings import PROJECT_ROOT


def run(args, tmp_path):
    env = {"DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}", "MAIL_OUTBOX_DIR": str(tmp_path / "out"),
           "PATH": "/usr/bin:/bin"}
    return subprocess.run([sys.executable, "-m", "bot", *args], cwd=PROJECT_ROOT, env=env,
                          capture_output=True, text=True, timeout=60)


def test_init_then_purge(tmp_path):
    first = run(["init"], tmp_path)
    assert first.returncode == 0, first.stderr
    assert "4 certificate account(s) added" in first.stdout
    assert "0 certificate account(s) added" in run(["init"], tmp_path).stdout
    purge = run(["purge"], tmp_path)
    assert purge.returncode == 0 and "0 pre-registration(s) expired" in purge.stdout


def test_unknown_command_is_a_usage_error(tmp_path):
    result = run(["explode"], tmp_path)
    assert result.returncode == 2 and "usage" in result.stderr
