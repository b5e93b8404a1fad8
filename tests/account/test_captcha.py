"""CAPTCHA: six characters, PNG image and WAV audio, single use, short expiry, refreshable."""

import io

from PIL import Image

from account.captcha_challenges import CAPTCHA_ALPHABET, CAPTCHA_LENGTH
from account.storage import CaptchaChallenge


def answer_of(service, challenge_id):
    """What an operator could read in the database."""
    with service.sessions() as session:
        return session.get(CaptchaChallenge, challenge_id).answer


def test_challenge_has_six_unambiguous_characters_and_a_png_image(service):
    challenge = service.captcha.new_challenge()
    answer = answer_of(service, challenge)
    assert len(answer) == CAPTCHA_LENGTH and set(answer) <= set(CAPTCHA_ALPHABET)
    assert not set("01IOL38B5S2Z6G") & set(CAPTCHA_ALPHABET)
    image = Image.open(io.BytesIO(service.captcha.image_png(challenge)))
    assert image.format == "PNG" and image.size == (220, 80)


def test_audio_version_is_a_wav_file(service):
    audio = service.captcha.audio_wav(service.captcha.new_challenge())
    assert audio[:4] == b"RIFF" and audio[8:12] == b"WAVE" and len(audio) > 10_000


def test_right_answer_passes_once(service):
    challenge = service.captcha.new_challenge()
    answer = answer_of(service, challenge)
    assert service.captcha.check(challenge, f" {answer.lower()[:3]} {answer.lower()[3:]} ").ok
    again = service.captcha.check(challenge, answer)
    assert again.problem.code == "captcha.expired"
    assert service.captcha.image_png(challenge) is None


def test_wrong_answer_consumes_the_challenge(service):
    challenge = service.captcha.new_challenge()
    answer = answer_of(service, challenge)
    wrong = service.captcha.check(challenge, "XXXXXX" if answer != "XXXXXX" else "YYYYYY")
    assert wrong.problem.code == "captcha.wrong"
    assert "ne correspondent pas" in wrong.problem.text(
        "fr"
    ) and "do not match" in wrong.problem.text("en")
    assert service.captcha.check(challenge, answer).problem.code == "captcha.expired"


def test_challenge_expires(service, clock, settings):
    challenge = service.captcha.new_challenge()
    answer = answer_of(service, challenge)
    clock.advance(minutes=settings.captcha_ttl_minutes)
    problem = service.captcha.check(challenge, answer).problem
    assert problem.code == "captcha.expired"
    assert "expiré" in problem.text("fr") and "expired" in problem.text("en")


def test_refresh_replaces_the_challenge(service):
    old = service.captcha.new_challenge()
    old_answer = answer_of(service, old)
    new = service.captcha.refresh(old)
    assert new != old and service.captcha.image_png(new)
    assert service.captcha.check(old, old_answer).problem.code == "captcha.expired"
    assert service.captcha.check(new, answer_of(service, new)).ok


def test_unknown_or_missing_challenge(service):
    assert service.captcha.check("no-such-id", "ABCDEF").problem.code == "captcha.expired"
    assert service.captcha.check(None, "ABCDEF").problem.code == "captcha.expired"
    assert service.captcha.image_png("no-such-id") is None


def test_purge_drops_spent_challenges(service, clock):
    used = service.captcha.new_challenge()
    service.captcha.check(used, "whatever")
    service.captcha.new_challenge()
    clock.advance(minutes=30)
    live = service.captcha.new_challenge()
    assert service.captcha.purge() == 2
    assert service.captcha.image_png(live)


def test_discard(service):
    challenge = service.captcha.new_challenge()
    answer = answer_of(service, challenge)
    service.captcha.discard(challenge)
    service.captcha.discard(None)
    assert service.captcha.check(challenge, answer).problem.code == "captcha.expired"
