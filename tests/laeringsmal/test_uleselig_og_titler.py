"""Issue 20, what people see: an arena whose LM text has a piece that could not be read is never "Fullført" and its
count is said to be uncertain (søker, caseworker, PDF); titles and sections wherever codes are shown."""

import datetime as dt

import pytest
from django.urls import reverse

from soknader import dokumenter
from soknader.models import Laeringsarena
from soknader.services import refresh
from tests.soknader.factories import KomplettSoknadFactory, saksbehandler_bruker, soker_for

pytestmark = pytest.mark.django_db


def _arena_post(**kwargs):
    return {"type": "fastlege", "plassering": "egen", "ny_veileder": "False", "supervisjon": ["til_stede"], **kwargs}


def _soknad_with_arena(client, laeringsmal, soknadsdato=dt.date(2026, 6, 1)):
    soknad = KomplettSoknadFactory(soknadsdato=soknadsdato)
    client.force_login(soker_for(soknad.virksomhet))
    response = client.post(
        reverse("soknader:ny_laeringsarena", args=[soknad.pk]), _arena_post(laeringsmal=laeringsmal), follow=True
    )
    return soknad, response.content.decode()


def test_an_unreadable_piece_makes_the_save_a_warning_the_section_ma_sjekkes_and_the_count_uncertain(client):
    soknad, page = _soknad_with_arena(client, "ALM 12 og alle kardiologiske; FKM 1-14")
    assert "alert-warning" in page and "deler av læringsmålene kunne ikke leses og er ikke telt med" in page
    assert "«alle kardiologiske»" in page
    oppgaver = client.get(reverse("soknader:oppgaver", args=[soknad.pk])).content.decode()
    status = oppgaver[oppgaver.index('id="status-laeringsarenaer"') :][:200]
    assert "Må sjekkes" in status and "Fullført" not in status
    se_over = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    assert 'id="dekning-usikker"' in se_over and "Tallene er usikre." in se_over
    assert "Deler av læringsmålene ved Fastlegekontor kunne ikke leses" in se_over
    # the caseworker sees the same
    caseworker = saksbehandler_bruker(username="sb")
    client.force_login(caseworker)
    admin = client.get(f"/admin/soknader/soknad/{soknad.pk}/change/").content.decode()
    assert "Tallene er usikre." in admin and "alle kardiologiske" in admin


def test_a_readable_text_is_fullfort_with_a_success_message(client):
    soknad, page = _soknad_with_arena(client, "Alle; FKM 1-14")
    assert "alert-success" in page and "er lagret." in page
    oppgaver = client.get(reverse("soknader:oppgaver", args=[soknad.pk])).content.decode()
    status = oppgaver[oppgaver.index('id="status-laeringsarenaer"') :][:200]
    assert "Fullført" in status
    se_over = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    assert 'id="dekning-usikker"' not in se_over


def test_the_three_misreadings_are_never_all_and_never_fullfort(client):
    soknad, _page = _soknad_with_arena(client, "ALM 12, 13, 14, ALM 2O, ALm 33-36, FKN 3 og alle KOMMUNIKASJON")
    arena = Laeringsarena.objects.get(soknad=soknad)
    assert len(arena.laeringsmal_koder) == 3 + 4 + 14
    assert [f["tekst"] for f in arena.laeringsmal_feil] == ["ALM 2O", "FKN 3"]
    assert "Meinte du «FKM 3»?" in arena.laeringsmal_feil[1]["meldinger"]["nn"]
    se_over = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    assert "Tallene er usikre." in se_over and "alert-success" not in se_over[se_over.index("dekning-tittel") :]


def test_partial_objectives_are_counted_and_shown_as_partial(client):
    soknad, _page = _soknad_with_arena(client, "Alle; FKM 1-14; ALM 055 (delvis)")
    arena = Laeringsarena.objects.get(soknad=soknad)
    assert "ALM-055" in arena.laeringsmal_koder and arena.laeringsmal_delvis == ["ALM-055"]
    assert arena.laeringsmal_feil == []
    se_over = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    assert "Kan delvis oppnås (telles med):" in se_over
    assert '<td title="delvis">◐' in se_over
    caseworker = saksbehandler_bruker(username="sb")
    client.force_login(caseworker)
    admin = client.get(f"/admin/soknader/soknad/{soknad.pk}/change/").content.decode()
    assert "<strong>Kan delvis oppnås:</strong> ALM 55" in admin and '<td title="delvis">◐' in admin


def test_the_coverage_matrix_is_grouped_by_section_with_titles(client):
    soknad, _page = _soknad_with_arena(client, "ALM 1-10")
    se_over = client.get(reverse("soknader:se_over", args=[soknad.pk])).content.decode()
    sections = [
        "21.1 Allmennmedisinsk profesjonalitet",
        "21.4 Kommunikasjon og samhandling",
        "21.6 Praksisdrift og ledelse",
        "Felles kompetansemål",
    ]
    positions = [se_over.index(f">{s}</th>") for s in sections]
    assert positions == sorted(positions)
    assert "Selvstendig kunne sikre faglig forsvarlighet av egen, klinisk praksis." in se_over


def test_the_pdf_groups_the_appendix_by_section_and_marks_partial_and_uncertain(client):
    soknad, _page = _soknad_with_arena(client, "ALM 55 (delvis), alle FKM; Alle unntatt kardiologi")
    arenaer = list(Laeringsarena.objects.filter(soknad=soknad))
    html = dokumenter.soknad_html(soknad, arenaer, versjon=1, tidspunkt=None)
    assert (
        '<tr class="lm-seksjon"><th colspan="3" scope="rowgroup" lang="nb">21.4 Kommunikasjon og samhandling</th></tr>'
        in html
    )
    assert "1 (delvis)" in html and "Tallene er usikre." in html
    assert "Kan delvis oppnås" in html


def test_the_old_common_objectives_in_a_2019_application_are_named_with_their_lm_codes(client):
    soknad, _page = _soknad_with_arena(client, "ALM 1-6, LM 13", soknadsdato=dt.date(2019, 5, 15))
    arena = Laeringsarena.objects.get(soknad=soknad)
    assert arena.laeringsmal_koder == [f"ALM-00{i}" for i in range(1, 7)] + ["LM-13"]
    assert arena.laeringsmal_feil == []
    refresh.mangler_refresh(soknad=soknad, arenaer=[arena])
    melding = soknad.mangler.get(kode="FKM_UDEKKET").melding
    assert melding.startswith("23 felles kompetansemål er ikke plassert på noen arena: LM 4, 19-23")


def test_findings_name_a_missing_institution_objective_with_its_title(client):
    soknad, _page = _soknad_with_arena(client, "Alle bortsett fra ALM 55 og 85; FKM 1-14")
    arena = Laeringsarena.objects.get(soknad=soknad)
    refresh.mangler_refresh(soknad=soknad, arenaer=[arena])
    melding = soknad.mangler.get(kode="ALM055_MANGLER").melding
    assert melding.startswith("Ingen læringsarena dekker ALM-055 Ha en godt utviklet samhandlingskompetanse")
    assert melding.endswith("….") and len(melding) < 130


def test_the_live_reading_says_back_sections_partial_and_titles_against_the_applications_date(client):
    soknad = KomplettSoknadFactory(spesialitet="ALM", soknadsdato=dt.date(2026, 6, 1))
    client.force_login(soker_for(soknad.virksomhet))
    url = reverse("soknader:tolk_laeringsmal", args=[soknad.pk])
    body = client.get(url, {"tekst": "alle innen kommunikasjon og samhandling, ALM 1 (delvis)"}).json()
    assert body["feil"] == [] and body["delvis"] == ["ALM-001"]
    assert any("21.4 Kommunikasjon og samhandling: ALM-042…055" in m["melding"] for m in body["merknader"])
    assert [g["seksjon"] for g in body["grupper"]] == [
        "21.1 Allmennmedisinsk profesjonalitet",
        "21.4 Kommunikasjon og samhandling",
    ]
    first = body["grupper"][0]["mal"][0]
    assert first["kode"] == "ALM-001" and first["delvis"] and first["tittel"].startswith("Selvstendig kunne sikre")
    # an application of 2019 is read against its own catalogue: the old common objectives LM-04 … LM-75
    gammel = KomplettSoknadFactory(virksomhet=soknad.virksomhet, spesialitet="SAM", soknadsdato=dt.date(2019, 5, 15))
    old = client.get(reverse("soknader:tolk_laeringsmal", args=[gammel.pk]), {"tekst": "LM 4, FKM"}).json()
    assert old["feil"] == [] and old["koder"][0] == "LM-04" and len(old["koder"]) == 24
    assert old["grupper"][0]["seksjon"] == "Felles kompetansemål (LM, til 28.02.2026)"
