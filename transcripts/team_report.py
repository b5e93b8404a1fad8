"""What the conversations teach, for the team (`python -m account report`, and the team page).

Over a period (by the day of each conversation's first message): the funnel (started, each step
reached, pre-registered, activated), where people stop, "not understood" per question, the
detours taken, the languages, the time to pre-register and to activate; and the review list of
messages that were not understood, masked (transcripts/journeys.py). The live conversations are
read from the tracker store, the purged ones from their recorded journeys: the figures survive the
retention purge, the messages do not.
"""

from __future__ import annotations

import base64
import html
import io
import json
import statistics
from collections import Counter
from dataclasses import asdict, dataclass, field
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

import sqlalchemy as sa
from sqlalchemy.engine import Engine

from transcripts.database import EVENTS, JOURNEYS, events_of
from transcripts.journeys import STEPS, Journey, NotUnderstood, read_journey
from transcripts.retention import has_conversations

LABELS = {
    "started": "started / commencé",
    "terms": "terms / conditions",
    "captcha": "CAPTCHA",
    "login_email": "login e-mail / adresse",
    "password": "password / mot de passe",
    "identity": "identity / identité",
    "phone": "phone / téléphone",
    "address": "address / adresse",
    "trust_question": "trust question / question de confiance",
    "summary": "summary / récapitulatif",
    "pre_registered": "pre-registered / pré-inscrit",
    "activation": "activation",
    "activated": "activated / activé",
    "outside_forms": "outside the forms / hors formulaires",
}


@dataclass
class Report:
    since: float
    until: float
    conversations: int = 0
    funnel: dict[str, int] = field(default_factory=dict)
    stopped_at: dict[str, int] = field(default_factory=dict)
    not_understood: dict[str, int] = field(default_factory=dict)
    detours: dict[str, int] = field(default_factory=dict)
    languages: dict[str, int] = field(default_factory=dict)
    median_minutes_to_pre_register: float | None = None
    median_minutes_to_activate: float | None = None
    review: list[NotUnderstood] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


DEFAULT_DAYS = 30


def period_bounds(since: date | None, until: date | None, zone: ZoneInfo) -> tuple[float, float]:
    """The period from the first day to the last one included, as epoch seconds, in the days of
    the service's time zone; by default the last DEFAULT_DAYS days and today."""
    end = (until or datetime.now(zone).date()) + timedelta(days=1)
    start = since or end - timedelta(days=DEFAULT_DAYS + 1)
    first, after = (datetime(d.year, d.month, d.day, tzinfo=zone) for d in (start, end))
    return first.timestamp(), after.timestamp()


def live_journeys(engine: Engine) -> list[tuple[Journey, list[NotUnderstood]]]:
    if not has_conversations(engine):
        return []
    with engine.connect() as connection:
        senders = list(connection.scalars(sa.select(EVENTS.c.sender_id).distinct()))
        return [read_journey(events_of(connection, sender)) for sender in senders]


def recorded_journeys(engine: Engine, since: float, until: float) -> list[Journey]:
    with engine.connect() as connection:
        rows = connection.scalars(
            sa.select(JOURNEYS.c.journey).where(
                JOURNEYS.c.started_at >= since, JOURNEYS.c.started_at < until
            )
        )
        return [Journey.from_dict(json.loads(row)) for row in rows]


def _median_minutes(values: list[float]) -> float | None:
    return round(statistics.median(values) / 60, 1) if values else None


def build_report(engine: Engine, since: float, until: float) -> Report:
    report = Report(since, until)
    journeys: list[Journey] = []
    for journey, misunderstood in live_journeys(engine):
        if journey.started_at is not None and since <= journey.started_at < until:
            journeys.append(journey)
            report.review.extend(misunderstood)
    journeys += recorded_journeys(engine, since, until)
    funnel, stopped, unclear, detours, languages = (Counter() for _ in range(5))
    for journey in journeys:
        funnel.update(journey.steps)
        if journey.stopped_at:
            stopped[journey.stopped_at] += 1
        unclear.update(journey.not_understood)
        detours.update(journey.detours)
        languages[journey.language or "?"] += 1
    report.conversations = len(journeys)
    report.funnel = {step: funnel[step] for step in STEPS}
    report.stopped_at = dict(stopped.most_common())
    report.not_understood = dict(unclear.most_common())
    report.detours = dict(detours.most_common())
    report.languages = dict(languages.most_common())
    report.median_minutes_to_pre_register = _median_minutes(
        [j.seconds_to_pre_register for j in journeys if j.seconds_to_pre_register is not None]
    )
    report.median_minutes_to_activate = _median_minutes(
        [j.seconds_to_activate for j in journeys if j.seconds_to_activate is not None]
    )
    report.review.sort(key=lambda item: item.at or 0)
    return report


def _minutes(value: float | None) -> str:
    return "-" if value is None else f"{value} min"


def render_text(report: Report) -> str:
    lines = [f"{report.conversations} conversation(s)", "", "Funnel:"]
    lines += [f"  {LABELS[step]:<42} {count}" for step, count in report.funnel.items()]
    for title, counts in (
        ("Stopped at", report.stopped_at),
        ("Not understood, by question", report.not_understood),
        ("Detours", report.detours),
        ("Languages", report.languages),
    ):
        lines += ["", f"{title}:"]
        lines += [f"  {LABELS.get(k, k):<42} {v}" for k, v in counts.items()] or ["  -"]
    lines += [
        "",
        f"Median time to pre-register: {_minutes(report.median_minutes_to_pre_register)}",
        f"Median time to activate (same conversation): {_minutes(report.median_minutes_to_activate)}",
        "",
        f"Messages not understood ({len(report.review)}), masked:",
    ]
    lines += [f"  [{LABELS.get(i.step, i.step)}] {i.text}" for i in report.review]
    return "\n".join(lines)


def _bar_chart(title: str, counts: dict[str, int]) -> str:
    """A horizontal bar chart as a PNG data URI (matplotlib, no display needed)."""
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib import pyplot

    labels = [LABELS.get(k, k) for k in counts] or ["-"]
    values = list(counts.values()) or [0]
    figure, axes = pyplot.subplots(figsize=(7, 0.35 * len(labels) + 1.2), dpi=100)
    axes.barh(labels[::-1], values[::-1], color="#000091")
    axes.set_title(title, fontsize=10)
    axes.xaxis.get_major_locator().set_params(integer=True)
    figure.tight_layout()
    buffer = io.BytesIO()
    figure.savefig(buffer, format="png")
    pyplot.close(figure)
    return "data:image/png;base64," + base64.b64encode(buffer.getvalue()).decode()


def _table(caption: str, counts: dict[str, int]) -> str:
    rows = "".join(
        f"<tr><th scope='row'>{html.escape(LABELS.get(k, k))}</th><td>{v}</td></tr>"
        for k, v in counts.items()
    )
    return (
        f"<table><caption>{html.escape(caption)}</caption>"
        f"<thead><tr><th scope='col'>Step / Étape</th><th scope='col'>Count</th></tr></thead>"
        f"<tbody>{rows or '<tr><td colspan=2>-</td></tr>'}</tbody></table>"
    )


def render_html(report: Report, stylesheet: str) -> str:
    sections = []
    for title, counts in (
        ("Funnel / Entonnoir", report.funnel),
        ("Where people stop / Où les gens s'arrêtent", report.stopped_at),
        ("Not understood, by question / Non compris, par question", report.not_understood),
    ):
        sections.append(
            f"<section><h2>{html.escape(title)}</h2>"
            f"<img src='{_bar_chart(title, counts)}' alt='{html.escape(title)}: "
            f"{html.escape(', '.join(f'{LABELS.get(k, k)} {v}' for k, v in counts.items()))}'>"
            f"{_table(title, counts)}</section>"
        )
    sections.append(
        "<section><h2>Detours and languages / Détours et langues</h2>"
        f"{_table('Detours / Détours', report.detours)}"
        f"{_table('Languages / Langues', report.languages)}"
        f"<p>Median time to pre-register: {_minutes(report.median_minutes_to_pre_register)}; "
        f"to activate (same conversation): {_minutes(report.median_minutes_to_activate)}.</p>"
        "</section>"
    )
    review = "".join(
        f"<li><strong>{html.escape(LABELS.get(i.step, i.step))}</strong> "
        f"({html.escape(i.language or '?')}): {html.escape(i.text)}</li>"
        for i in report.review
    )
    sections.append(
        f"<section><h2>Messages not understood / Messages non compris ({len(report.review)})</h2>"
        f"<p>Masked: the person's own values and any e-mail or long number.</p>"
        f"<ul>{review}</ul></section>"
    )
    return (
        "<!doctype html><html lang='en'><head><meta charset='utf-8'>"
        "<meta name='viewport' content='width=device-width, initial-scale=1'>"
        "<title>Assistant: what the conversations teach</title>"
        f"<link rel='stylesheet' href='{stylesheet}'></head><body><main>"
        "<h1>What the conversations teach / Ce que disent les conversations</h1>"
        f"<p>{report.conversations} conversation(s) in the period.</p>"
        f"{''.join(sections)}</main></body></html>"
    )
