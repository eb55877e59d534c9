from django.urls import path

from . import views

app_name = "soknader"

urlpatterns = [
    path("", views.mine_soknader, name="mine"),
    path("ny/", views.ny_soknad, name="ny"),
    path("<int:pk>/", views.oppgaver, name="oppgaver"),
    path("<int:pk>/del/<slug:seksjon>/", views.seksjon, name="seksjon"),
    path("<int:pk>/laeringsarenaer/", views.laeringsarenaer, name="laeringsarenaer"),
    path("<int:pk>/laeringsarenaer/ny/", views.laeringsarena, name="ny_laeringsarena"),
    path("<int:pk>/laeringsarenaer/<int:arena_pk>/", views.laeringsarena, name="laeringsarena"),
    path("<int:pk>/laeringsarenaer/<int:arena_pk>/slett/", views.slett_laeringsarena, name="slett_laeringsarena"),
    path("<int:pk>/laeringsmal/tolk/", views.laeringsmal_tolkning, name="tolk_laeringsmal"),
    path("<int:pk>/se-over/", views.se_over, name="se_over"),
    path("<int:pk>/kvittering/", views.kvittering, name="kvittering"),
    path("<int:pk>/slett/", views.slett_utkast, name="slett_utkast"),
    path("<int:pk>/trekk/", views.trekk, name="trekk"),
    path("<int:pk>/versjon/<int:versjon>.pdf", views.innsending_pdf, name="innsending_pdf"),
    path("<int:pk>/vedlegg/<int:vedlegg_pk>/", views.vedlegg, name="vedlegg"),
    path("<int:pk>/vedtaksbrev/<int:brev_pk>/", views.vedtaksbrev, name="vedtaksbrev"),
    path("<int:pk>/svar/", views.svar, name="svar"),
    path("<int:pk>/kopier/", views.kopier, name="kopier"),
    path("<int:pk>/laeringsarenaer/fil/", views.arenaer_fil, name="arenaer_fil"),
    path("<int:pk>/laeringsarenaer/importer/", views.arenaer_importer, name="arenaer_importer"),
]
