"""Settings: embedded defaults, environment, optional .env file."""

from pathlib import Path

from bot.settings import PROJECT_ROOT, Settings

SETTING_NAMES = (
    "DATABASE_URL",
    "MAIL_BACKEND",
    "MAIL_OUTBOX_DIR",
    "MAIL_FROM",
    "SMTP_HOST",
    "SMTP_PORT",
    "SMTP_USER",
    "SMTP_PASSWORD",
    "SMTP_STARTTLS",
    "ACTIVATION_TTL_HOURS",
    "CAPTCHA_ENABLED",
    "CAPTCHA_TTL_MINUTES",
    "TIME_ZONE",
    "CERTIFICATE_ACCOUNTS_CSV",
    "PUBLIC_BASE_URL",
    "SUMMARY_DIR",
    "SUMMARY_LINK_TTL_MINUTES",
    "PRE_REGISTRATIONS_PER_CONVERSATION_HOUR",
)


def clear(monkeypatch):
    for name in SETTING_NAMES:
        monkeypatch.delenv(name, raising=False)


def test_embedded_defaults(monkeypatch, tmp_path):
    clear(monkeypatch)
    settings = Settings.from_environment(tmp_path / "absent.env")
    assert settings.database_url == "sqlite:///var/accounts.db"
    assert settings.mail_backend == "file" and settings.mail_outbox_dir == Path("var/outbox")
    assert settings.activation_ttl_hours == 48 and settings.captcha_enabled is True
    assert settings.time_zone == "Europe/Paris" and str(settings.zone) == "Europe/Paris"


def test_env_file_and_environment(monkeypatch, tmp_path):
    clear(monkeypatch)
    env_file = tmp_path / ".env"
    env_file.write_text(
        "MAIL_BACKEND=smtp\nSMTP_PORT=2525\nSMTP_STARTTLS=true\nCAPTCHA_ENABLED=false\n"
        "ACTIVATION_TTL_HOURS=24\n"
    )
    monkeypatch.setenv("SMTP_PORT", "587")  # the environment wins over the file
    settings = Settings.from_environment(env_file)
    assert settings.mail_backend == "smtp" and settings.smtp_port == 587
    assert settings.smtp_starttls is True and settings.captcha_enabled is False
    assert settings.activation_ttl_hours == 24


def test_env_example_lists_every_setting_with_its_default(monkeypatch):
    example = (PROJECT_ROOT / ".env.example").read_text()
    values = dict(
        line.split("=", 1) for line in example.splitlines() if line and not line.startswith("#")
    )
    assert set(values) == set(SETTING_NAMES)
    clear(monkeypatch)
    for name, value in values.items():
        monkeypatch.setenv(name, value)
    assert Settings.from_environment(PROJECT_ROOT / "absent.env") == Settings()
