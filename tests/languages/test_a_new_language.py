"""A third language is data alone: a made-up language's file (every text of English marked, every
word of English changed) dropped beside languages/fr.yml and en.yml, and no Python changed, serves
every lookup by language code (messages, dates, labels, the PDF, the e-mail, trust questions,
field words) and is read by the readers (yes/no, which language, a request for it). What it still
needs outside its file is only data: its responses in domain.yml, listed exactly."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

ROOT = Path(__file__).resolve().parent.parent.parent
MARK = "⟪xx⟫ "


def made_up(value, name=""):
    """English, marked: texts start with MARK; words and phrases get an "x" in front."""
    if isinstance(value, dict):
        return {key: made_up(item, name) for key, item in value.items()}
    if isinstance(value, list):
        return [made_up(item, name) for item in value]
    if not isinstance(value, str):
        return value
    if name in ("SIGNATURE_LETTERS", "COLON"):
        return value
    if name.endswith(("_WORDS", "GREETINGS", "_FILLERS", "_LANGUAGE", "_VERBS", "_LINKS")):
        return "x" + value if value and value[0].isalpha() else value
    return MARK + value


CHECKS = r"""
import io, json, sys
from datetime import date, datetime, timezone
from zoneinfo import ZoneInfo

from pypdf import PdfReader

from account import labels, rules
from account.activation_email import activation_email
import yaml

from account.coverage import missing_in_domain, missing_words, responses_without
from account.fields import FIELDS, STEPS
from account.i18n import format_datetime, format_long_date, message_codes, render
from account.summaries import Summaries
from account.summary_pdf import render_summary_pdf
from languages import LANGUAGES, words_of
from reading.language import guess_language, requested_language, sentence_language
from reading.yes_no import read_yes_no

domain = yaml.safe_load(open(sys.argv[1]).read())
moment = datetime(2026, 1, 5, 9, 30, tzinfo=timezone.utc)
params = {"value": "x", "max": 1, "deadline": moment, "until": moment, "after": moment,
          "fields": "x", "email": "x", "remaining": 1, "minutes": 1, "hours": 1, "min": 1,
          "choices": {language: "x" for language in LANGUAGES}, "country": "x", "example": "x",
          "strength": "x", "length": 1}
values = {column: "" for column in FIELDS.personal_columns}
values.update(surname="DUPONT", first_name="Marie", phone="+33123456789", email="m@example.fr",
              country="FR", trust_question="pet_name", trust_answer="Rex")
account = FIELDS.activated_account_class()(subscriber_number="12345678901234", registered_at=None,
                                            language="xx", **values)
pdf = render_summary_pdf(Summaries.content(account, "xx"), "xx", moment, ZoneInfo("Europe/Paris"))
mail = activation_email(sender="a@b.fr", recipient="c@d.fr", code="Ab3dEf7hJk9m", sent_at=moment,
                        deadline=moment, ttl_hours=48, language="xx", zone=ZoneInfo("Europe/Paris"))
print(json.dumps({
    "languages": list(LANGUAGES),
    "messages": {code: render(code, "xx", params) for code in sorted(message_codes())},
    "dates": [format_datetime(moment, "xx"), format_long_date(date(2026, 1, 5), "xx")],
    "fields": [labels.field_label(f.name, "xx") for f in FIELDS.fields],
    "steps": [labels.step_label(step, "xx") for step in (*STEPS, "summary", "none")],
    "topics": [labels.topic_label(topic, "xx") for topic in sorted(labels.TOPICS)],
    "nothing": labels.field_list([], "xx"),
    "trust": [rules.trust_question_label(code, "xx") for code in rules.TRUST_QUESTIONS],
    "trust chosen by its words": rules.check_trust_question(
        rules.trust_question_label("pet_name", "xx")).value,
    "pdf": "".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages),
    "mail": [mail["Subject"], mail.get_content()],
    "missing words": missing_words(FIELDS, "xx"),
    "examples": sorted(words_of("xx").ANSWER_EXAMPLES.values()),
    "person button": words_of("xx").PERSON_BUTTON,
    "yes": read_yes_no("xyes xplease"),
    "no": read_yes_no("xnope xthanks"),
    "guessed": guess_language("xi xwant xto xcreate xan xaccount"),
    "switched": sentence_language("xi xwould xlike xto xcreate xmy xaccount xnow"),
    "requested": requested_language("xspeak xenglish"),
    "still English": guess_language("I want to create an account"),
    "correction words": dict(FIELDS.correction_words)["surname"],
    "missing in the domain": missing_in_domain(FIELDS, domain),
    "responses without it": responses_without(domain, "xx"),
    "responses": sorted(domain["responses"]),
}))
"""


@pytest.fixture(scope="module")
def with_made_up_language(tmp_path_factory):
    """A copy of the project's Python (linked) with languages/ copied and xx.yml added."""
    folder = tmp_path_factory.mktemp("third-language")
    for package in ("account", "reading"):
        (folder / package).symlink_to(ROOT / package)
    shutil.copytree(ROOT / "languages", folder / "languages")
    english = yaml.safe_load((ROOT / "languages" / "en.yml").read_text("utf-8"))
    xx = {name: made_up(value, name) for name, value in english.items()}
    (folder / "languages" / "xx.yml").write_text(yaml.safe_dump(xx, allow_unicode=True), "utf-8")
    run = subprocess.run(
        [sys.executable, "-c", CHECKS, str(ROOT / "domain.yml")],
        cwd=folder,
        env={**os.environ, "PYTHONPATH": str(folder)},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert run.returncode == 0, run.stderr
    return json.loads(run.stdout)


def test_the_file_is_the_language(with_made_up_language):
    assert with_made_up_language["languages"] == ["fr", "en", "xx"]
    assert with_made_up_language["missing words"] == []


def test_every_text_of_the_service_comes_from_its_file(with_made_up_language):
    seen = with_made_up_language
    assert all(text.startswith(MARK) for text in seen["messages"].values())
    assert all(text.startswith(MARK) for text in seen["dates"])
    for kind in ("fields", "steps", "topics", "trust", "examples"):
        assert all(text.startswith(MARK) for text in seen[kind]), kind
    assert seen["nothing"].startswith(MARK) and seen["person button"].startswith(MARK)
    assert seen["trust chosen by its words"] == "pet_name"
    assert "⟪xx⟫ Trust question:" in seen["pdf"] and "⟪xx⟫ Your pet's name?" in seen["pdf"]
    subject, body = seen["mail"]
    assert subject.startswith(MARK) and body.startswith(MARK) and "Ab3dEf7hJk9m" in body


def test_the_readers_read_its_words(with_made_up_language):
    seen = with_made_up_language
    assert seen["yes"] is True and seen["no"] is False
    assert seen["guessed"] == "xx" and seen["switched"] == "xx" and seen["requested"] == "xx"
    assert seen["still English"] == "en"
    assert "xsurname" in seen["correction words"].split("|")


def test_what_it_needs_outside_its_file_is_its_responses_in_the_domain(with_made_up_language):
    """Only data: the domain's questions and buttons in the new language, listed exactly."""
    missing = with_made_up_language["missing in the domain"]
    assert missing and all(line.endswith("(xx)") or "(xx):" in line for line in missing)
    assert "response utter_ask_surname (xx)" in missing
    without = with_made_up_language["responses without it"]
    assert {line.split(" (")[0] for line in without} == set(with_made_up_language["responses"])
