"""The account summary ("récapitulatif") as a PDF, laid out like the seeds' document.

DejaVu Sans is embedded so that names in Latin, Greek, Cyrillic and many other scripts render.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from importlib.resources import as_file, files
from zoneinfo import ZoneInfo

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from languages import words_of

LABEL_WIDTH = 62
LINE_HEIGHT = 7


Rows = tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class SummaryContent:
    """What the summary shows, already in display form (phone formatted, country named), row by
    row: (a field's name, or "subscriber_number" or "address"; its lines) in each section."""

    details: Rows
    trust: Rows


def labels_of(language: str) -> dict[str, str]:
    """The document's headings and its rows' labels, in the language's file (PDF_LABELS)."""
    return words_of(language).PDF_LABELS


def footer_text(created_at: datetime, language: str, zone: ZoneInfo) -> str:
    local = created_at.astimezone(zone)
    return labels_of(language)["footer"].format(
        date=local.strftime("%d/%m/%Y"),
        hours=local.strftime("%H"),
        minutes=local.strftime("%M"),
        seconds=local.strftime("%S"),
    )


class _SummaryDocument(FPDF):
    def __init__(self):
        super().__init__(format="A4")
        fonts = files("account.fonts")
        for style, name in (("", "DejaVuSans.ttf"), ("B", "DejaVuSans-Bold.ttf")):
            with as_file(fonts.joinpath(name)) as path:
                self.add_font("DejaVu", style, str(path))
        self.set_margins(20, 20, 20)
        self.set_auto_page_break(True, margin=20)

    def heading(self, text: str, size: int) -> None:
        self.set_font("DejaVu", "B", size)
        self.cell(0, size * 0.6, text, align="C", new_x=XPos.LMARGIN, new_y=YPos.NEXT)

    def section(self, text: str) -> None:
        self.ln(4)
        self.set_font("DejaVu", "B", 12)
        self.cell(0, 9, text, border="B", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(2)

    def row(self, label: str, *values: str) -> None:
        top = self.get_y()
        self.set_font("DejaVu", "B", 10)
        self.multi_cell(
            LABEL_WIDTH, LINE_HEIGHT, label, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP
        )
        label_bottom = top + LINE_HEIGHT * len(
            self.multi_cell(
                LABEL_WIDTH, LINE_HEIGHT, label, align="L", dry_run=True, output="LINES"
            )
        )
        self.set_font("DejaVu", "", 10)
        self.set_xy(self.l_margin + LABEL_WIDTH, top)
        self.multi_cell(
            0, LINE_HEIGHT, "\n".join(values) or " ", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT
        )
        self.set_y(max(self.get_y(), label_bottom))


def render_summary_pdf(
    content: SummaryContent, language: str, created_at: datetime, zone: ZoneInfo
) -> bytes:
    labels = labels_of(language)
    pdf = _SummaryDocument()
    pdf.set_title(labels["subtitle"])
    pdf.set_lang(language)
    pdf.set_creation_date(created_at)
    pdf.add_page()

    pdf.set_font("DejaVu", "B", 11)
    pdf.cell(0, 8, labels["site"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(6)
    pdf.heading(labels["title"], 15)
    pdf.ln(2)
    pdf.heading(labels["subtitle"], 13)

    pdf.section(labels["details"])
    for name, lines in content.details:
        pdf.row(labels[name], *lines)

    pdf.section(labels["trust"])
    pdf.set_font("DejaVu", "", 9)
    pdf.cell(0, 6, labels["trust_note"], new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.ln(2)
    for name, lines in content.trust:
        pdf.row(labels[name], *lines)

    pdf.ln(12)
    pdf.set_font("DejaVu", "", 9)
    pdf.multi_cell(0, 6, footer_text(created_at, language, zone))
    return bytes(pdf.output())
