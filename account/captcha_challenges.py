"""CAPTCHA challenges: six characters, shown as a PNG image or spoken as WAV audio.

Single use: a challenge is consumed by its first answer, right or wrong, and expires after a few
minutes; "new image" replaces it.
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from captcha.audio import AudioCaptcha
from captcha.image import ImageCaptcha
from sqlalchemy import select
from sqlalchemy.orm import sessionmaker

from account.i18n import Checked, invalid, valid
from account.storage import CaptchaChallenge

CAPTCHA_LENGTH = 6
# Capitals and digits the audio voice can say, without pairs that the distortion makes look
# alike (0/O, 1/I/L, 3/8/B, 5/S, 2/Z, 6/G).
CAPTCHA_ALPHABET = "ACDEFHJKMNPQRTUVWXY479"


class CaptchaService:
    def __init__(self, sessions: sessionmaker, clock, ttl_minutes: int):
        self._sessions = sessions
        self._clock = clock
        self._ttl = timedelta(minutes=ttl_minutes)
        self._image = ImageCaptcha(width=220, height=80)
        self._audio = AudioCaptcha()

    def new_challenge(self) -> str:
        """Create a challenge and return its id (an unguessable token, safe to put in a URL)."""
        now = self._clock.now()
        challenge = CaptchaChallenge(
            id=secrets.token_urlsafe(32),
            answer="".join(secrets.choice(CAPTCHA_ALPHABET) for _ in range(CAPTCHA_LENGTH)),
            created_at=now,
            expires_at=now + self._ttl,
        )
        with self._sessions.begin() as session:
            session.add(challenge)
        return challenge.id

    def discard(self, challenge_id: str | None) -> None:
        """The user asked for another image: this one stops working."""
        if not challenge_id:
            return
        with self._sessions.begin() as session:
            challenge = session.get(CaptchaChallenge, challenge_id)
            if challenge is not None and challenge.used_at is None:
                challenge.used_at = self._clock.now()

    def refresh(self, challenge_id: str | None) -> str:
        """ "Changer l'image": the old challenge stops working, a new one is returned."""
        self.discard(challenge_id)
        return self.new_challenge()

    def _live_answer(self, challenge_id: str) -> str | None:
        with self._sessions() as session:
            challenge = session.get(CaptchaChallenge, challenge_id)
            if challenge is None or challenge.used_at or challenge.expires_at <= self._clock.now():
                return None
            return challenge.answer

    def image_png(self, challenge_id: str) -> bytes | None:
        answer = self._live_answer(challenge_id)
        return None if answer is None else self._image.generate(answer, format="png").getvalue()

    def audio_wav(self, challenge_id: str) -> bytes | None:
        answer = self._live_answer(challenge_id)
        return None if answer is None else bytes(self._audio.generate(answer))

    def check(self, challenge_id: str | None, typed) -> Checked[bool]:
        """Consume the challenge and say whether `typed` matched (case and spaces ignored)."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            challenge = session.get(CaptchaChallenge, challenge_id) if challenge_id else None
            if challenge is None or challenge.used_at or challenge.expires_at <= now:
                return invalid("captcha.expired")
            challenge.used_at = now
            if "".join(str(typed or "").split()).upper() != challenge.answer:
                return invalid("captcha.wrong")
        return valid(True)

    def purge(self) -> int:
        """Delete the challenges that can no longer be answered."""
        now = self._clock.now()
        with self._sessions.begin() as session:
            stale = session.scalars(
                select(CaptchaChallenge).where(
                    (CaptchaChallenge.expires_at <= now) | (CaptchaChallenge.used_at.is_not(None))
                )
            ).all()
            for challenge in stale:
                session.delete(challenge)
        return len(stale)
