"""Safe by default: the production settings refuse to start without a secret key whatever else is set, pass
`check --deploy` at warning level, and every page of every app carries a Content-Security-Policy that allows no
inline script or style, and none is used."""

import os
import re
import subprocess
import sys

import pytest
from django.urls import reverse

from soknader.models import Regiontilgang
from tests.drift.appserver import ROOT
from tests.soknader.factories import (
    KomplettSoknadFactory,
    LaeringsarenaFactory,
    UserFactory,
    saksbehandler_bruker,
    soker_for,
)


def _production_env(**extra) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "DATABASE_"))}
    env.update({"DJANGO_SETTINGS_MODULE": "registrering.settings", **extra})
    return env


def _django(code: str, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", f"import django; django.setup(); {code}"],
        cwd=ROOT,
        env=_production_env(**env),
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize(
    "bypass",
    [
        {},
        {"DJANGO_TESTING": "1"},
        {"DJANGO_SECRET_KEY": ""},
        {"DJANGO_SECRET_KEY": "dev-only-insecure-key-never-use-in-production"},
    ],
)
def test_production_settings_refuse_to_start_without_a_real_secret_key(bypass):
    # pytest is importable and imported here, as it was when the old guard silently chose the development key
    result = _django("import pytest; from django.conf import settings; print(settings.SECRET_KEY)", **bypass)
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY must be set" in result.stderr


def test_check_deploy_passes_at_warning_level_under_production_settings(tmp_path):
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env=_production_env(
            DJANGO_SECRET_KEY="x7-" + "Qm9vZGxlcyBvZiBlbnRyb3B5" * 3,
            DJANGO_ALLOWED_HOSTS="asa.example.no",
            DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_redirects_to_https_trusts_the_proxy_and_sends_hsts(tmp_path):
    code = (
        "from django.test import Client; c = Client(); "
        "r = c.get('/oversikt/'); print(r.status_code, r['Location']); "
        "r = c.get('/helse/'); print(r.status_code); "
        "r = c.get('/helse/', headers={'x-forwarded-proto': 'https'}, secure=False); "
        "print(r.status_code, r['Strict-Transport-Security'])"
    )
    result = _django(
        code,
        DJANGO_SECRET_KEY="k" * 60,
        DJANGO_ALLOWED_HOSTS="testserver",
        DATABASE_URL=f"sqlite:///{tmp_path / 'db.sqlite3'}",
    )
    assert result.returncode == 0, result.stderr
    redirect, helse_plain, helse_tls = result.stdout.splitlines()
    assert redirect == "301 https://testserver/oversikt/"
    assert helse_plain.split()[0] in {"200", "503"}  # the load balancer's check is never redirected
    assert helse_tls.split(" ", 1)[1] == "max-age=31536000; includeSubDomains; preload"


INLINE = [
    (re.compile(r"<[^>]+\sstyle\s*=", re.I), "style attribute"),
    (re.compile(r"<style[\s>]", re.I), "<style> element"),
    (re.compile(r"<script(?![^>]*\ssrc=)[^>]*>", re.I), "inline <script>"),
    (re.compile(r"<[^>]+\son[a-z]+\s*=", re.I), "event handler attribute"),
    (re.compile(r"javascript:", re.I), "javascript: URL"),
]


def _assert_strict_csp(response, url):
    policy = response.headers.get("Content-Security-Policy", "")
    directives = dict((d.strip().split(" ", 1) + [""])[:2] for d in policy.split(";") if d.strip())
    assert directives.get("script-src") == "'self'" and directives.get("style-src") == "'self'", (url, policy)
    assert "unsafe-inline" not in policy and "unsafe-eval" not in policy, (url, policy)
    html = response.content.decode()
    for pattern, what in INLINE:
        found = pattern.search(html)
        assert not found, f"{url}: {what}: {found.group(0)[:120] if found else ''}"


@pytest.mark.django_db
def test_every_page_of_every_app_has_a_strict_csp_and_no_inline_script_or_style(client):
    arena = LaeringsarenaFactory(
        soknad=KomplettSoknadFactory(
            anmodning="Send avtalen\nmed HF", status="anmodning_sendt", referanse="ASA-2026-00001"
        )
    )
    soknad = arena.soknad
    anonymous = [
        reverse("login"),
        reverse("admin:login"),
        reverse("oversikt:oversikt"),
        reverse("laeringsmal:katalog"),
        "/helse/",
    ]
    for url in anonymous:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_strict_csp(response, url)

    client.force_login(soker_for(soknad.virksomhet))
    soker = [
        reverse("soknader:mine"),
        reverse("soknader:ny"),
        reverse("soknader:oppgaver", args=[soknad.pk]),
        reverse("soknader:laeringsarenaer", args=[soknad.pk]),
        reverse("soknader:se_over", args=[soknad.pk]),
        reverse("soknader:laeringsarena", args=[soknad.pk, arena.pk]),
        reverse("soknader:ny_laeringsarena", args=[soknad.pk]),
        reverse("soknader:trekk", args=[soknad.pk]),
    ]
    soker += [reverse("soknader:seksjon", args=[soknad.pk, s]) for s in ("virksomhet", "ansvar", "forhold")]
    for url in soker:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_strict_csp(response, url)

    alis = UserFactory(username="alis")
    from brreg.models import Helseregion

    Regiontilgang.objects.create(bruker=alis, helseregion=Helseregion.objects.get(kode="nord"))
    client.force_login(alis)
    for url in [reverse("oversikt:region"), reverse("oversikt:region_soknad", args=[soknad.pk])]:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_strict_csp(response, url)

    saksbehandler = saksbehandler_bruker(username="sb")
    client.force_login(saksbehandler)
    for url in [
        reverse("admin:index"),
        reverse("admin:soknader_soknad_changelist"),
        reverse("admin:soknader_soknad_change", args=[soknad.pk]),
        reverse("admin:epost_epost_changelist"),
    ]:
        response = client.get(url)
        assert response.status_code == 200, url
        _assert_strict_csp(response, url)
