"""The summary PDF holds every field, for any name, in the user's language."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from account.i18n import PARIS
from account.summary_pdf import footer_text


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text().split()) for page in reader.pages)


@pytest.fixture
def account(service, make_form, last_code):
    service.pre_register(
        make_form(
            surname="Żółkiewska-Παπαδοπούλου",
            first_name="Дарья Ngọc",
            street_number="12 bis",
            complement="Bâtiment Ω",
            trust_question="pet_name",
            trust_answer="Şöhret",
        )
    )
    return service.activate(last_code(), "lila.rosemonde@orange.fr")


@pytest.mark.parametrize(
    "language, expected",
    [
        (
            "fr",
            [
                "VOTRE ESPACE PROFESSIONNEL",
                "RECAPITULATIF DE VOS DONNEES PERSONNELLES",
                "Vos coordonnées",
                "Nom :",
                "Prénom :",
                "N° d'abonné :",
                "Téléphone :",
                "Adresse électronique de connexion :",
                "Adresse :",
                "Votre question/réponse de confiance",
                "(indispensable en cas de perte de votre mot de passe)",
                "Question de confiance : Le nom de votre animal de compagnie ?",
                "Réponse de confiance : Şöhret",
                "FRANCE",
                "Votre espace professionnel : document créé le 21/08/2023 à 12h00mn00s",
            ],
        ),
        (
            "en",
            [
                "YOUR PROFESSIONAL ACCOUNT",
                "SUMMARY OF YOUR PERSONAL DATA",
                "Surname:",
                "First name:",
                "Subscriber number:",
                "Telephone:",
                "Login email address:",
                "Trust question: Your pet's name?",
                "Trust answer: Şöhret",
                "Your professional account: document created on 21/08/2023 at 12:00:00",
            ],
        ),
    ],
)
def test_every_field_is_in_the_pdf_text(service, account, language, expected):
    data = service.summary_pdf(account, language)
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    for value in (
        "ŻÓŁKIEWSKA-ΠΑΠΑΔΟΠΟΎΛΟΥ",
        "Дарья Ngọc",
        account.subscriber_number,
        "01 23 45 67 89",
        "lila.rosemonde@orange.fr",
        "12 bis rue de Longchamp",
        "Bâtiment Ω",
        "75016 Paris",
        *expected,
    ):
        assert value in text, value


def test_the_font_is_embedded(service, account):
    data = service.summary_pdf(account, "fr")
    reader = PdfReader(io.BytesIO(data))
    fonts = reader.pages[0]["/Resources"]["/Font"]
    descriptors = [
        font.get_object()["/DescendantFonts"][0].get_object()["/FontDescriptor"]
        for font in fonts.values()
    ]
    assert descriptors and all("/FontFile2" in d for d in descriptors)


def test_the_account_language_is_the_default(service, account):
    assert "RECAPITULATIF" in pdf_text(service.summary_pdf(account))


def test_footer_matches_the_seeds_format():
    from datetime import datetime, timezone

    moment = datetime(2023, 8, 22, 12, 9, 36, tzinfo=timezone.utc)  # 14:09:36 in Paris
    assert (
        footer_text(moment, "fr", PARIS)
        == "Votre espace professionnel : document créé le 22/08/2023 à 14h09mn36s"
    )
    assert (
        footer_text(moment, "en", PARIS)
        == "Your professional account: document created on 22/08/2023 at 14:09:36"
    )


def test_account_lookup_by_subscriber_number(service, account):
    assert service.account(account.subscriber_number) == account
    assert service.account("00000000000000") is None


def test_saved_summary_for_text_channels(service, account):
    path = service.save_summary_pdf(account, "en")
    assert path.is_file() and path.name == f"recapitulatif-{account.subscriber_number}.pdf"
    assert len(path.parent.name) == 43  # a folder of its own, not guessable from the number
    assert "SUMMARY OF YOUR PERSONAL DATA" in pdf_text(path.read_bytes())


def test_summary_link_works_for_its_own_conversation_only(service, account):
    token = service.issue_summary_link(account, "en", "conversation-a")
    name, data = service.summary_download(token, "conversation-a")
    assert name == f"recapitulatif-{account.subscriber_number}.pdf"
    assert "SUMMARY OF YOUR PERSONAL DATA" in pdf_text(data)
    assert account.subscriber_number in pdf_text(data)
    assert service.summary_download(token, "conversation-b") is None
    assert service.summary_download(token, "") is None
    for bad in ("", "../../etc", token[:-1] + "/", "x" * 20, token + "x", "A" * 43):
        assert service.summary_download(bad, "conversation-a") is None


def test_summary_link_expires_and_is_purged(service, account, clock):
    token = service.issue_summary_link(account, "fr", "conversation-a")
    clock.advance(minutes=29)
    assert "RECAPITULATIF" in pdf_text(service.summary_download(token, "conversation-a")[1])
    clock.advance(minutes=1)
    assert service.summary_download(token, "conversation-a") is None
    assert service.summaries.links.purge() == 1 and service.summaries.links.purge() == 0


def test_summary_link_stores_no_token_nor_conversation_id(service, account, settings):
    token = service.issue_summary_link(account, "fr", "conversation-secret-id")
    database = Path(settings.database_url.removeprefix("sqlite:///"))
    data = b"".join(f.read_bytes() for f in database.parent.glob(database.name + "*"))  # WAL too
    assert b"summary_links" in data
    assert token.encode() not in data and b"conversation-secret-id" not in data


def test_saved_summaries_are_deleted_once_their_link_would_have_expired(service, account, clock):
    """Files written for `rasa shell` hold personal data: `python -m account purge` (and the start
    of `make run`) deletes them after the summary link's lifetime."""
    older = service.save_summary_pdf(account, "fr")
    clock.advance(minutes=20)
    newer = service.save_summary_pdf(account, "en")
    clock.advance(minutes=11)
    assert service.purge_summary_files() == 1
    assert not older.exists() and not older.parent.exists() and newer.is_file()
    clock.advance(minutes=20)
    assert service.purge_summary_files() == 1 and not newer.exists()
    assert service.purge_summary_files() == 0
