"""Settings: embedded defaults, variables given as a mapping, optional .env file; the process
environment is read, never written."""

import dataclasses
import os
from pathlib import Path

import pytest

from account.settings import PROJECT_ROOT, VARIABLES, Settings

SETTING_NAMES = tuple(variable.name for variable in VARIABLES)


def test_one_variable_per_setting():
    assert [v.field for v in VARIABLES] == [f.name for f in dataclasses.fields(Settings)]
    assert len(set(SETTING_NAMES)) == len(SETTING_NAMES)


def test_embedded_defaults():
    settings = Settings.from_mapping({})
    assert settings == Settings()
    assert settings.database_url == "sqlite:///var/accounts.db"
    assert settings.mail_backend == "file" and settings.mail_outbox_dir == Path("var/outbox")
    assert settings.activation_ttl_hours == 48 and settings.captcha_enabled is True
    assert settings.time_zone == "Europe/Paris" and str(settings.zone) == "Europe/Paris"


def test_values_are_parsed():
    settings = Settings.from_mapping(
        {
            "MAIL_BACKEND": " SMTP ",
            "SMTP_PORT": "2525",
            "SMTP_STARTTLS": "yes",
            "CAPTCHA_ENABLED": "off",
            "SUMMARY_DIR": "/srv/summaries",
            "PUBLIC_BASE_URL": "https://example.fr/chat/",
            "UNRELATED": "ignored",
        }
    )
    assert settings.mail_backend == "smtp" and settings.smtp_port == 2525
    assert settings.smtp_starttls is True and settings.captcha_enabled is False
    assert settings.summary_dir == Path("/srv/summaries")
    assert settings.public_base_url == "https://example.fr/chat"


def test_a_bad_number_names_its_variable():
    with pytest.raises(ValueError, match="SMTP_PORT='twenty'"):
        Settings.from_mapping({"SMTP_PORT": "twenty"})


def test_env_file_and_environment(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "MAIL_BACKEND=smtp\nSMTP_PORT=2525\nSMTP_STARTTLS=true\nCAPTCHA_ENABLED=false\n"
        "ACTIVATION_TTL_HOURS=24\nSMTP_USER\n"  # a name without a value keeps the default
    )
    settings = Settings.from_environment(env_file, environ={"SMTP_PORT": "587"})
    assert settings.mail_backend == "smtp" and settings.smtp_port == 587  # the environment wins
    assert settings.smtp_starttls is True and settings.captcha_enabled is False
    assert settings.activation_ttl_hours == 24 and settings.smtp_user == ""


def test_reading_an_env_file_leaves_the_process_environment_unchanged(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text("ACTIVATION_TTL_HOURS=24\nMAIL_BACKEND=smtp\nSOMETHING_ELSE=1\n")
    before = dict(os.environ)
    settings = Settings.from_environment(env_file)
    assert settings.activation_ttl_hours == int(os.environ.get("ACTIVATION_TTL_HOURS", "24"))
    assert dict(os.environ) == before


def test_the_process_environment_is_the_default(tmp_path):
    absent = tmp_path / "absent.env"
    assert Settings.from_environment(absent) == Settings.from_mapping(os.environ)
    assert Settings.from_environment(absent, environ={}) == Settings()


def test_env_example_lists_every_setting_with_its_default():
    example = (PROJECT_ROOT / ".env.example").read_text()
    values = dict(
        line.split("=", 1) for line in example.splitlines() if line and not line.startswith("#")
    )
    assert set(values) == set(SETTING_NAMES)
    assert Settings.from_mapping(values) == Settings()
    assert Settings.from_environment(PROJECT_ROOT / ".env.example", environ={}) == Settings()
