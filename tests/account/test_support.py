"""Is the hotline open right now (Paris time)?"""

from datetime import datetime, timezone

import pytest

from account.i18n import PARIS
from account.support import hotline_is_open


@pytest.mark.parametrize(
    "utc, is_open",
    [
        (datetime(2023, 8, 21, 6, 0), True),  # Monday 08:00 in Paris
        (datetime(2023, 8, 21, 5, 59), False),  # Monday 07:59
        (datetime(2023, 8, 21, 17, 29), True),  # Monday 19:29
        (datetime(2023, 8, 21, 17, 30), False),  # Monday 19:30
        (datetime(2023, 8, 26, 10, 0), False),  # Saturday
        (datetime(2023, 7, 14, 10, 0), False),  # Bastille Day, a Friday
        (datetime(2023, 4, 10, 10, 0), False),  # Easter Monday
        (datetime(2023, 12, 4, 7, 30), True),  # Monday 08:30 in winter (UTC+1)
    ],
)
def test_hotline_hours(utc, is_open):
    assert hotline_is_open(utc.replace(tzinfo=timezone.utc), PARIS) is is_open
