"""Checks that guard the whole house: migrations, one <h1> per page, static files without a CDN (the imports between
the apps: import-linter contracts in pyproject.toml)."""

import ast
import re
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.urls import reverse

from tests.soknader.factories import LaeringsarenaFactory, UserFactory, soker_for

pytestmark = pytest.mark.django_db
ROOT = Path(__file__).resolve().parent.parent


def test_no_pending_migrations():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


# The arrows between the apps (and the layers inside soknader) are import-linter contracts in pyproject.toml,
# checked by `lint-imports` in `make lint`. What they cannot say: a migration imports nothing but Django.
APPS = ["drift", "epost", "brreg", "tilgang", "laeringsmal", "soknader", "oversikt"]


def _imported_modules(path: Path) -> set[str]:
    names = set()
    for node in ast.walk(ast.parse(path.read_text(), str(path))):
        if isinstance(node, ast.Import):
            names |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
            names.add(node.module.split(".")[0])
    return names


def test_migrations_import_no_app_code():
    """A migration must give every database the same result, whenever it runs: Django only, data frozen inside."""
    wrong = [
        f"{path.relative_to(ROOT)} imports {name}"
        for app in APPS
        for path in sorted((ROOT / app / "migrations").glob("*.py"))
        for name in _imported_modules(path)
        if name != "django"
    ]
    assert not wrong, wrong


def test_kommune_register_is_loaded():
    from brreg.models import Helseregion, Kommune

    assert Kommune.objects.count() == 357
    counts = {r.navn: Kommune.objects.filter(fylke__helseregion=r).count() for r in Helseregion.objects.all()}
    assert counts == {"Nord": 80, "Midt-Norge": 65, "Vest": 66, "Sør-Øst": 146}


def test_every_page_has_exactly_one_h1(client):
    arena = LaeringsarenaFactory()
    soknad = arena.soknad
    pages = [reverse("login"), reverse("oversikt:oversikt")]
    client.force_login(soker_for(soknad.virksomhet))
    pages += [
        reverse("soknader:mine"),
        reverse("soknader:ny"),
        reverse("soknader:oppgaver", args=[soknad.pk]),
        reverse("soknader:laeringsarenaer", args=[soknad.pk]),
        reverse("soknader:ny_laeringsarena", args=[soknad.pk]),
        reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk]),
        reverse("soknader:slett_laeringsarena", args=[soknad.pk, arena.pk]),
        reverse("soknader:se_over", args=[soknad.pk]),
        reverse("soknader:kvittering", args=[soknad.pk]),
        reverse("soknader:slett_utkast", args=[soknad.pk]),
        reverse("soknader:trekk", args=[soknad.pk]),
    ] + [reverse("soknader:seksjon", args=[soknad.pk, s]) for s in ("virksomhet", "ansvar", "forhold")]
    for url in pages:
        if url in (reverse("login"), reverse("oversikt:oversikt")):
            client.logout()
        html = client.get(url).content.decode()
        assert len(re.findall(r"<h1[\s>]", html)) == 1, url
        if url == reverse("oversikt:oversikt"):
            client.force_login(soker_for(soknad.virksomhet))


def test_every_input_has_a_label(client):
    arena = LaeringsarenaFactory()
    client.force_login(soker_for(arena.soknad.virksomhet))
    for url in [reverse("soknader:seksjon", args=[arena.soknad.pk, s]) for s in ("virksomhet", "ansvar", "forhold")] + [
        reverse("soknader:laeringsarena", args=[arena.soknad.pk, arena.pk]),
        reverse("soknader:ny"),
    ]:
        html = client.get(url).content.decode()
        ids = re.findall(r'<(?:input|textarea|select)[^>]*\bid="([^"]+)"', html)
        hidden = set(re.findall(r'<input type="hidden"[^>]*id="([^"]+)"', html))
        for element_id in set(ids) - hidden:
            assert f'for="{element_id}"' in html, (url, element_id)


def test_templates_load_nothing_from_other_hosts():
    for path in (ROOT / "templates").rglob("*.html"):
        text = path.read_text()
        assert not re.search(r'(src|href)="(https?:)?//', text), path


def test_demo_data_command_prints_the_logins():
    out = StringIO()
    call_command("demodata", "--adresse", "http://127.0.0.1:8000", stdout=out)
    again = StringIO()
    call_command("demodata", stdout=again)  # idempotent, and says how many there are
    assert "Eksempelsøknader fra andre kommuner: 12 (0 nye)" in again.getvalue()
    lines = out.getvalue().splitlines()
    assert lines[-1].startswith("└") and "http://127.0.0.1:8000" in lines[-2]  # the logins and address last, boxed
    for username in ("kommune", "bht", "saksbehandler", "alis-nord"):
        assert username in "\n".join(lines[-9:])
    from epost.models import Epost

    assert not Epost.objects.exists()  # no receipts for made-up applications to made-up addresses
    from django.contrib.auth import get_user_model

    saksbehandler = get_user_model().objects.get(username="saksbehandler")
    assert saksbehandler.is_staff and saksbehandler.groups.filter(name="Saksbehandlere").exists()
    assert UserFactory._meta.model.objects.get(username="alis-nord").regiontilgang.helseregion.navn == "Nord"


def test_demo_data_refuses_to_run_under_production_settings(settings):
    """Production: DEBUG off and not the test suite. The demo users' password is in the README."""
    from django.contrib.auth import get_user_model
    from django.core.management.base import CommandError

    settings.DEBUG = False
    settings.TESTING = False
    with pytest.raises(CommandError, match="bare i utvikling"):
        call_command("demodata", stdout=StringIO())
    assert not get_user_model().objects.filter(username__in=["kommune", "saksbehandler"]).exists()
