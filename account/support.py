"""User support for online procedures: hotline 0809 400 210, 8:00 to 19:30, Monday to Friday."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from dateutil.easter import easter

HOTLINE = "0809 400 210"
OPENS, CLOSES = time(8, 0), time(19, 30)


def french_public_holidays(year: int) -> set[date]:
    """Public holidays in mainland France, when the hotline is taken to be closed."""
    easter_sunday = easter(year)
    fixed = {(1, 1), (5, 1), (5, 8), (7, 14), (8, 15), (11, 1), (11, 11), (12, 25)}
    return {date(year, month, day) for month, day in fixed} | {
        easter_sunday + timedelta(days=1),  # Easter Monday
        easter_sunday + timedelta(days=39),  # Ascension Day
        easter_sunday + timedelta(days=50),  # Whit Monday
    }


def hotline_is_open(moment: datetime, zone: ZoneInfo) -> bool:
    local = moment.astimezone(zone)
    if local.weekday() >= 5 or local.date() in french_public_holidays(local.year):
        return False
    return OPENS <= local.time() < CLOSES
