"""A fuzz run on the REST channel of the real servers: more than 5 000 messages of hostile or
broken input (empty, 10 000 characters, control characters, right-to-left and emoji text, SQL and
template injection, forged button payloads, malformed JSON bodies) sent at every step of the
registration: each of 90 registrations gets a burst at 3 of its steps. Every answer must be a
clear message or a 4xx, never a 500 nor a crash, and after each burst a valid answer must still
move the dialogue on.

The counts of the run are written to results/fuzz-summary.json.
"""

from __future__ import annotations

import json
import random
from collections import Counter, defaultdict
from concurrent.futures import ThreadPoolExecutor

import pytest
import requests

from account.settings import PROJECT_ROOT
from harness.dialogue import PASSWORD
from harness.servers import Assistant, running, text_of

pytestmark = pytest.mark.servers

CONVERSATIONS = 90
FUZZED_STEPS = 3  # steps of each registration that get a burst
BURST = 15  # hostile messages in a burst
RAW_BODIES_ROUNDS = 12
SEED = 20261122

HOSTILE = [
    "",
    " ",
    "\n\t\r",
    "a" * 10_000,
    "é" * 10_000,
    "1" * 10_000,
    "x@" * 5_000,
    "\x00",
    "a\x00b",
    "\x07\x08\x1b[31mrouge\x1b[0m",
    "\u200b\u200c\u200d",
    "\ufeffbonjour",
    "\x7f" * 20,
    "\ud800",
    "a\udfffb",  # lone surrogates: valid JSON escapes, not valid UTF-8
    "مرحبا، أريد إنشاء حساب",
    "שלום עולם",
    "\u202eevil\u202c",
    "abc\u202edcba",
    "😀" * 200,
    "👨‍👩‍👧‍👦",
    "🇫🇷🇬🇧",
    "Ｌｉｌａ",
    "e\u0301\u0301\u0301",
    "𝔏𝔦𝔩𝔞",
    "' OR 1=1 --",
    "'; DROP TABLE registrations; --",
    '" OR ""="',
    "1; SELECT * FROM accounts",
    "admin'--",
    "' UNION SELECT password_hash FROM accounts --",
    "{{7*7}}",
    "${7*7}",
    "{first_name}",
    "{0.__class__.__mro__}",
    "%s%s%s%n",
    "<%= 7*7 %>",
    "{% for x in y %}{{x}}{% endfor %}",
    "{{config.items()}}",
    "{login_email}{password}",
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "[clic](javascript:alert(1))",
    "/",
    "//",
    "/inform{",
    '/start_registration{"x":',
    "/nonexistent_intent",
    '/choose_trust_question{"trust_question": "hacked"}',
    '/affirm{"password": "x"}',
    '/inform{"login_email": "a@b.c", "requested_slot": "trust_answer"}',
    '/switch_language{"language": "de"}',
    "/new_captcha",
    "/start_activation",
    "/confirm",
    "/clear_form",
    '/change_field{"field": "password"}',
    "/session_start",
    "/restart",
    "1e309",
    "-1",
    "NaN",
    "0" * 100,
    "null",
    "true",
    "[]",
    "{}",
    "../../etc/passwd",
    "%00",
    "%2e%2e%2f",
    "file:///etc/passwd",
    "http://169.254.169.254/",
    "AAAAAAAAAAAA",
    "aB3dE5gH7jK9",
    "ZZZZZZ",
    "lila@",
    "@orange.fr",
    "a" * 101 + "@exemple.fr",
]
# Random text from these alphabets too: Latin, accents, RTL, CJK, emoji, controls, symbols.
ALPHABETS = [
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789 ",
    "éèêàçùôîœÉÈÀÇ«»’ -",
    "ابتثجحخدذرزسشصضطظعغفقكلمنهوي ",
    "שלוםעולם ",
    "中文字符日本語한국어",
    "😀😂🤖🎉🔥💶🇫🇷",
    "\x01\x02\x03\x0b\x0c\x1f\u2028\u2029\u200e\u200f",
    "{}[]()<>'\"`$%&*;|\\/=+#@!?",
]
# Raw bodies: not JSON, wrong types, missing fields, wrong encodings.
RAW_BODIES = [
    b"",
    b"{",
    b"not json",
    b"[]",
    b"null",
    b"42",
    b'"text"',
    b"\xff\xfe\xfd",
    b'{"sender": 1, "message": 2}',
    b'{"sender": null, "message": "bonjour"}',
    b'{"message": "bonjour"}',
    b'{"sender": "raw"}',
    b'{"sender": "raw", "message": ["a"]}',
    b'{"sender": "raw", "message": {"a": 1}}',
    b'{"sender": "raw", "message": null}',
    b'{"sender": "raw", "message": "bonjour", "metadata": "not a dict"}',
    b'{"sender": "raw", "message": "bonjour", "metadata": {"language": "de"}}',
    b'{"sender": "raw", "message": "bonjour", "metadata": [1, 2]}',
    b'{"sender": {"a": 1}, "message": "bonjour"}',
    b'{"sender": "", "message": "bonjour"}',
    b'{"sender": "' + b"s" * 10_000 + b'", "message": "bonjour"}',
    b"[" * 5_000 + b"]" * 5_000,
    b'{"sender": "raw", "message": "\\ud800"}',
    b'{"sender": "raw", "message": "bonjour"' + b" " * 10 + b"}}",
]
VALID = {
    "terms_accepted": "/affirm",
    "login_email_confirmation": None,
    "password": PASSWORD,
    "password_confirmation": PASSWORD,
    "surname": "Rosemonde",
    "first_name": "Lila",
    "phone": "01 23 45 67 89",
    "street_number": "12 rue de Longchamp",
    "street_type": "rue",
    "street_name": "de Longchamp",
    "complement": "passer",
    "postcode": "75016",
    "city": "Paris",
    "country": "France",
    "trust_question": '/choose_trust_question{"trust_question": "pet_name"}',
    "trust_answer": "Bibi",
}
STEPS = [*VALID, "login_email", "summary"]
LEAKS = ("Traceback", "Exception", "Error:", "sqlalchemy", "psycopg", "KeyError")


@pytest.fixture(scope="module")
def assistant(tmp_path_factory):
    with running(tmp_path_factory.mktemp("fuzz"), captcha_enabled=False) as servers:
        yield servers


class Run:
    """Counts and failures, shared by the conversations (threads)."""

    def __init__(self, assistant: Assistant):
        self.assistant = assistant
        self.sent = Counter()
        self.failures: dict[str, list[str]] = defaultdict(list)

    def fail(self, kind: str, detail: str) -> None:
        self.failures[kind].append(detail[:300])

    def post(self, body: bytes, kind: str) -> requests.Response | None:
        self.sent[kind] += 1
        try:
            return requests.post(
                f"{self.assistant.base_url}/webhooks/rest/webhook",
                data=body,
                headers={"Content-Type": "application/json"},
                timeout=120,
            )
        except requests.RequestException as error:
            self.fail("no answer (server crashed or hung)", f"{body[:80]!r}: {error}")
            return None

    def say(self, sender: str, text: str, kind: str) -> list[dict] | None:
        body = json.dumps({"sender": sender, "message": text}).encode()
        reply = self.post(body, kind)
        if reply is None:
            return None
        if reply.status_code != 200:
            self.fail(f"HTTP {reply.status_code} for a well-formed message", f"{text[:80]!r}")
            return None
        messages = reply.json()
        shown = text_of(messages)
        if not shown.strip():
            self.fail("no message in the answer", f"{text[:80]!r}")
        for leak in LEAKS:
            if leak in shown:
                self.fail(f"internal detail shown: {leak}", f"{text[:80]!r} -> {shown[:200]!r}")
        return messages

    def code_sent_to(self, address: str) -> bool:
        return any(
            f"To: {address}".encode() in path.read_bytes()
            for path in self.assistant.outbox.glob("*.eml")
        )

    def state(self, sender: str) -> tuple[str | None, str | None, str | None]:
        tracker = self.assistant.tracker(sender)
        slots = tracker["slots"]
        return (
            (tracker.get("active_loop") or {}).get("name"),
            slots.get("requested_slot"),
            slots.get("registration_outcome"),
        )


def hostile_message(rng: random.Random) -> str:
    if rng.random() < 0.6:
        return rng.choice(HOSTILE)
    alphabet = "".join(rng.sample(ALPHABETS, rng.randint(1, 3)))
    return "".join(rng.choice(alphabet) for _ in range(rng.choice((1, 5, 30, 300, 3000))))


def converse(run: Run, number: int) -> None:
    """One registration from start to pre-registration, with a burst of hostile messages at a
    few of its steps (conversations stay short, as real ones are)."""
    rng = random.Random(SEED + number)
    sender, email = f"fuzz-{number}", f"fuzz.{number}@exemple.fr"
    answers = {**VALID, "login_email": email, "login_email_confirmation": email}
    targets = set(rng.sample(STEPS, FUZZED_STEPS))
    if run.say(sender, "Je veux créer mon espace professionnel", "valid") is None:
        return
    for _ in range(60):
        loop, requested, outcome = run.state(sender)
        if outcome == "pre_registered":
            return
        if (loop is None or requested == "login_email") and run.code_sent_to(email):
            return  # pre-registered during a burst ("/confirm"), then reset by "/restart": done
        step = requested if loop == "registration_form" else "summary" if loop is None else None
        if step in targets:
            targets.discard(step)
            for _ in range(BURST):
                run.say(sender, hostile_message(rng), "hostile")
            continue  # the burst may have moved the dialogue: look again
        if loop == "registration_form" and requested in answers:
            run.say(sender, answers[requested], "valid")
            after = run.state(sender)
            if after[:2] == (loop, requested) and requested not in (
                "login_email_confirmation",
                "password_confirmation",
            ):
                run.fail(
                    "a valid answer did not move the form on", f"{requested}: {answers[requested]}"
                )
        elif loop == "activation_form":
            # A forged "/start_activation" switched to activation: leave it, resume registering.
            for typed in ("annuler", "oui", "Je veux créer mon espace professionnel"):
                run.say(sender, typed, "valid")
        elif loop is None:
            # The summary (or a registration a hostile message cancelled: start again).
            run.say(sender, "valider", "valid")
            if run.state(sender)[2] != "pre_registered":
                run.say(sender, "Je veux créer mon espace professionnel", "valid")
        else:
            run.say(sender, "non", "valid")  # e.g. "do you really want to cancel?"
    run.fail("the registration never completed", sender)


@pytest.mark.fuzz
def test_fuzz_the_rest_channel(assistant):
    run = Run(assistant)
    with ThreadPoolExecutor(max_workers=6) as pool:
        list(pool.map(lambda n: converse(run, n), range(CONVERSATIONS)))
    for _ in range(RAW_BODIES_ROUNDS):
        for body in RAW_BODIES:
            reply = run.post(body, "malformed body")
            if reply is not None and reply.status_code >= 500:
                run.fail(f"HTTP {reply.status_code} for a malformed body", repr(body[:80]))
    # The assistant still answers normally after all that.
    after = run.say("fuzz-after", "Bonjour", "valid")
    assert after and "Je peux vous expliquer la démarche" in text_of(after)

    total = sum(run.sent.values())
    summary = {
        "messages": total,
        "by kind": dict(run.sent),
        "failure kinds": {kind: len(details) for kind, details in run.failures.items()},
        "examples": {kind: details[:5] for kind, details in run.failures.items()},
    }
    results = PROJECT_ROOT / "results"
    results.mkdir(exist_ok=True)
    (results / "fuzz-summary.json").write_text(json.dumps(summary, indent=2, ensure_ascii=False))
    assert total >= 5_000
    assert not run.failures, json.dumps(summary["examples"], indent=1, ensure_ascii=False)
