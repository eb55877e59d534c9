from django.urls import path

from .views import arenaer, dialog, filer, innsending, oppgaver, start

app_name = "soknader"

urlpatterns = [
    path("", start.mine_soknader, name="mine"),
    path("ny/", start.ny_soknad, name="ny"),
    path("<int:pk>/", oppgaver.oppgaver, name="oppgaver"),
    path("<int:pk>/del/<slug:seksjon>/", oppgaver.seksjon, name="seksjon"),
    path("<int:pk>/laeringsarenaer/", arenaer.laeringsarenaer, name="laeringsarenaer"),
    path("<int:pk>/laeringsarenaer/ny/", arenaer.laeringsarena, name="ny_laeringsarena"),
    path("<int:pk>/laeringsarenaer/<int:arena_pk>/", arenaer.laeringsarena, name="laeringsarena"),
    path("<int:pk>/laeringsarenaer/<int:arena_pk>/slett/", arenaer.slett_laeringsarena, name="slett_laeringsarena"),
    path("<int:pk>/laeringsmal/tolk/", arenaer.laeringsmal_tolkning, name="tolk_laeringsmal"),
    path("<int:pk>/kan-ikke-soke/", oppgaver.kan_ikke_soke, name="kan_ikke_soke"),
    path("<int:pk>/se-over/", innsending.se_over, name="se_over"),
    path("<int:pk>/kvittering/", innsending.kvittering, name="kvittering"),
    path("<int:pk>/slett/", innsending.slett_utkast, name="slett_utkast"),
    path("<int:pk>/trekk/", innsending.trekk, name="trekk"),
    path("<int:pk>/versjon/<int:versjon>.pdf", filer.innsending_pdf, name="innsending_pdf"),
    path("<int:pk>/vedlegg/<int:vedlegg_pk>/", filer.vedlegg, name="vedlegg"),
    path("<int:pk>/vedtaksbrev/<int:brev_pk>/", filer.vedtaksbrev, name="vedtaksbrev"),
    path("<int:pk>/svar/", dialog.svar, name="svar"),
    path("<int:pk>/kopier/", start.kopier, name="kopier"),
    path("<int:pk>/laeringsarenaer/fil/", arenaer.arenaer_fil, name="arenaer_fil"),
    path("<int:pk>/laeringsarenaer/importer/", arenaer.arenaer_importer, name="arenaer_importer"),
]
