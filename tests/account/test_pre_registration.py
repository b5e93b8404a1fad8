"""Pre-registration: a pending registration and the activation e-mail, at once."""

from datetime import timedelta

import pytest
from sqlalchemy import select

from account.i18n import Refused
from account.storage import Registration
from tests.conftest import activation_code_in, read_messages


def test_pre_registration_records_a_pending_registration_and_mails_the_code(
    service, settings, make_form
):
    pending = service.pre_register(make_form())
    assert pending.email == "lila.rosemonde@orange.fr"
    assert pending.deadline == service.clock.now() + timedelta(hours=48)
    with service.sessions() as session:
        row = session.scalar(select(Registration))
    assert row.status == "pending" and row.surname == "ROSEMONDE" and row.country == "FR"
    assert row.phone == "+33123456789" and row.trust_question == "partner_first_name"
    [message] = read_messages(settings.mail_outbox_dir)
    assert message["To"] == "lila.rosemonde@orange.fr"
    assert message["From"] == settings.mail_from


@pytest.mark.parametrize(
    "language, phrases",
    [
        (
            "fr",
            [
                "Espace professionnel - Création ou modification de l'espace",
                "Remarque : ce code n'est pas un mot de passe. Il ne doit être utilisé qu'une seule fois",
                '3. cliquez sur "Activer mon espace / mes services"',
                "5. saisissez l'adresse électronique de connexion à l'espace et validez",
                "soit jusqu'au 23/08/2023 à 12h00 (heure de Paris)",
                "il s'agit sans doute d'un message de phishing",
            ],
        ),
        (
            "en",
            [
                "Professional account - Account set-up or change",
                "Please note: this code is not a password. It must be used only once",
                '3. click on "Activer mon espace / mes services"',
                "5. enter the login email address of the account and confirm",
                "that is until 23/08/2023 at 12:00 (Paris time)",
                "it is most likely a phishing message",
            ],
        ),
    ],
)
def test_activation_email_follows_the_seeds_template_in_the_user_language(
    service, settings, make_form, language, phrases
):
    service.pre_register(make_form(language=language))
    [message] = read_messages(settings.mail_outbox_dir)
    text = message["Subject"] + "\n" + message.get_content()
    for phrase in phrases:
        assert phrase in text
    code = activation_code_in(message)
    assert len(code) == 12 and code.isalnum() and code.isascii()


def test_codes_are_random_and_use_both_cases(service, settings, make_form):
    for n in range(12):
        service.pre_register(make_form(email=f"user{n}@exemple.fr"))
    codes = {activation_code_in(m) for m in read_messages(settings.mail_outbox_dir)}
    assert len(codes) == 12
    joined = "".join(codes)
    assert any(c.islower() for c in joined) and any(c.isupper() for c in joined)


def test_no_second_code_while_a_registration_is_pending(service, make_form):
    service.pre_register(make_form())
    with pytest.raises(Refused) as refused:
        service.pre_register(make_form(email="LILA.ROSEMONDE@orange.fr", surname="Autre"))
    problem = refused.value.problem
    assert problem.code == "email.pending"
    assert "23/08/2023 à 12h00" in problem.text("fr")
    assert "23/08/2023 at 12:00" in problem.text("en")
    assert service.check_login_email("lila.rosemonde@orange.fr").problem.code == "email.pending"


def test_an_active_account_keeps_its_address(service, make_form, last_code):
    service.pre_register(make_form())
    service.activate(last_code(), "lila.rosemonde@orange.fr")
    checked = service.check_login_email("Lila.Rosemonde@orange.fr")
    assert checked.problem.code == "email.in_use"
    assert "déjà associée à un autre espace professionnel" in checked.problem.text("fr")
    assert "already linked to another professional account" in checked.problem.text("en")
    with pytest.raises(Refused) as refused:
        service.pre_register(make_form())
    assert refused.value.problem.code == "email.in_use"


def test_free_address_passes(service):
    assert service.check_login_email(" New.User@Exemple.FR ").value == "New.User@exemple.fr"
    assert service.check_login_email("nope").problem.code == "email.invalid"


def test_invalid_form_is_refused_naming_each_bad_field(service, make_form, settings):
    with pytest.raises(Refused) as refused:
        service.pre_register(make_form(phone="12", postcode="7501", password_hash="clear-text!"))
    problem = refused.value.problem
    assert problem.code == "registration.incomplete"
    for field in ("phone", "postcode", "password"):
        assert field in problem.params["fields"]
    assert (
        not list(settings.mail_outbox_dir.glob("*.eml"))
        if settings.mail_outbox_dir.exists()
        else True
    )


def test_form_values_are_normalised_before_they_are_stored(service, make_form):
    service.pre_register(
        make_form(
            email=" Lila@Orange.FR",
            country="allemagne",
            postcode="10115",
            trust_question="3",
            street_number="4b",
        )
    )
    with service.sessions() as session:
        row = session.scalar(select(Registration))
    assert (row.email, row.country, row.trust_question, row.street_number) == (
        "Lila@orange.fr",
        "DE",
        "pet_name",
        "4B",
    )


def test_when_mail_cannot_be_sent_nothing_is_recorded(settings, clock, make_form):
    from account.mail import MailError
    from account.service import AccountService

    class BrokenMailer:
        def send(self, message):
            raise MailError("connection refused")

    service = AccountService(settings, clock=clock, mailer=BrokenMailer())
    with pytest.raises(Refused) as refused:
        service.pre_register(make_form())
    assert refused.value.problem.code == "registration.mail_failed"
    assert service.check_login_email("lila.rosemonde@orange.fr").ok  # the address is still free


@pytest.mark.parametrize(
    "address, code, phrase_fr, phrase_en",
    [
        (
            "ancien.certificat@cabinet-exemple.fr",
            "email.certificate_sole",
            "conserver votre adresse électronique habituelle",
            "keep your regular email address",
        ),
        (
            "Accueil@cabinet-partage.fr",
            "email.certificate_shared",
            "choisir une autre adresse électronique que l'habituelle",
            "choose a different email address than your regular one",
        ),
    ],
)
def test_certificate_accounts_get_the_seeds_guidance(
    service, make_form, address, code, phrase_fr, phrase_en
):
    assert service.load_certificate_accounts("fixtures/certificate_accounts.csv") == 4
    assert service.load_certificate_accounts("fixtures/certificate_accounts.csv") == 0  # idempotent
    problem = service.check_login_email(address).problem
    assert problem.code == code
    assert phrase_fr in problem.text("fr") and phrase_en in problem.text("en")
    assert "accès sans certificat" in problem.text("fr")
    with pytest.raises(Refused) as refused:
        service.pre_register(make_form(email=address))
    assert refused.value.problem.code == code


def test_bad_certificate_csv_is_reported_with_its_line(service, tmp_path):
    bad = tmp_path / "bad.csv"
    bad.write_text("email,holder\nok@exemple.fr,Ann\nnot-an-address,Bob\n", encoding="utf-8")
    with pytest.raises(ValueError, match="bad.csv:3"):
        service.load_certificate_accounts(bad)
